import { z } from 'zod';
import { FeedError } from './errors';
import { notAFeed } from './xml-guard';
import type { RawFeed, RawItem } from './raw-item';

const JsonFeed = z.object({
  version: z.string().regex(/^https?:\/\/jsonfeed\.org\/version\/1(\.\d+)?\/?$/),
  title: z.string().optional(),
  items: z.array(z.unknown()),
});

const Author = z.object({ name: z.string().optional() });

const JsonFeedItem = z.object({
  id: z.union([z.string(), z.number()]).optional(),
  url: z.string().optional(),
  external_url: z.string().optional(),
  title: z.string().optional(),
  content_html: z.string().optional(),
  content_text: z.string().optional(),
  summary: z.string().optional(),
  date_published: z.string().optional(),
  date_modified: z.string().optional(),
  author: Author.optional(), // JSON Feed 1.0
  authors: z.array(Author).optional(), // JSON Feed 1.1
});

/** Reads a JSON Feed 1.x document; items that do not match the spec are skipped, not fatal. */
export function readJsonFeed(text: string, feedUrl: string): RawFeed {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (cause) {
    throw new FeedError('parse-error', `${feedUrl} returned invalid JSON. Check the address points at a JSON Feed, RSS or Atom feed.`, { url: feedUrl }, { cause });
  }
  const feed = JsonFeed.safeParse(doc);
  if (!feed.success) throw notAFeed(feedUrl, 'JSON that is not a JSON Feed (version 1.x)');

  const items: RawItem[] = [];
  for (const entry of feed.data.items) {
    const parsed = JsonFeedItem.safeParse(entry);
    if (!parsed.success) continue;
    const i = parsed.data;
    items.push({
      guid: i.id === undefined ? undefined : String(i.id),
      link: i.url ?? i.external_url,
      title: i.title,
      html: i.content_html,
      text: i.content_text ?? i.summary,
      author: i.authors?.[0]?.name ?? i.author?.name,
      dates: [i.date_published, i.date_modified],
    });
  }
  return { title: feed.data.title, items };
}
