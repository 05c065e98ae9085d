import type { School, SchoolRef, Trust, TrustRollup } from '../config/schema';
import { digestMail, renderDigest, renderRollup, rollupMail, type RollupGroup } from '../digest/render';
import { localParts } from '../digest/schedule';
import { MailError } from '../digest/types';
import type { Store } from '../store';
import type { DailySendRecord } from '../store/daily-claims';
import { normaliseEmail, type SuppressionReason, type SuppressionRecord } from '../store/suppression-store';
import { digestOwner } from '../store/digest-store';
import type { Mention } from '../store/types';
import type { AppDeps } from './deps';

export type DigestOutcome =
  | 'sent'
  | 'not-due'
  | 'already-sent'
  | 'nothing-new'
  | 'no-recipients'
  /** Another run holds today's claim (sending, died, or its send's outcome is unknown): `error` carries what it recorded. */
  | 'in-progress'
  | 'failed'
  /** The mail server may have accepted the message but did not say so: not resent before the lease ends or a release. */
  | 'unknown'
  /** The school's hits go in its trust's roll-up instead (`rollup.replaceSchoolDigests`). */
  | 'rolled-up';

/** A recipient left out because SES reported a permanent bounce or a complaint for it. */
export interface SkippedRecipient {
  email: string;
  reason: SuppressionReason;
  /** When SES reported it. */
  at: string;
}

export interface DigestResult {
  kind: 'school' | 'rollup';
  /** The school; for a trust roll-up `trust:<trustId>`, so every caller can print one id per row. */
  schoolId: string;
  trustId: string;
  localDate: string;
  outcome: DigestOutcome;
  mentions: number;
  messageId?: string;
  error?: string;
  /** Why nothing went out, or who was left out, in words for the operator. */
  message?: string;
  /** Suppressed recipients this run did not send to. */
  skippedRecipients?: SkippedRecipient[];
}

/** A claim with no recorded send after this long belongs to a run that died; the next run takes it over. */
export const DIGEST_LEASE_MS = 10 * 60_000;
/** How far back a digest looks for hits not yet sent (a school that was off for weeks still hears about them). */
const LOOKBACK_MS = 60 * 86400_000;
/**
 * A roll-up that does not replace the school digests is a copy for the trust team: it lists the hits captured
 * since the previous roll-up, reaching this far further back (and skipping hits a previous roll-up listed),
 * so a hit written late by a slow or retried poll is not missed. The first roll-up covers the last day.
 */
const ROLLUP_OVERLAP_MS = 86400_000;

type Deps = Pick<AppDeps, 'store' | 'mailer' | 'clock' | 'newId' | 'log' | 'settings'>;
type TrustMeta = Omit<Trust, 'schools'>;
type Suppressed = ReadonlyMap<string, SuppressionRecord>;

/**
 * Sends each school its digest once per local day, at or after its digest hour (so a missed hourly run
 * catches up), and each trust with a `rollup` its roll-up once per trust-local day at its hour.
 * Suppressed addresses (SES bounce/complaint) are skipped and reported. `force` ignores the hour (CLI
 * `digest --now`, the demo) but never the once-a-day rule. With `schoolId`, only that school (no roll-ups).
 * One school's failure is a `failed` result, never a failed run.
 */
export async function sendDigests(deps: Deps, options: { schoolId?: string; force?: boolean } = {}): Promise<DigestResult[]> {
  const force = options.force ?? false;
  const [suppressedList, trustList] = await Promise.all([deps.store.suppressions.list(), deps.store.config.listTrusts()]);
  const suppressed: Suppressed = new Map(suppressedList.map((r) => [r.email, r]));
  const trusts = new Map(trustList.map((t) => [t.id, t]));
  const refs = options.schoolId
    ? [await deps.store.config.getSchool(options.schoolId)].filter((r): r is SchoolRef => r !== undefined)
    : await deps.store.config.listSchools();
  const results: DigestResult[] = [];
  for (const ref of refs) {
    const trust = trusts.get(ref.trustId) ?? (await deps.store.config.getTrust(ref.trustId));
    results.push(await guarded(deps, schoolBase(deps, ref), () => digestForSchool(deps, ref, trust, suppressed, force)));
  }
  if (!options.schoolId) {
    for (const trust of trustList) {
      if (!trust.rollup) continue;
      const rollup = trust.rollup;
      const base = rollupBase(deps, trust, rollup);
      results.push(await guarded(deps, base, () => rollupForTrust(deps, trust, rollup, refs.filter((r) => r.trustId === trust.id).map((r) => r.school), suppressed, force)));
    }
  }
  return results;
}

