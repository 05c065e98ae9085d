import { createHash } from 'node:crypto';
import type { FeedSpec, School } from '../config/schema';
import { FeedError } from './errors';

/** Watch terms in source-neutral form: any of `phrases` (exactly), none of `exclude`. */
export interface WatchTerms {
  phrases: string[];
  exclude: string[];
}

/** Query languages of the templated sources. */
export type QueryDialect = 'google' | 'bing' | 'reddit';

/** A school's default watch terms: its name and aliases, minus its exclusions. */
export function watchTermsFor(school: Pick<School, 'name' | 'aliases' | 'exclude'>): WatchTerms {
  return { phrases: [school.name, ...school.aliases], exclude: [...school.exclude] };
}

/** None of these engines can escape a quote inside a phrase, so quotes become spaces. */
function quote(phrase: string): string | undefined {
  const clean = phrase.replace(/["“”„]/g, ' ').replace(/\s+/g, ' ').trim();
  return clean ? `"${clean}"` : undefined;
}

function uniqueQuoted(terms: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const t of terms) {
    const q = quote(t);
    if (q && !seen.has(q.toLowerCase())) {
      seen.add(q.toLowerCase());
      out.push(q);
    }
  }
  return out;
}

/**
 * The watch terms in a source's own syntax:
 *   google, bing: "a" OR "b" -"x"
 *   reddit:       "a" OR "b" NOT "x"
 */
export function buildQuery(terms: WatchTerms, dialect: QueryDialect): string {
  const phrases = uniqueQuoted(terms.phrases);
  if (phrases.length === 0) throw new Error('buildQuery needs at least one non-empty phrase');
  const exclude = uniqueQuoted(terms.exclude);
  const negated = exclude.map((x) => (dialect === 'reddit' ? `NOT ${x}` : `-${x}`));
  return [phrases.join(' OR '), ...negated].join(' ');
}

/** Mastodon hashtags are one word: "St Mary's C of E School" → "StMarysCofESchool". */
export function defaultMastodonTag(schoolName: string): string {
  return schoolName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9_]/g, '');
}

/** Ofsted's provider page for a school: where its inspection reports are listed (21 = schools). */
export const ofstedProviderUrl = (urn: string) => `https://reports.ofsted.gov.uk/provider/21/${encodeURIComponent(urn)}`;

/** The feed address a FeedSpec reads for a school. */
export function feedUrlFor(spec: FeedSpec, school: Pick<School, 'name' | 'aliases' | 'exclude' | 'urn'>): string {
  const q = (dialect: QueryDialect) => encodeURIComponent('query' in spec && spec.query ? spec.query : buildQuery(watchTermsFor(school), dialect));
  switch (spec.source) {
    case 'ofsted':
      if (spec.url) return spec.url;
      if (!school.urn) throw new FeedError('bad-url', `Ofsted reports need the school's URN, and "${school.name}" has none. Add its six-digit URN, or remove the Ofsted feed.`);
      return ofstedProviderUrl(school.urn);
    case 'rss':
      return spec.url;
    case 'google-news':
      return `https://news.google.com/rss/search?q=${q('google')}&hl=en-GB&gl=GB&ceid=GB:en`;
    case 'bing-news':
      return `https://www.bing.com/news/search?q=${q('bing')}&format=rss`;
    case 'reddit':
      return `https://www.reddit.com/search.rss?q=${q('reddit')}&sort=new`;
    case 'mastodon-tag': {
      const tag = spec.tag ?? defaultMastodonTag(school.name);
      if (!tag) {
        throw new FeedError('bad-url', `Cannot make a Mastodon hashtag from the school name "${school.name}". Set "tag" on the mastodon-tag feed.`);
      }
      return `https://${spec.instance.toLowerCase()}/tags/${encodeURIComponent(tag)}.rss`;
    }
  }
}

/**
 * Identity of a feed address for shared state (ETag, next poll, failures): sha256 hex of the
 * URL in WHATWG-normalised form, so one feed watched by several schools is fetched once even
 * when typed with a different host case or an explicit default port.
 */
export function feedKey(url: string): string {
  let normalised = url.trim();
  try {
    normalised = new URL(normalised).href;
  } catch {
    // Keep the raw text: an unparsable address still needs a stable key for its failure record.
  }
  return createHash('sha256').update(normalised, 'utf8').digest('hex');
}
