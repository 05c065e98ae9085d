import type { SchoolRef } from '../config/schema';
import { digestMail, renderDigest } from '../digest/render';
import { localParts } from '../digest/schedule';
import { MailError } from '../digest/types';
import type { AppDeps } from './deps';

export type DigestOutcome = 'sent' | 'not-due' | 'already-sent' | 'nothing-new' | 'no-recipients' | 'in-progress' | 'failed';

export interface DigestResult {
  schoolId: string;
  localDate: string;
  outcome: DigestOutcome;
  mentions: number;
  messageId?: string;
  error?: string;
}

/** A claim with no recorded send after this long belongs to a run that died; the next run takes it over. */
export const DIGEST_LEASE_MS = 10 * 60_000;
/** How far back a digest looks for hits not yet sent (a school that was off for weeks still hears about them). */
const LOOKBACK_MS = 60 * 86400_000;

/**
 * Sends each school its digest once per local day, at or after its digest hour (so a missed hourly run
 * catches up). `force` ignores the hour (CLI `digest --now`, the demo) but never the once-a-day rule.
 */
export async function sendDigests(
  deps: Pick<AppDeps, 'store' | 'mailer' | 'clock' | 'newId' | 'log' | 'settings'>,
  options: { schoolId?: string; force?: boolean } = {},
): Promise<DigestResult[]> {
  const refs = options.schoolId
    ? [await deps.store.config.getSchool(options.schoolId)].filter((r): r is SchoolRef => r !== undefined)
    : await deps.store.config.listSchools();
  const results: DigestResult[] = [];
  for (const ref of refs) results.push(await digestForSchool(deps, ref, options.force ?? false));
  return results;
}

async function digestForSchool(
  deps: Pick<AppDeps, 'store' | 'mailer' | 'clock' | 'newId' | 'log' | 'settings'>,
  { trustId, school }: SchoolRef,
  force: boolean,
): Promise<DigestResult> {
  const now = deps.clock();
  const local = localParts(now, school.timezone);
  const base = { schoolId: school.id, localDate: local.date, mentions: 0 };
  if (!force && local.hour < school.digestHour) return { ...base, outcome: 'not-due' };
  const existing = await deps.store.digests.get(school.id, local.date);
  if (existing && existing.state !== 'claimed') return { ...base, outcome: 'already-sent', messageId: existing.messageId };
  if (school.recipients.length === 0) {
    deps.log.warn('school has no digest recipients; add some with config import', { schoolId: school.id });
    return { ...base, outcome: 'no-recipients' };
  }
  const claim = await deps.store.digests.claim(school.id, local.date, now, deps.newId(), DIGEST_LEASE_MS);
  if (!claim.claimed) return { ...base, outcome: claim.record.state === 'claimed' ? 'in-progress' : 'already-sent', messageId: claim.record.messageId };

  const mentions = await deps.store.mentions.listUndigested(school.id, new Date(now.getTime() - LOOKBACK_MS).toISOString());
  if (mentions.length === 0 && !school.allClear) {
    await deps.store.digests.complete(claim.record, { state: 'empty', sentAt: now.toISOString(), mentionIds: [] });
    return { ...base, outcome: 'nothing-new' };
  }
  const trust = await deps.store.config.getTrust(trustId);
  const rendered = renderDigest({ school, trustName: trust?.name, mentions, localDate: local.date, webBaseUrl: deps.settings.webBaseUrl, allClear: school.allClear });
  try {
    const { messageId } = await deps.mailer.send(digestMail({ from: deps.settings.mailFrom, school, localDate: local.date, rendered }));
    await deps.store.digests.complete(claim.record, {
      state: 'sent',
      sentAt: deps.clock().toISOString(),
      messageId,
      mentionIds: mentions.map((m) => m.id),
      recipients: school.recipients,
    });
    await deps.store.mentions.markDigested(mentions, `${school.id}/${local.date}`, deps.clock().toISOString());
    deps.log.info('digest sent', { schoolId: school.id, mentions: mentions.length, messageId });
    return { ...base, outcome: 'sent', mentions: mentions.length, messageId };
  } catch (err) {
    if (!(err instanceof MailError)) throw err;
    // The claim stays open without a message id, so the next run after the lease sends it: nothing is lost.
    await deps.store.digests.recordError(claim.record, err.message);
    deps.log.error('digest send failed; it will be retried on the next run', { schoolId: school.id, error: err.message });
    return { ...base, outcome: 'failed', mentions: mentions.length, error: err.message };
  }
}