function schoolBase(deps: Deps, { trustId, school }: SchoolRef) {
  return { kind: 'school' as const, schoolId: school.id, trustId, localDate: localParts(deps.clock(), school.timezone).date, mentions: 0 };
}

function rollupBase(deps: Deps, trust: TrustMeta, rollup: TrustRollup) {
  return { kind: 'rollup' as const, schoolId: `trust:${trust.id}`, trustId: trust.id, localDate: localParts(deps.clock(), rollup.timezone).date, mentions: 0 };
}

/** An unexpected error (store down, a bug) fails this school's digest, not everyone's. Its claim, if any, is taken over after the lease. */
async function guarded(deps: Deps, base: Omit<DigestResult, 'outcome'>, run: () => Promise<DigestResult>): Promise<DigestResult> {
  try {
    return await run();
  } catch (err) {
    const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    deps.log.error('digest run failed for this recipient group; it will be retried on a later run', { schoolId: base.schoolId, error: message });
    return { ...base, outcome: 'failed', error: message };
  }
}

/** Recipients still deliverable, and the suppressed ones left out. */
export function splitRecipients(recipients: readonly string[], suppressed: Suppressed): { active: string[]; skipped: SkippedRecipient[] } {
  const active: string[] = [];
  const skipped: SkippedRecipient[] = [];
  for (const email of recipients) {
    const s = suppressed.get(normaliseEmail(email));
    if (s) skipped.push({ email, reason: s.reason, at: s.at });
    else active.push(email);
  }
  return { active, skipped };
}

function describeSkipped(skipped: SkippedRecipient[]): string {
  const verb = { bounce: 'bounced', complaint: 'complained', 'repeated-soft-bounce': 'kept soft-bouncing' } as const;
  return skipped.map((s) => `${s.email} (${verb[s.reason]} ${s.at.slice(0, 10)})`).join(', ');
}

function allSuppressedMessage(what: string, skipped: SkippedRecipient[]): string {
  return `every ${what} recipient is suppressed after SES bounces or a complaint: ${describeSkipped(skipped)}. Fix or replace these addresses (config import or the admin page), then lift the suppression.`;
}

async function digestForSchool(deps: Deps, { trustId, school }: SchoolRef, trust: TrustMeta | undefined, suppressed: Suppressed, force: boolean): Promise<DigestResult> {
  const now = deps.clock();
  const local = localParts(now, school.timezone);
  const base = { kind: 'school' as const, schoolId: school.id, trustId, localDate: local.date, mentions: 0 };
  if (!force && local.hour < school.digestHour) return { ...base, outcome: 'not-due' };
  const owner = digestOwner({ trustId, schoolId: school.id });
  const existing = await deps.store.digests.get(owner, local.date);
  if (existing && existing.state !== 'claimed') return { ...base, outcome: 'already-sent', messageId: existing.messageId };
  // The trust's roll-up carries this school's hits, unless it has no deliverable recipient (then the school's own digest goes, never silence).
  if (trust?.rollup?.replaceSchoolDigests && splitRecipients(trust.rollup.recipients, suppressed).active.length > 0) {
    return { ...base, outcome: 'rolled-up', message: `sent in the ${trust.name} roll-up` };
  }
  if (school.recipients.length === 0) {
    deps.log.warn('school has no digest recipients; add some with config import', { schoolId: school.id });
    return { ...base, outcome: 'no-recipients', message: 'the school has no digest recipients' };
  }
  const { active, skipped } = splitRecipients(school.recipients, suppressed);
  const skippedField = skipped.length ? { skippedRecipients: skipped } : {};
  if (active.length === 0) {
    const message = allSuppressedMessage('digest', skipped);
    deps.log.warn(`no digest for ${school.id}: ${message}`, { schoolId: school.id });
    return { ...base, ...skippedField, outcome: 'no-recipients', message };
  }
  if (skipped.length) deps.log.warn(`digest for ${school.id} skips suppressed recipients: ${describeSkipped(skipped)}`, { schoolId: school.id });
  const skippedMessage = skipped.length ? { message: `not sent to ${describeSkipped(skipped)}` } : {};

  const claim = await deps.store.digests.claim(owner, local.date, now, deps.newId(), DIGEST_LEASE_MS);
  if (!claim.claimed) return claim.record.state === 'claimed' ? openClaim(deps, base, claim.record, `--school ${school.id}`) : { ...base, outcome: 'already-sent', messageId: claim.record.messageId };

  const mentions = await deps.store.mentions.listUndigested({ trustId, schoolId: school.id }, new Date(now.getTime() - LOOKBACK_MS).toISOString());
  if (mentions.length === 0 && !school.allClear) {
    await deps.store.digests.complete(claim.record, { state: 'empty', sentAt: now.toISOString(), mentionIds: [] });
    return { ...base, outcome: 'nothing-new' };
  }
  const rendered = renderDigest({ school, trustName: trust?.name, mentions, localDate: local.date, webBaseUrl: deps.settings.webBaseUrl, allClear: school.allClear });
  let messageId: string;
  try {
    ({ messageId } = await deps.mailer.send(digestMail({ from: deps.settings.mailFrom, school, localDate: local.date, rendered, to: active })));
  } catch (err) {
    // The claim stays open without a message id, so a run after the lease (or a release) sends it: nothing is lost.
    const failure = await recordFailure(deps, deps.store.digests, claim.record, err);
    deps.log.error(`digest for ${school.id} ${failure.outcome === 'unknown' ? failure.error : `not sent; retried after ${leaseEnd(claim.record)} UTC`}`, { schoolId: school.id, error: failure.error });
    return { ...base, ...skippedField, ...failure, mentions: mentions.length };
  }
  await deps.store.digests.complete(claim.record, {
    state: 'sent',
    sentAt: deps.clock().toISOString(),
    messageId,
    mentionIds: mentions.map((m) => m.id),
    recipients: active,
  });
  await deps.store.mentions.markDigested(mentions, `${school.id}/${local.date}`, deps.clock().toISOString());
  deps.log.info('digest sent', { schoolId: school.id, mentions: mentions.length, messageId });
  return { ...base, ...skippedField, ...skippedMessage, outcome: 'sent', mentions: mentions.length, messageId };
}

