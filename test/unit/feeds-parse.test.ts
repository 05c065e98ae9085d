import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FeedError } from '../../lib/feeds/errors';
import { parseFeed } from '../../lib/feeds/parse';
import type { FeedItem } from '../../lib/feeds/types';

const NOW = new Date('2024-06-10T00:00:00Z');
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/feeds/${name}`, import.meta.url)));
const parse = (name: string, extra: { contentType?: string; maxItems?: number; maxTextChars?: number } = {}) =>
  parseFeed(fixture(name), { feedUrl: `https://feeds.example/${name}`, now: NOW, ...extra });

async function failure(name: string, extra: { contentType?: string } = {}): Promise<FeedError> {
  try {
    await parse(name, extra);
  } catch (err) {
    expect(err).toBeInstanceOf(FeedError);
    return err as FeedError;
  }
  throw new Error(`${name} parsed but was expected to fail`);
}

const byTitle = (items: FeedItem[], title: string) => {
  const item = items.find((i) => i.title === title);
  if (!item) throw new Error(`no item titled ${title}; have ${items.map((i) => i.title).join(' | ')}`);
  return item;
};

describe('parseFeed: formats', () => {
  it('reads RSS 2.0 with HTML descriptions, entities, tracking links and BST dates', async () => {
    const feed = await parse('rss2.xml');
    expect(feed.title).toBe('Harlow Fen Gazette & Echo');
    expect(feed.items).toHaveLength(3);
    const [first, second, third] = feed.items as [FeedItem, FeedItem, FeedItem];
    expect(first).toEqual({
      itemKey: 'url:https://gazette.example/news/sports-hall?id=42',
      guid: 'gazette-42',
      link: 'https://gazette.example/news/sports-hall?utm_source=rss&utm_medium=feed&id=42#comments',
      canonicalUrl: 'https://gazette.example/news/sports-hall?id=42',
      title: 'Northgate Park Academy & the new sports hall',
      text: 'The sports hall at Northgate Park opened today.\n\nParents said it was “long overdue”.',
      author: 'Jane Reporter',
      publishedAt: '2024-06-04T08:30:00.000Z',
    });
    // content:encoded (the full article) wins over the description.
    expect(second.text).toBe('Full article: the governors met on Monday.');
    expect(third.itemKey).toMatch(/^hash:[0-9a-f]{64}$/);
    expect(third.link).toBeUndefined();
  });

  it('reads RSS 1.0 / RDF with dc:date and dc:creator', async () => {
    const feed = await parse('rdf.xml');
    expect(feed.title).toBe('Council notices');
    expect(feed.items.map((i) => i.title)).toEqual(['School transport consultation', 'Road closure']);
    expect(feed.items[0]).toMatchObject({
      link: 'https://council.example/notice/1',
      author: 'Council Press Office',
      publishedAt: '2024-05-01T08:00:00.000Z',
      text: 'Consultation on transport to Northgate Park Academy.',
    });
    expect(feed.items[1]?.publishedAt).toBe('2024-05-02T09:15:00.000Z');
  });

  it('reads Atom, surviving bad dates and links without href', async () => {
    const feed = await parse('atom.xml');
    expect(feed.title).toBe('Parents’ Forum');
    expect(feed.items).toHaveLength(3);
    expect(byTitle(feed.items, 'Uniform policy at Northgate')).toMatchObject({
      link: 'https://forum.example/t/uniform',
      guid: 'tag:forum.example,2024:uniform',
      author: 'Concerned Parent',
      text: 'Is anyone else annoyed by the new uniform?',
      publishedAt: '2024-06-01T10:00:00.000Z',
    });
    const xhtml = byTitle(feed.items, 'XHTML content entry');
    expect(xhtml.text).toBe('Hello world');
    expect(xhtml.publishedAt).toBeUndefined();
    const noHref = byTitle(feed.items, 'Entry whose link has no href');
    expect(noHref.link).toBeUndefined();
    expect(noHref.itemKey).toBe('guid:tag:forum.example,2024:nohref');
    expect(noHref.publishedAt).toBe('2024-05-30T09:00:00.000Z');
  });

  it('reads JSON Feed 1.1 and skips items that break the spec', async () => {
    const feed = await parse('jsonfeed.json', { contentType: 'application/feed+json' });
    expect(feed.title).toBe('Micro blog');
    expect(feed.items).toHaveLength(2);
    expect(feed.items[0]).toMatchObject({
      guid: '1',
      canonicalUrl: 'https://micro.example/posts/1',
      text: 'Year 6 from Northgate Park visited the museum.',
      author: 'Micro Author',
      publishedAt: '2024-06-02T08:00:00.000Z',
    });
    expect(feed.items[1]).toMatchObject({ guid: '2', title: '', text: 'Plain text post with a zero-width space and a RLO override.' });
    expect(feed.items[1]?.publishedAt).toBeUndefined();
  });

  it('tolerates an RSS 0.91 external DOCTYPE (no entities, never fetched)', async () => {
    const feed = await parse('rss091-doctype.xml');
    expect(feed.items.map((i) => i.title)).toEqual(['Sports day results']);
  });
});

