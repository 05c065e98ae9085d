import type { FeedSpec, School } from '../config/schema';
import { FeedError } from '../feeds/errors';
import { parseFeed } from '../feeds/parse';
import { feedUrlFor } from '../feeds/sources';
import type { FeedFetcher } from '../feeds/types';
import { assessForSchool } from '../score/assess';
import type { Family, Severity } from '../score/types';
import { ofstedMentionText, ofstedRecord, ofstedScore } from '../ofsted/report';
import { mapLimit } from './plan-polls';

/**
 * "What would this school's configuration match?" for a draft school, before it is saved: its feeds are
 * fetched now (with the production safe fetcher), parsed, and every item goes through `assessForSchool`,
 * the rule the poller uses. Nothing is stored: no feed state, no seen markers, no snapshots. Unflagged
 * items must leave nothing behind (data protection), which is why this reads live feeds rather than stored
 * items, and why it takes no store at all.
 */
export interface PreviewDeps {
  fetcher: FeedFetcher;
  clock: () => Date;
}

export interface PreviewItem {
  title: string;
  link?: string;
  publishedAt?: string;
  /** Up to 300 characters of the item's text, for the admin to recognise it. */
  excerpt: string;
  matched: boolean;
  /** Why it matched or not: the alias, the context word, or the exclusion that applied. */
  matchReason: string;
  alias?: string;
  flagged: boolean;
  score: number;
  severity: Severity | null;
  families: Family[];
  categories: { id: string; label: string; family: Family; severity: Severity; reason: string }[];
  explanation?: string;
}

export interface PreviewFeed {
  spec: FeedSpec;
  /** The address read (templated sources: built from the draft's name and aliases). */
  url?: string;
  ok: boolean;
  /** A readable reason the feed could not be read (and its code), when `ok` is false. */
  error?: { code: string; message: string };
  feedTitle?: string;
  totalItems: number;
  matched: number;
  flagged: number;
  /** Items in feed order, at most MAX_ITEMS_PER_FEED. */
  items: PreviewItem[];
}

export interface PreviewResult {
  schoolId: string;
  at: string;
  feeds: PreviewFeed[];
  totals: { items: number; matched: number; flagged: number; failedFeeds: number };
}

export const MAX_PREVIEW_FEEDS = 20;
export const MAX_ITEMS_PER_FEED = 100;
const FEED_CONCURRENCY = 4;

export async function previewSchool(deps: PreviewDeps, draft: School): Promise<PreviewResult> {
  const now = deps.clock();
  const specs = draft.feeds.slice(0, MAX_PREVIEW_FEEDS);
  const feeds = await mapLimit(specs, FEED_CONCURRENCY, (spec) => previewFeed(deps, draft, spec, now));
  return {
    schoolId: draft.id,
    at: now.toISOString(),
    feeds,
    totals: {
      items: feeds.reduce((n, f) => n + f.totalItems, 0),
      matched: feeds.reduce((n, f) => n + f.matched, 0),
      flagged: feeds.reduce((n, f) => n + f.flagged, 0),
      failedFeeds: feeds.filter((f) => !f.ok).length,
    },
  };
}

async function previewFeed(deps: PreviewDeps, school: School, spec: FeedSpec, now: Date): Promise<PreviewFeed> {
  const empty = { spec, totalItems: 0, matched: 0, flagged: 0, items: [] };
  let url: string | undefined;
  try {
    url = feedUrlFor(spec, school);
    if (spec.source === 'ofsted') return await previewOfsted(deps, school, spec, url);
    const fetched = await deps.fetcher.fetch({ url });
    if (fetched.kind === 'not-modified') {
      return { ...empty, url, ok: false, error: { code: 'not-modified', message: `${url} answered "not modified" to a request that asked for the whole feed.` } };
    }
    const parsed = await parseFeed(fetched.body, { feedUrl: fetched.finalUrl, contentType: fetched.contentType, now });
    const out: PreviewFeed = { ...empty, url, ok: true, feedTitle: parsed.title, totalItems: parsed.items.length, items: [] };
    for (const item of parsed.items) {
      const { match, score } = assessForSchool({ title: item.title, text: item.text }, school);
      if (match.mentioned) out.matched++;
      if (score?.flagged) out.flagged++;
      if (out.items.length >= MAX_ITEMS_PER_FEED) continue;
      out.items.push({
        title: item.title,
        link: item.canonicalUrl ?? item.link,
        publishedAt: item.publishedAt,
        excerpt: item.text.length > 300 ? `${item.text.slice(0, 299)}…` : item.text,
        matched: match.mentioned,
        matchReason: match.reason,
        alias: match.alias,
        flagged: score?.flagged ?? false,
        score: score?.score ?? 0,
        severity: score?.severity ?? null,
        families: score?.families ?? [],
        categories: (score?.categories ?? []).map((c) => ({ id: c.id, label: c.label, family: c.family, severity: c.severity, reason: c.reason })),
        explanation: score?.explanation,
      });
    }
    return out;
  } catch (err) {
    if (err instanceof FeedError) return { ...empty, url, ok: false, error: { code: err.code, message: err.message } };
    throw err;
  }
}

/**
 * The Ofsted page as the watch would read it: its reports, newest first, each scored as it would be if it were
 * new (the first check records only the newest). A page that cannot be read says what to check.
 */
async function previewOfsted(deps: PreviewDeps, school: School, spec: FeedSpec, url: string): Promise<PreviewFeed> {
  const empty = { spec, url, totalItems: 0, matched: 0, flagged: 0, items: [] };
  const fetched = await deps.fetcher.fetch({ url, accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5' });
  if (fetched.kind === 'not-modified') return { ...empty, ok: false, error: { code: 'not-modified', message: `${url} answered "not modified" to a request that asked for the whole page.` } };
  const { parseOfstedPage } = await import('../ofsted/parse'); // linkedom loads only when an Ofsted feed is previewed
  const parsed = parseOfstedPage(fetched.body, { pageUrl: fetched.finalUrl, contentType: fetched.contentType });
  if (!parsed.ok) return { ...empty, ok: false, error: { code: 'unrecognised-page', message: parsed.error.message } };
  if (parsed.page.kind === 'no-reports') return { ...empty, ok: true, feedTitle: `${parsed.page.providerName ?? school.name} on Ofsted: no reports yet` };
  const items: PreviewItem[] = parsed.page.reports.slice(0, MAX_ITEMS_PER_FEED).map((report) => {
    const record = ofstedRecord(report, school.urn ?? '', fetched.finalUrl);
    const { title, text } = ofstedMentionText(record, school.name);
    const score = ofstedScore(record, text);
    return {
      title,
      link: report.link,
      publishedAt: report.publishedDate ? `${report.publishedDate}T12:00:00.000Z` : undefined,
      excerpt: text.length > 300 ? `${text.slice(0, 299)}…` : text,
      matched: true,
      matchReason: `Ofsted provider page for URN ${school.urn ?? '(none)'}`,
      flagged: score.flagged,
      score: score.score,
      severity: score.severity,
      families: score.families,
      categories: score.categories.map((c) => ({ id: c.id, label: c.label, family: c.family, severity: c.severity, reason: c.reason })),
      explanation: score.explanation,
    };
  });
  return { ...empty, ok: true, feedTitle: `${parsed.page.providerName ?? school.name} on Ofsted`, totalItems: parsed.page.reports.length, matched: items.length, flagged: items.filter((i) => i.flagged).length, items };
}