async function rollupForTrust(deps: Deps, trust: TrustMeta, rollup: TrustRollup, schools: School[], suppressed: Suppressed, force: boolean): Promise<DigestResult> {
  const now = deps.clock();
  const local = localParts(now, rollup.timezone);
  const base = { kind: 'rollup' as const, schoolId: `trust:${trust.id}`, trustId: trust.id, localDate: local.date, mentions: 0 };
  if (!force && local.hour < rollup.digestHour) return { ...base, outcome: 'not-due' };
  const existing = await deps.store.rollups.get(trust.id, local.date);
  if (existing && existing.state !== 'claimed') return { ...base, outcome: 'already-sent', messageId: existing.messageId };
  const { active, skipped } = splitRecipients(rollup.recipients, suppressed);
  const skippedField = skipped.length ? { skippedRecipients: skipped } : {};
  if (active.length === 0) {
    const message = `${allSuppressedMessage('roll-up', skipped)}${rollup.replaceSchoolDigests ? ' Meanwhile each school gets its own digest.' : ''}`;
    deps.log.warn(`no roll-up for ${trust.id}: ${message}`, { trustId: trust.id });
    return { ...base, ...skippedField, outcome: 'no-recipients', message };
  }
  if (skipped.length) deps.log.warn(`roll-up for ${trust.id} skips suppressed recipients: ${describeSkipped(skipped)}`, { trustId: trust.id });
  const skippedMessage = skipped.length ? { message: `not sent to ${describeSkipped(skipped)}` } : {};

  const claim = await deps.store.rollups.claim(trust.id, local.date, now, deps.newId(), DIGEST_LEASE_MS);
  if (!claim.claimed) return claim.record.state === 'claimed' ? openClaim(deps, base, claim.record, '--rollup') : { ...base, outcome: 'already-sent', messageId: claim.record.messageId };

  const groups: RollupGroup[] = [];
  if (rollup.replaceSchoolDigests) {
    // In place of the school digests: exactly the hits they would have carried.
    const since = new Date(now.getTime() - LOOKBACK_MS).toISOString();
    for (const school of schools) groups.push({ school, mentions: await deps.store.mentions.listUndigested({ trustId: trust.id, schoolId: school.id }, since) });
  } else {
    const previous = (await deps.store.rollups.latest(trust.id, 8)).filter((r) => r.localDate !== local.date && r.state !== 'claimed');
    const last = previous[0];
    const from = new Date(last ? Date.parse(last.claimedAt) - ROLLUP_OVERLAP_MS : now.getTime() - 86400_000).toISOString();
    const listed = new Set(previous.flatMap((r) => r.mentionIds ?? []));
    for (const school of schools) groups.push({ school, mentions: (await mentionsSince(deps.store, { trustId: trust.id, schoolId: school.id }, from)).filter((m) => !listed.has(m.id)) });
  }
  const all = groups.flatMap((g) => g.mentions);
  if (all.length === 0) {
    await deps.store.rollups.complete(claim.record, { state: 'empty', sentAt: now.toISOString(), mentionIds: [] });
    return { ...base, ...skippedField, outcome: 'nothing-new' };
  }
  const rendered = renderRollup({ trust, groups, localDate: local.date, webBaseUrl: deps.settings.webBaseUrl });
  let messageId: string;
  try {
    ({ messageId } = await deps.mailer.send(rollupMail({ from: deps.settings.mailFrom, trustId: trust.id, localDate: local.date, to: active, rendered })));
  } catch (err) {
    const failure = await recordFailure(deps, deps.store.rollups, claim.record, err);
    deps.log.error(`roll-up for ${trust.id} ${failure.outcome === 'unknown' ? failure.error : `not sent; retried after ${leaseEnd(claim.record)} UTC`}`, { trustId: trust.id, error: failure.error });
    return { ...base, ...skippedField, ...failure, mentions: all.length };
  }
  await deps.store.rollups.complete(claim.record, { state: 'sent', sentAt: deps.clock().toISOString(), messageId, mentionIds: all.map((m) => m.id), recipients: active });
  if (rollup.replaceSchoolDigests) await deps.store.mentions.markDigested(all, `trust:${trust.id}/${local.date}`, deps.clock().toISOString());
  deps.log.info('roll-up sent', { trustId: trust.id, mentions: all.length, schools: groups.filter((g) => g.mentions.length).length, messageId });
  return { ...base, ...skippedField, ...skippedMessage, outcome: 'sent', mentions: all.length, messageId };
}

