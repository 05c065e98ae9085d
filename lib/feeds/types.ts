/** One item of a feed after parsing and normalisation: plain text, capped, with a stable identity. */
export interface FeedItem {
  /**
   * Stable identity used for dedupe: `url:<canonical link>` when the link identifies the item,
   * else `guid:<guid>`, else `hash:<sha256 of title+text>`. The link comes first because
   * aggregators mint different guids for the same article (see itemKeyFor in canonical.ts).
   */
  itemKey: string;
  /** The feed's own id for the item (guid / Atom id / JSON Feed id), if it had one. */
  guid?: string;
  /** The item's link exactly as found in the feed (http/https only). */
  link?: string;
  /** The link with tracking parameters removed and news-aggregator redirects unwrapped. */
  canonicalUrl?: string;
  title: string;
  /** Plain text of the item (HTML stripped, entities decoded, control characters removed, size-capped). */
  text: string;
  author?: string;
  /** ISO-8601 UTC, when the feed gave a parseable date. */
  publishedAt?: string;
}

export interface ParsedFeed {
  title?: string;
  items: FeedItem[];
}

export interface FetchRequest {
  url: string;
  etag?: string;
  lastModified?: string;
  /** Accept header; feeds by default. Evidence capture asks for web pages and page resources. */
  accept?: string;
}

export type FetchOutcome =
  | {
      kind: 'fetched';
      status: number;
      body: Uint8Array;
      contentType?: string;
      etag?: string;
      lastModified?: string;
      finalUrl: string;
      /** Response headers of the final answer (first value of each), for the evidence manifest. */
      headers?: Record<string, string>;
    }
  | { kind: 'not-modified'; finalUrl: string };

/** The port the poll use case needs from HTTP. Implementations throw FeedError. */
export interface FeedFetcher {
  fetch(request: FetchRequest): Promise<FetchOutcome>;
}
