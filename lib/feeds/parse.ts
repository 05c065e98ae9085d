import { z } from 'zod';
import { canonicalizeUrl, itemKeyFor } from './canonical';
import { decodeText } from './charset';
import { readJsonFeed } from './json-feed';
import type { RawFeed, RawItem } from './raw-item';
import { htmlToPlainText, parseFeedDate, plainText, stripInvisible } from './text';
import type { FeedItem, ParsedFeed } from './types';
import { inspectXml } from './xml-guard';
import { readXmlFeed } from './xml-feed';

export interface ParseFeedOptions {
  /** Address the feed was fetched from (final URL after redirects): used in messages and to resolve relative links. */
  feedUrl: string;
  contentType?: string;
  /** Items kept, in feed order. Default 100. */
  maxItems?: number;
  /** Cap on each item's text. Default 20 000 characters. */
  maxTextChars?: number;
  /** Reference time for rejecting far-future dates. Default: now. */
  now?: Date;
}

const MAX_TITLE_CHARS = 1_000;
const MAX_AUTHOR_CHARS = 200;
const MAX_GUID_CHARS = 1_000;
const MAX_LINK_CHARS = 4_096;

const isHttpUrl = (u: string) => /^https?:\/\//i.test(u);

const itemSchemas = new Map<number, ReturnType<typeof feedItemSchema>>();
/** Building a zod schema costs more than validating with it, so each cap's schema is built once. */
function cachedItemSchema(maxTextChars: number) {
  let schema = itemSchemas.get(maxTextChars);
  if (!schema) itemSchemas.set(maxTextChars, (schema = feedItemSchema(maxTextChars)));
  return schema;
}

function feedItemSchema(maxTextChars: number) {
  const HttpLink = z.string().max(MAX_LINK_CHARS).url().refine(isHttpUrl, 'must be http(s)');
  return z
    .object({
      itemKey: z.string().min(5).max(1_024),
      guid: z.string().min(1).max(MAX_GUID_CHARS).optional(),
      link: HttpLink.optional(),
      canonicalUrl: HttpLink.optional(),
      title: z.string().max(MAX_TITLE_CHARS),
      text: z.string().max(maxTextChars),
      author: z.string().min(1).max(MAX_AUTHOR_CHARS).optional(),
      publishedAt: z.iso.datetime().optional(),
    })
    .strict()
    .refine((i) => i.title !== '' || i.text !== '', 'item has neither title nor text');
}

/**
 * XML parsers hand back strings, `{ _: text, $: attrs }` objects for elements with attributes,
 * or nested objects for elements holding markup. Only real text is used; anything else is dropped.
 */
function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return asText(value[0]);
  if (value && typeof value === 'object' && '_' in value) return asText((value as { _: unknown })._);
  return undefined;
}

/** An absolute http(s) link, resolving relative ones against the feed address. */
function asLink(value: unknown, feedUrl: string): string | undefined {
  const text = asText(value)?.trim();
  if (!text || text.length > MAX_LINK_CHARS) return undefined;
  try {
    const url = new URL(stripInvisible(text), feedUrl);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

interface Candidate extends Omit<FeedItem, 'itemKey'> {}

function normalise(raw: RawItem, feedUrl: string, maxTextChars: number, now: Date): Candidate {
  const guidText = asText(raw.guid);
  const guid = guidText === undefined ? undefined : plainText(guidText, MAX_GUID_CHARS + 1, true);
  // RSS items sometimes carry their permalink only in <guid>.
  const link = asLink(raw.link, feedUrl) ?? (guid && isHttpUrl(guid) ? asLink(guid, feedUrl) : undefined);
  const canonicalUrl = link ? canonicalizeUrl(link) : undefined;
  const title = htmlToPlainText(asText(raw.title) ?? '', MAX_TITLE_CHARS, true);
  const html = asText(raw.html);
  const body = asText(raw.text);
  const text = html !== undefined ? htmlToPlainText(html, maxTextChars) : plainText(body ?? '', maxTextChars);
  const authorText = asText(raw.author);
  const author = authorText === undefined ? undefined : htmlToPlainText(authorText, MAX_AUTHOR_CHARS, true);
  const publishedAt = raw.dates.map((d) => parseFeedDate(asText(d), now)).find((d) => d !== undefined);
  return {
    ...(guid && guid.length <= MAX_GUID_CHARS ? { guid } : {}),
    ...(link ? { link } : {}),
    ...(canonicalUrl ? { canonicalUrl } : {}),
    title,
    text,
    ...(author ? { author } : {}),
    ...(publishedAt ? { publishedAt } : {}),
  };
}

/**
 * A link identifies an item only when no other item of the same feed shares it and it is more
 * than a site's home page; some feeds point every item at their front page.
 */
function identifyingLink(candidate: Candidate, linkCounts: Map<string, number>): string | undefined {
  const url = candidate.canonicalUrl;
  if (!url || (linkCounts.get(url) ?? 0) > 1) return undefined;
  const parsed = new URL(url);
  return parsed.pathname === '/' && parsed.search === '' ? undefined : url;
}

function looksLikeJson(text: string, contentType: string | undefined): boolean {
  const start = text.trimStart()[0];
  return start === '{' || (start === '[' && /json/i.test(contentType ?? ''));
}

/**
 * Parses feed bytes (RSS 0.9x/1.0/2.0, Atom, JSON Feed 1.x) into normalised, validated items.
 * Pure: no I/O. Throws FeedError 'not-a-feed' (web pages, other documents) or 'parse-error'
 * (broken or hostile XML/JSON); a single bad item is skipped rather than failing the feed.
 */
export async function parseFeed(body: Uint8Array, opts: ParseFeedOptions): Promise<ParsedFeed> {
  const maxItems = opts.maxItems ?? 100;
  const maxTextChars = opts.maxTextChars ?? 20_000;
  const now = opts.now ?? new Date();
  const text = decodeText(body, opts.contentType);

  let raw: RawFeed;
  if (looksLikeJson(text, opts.contentType)) {
    raw = readJsonFeed(text, opts.feedUrl);
  } else {
    const { xml } = inspectXml(text, opts.feedUrl, opts.contentType);
    raw = await readXmlFeed(xml, opts.feedUrl);
  }

  const schema = cachedItemSchema(maxTextChars);
  const candidates: Candidate[] = [];
  for (const item of raw.items) {
    if (candidates.length >= maxItems) break;
    const c = normalise(item, opts.feedUrl, maxTextChars, now);
    if (c.title !== '' || c.text !== '') candidates.push(c);
  }

  const linkCounts = new Map<string, number>();
  for (const c of candidates) if (c.canonicalUrl) linkCounts.set(c.canonicalUrl, (linkCounts.get(c.canonicalUrl) ?? 0) + 1);

  const items: FeedItem[] = [];
  const seenKeys = new Set<string>();
  for (const c of candidates) {
    const itemKey = itemKeyFor({ guid: c.guid, canonicalUrl: identifyingLink(c, linkCounts), title: c.title, text: c.text });
    if (seenKeys.has(itemKey)) continue;
    const checked = schema.safeParse({ itemKey, ...c });
    if (!checked.success) continue;
    seenKeys.add(itemKey);
    items.push(checked.data);
  }

  const title = asText(raw.title);
  const feedTitle = title === undefined ? '' : htmlToPlainText(title, 500, true);
  return { ...(feedTitle ? { title: feedTitle } : {}), items };
}