/** When an open claim may be taken over by the next run: `HH:MM` (UTC). */
function leaseEnd(record: DailySendRecord): string {
  return new Date(Date.parse(record.claimedAt) + DIGEST_LEASE_MS).toISOString().slice(11, 16);
}

interface Claims<R extends DailySendRecord> {
  recordError(record: R, message: string, at: string, outcome: 'not-sent' | 'unknown'): Promise<boolean>;
}

/**
 * A send that threw: kept on the claim (with its time and whether the message may have gone), so the next
 * run can say why the day is held. An unknown outcome is never resent before the lease ends or a release.
 * A non-MailError (a bug in a mailer) is treated as a failure whose outcome is unknown too.
 */
async function recordFailure<R extends DailySendRecord>(deps: Deps, claims: Claims<R>, record: R, err: unknown): Promise<{ outcome: 'failed' | 'unknown'; error: string }> {
  const unknown = err instanceof MailError && err.outcome === 'unknown';
  const detail = err instanceof MailError ? err.message : err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  const error = unknown ? `${detail}; not resent; will retry after ${leaseEnd(record)} UTC unless released` : detail;
  await claims.recordError(record, error, deps.clock().toISOString(), unknown || !(err instanceof MailError) ? 'unknown' : 'not-sent').catch((e: unknown) => {
    deps.log.error('could not record the failed send on the claim', { error: (e as Error)?.message });
  });
  return { outcome: unknown ? 'unknown' : 'failed', error };
}

/** Another run holds the day: say what it recorded and when the claim may be taken over. */
function openClaim(deps: Deps, base: Omit<DigestResult, 'outcome'>, record: DailySendRecord, which: string): DigestResult {
  const release = `npm run -s cli -- digest release --trust ${base.trustId} ${which === '--rollup' ? '' : `${which} `}--date ${record.localDate} --note "…"`;
  if (record.lastError) {
    const message =
      record.sendOutcome === 'unknown'
        ? `a send at ${record.lastErrorAt?.slice(11, 16) ?? '?'} UTC may have been delivered; not resent; will retry after ${leaseEnd(record)} UTC unless released (if the recipients did not get it: ${release})`
        : `the previous attempt failed; it is retried after ${leaseEnd(record)} UTC (or at once after: ${release})`;
    deps.log.warn(`digest for ${base.schoolId} held: ${message}`, { schoolId: base.schoolId, error: record.lastError });
    return { ...base, outcome: 'in-progress', error: record.lastError, message };
  }
  return { ...base, outcome: 'in-progress', message: `another run claimed it at ${record.claimedAt.slice(11, 16)} UTC and is sending it; if that run died, the next run after ${leaseEnd(record)} UTC sends it` };
}

/** Every mention of a school captured at or after `from` (ISO), oldest first. */
async function mentionsSince(store: Store, school: { trustId: string; schoolId: string }, from: string): Promise<Mention[]> {
  const out: Mention[] = [];
  let before: string | undefined;
  for (;;) {
    const page = await store.mentions.scan(school, { from, before, limit: 200 });
    out.push(...page.mentions);
    if (page.exhausted || !page.lastKey) break;
    before = page.lastKey;
  }
  return out.reverse();
}
