import { createHash } from 'node:crypto';

/**
 * Canonical article addresses and item identity, so the same article reached through Google
 * News, Bing News, a Google Alert and the publisher's own feed is recognised as one mention.
 */

/** Query parameters that only track the click, never select content. Compared case-insensitively. */
const TRACKING_PARAMS = new Set([
  'fbclid', 'gclid', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'twclid', 'igshid', 'igsh',
  'mc_cid', 'mc_eid', 'mkt_tok', '_hsenc', '_hsmi', 'hsctatracking',
  'ref', 'ref_src', 'ref_url', 'referrer', 'ocid', 'cmpid', 'cmp', 'spm', 'share', 'smid',
  '_ga', '_gl', 'oly_anon_id', 'oly_enc_id', 'vero_id', 'wt.mc_id', 'at_medium', 'at_campaign',
  'at_custom1', 'at_custom2', 'at_custom3', 'at_custom4', 'at_link_id', 'at_link_origin', 'at_format',
  'at_bbc_team', 'at_ptr_name', 'at_link_type',
]);
const TRACKING_PREFIXES = ['utm_', 'itm_', 'pk_', 'mtm_'];

function isTrackingParam(name: string, host: string): boolean {
  const n = name.toLowerCase();
  if (TRACKING_PARAMS.has(n) || TRACKING_PREFIXES.some((p) => n.startsWith(p))) return true;
  // Google News appends ?oc=5 (and hl/gl/ceid) to every article link; they do not pick the article.
  return host === 'news.google.com' && ['oc', 'hl', 'gl', 'ceid'].includes(n);
}

function parseHttpUrl(text: string | undefined): URL | undefined {
  if (!text) return undefined;
  try {
    const url = new URL(text.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/** The article URL an aggregator redirect link points at, or undefined when `url` is not one. */
function unwrapRedirect(url: URL): URL | undefined {
  const host = url.hostname;
  const path = url.pathname.toLowerCase();
  const param = (name: string) => parseHttpUrl(url.searchParams.get(name) ?? undefined);

  // Bing News: https://www.bing.com/news/apiclick.aspx?ref=FexRss&aid=&tid=…&url=<article>&c=…
  if ((host === 'bing.com' || host.endsWith('.bing.com')) && path.endsWith('/apiclick.aspx')) return param('url');
  // Google search / Google Alerts: https://www.google.com/url?rct=j&sa=t&url=<article>&… (or q=)
  if (/^(www\.)?google\.[a-z.]+$/.test(host) && path === '/url') return param('url') ?? param('q');
  if (host === 'news.google.com') {
    // Older Google News links carried the article in url=.
    const direct = param('url');
    if (direct) return direct;
    return decodeGoogleNewsArticle(url);
  }
  return undefined;
}

/**
 * Google News RSS links look like https://news.google.com/rss/articles/CBMi…?oc=5. Older ids are
 * base64url protobuf holding the article URL in clear, which we extract; newer ids are opaque
 * (resolving them needs a request to Google), so those stay as the Google News link.
 */
function decodeGoogleNewsArticle(url: URL): URL | undefined {
  const id = /\/articles\/([A-Za-z0-9_-]+)/.exec(url.pathname)?.[1];
  if (!id) return undefined;
  const bytes = Buffer.from(id, 'base64url').toString('latin1');
  const found = /https?:\/\/[\x21-\x7e]+/.exec(bytes)?.[0];
  return parseHttpUrl(found);
}

/**
 * The canonical form of an article link: aggregator redirects unwrapped, host lower-cased
 * (WHATWG URL does that and drops default ports), fragment and tracking parameters removed.
 * Undefined for anything that is not an http(s) URL.
 */
export function canonicalizeUrl(link: string): string | undefined {
  let url = parseHttpUrl(link);
  if (!url) return undefined;
  // A redirect can wrap another redirect (Google Alert → Bing → article); bound the unwrapping.
  for (let i = 0; i < 3; i++) {
    const inner = unwrapRedirect(url);
    if (!inner) break;
    url = inner;
  }
  url.hash = '';
  for (const name of [...url.searchParams.keys()]) {
    if (isTrackingParam(name, url.hostname)) url.searchParams.delete(name);
  }
  // URLSearchParams re-serialises the query, so only touch it when something was removed.
  if (url.search === '?') url.search = '';
  return url.href;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** Keys end up in DynamoDB sort keys (1 KiB limit), so long values are replaced by their hash. */
const MAX_KEY_VALUE_BYTES = 400;
function keyPart(value: string): string {
  return Buffer.byteLength(value, 'utf8') > MAX_KEY_VALUE_BYTES ? `sha256:${sha256(value)}` : value;
}

export interface ItemIdentity {
  guid?: string;
  canonicalUrl?: string;
  title: string;
  text: string;
}

/**
 * The dedupe key of an item.
 *
 * The canonical link comes first, deliberately ahead of the guid: every aggregator mints its own
 * guid for the same article (Google News, Bing and the publisher all differ), while the
 * unwrapped, de-tracked link is shared, so `url:` is what makes one article from two sources one
 * mention. The guid is the fallback for items without a usable link, then a hash of the content.
 * parseFeed withholds the link from this function when it cannot identify the item (several
 * items of one feed sharing it, or a bare site home page), so distinct posts are never merged.
 */
export function itemKeyFor(item: ItemIdentity): string {
  if (item.canonicalUrl) return `url:${keyPart(item.canonicalUrl)}`;
  const guid = item.guid?.trim();
  if (guid) return `guid:${keyPart(guid)}`;
  return `hash:${sha256(`${item.title}\n${item.text}`)}`;
}
