import Parser from 'rss-parser';
import { FeedError } from './errors';
import type { RawFeed, RawItem } from './raw-item';

type Loose = Record<string, unknown>;

const BROKEN = Symbol('broken item');

/**
 * rss-parser turns RSS 0.9x/1.0 (RDF)/2.0 and Atom into one shape, but one odd item can make it
 * throw for the whole feed (Atom `new Date(bad).toISOString()`, a <link> without href). We wrap
 * its per-item builders so a broken item is marked and skipped, and read Atom dates ourselves.
 */
function lenientParser(): Parser {
  const parser = new Parser({ xml2js: { strict: true } });
  const internals = parser as unknown as {
    parseItemAtom(entry: Loose): Loose;
    parseItemRss(item: Loose, fields: unknown): Loose;
  };
  const atom = internals.parseItemAtom.bind(parser);
  const rss = internals.parseItemRss.bind(parser);

  internals.parseItemAtom = (entry) => {
    try {
      const { published, updated, link, ...rest } = entry;
      const links = Array.isArray(link) ? link.filter((l) => typeof (l as { $?: { href?: unknown } })?.$?.href === 'string') : [];
      const item = atom(links.length > 0 ? { ...rest, link: links } : rest);
      return { ...item, atomPublished: first(published), atomUpdated: first(updated) };
    } catch {
      return { [BROKEN]: true };
    }
  };
  internals.parseItemRss = (item, fields) => {
    try {
      return rss(item, fields);
    } catch {
      return { [BROKEN]: true };
    }
  };
  return parser;
}

function first(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

/** Reads RSS or Atom XML (already vetted by inspectXml) into raw items. */
export async function readXmlFeed(xml: string, feedUrl: string): Promise<RawFeed> {
  let out: Loose & { items?: Loose[] };
  try {
    out = (await lenientParser().parseString(xml)) as unknown as Loose & { items?: Loose[] };
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message.split('\n').slice(0, 3).join(' ') : String(cause);
    throw new FeedError(
      'parse-error',
      `${feedUrl} is not well-formed RSS or Atom (${detail.slice(0, 300)}). Open it in a browser or a feed validator; if the publisher's feed is broken, tell them or use a different feed.`,
      { url: feedUrl },
      { cause },
    );
  }
  const items: RawItem[] = [];
  for (const item of out.items ?? []) {
    if (!item || typeof item !== 'object' || (item as Record<symbol, unknown>)[BROKEN]) continue;
    items.push({
      // RSS guid, Atom id, RDF rdf:about
      guid: item.guid ?? item.id ?? item['rdf:about'],
      link: item.link,
      title: item.title,
      html: item['content:encoded'] ?? item.content ?? item.summary,
      // RSS author/dc:creator land in `creator`; Atom author name in `author`.
      author: item.creator ?? item.author,
      dates: [item.atomPublished, item.pubDate, item.date, item.atomUpdated],
    });
  }
  return { title: out.title, items };
}
