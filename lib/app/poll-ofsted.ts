import type { SchoolRef } from '../config/schema';
import { FeedError } from '../feeds/errors';
import { feedUrlFor } from '../feeds/sources';
import { parseOfstedPage, type OfstedReport } from '../ofsted/parse';
import { ofstedItemKey, ofstedMentionText, ofstedRecord, ofstedScore } from '../ofsted/report';
import type { OfstedState } from '../store/ofsted-store';
import type { FeedState } from '../store/feed-state-store';
import type { Mention } from '../store/types';
import { snapshot } from './mention-snapshot';
import { DUE_MARGIN_MS, type FeedJob } from './plan-polls';
import type { PollDeps, PollResult } from './poll-feed';

/**
 * Ofsted publishes a school's report weeks after the visit and at most a few times a decade, so its page is
 * checked once a day whatever the poll schedule (the gate is per trust + school, in the store). The margin is
 * the dispatcher's, so a daily check does not slip by one poll interval each day.
 */
export const OFSTED_CHECK_INTERVAL_MS = 24 * 3600_000;

/** Newly listed reports recorded in one check (a page that suddenly lists a school's whole history records the newest few). */
const MAX_NEW_REPORTS = 3;

const HTML_ACCEPT = 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5';

type Outcome = { kind: 'skipped' | 'not-modified' | 'fetched' | 'failed'; reports: number; recorded: number; flagged: number; stored: number; newReports: number; nextCheckAt: number; error?: { code: string; message: string } };

/**
 * The Ofsted watch for one provider page and the schools (usually one) whose URN it lists: for each school that is
 * due, a conditional GET through the guarded fetcher, then every report not seen before for that school is recorded
 * as a mention (flagged reputation.inspection when a judgement is below good or an area needs attention or urgent
 * improvement; unflagged otherwise, so the digest still lists it). The first check records only the latest report.
 * A page that cannot be fetched or read is a recorded failure, never a thrown one; only a store failure throws.
 */
export async function pollOfsted(deps: PollDeps, job: FeedJob): Promise<PollResult> {
  const now = deps.clock();
  const result: PollResult = { url: job.url, outcome: 'not-modified', items: 0, matched: 0, flagged: 0, stored: 0, nextPollAt: new Date(now.getTime() + OFSTED_CHECK_INTERVAL_MS).toISOString() };
  const outcomes: Outcome[] = [];
  for (const { trustId, schoolId } of job.schools) {
    const ref = await deps.store.config.getSchool(schoolId, trustId);
    // The school must still be this trust's, still have this URN and still watch this page.
    if (!ref || ref.trustId !== trustId || !ref.school.urn || !watchesPage(ref, job.url)) {
      deps.log.warn('school no longer watches this Ofsted page; skipping it', { schoolId, url: job.url });
      continue;
    }
    const outcome = await checkSchool(deps, ref, job.url, now);
    outcomes.push(outcome);
    result.items = Math.max(result.items, outcome.reports);
    result.matched += outcome.recorded;
    result.flagged += outcome.flagged;
    result.stored += outcome.stored;
    if (outcome.newReports) result.newReports = (result.newReports ?? 0) + outcome.newReports;
    if (outcome.stored) (result.storedFor ??= []).push({ trustId, schoolId });
  }
  if (outcomes.length) {
    const failed = outcomes.filter((o) => o.kind === 'failed');
    result.outcome = outcomes.some((o) => o.kind === 'fetched') ? 'stored' : failed.length === outcomes.length ? 'failed' : 'not-modified';
    if (failed[0]?.error) result.error = failed[0].error;
    result.nextPollAt = new Date(Math.min(...outcomes.map((o) => o.nextCheckAt))).toISOString();
  }
  // The page's feed state serves the admin's feed-health table and lets the dispatcher skip it until a school is due.
  const previous: FeedState = (await deps.store.feeds.get(job.urlHash)) ?? { url: job.url, consecutiveFailures: 0 };
  if (outcomes.some((o) => o.kind !== 'skipped')) {
    const failedNow = result.outcome === 'failed';
    await deps.store.feeds.save(job.urlHash, {
      ...previous,
      lastPolledAt: now.toISOString(),
      ...(failedNow
        ? { lastErrorAt: now.toISOString(), lastError: result.error?.message, lastErrorCode: result.error?.code, consecutiveFailures: previous.consecutiveFailures + 1 }
        : { lastSuccessAt: now.toISOString(), lastError: undefined, lastErrorCode: undefined, consecutiveFailures: 0, itemsLastSeen: result.items }),
      nextPollAt: result.nextPollAt,
    });
  } else if (outcomes.length && previous.nextPollAt !== result.nextPollAt) {
    await deps.store.feeds.save(job.urlHash, { ...previous, nextPollAt: result.nextPollAt });
  }
  return result;
}

function watchesPage({ school }: SchoolRef, url: string): boolean {
  return school.feeds.some((f) => {
    if (f.source !== 'ofsted') return false;
    try {
      return feedUrlFor(f, school) === url;
    } catch {
      return false;
    }
  });
}

