import { createHash } from 'node:crypto';
import { CaptureError } from '../evidence/errors';
import { mentionPrefix, type EvidenceStore } from '../evidence/evidence-store';
import { looksPaywalled } from '../evidence/paywall';
import { evidenceSheetHtml } from '../evidence/sheet';
import { EVIDENCE_FILES, CONTENT_TYPES, type CapturedPage, type PageCapturer } from '../evidence/page-capture';
import { assessForSchool } from '../score/assess';
import type { Store } from '../store';
import type { CaptureRecord, PageEvidence, PageScore } from '../store/capture-store';
import type { Mention } from '../store/types';
import type { Logger } from './deps';
import { monthsBefore } from './retention';
import { schoolForScoring } from './school-for-scoring';

/** One page to capture for one stored mention; also the capture queue's message body (JSON). */
export interface CaptureJob {
  trustId: string;
  schoolId: string;
  mentionId: string;
  url: string;
}

/** Where capture jobs go: SQS (CAPTURE_QUEUE_URL) in AWS, an in-process queue locally. */
export interface CaptureQueue {
  enqueue(job: CaptureJob): Promise<void>;
}

export interface CaptureDeps {
  store: {
    mentions: Pick<Store['mentions'], 'get'>;
    captures: Store['captures'];
    config: Pick<Store['config'], 'getSchool' | 'getTrust' | 'listTrusts'>;
    falsePositives: Pick<Store['falsePositives'], 'terms'>;
  };
  evidence: EvidenceStore;
  capturer: Pick<PageCapturer, 'capture' | 'printPdf'>;
  clock: () => Date;
  log: Logger;
  /** Attempts before a capture is given up as failed. Default 6 (about a day and a half of backoff). */
  maxAttempts?: number;
}

export type CaptureOutcome =
  | { outcome: 'captured'; record: CaptureRecord }
  | { outcome: 'failed'; record: CaptureRecord; retryAt?: string }
  | { outcome: 'skipped'; reason: string };

export const DEFAULT_MAX_ATTEMPTS = 6;
const FIRST_RETRY_MS = 10 * 60_000;
const MAX_RETRY_MS = 12 * 3600_000;
/** Page text scored at most (the scorer's cost grows with length; an article's substance is near the top). */
const PAGE_SCORE_CAP = 50_000;
const MAX_PAGE_EVIDENCE = 20;

/** Wait before attempt `attempts + 1`: 10 min, 30 min, 90 min… at most 12 h. */
export function captureBackoffMs(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 3 ** Math.max(0, attempts - 1), MAX_RETRY_MS);
}