describe('parseFeed: character sets', () => {
  it('decodes windows-1252 from the XML declaration (curly quotes, dash, pound)', async () => {
    const feed = await parse('cp1252.xml');
    expect(feed.title).toBe('Café news');
    expect(feed.items[0]?.title).toBe('“Outstanding” – fees up £5');
    expect(feed.items[0]?.text).toBe('Naïve café');
  });

  it('lets the Content-Type charset win over the declaration, with ISO-8859-1 meaning windows-1252', async () => {
    const feed = await parse('cp1252.xml', { contentType: 'application/rss+xml; charset=ISO-8859-1' });
    expect(feed.items[0]?.title).toBe('“Outstanding” – fees up £5');
  });
});

describe('parseFeed: hostile and broken input', () => {
  it('refuses billion laughs before parsing', async () => {
    const err = await failure('billion-laughs.xml');
    expect(err.code).toBe('parse-error');
    expect(err.message).toMatch(/DOCTYPE or ENTITY/);
  });

  it.each(['xxe.xml', 'xxe-parameter-entity.xml'])('refuses XXE in %s', async (name) => {
    const err = await failure(name);
    expect(err.code).toBe('parse-error');
    expect(err.message).not.toMatch(/root:/); // nothing from /etc/passwd
  });

  it('refuses nesting deeper than 100 elements', async () => {
    const err = await failure('deep-nesting.xml');
    expect(err.code).toBe('parse-error');
    expect(err.message).toMatch(/100 levels/);
  });

  it('says a web page is not a feed and how to find the feed', async () => {
    const err = await failure('html-page.html', { contentType: 'text/html; charset=utf-8' });
    expect(err.code).toBe('not-a-feed');
    expect(err.message).toMatch(/web page, not a feed; look for its RSS link/);
  });

  it('says other XML is not a feed', async () => {
    const err = await failure('not-a-feed.xml');
    expect(err.code).toBe('not-a-feed');
    expect(err.message).toMatch(/<urlset>/);
  });

  it('reports malformed XML as a parse error naming the feed', async () => {
    const err = await failure('broken.xml');
    expect(err.code).toBe('parse-error');
    expect(err.message).toMatch(/https:\/\/feeds\.example\/broken\.xml is not well-formed/);
  });

  it('refuses JSON that is not a JSON Feed, and empty bodies', async () => {
    await expect(parseFeed(new TextEncoder().encode('{"hello": "world"}'), { feedUrl: 'https://x.example/' })).rejects.toMatchObject({ code: 'not-a-feed' });
    await expect(parseFeed(new TextEncoder().encode('{not json'), { feedUrl: 'https://x.example/' })).rejects.toMatchObject({ code: 'parse-error' });
    await expect(parseFeed(new Uint8Array(), { feedUrl: 'https://x.example/' })).rejects.toMatchObject({ code: 'not-a-feed' });
  });

  it('keeps only sane dates', async () => {
    const feed = await parse('malformed-dates.xml');
    const dates = Object.fromEntries(feed.items.map((i) => [i.title, i.publishedAt]));
    expect(dates).toEqual({
      'good rfc822': '2024-06-05T14:00:00.000Z',
      garbage: undefined,
      empty: undefined,
      'far future': undefined,
      ancient: undefined,
      'impossible day': undefined,
      'no zone': '2024-06-05T14:00:00.000Z',
      'with attribute': '2024-06-05T14:00:00.000Z',
    });
  });

  it('keeps only http(s) links and never crashes on a <link> holding markup', async () => {
    const feed = await parse('link-markup.xml');
    const links = Object.fromEntries(feed.items.map((i) => [i.title, i.link]));
    expect(links).toEqual({
      'markup in link': undefined,
      'javascript link': undefined,
      'relative link': 'https://feeds.example/news/relative',
      'link with attribute': 'https://links.example/attr',
      'data link': 'https://links.example/from-guid',
      'spaces and tabs': 'https://links.example/spaced',
    });
    expect(byTitle(feed.items, 'markup in link').itemKey).toBe('guid:lm-1');
  });

  it('turns script-laden titles and descriptions into inert plain text', async () => {
    const feed = await parse('script-title.xml');
    expect(feed.title).toBe('Hostile text');
    expect(feed.items[0]).toMatchObject({ title: 'Headline with tabs and newlines', text: 'Visible text' });
    expect(feed.items[1]).toMatchObject({ title: 'Image title', text: 'bidi override and softhyphen and bell' });
    for (const item of feed.items) {
      expect(`${item.title} ${item.text}`).not.toMatch(/[<>]|alert|steal|display:none|hidden|[\u0000-\u0008\u200b\u202e\u00ad]/);
    }
  });
});

