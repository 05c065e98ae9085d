export type { FeedItem, ParsedFeed, FetchRequest, FetchOutcome, FeedFetcher } from './types';
export { FeedError, type FeedErrorCode } from './errors';
export {
  blockedReason,
  isBlockedAddress,
  parseFeedUrl,
  assertUrlAddressAllowed,
  normaliseAllowHosts,
  hostPortKey,
  type BlockReason,
} from './address-guard';
export { createSafeFetcher, DEFAULT_USER_AGENT, type SafeFetcher, type SafeFetcherOptions, type StreamedResponse, type StreamOutcome, type ResolvedAddress, type Resolver } from './fetch';
export { parseRetryAfter } from './retry-after';
export { parseFeed, type ParseFeedOptions } from './parse';
export { canonicalizeUrl, itemKeyFor, type ItemIdentity } from './canonical';
export { feedUrlFor, feedKey, buildQuery, watchTermsFor, defaultMastodonTag, type WatchTerms, type QueryDialect } from './sources';