/** A capture job for a stored mention, or nothing when it has no web address to capture. */
export function captureJobFor(mention: Pick<Mention, 'trustId' | 'schoolId' | 'id' | 'url' | 'canonicalUrl'>): CaptureJob | undefined {
  const url = mention.canonicalUrl ?? mention.url;
  if (!url || !/^https?:\/\//i.test(url)) return undefined;
  return { trustId: mention.trustId, schoolId: mention.schoolId, mentionId: mention.id, url };
}

/**
 * Captures the page of one flagged mention: screen print, HTML as served, readable text and manifest go to the
 * evidence bucket under the mention's trust/school prefix (manifest last, so a manifest means a whole capture);
 * the page text is scored; the mention's capture record says how it went. A page that cannot be captured is a
 * recorded failure with a reason and a retry time, returned as a value; only storage failures throw.
 */
export async function captureMention(deps: CaptureDeps, job: CaptureJob): Promise<CaptureOutcome> {
  const mention = await deps.store.mentions.get(job.mentionId);
  // Tenancy: a job names its trust and school, and must agree with the mention it points at.
  if (!mention || mention.trustId !== job.trustId || mention.schoolId !== job.schoolId) {
    return { outcome: 'skipped', reason: 'mention not found in this trust (erased or never stored)' };
  }
  if (mention.capture?.status === 'captured') return { outcome: 'skipped', reason: 'already captured' };
  const ref = await deps.store.config.getSchool(job.schoolId, job.trustId);
  if (!ref || ref.trustId !== job.trustId) return { outcome: 'skipped', reason: 'school no longer configured' };
  const trust = await deps.store.config.getTrust(job.trustId);
  const previous = mention.capture;
  const attempts = (previous?.attempts ?? 0) + 1;
  const maxAttempts = deps.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const clearOldRetry = async () => {
    if (previous?.nextAttemptAt) await deps.store.captures.clearRetry(job.trustId, previous.nextAttemptAt, job.mentionId);
  };

  let page: CapturedPage;
  try {
    page = await deps.capturer.capture(job.url, { timeZone: ref.school.timezone });
  } catch (err) {
    if (!(err instanceof CaptureError)) throw err;
    const now = deps.clock();
    const retry = err.retryable && attempts < maxAttempts;
    const nextAttemptAt = retry ? new Date(now.getTime() + captureBackoffMs(attempts)).toISOString() : undefined;
    const record: CaptureRecord = {
      status: retry ? 'pending' : 'failed',
      attempts,
      updatedAt: now.toISOString(),
      requestedUrl: job.url,
      reason: { code: err.code, message: err.message },
      ...(nextAttemptAt ? { nextAttemptAt } : {}),
    };
    if (!(await deps.store.captures.set(mention, record))) return { outcome: 'skipped', reason: 'mention erased during capture' };
    await clearOldRetry();
    if (nextAttemptAt) await deps.store.captures.scheduleRetry({ trustId: job.trustId, schoolId: job.schoolId, mentionId: job.mentionId, url: job.url, at: nextAttemptAt });
    deps.log.warn('capture failed', { mentionId: job.mentionId, code: err.code, attempts, retryAt: nextAttemptAt });
    return { outcome: 'failed', record, ...(nextAttemptAt ? { retryAt: nextAttemptAt } : {}) };
  }

  const prefix = `${mentionPrefix({ trustId: job.trustId, schoolId: job.schoolId, mentionId: job.mentionId })}${page.manifest.captureId}/`;
  const capturedAt = new Date(page.manifest.capturedAtUtc);
  // Object Lock (AWS): kept unchangeable for the trust's retention period, and held while escalated.
  const retainUntil = monthsBefore(capturedAt, -(trust?.retentionMonths ?? 12));
  const lock = { retainUntil, legalHold: mention.status === 'escalated' };
  for (const name of EVIDENCE_FILES) await deps.evidence.put(`${prefix}${name}`, page.files[name], CONTENT_TYPES[name], lock);

  const school = await schoolForScoring(deps.store, ref);
  const record: CaptureRecord = {
    status: 'captured',
    attempts,
    updatedAt: deps.clock().toISOString(),
    requestedUrl: job.url,
    ...(previous?.reason ? { reason: previous.reason } : {}),
    captureId: page.manifest.captureId,
    prefix,
    finalUrl: page.manifest.finalUrl,
    httpStatus: page.manifest.httpStatus,
    capturedAt: page.manifest.capturedAt,
    files: Object.fromEntries(EVIDENCE_FILES.map((name) => [name, { sha256: sha256Of(page, name), bytes: page.files[name].length }])),
    ...pageScoreOf(page, mention, school.school),
    ...(looksPaywalled(page.text)
      ? { note: 'The page looks like a subscription or sign-in wall: the screen print shows what a visitor sees, and the article itself may be behind it. Take a screen print by hand if you can read it.' }
      : {}),
  };
  // The one-page sheet is printed from what was just recorded; without it the capture still stands.
  try {
    const sheet = await deps.capturer.printPdf(
      evidenceSheetHtml({ mention, schoolName: ref.school.name, trustName: trust?.name ?? job.trustId, timeZone: ref.school.timezone, record, screenshot: page.files['screenshot.png'] }),
    );
    await deps.evidence.put(`${prefix}sheet.pdf`, sheet, CONTENT_TYPES['sheet.pdf'], lock);
    record.files!['sheet.pdf'] = { sha256: createHashHex(sheet), bytes: sheet.length };
  } catch (err) {
    deps.log.warn('evidence sheet could not be printed', { mentionId: job.mentionId, error: (err as Error).message });
  }
  if (!(await deps.store.captures.set(mention, record))) {
    // Erased while we captured: the files must not outlive the mention.
    await deps.evidence.deletePrefix(prefix).catch(() => {});
    return { outcome: 'skipped', reason: 'mention erased during capture' };
  }
  await clearOldRetry();
  deps.log.info('page captured', { mentionId: job.mentionId, attempts, newCategories: record.pageScore?.newCategories.length ?? 0 });
  return { outcome: 'captured', record };
}

function sha256Of(page: CapturedPage, name: (typeof EVIDENCE_FILES)[number]): string {
  if (name === 'manifest.json') return createHashHex(page.files[name]);
  return page.manifest.files[name].sha256;
}

const createHashHex = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Scores the page's readable text; categories the feed text did not show are the news. */
function pageScoreOf(page: CapturedPage, mention: Mention, school: Parameters<typeof assessForSchool>[1]): { pageScore?: PageScore } {
  const text = page.text.slice(0, PAGE_SCORE_CAP);
  if (!text.trim()) return {};
  const { score } = assessForSchool({ title: page.title ?? '', text }, school);
  if (!score) return {};
  const known = new Set(mention.score.categories.map((c) => c.id));
  const newCategories = score.categories.filter((c) => !known.has(c.id)).map((c) => c.id);
  const evidence: PageEvidence[] = score.evidence
    .slice(0, MAX_PAGE_EVIDENCE)
    .map((e) => ({ field: e.field === 'title' ? 'page-title' : 'page-text', start: e.start, end: e.end, text: e.text.slice(0, 200), category: e.category }));
  return {
    pageScore: {
      flagged: score.flagged,
      severity: score.severity,
      families: score.families,
      categories: score.categories,
      newCategories,
      evidence,
      explanation: score.explanation,
    },
  };
}

export { retryDueCaptures } from './retry-captures';