describe('parseFeed: identity and limits', () => {
  it('gives the same article from Google News and Bing News the same key', async () => {
    const google = await parse('google-news.xml');
    const bing = await parse('bing-news.xml');
    expect(google.items[0]?.canonicalUrl).toBe('https://www.harlowfenecho.example/news/northgate-inspection');
    expect(google.items[0]?.itemKey).toBe(bing.items[0]?.itemKey);
    expect(google.items[0]?.itemKey).toBe('url:https://www.harlowfenecho.example/news/northgate-inspection');
  });

  it('does not merge distinct posts that share a link, and drops repeats', async () => {
    const feed = await parse('shared-links.xml');
    expect(feed.items.map((i) => i.itemKey)).toEqual(['guid:club-1', 'guid:club-2', 'guid:club-3']);
  });

  it('caps items and text length', async () => {
    const items = Array.from({ length: 30 }, (_, i) => `<item><title>Item ${i}</title><link>https://cap.example/${i}</link><description>${'word '.repeat(200)}</description></item>`).join('');
    const xml = `<?xml version="1.0"?><rss version="2.0"><channel><title>Cap</title>${items}</channel></rss>`;
    const feed = await parseFeed(new TextEncoder().encode(xml), { feedUrl: 'https://cap.example/feed', maxItems: 10, maxTextChars: 50 });
    expect(feed.items).toHaveLength(10);
    expect(feed.items.map((i) => i.title)).toEqual(Array.from({ length: 10 }, (_, i) => `Item ${i}`));
    for (const item of feed.items) expect(item.text.length).toBeLessThanOrEqual(50);
  });

  it('skips items with neither title nor text', async () => {
    const xml = '<rss version="2.0"><channel><title>x</title><item><link>https://e.example/1</link></item><item><title>kept</title></item></channel></rss>';
    const feed = await parseFeed(new TextEncoder().encode(xml), { feedUrl: 'https://e.example/feed' });
    expect(feed.items.map((i) => i.title)).toEqual(['kept']);
  });
});
