import type { DailySendRecord } from '../store/daily-claims';
import { digestOwner } from '../store/digest-store';
import type { AppDeps } from './deps';

/** A claim could not be released; the message says why and what to do. */
export class DigestReleaseError extends Error {
  override readonly name = 'DigestReleaseError';
}

export interface ReleaseInput {
  trustId: string;
  /** The school whose digest claim to release; omitted: the trust's roll-up. */
  schoolId?: string;
  /** The school's (or roll-up's) local date, YYYY-MM-DD. */
  localDate: string;
  /** Who released it (`cli:alice`, an admin's email): kept on the record. */
  by: string;
  /** Why (e.g. "head confirmed nothing arrived"): required, kept on the record. */
  note: string;
}

/**
 * Releases an open digest (or roll-up) claim early, so the next run sends the day at once instead of after
 * the lease: for a run that died, or a send whose outcome is unknown once someone checked it did not
 * arrive (releasing one that did arrive means the recipients get it twice). The trust must own the school;
 * a sent or empty day cannot be released. Who, when and why stay on the day's record.
 */
export async function releaseDigestClaim(deps: Pick<AppDeps, 'store' | 'clock' | 'log'>, input: ReleaseInput): Promise<{ previous: DailySendRecord }> {
  const note = input.note.trim();
  if (!note) throw new DigestReleaseError('Give a note saying why the claim is released (e.g. --note "head confirmed nothing arrived"); it is kept with the day’s record.');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.localDate)) throw new DigestReleaseError(`The date "${input.localDate}" is not YYYY-MM-DD (the school's local date of the digest).`);
  const what = input.schoolId ? `the digest of ${input.schoolId}` : `the roll-up of ${input.trustId}`;
  let record: DailySendRecord | undefined;
  let release: (r: DailySendRecord, at: string) => Promise<boolean>;
  if (input.schoolId) {
    const ref = await deps.store.config.getSchool(input.schoolId, input.trustId);
    if (!ref || ref.trustId !== input.trustId) throw new DigestReleaseError(`Trust "${input.trustId}" has no school "${input.schoolId}". See the ids with: npm run -s cli -- config export`);
    const digest = await deps.store.digests.get(digestOwner({ trustId: input.trustId, schoolId: input.schoolId }), input.localDate);
    record = digest;
    release = (_r, at) => deps.store.digests.release(digest!, input.by, note, at);
  } else {
    const rollup = await deps.store.rollups.get(input.trustId, input.localDate);
    record = rollup;
    release = (_r, at) => deps.store.rollups.release(rollup!, input.by, note, at);
  }
  if (!record) throw new DigestReleaseError(`There is no digest claim for ${what} on ${input.localDate}: nothing to release (the next run will send it if it is due).`);
  if (record.state !== 'claimed') {
    throw new DigestReleaseError(`${capital(what)} on ${input.localDate} was already sent${record.state === 'empty' ? ' (nothing new that day)' : ` (message ${record.messageId || 'id not returned'})`}: nothing to release.`);
  }
  const at = deps.clock().toISOString();
  if (!(await release(record, at))) throw new DigestReleaseError(`${capital(what)} on ${input.localDate} changed while releasing it (another run finished or took it over); check it again.`);
  deps.log.warn(`digest claim released: ${what} on ${input.localDate}; the next run sends it`, { by: input.by, note, previousError: record.lastError, sendOutcome: record.sendOutcome });
  return { previous: record };
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