async function checkSchool(deps: PollDeps, { trustId, school }: SchoolRef, url: string, now: Date): Promise<Outcome> {
  const key = { trustId, schoolId: school.id };
  const urn = school.urn!;
  const stored = await deps.store.ofsted.get(key);
  // A different URN (the school was re-linked) starts afresh: its validators and known reports were another page's.
  const state: OfstedState | undefined = stored?.urn === urn ? stored : undefined;
  const none = { reports: 0, recorded: 0, flagged: 0, stored: 0, newReports: 0 };
  const lastChecked = state?.lastCheckedAt ? Date.parse(state.lastCheckedAt) : NaN;
  if (!Number.isNaN(lastChecked) && now.getTime() < lastChecked + OFSTED_CHECK_INTERVAL_MS - DUE_MARGIN_MS) {
    return { kind: 'skipped', ...none, nextCheckAt: lastChecked + OFSTED_CHECK_INTERVAL_MS };
  }
  const nextCheckAt = now.getTime() + OFSTED_CHECK_INTERVAL_MS;
  const checked = { urn, knownReports: state?.knownReports ?? [], lastCheckedAt: now.toISOString(), etag: state?.etag, lastModified: state?.lastModified };
  const fail = async (code: string, message: string): Promise<Outcome> => {
    // The validators stay those of the last page that was read, so a page that could not be read is fetched in full next time.
    await deps.store.ofsted.save(key, { ...state, ...checked, lastOutcome: 'failed', lastError: message, lastErrorCode: code });
    deps.log.warn('Ofsted page check failed', { schoolId: school.id, url, code, error: message });
    return { kind: 'failed', ...none, nextCheckAt, error: { code, message } };
  };

  let fetched;
  try {
    fetched = await deps.fetcher.fetch({ url, etag: state?.etag, lastModified: state?.lastModified, accept: HTML_ACCEPT });
  } catch (err) {
    if (!(err instanceof FeedError)) throw err;
    return fail(err.code, err.message);
  }
  if (fetched.kind === 'not-modified') {
    await deps.store.ofsted.save(key, { ...state, ...checked, lastSuccessAt: now.toISOString(), lastOutcome: 'not-modified', lastError: undefined, lastErrorCode: undefined });
    return { kind: 'not-modified', ...none, nextCheckAt };
  }
  const parsed = parseOfstedPage(fetched.body, { pageUrl: fetched.finalUrl, contentType: fetched.contentType });
  if (!parsed.ok) return fail('unrecognised-page', parsed.error.message);

  const page = parsed.page;
  const reports = page.kind === 'reports' ? page.reports : [];
  const known = new Set(state?.knownReports ?? []);
  // Until the page has been read once, only the latest report is news (the history is not); afterwards every
  // report not seen before. A first check that failed read nothing, so it sets no baseline.
  const fresh = state?.lastSuccessAt ? reports.filter((r) => !known.has(r.id)).slice(0, MAX_NEW_REPORTS) : reports.slice(0, 1);
  let flagged = 0;
  let storedFlagged = 0;
  let newReports = 0;
  for (const report of fresh) {
    const outcome = await recordReport(deps, key, school.name, urn, report, fetched.finalUrl, url, now);
    if (outcome.flagged) flagged++;
    if (outcome.stored) newReports++;
    // Like a feed poll's, `stored` counts new flagged mentions: what `poll --once` reports and urgent alerts read.
    if (outcome.stored && outcome.flagged) storedFlagged++;
  }
  const knownReports = [...new Set([...reports.map((r) => r.id), ...(state?.knownReports ?? [])])];
  await deps.store.ofsted.save(key, {
    ...checked,
    etag: fetched.etag,
    lastModified: fetched.lastModified,
    knownReports,
    lastSuccessAt: now.toISOString(),
    lastOutcome: page.kind === 'no-reports' ? 'no-reports' : fresh.length ? 'recorded' : 'nothing-new',
  });
  return { kind: 'fetched', reports: reports.length, recorded: fresh.length, flagged, stored: storedFlagged, newReports, nextCheckAt };
}

/** Records one report as a mention through the same store call feeds use (seen marker, mention, reference). */
async function recordReport(
  deps: PollDeps,
  key: { trustId: string; schoolId: string },
  schoolName: string,
  urn: string,
  report: OfstedReport,
  pageUrl: string,
  feedUrl: string,
  now: Date,
): Promise<{ flagged: boolean; stored: boolean }> {
  const record = ofstedRecord(report, urn, pageUrl);
  const { title, text } = ofstedMentionText(record, schoolName);
  const score = ofstedScore(record, text);
  const itemKey = ofstedItemKey(urn, report.id);
  // Unlike a feed item, an unflagged report is kept too (`build` always given): the head hears of every new report.
  // No page capture is queued: the report is Ofsted's own permanent public record, and the mention keeps its link.
  const build = (capturedAt: string): Mention => ({
    ...snapshot({
      ...key,
      item: {
        itemKey,
        link: report.link,
        canonicalUrl: report.link,
        guid: report.id,
        title,
        author: 'Ofsted',
        // A date without a time: noon UTC keeps it on the same calendar day in the UK and Europe.
        publishedAt: report.publishedDate ? `${report.publishedDate}T12:00:00.000Z` : undefined,
        text,
      },
      feedUrl,
      capturedAt,
      match: { mentioned: true, reason: `Ofsted provider page for the school's URN ${urn}` },
      score,
    }),
    ofsted: record,
  });
  const outcome = await deps.store.mentions.record({ ...key, itemKey, capturedAt: now.toISOString(), build });
  return { flagged: score.flagged, stored: outcome === 'stored' };
}
