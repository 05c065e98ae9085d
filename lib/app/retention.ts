import { createHash } from 'node:crypto';
import type { SchoolRef } from '../config/schema';
import { mentionPrefix, schoolPrefix, type EvidenceStore } from '../evidence/evidence-store';
import type { Store } from '../store';
import type { AlertBatch } from '../store/alert-store';
import type { Mention } from '../store/types';
import type { AppDeps } from './deps';
import { MIGRATIONS } from './migrate';

export interface PurgeResult {
  schoolId: string;
  mentionsErased: number;
  /** Escalated items are kept past retention until someone releases them (changes their status). */
  escalatedKept: number;
  seenMarkersPurged: number;
  /** Urgent-alert records (recipients, mention ids) claimed before the cut-off. */
  alertBatchesPurged: number;
}

/** Subtracts calendar months in UTC (retention is stated in months). */
export function monthsBefore(now: Date, months: number): Date {
  const d = new Date(now.getTime());
  d.setUTCMonth(d.getUTCMonth() - months);
  return d;
}

/**
 * Enforces each trust's retention period: snapshots captured longer ago than `retentionMonths` are erased
 * with their audit trail, except escalated ones; expired dedupe markers go too. Runs daily from the local
 * scheduler and the digest Lambda; `dryRun` reports without deleting.
 */
export async function purgeExpired(deps: Pick<AppDeps, 'store' | 'clock' | 'log' | 'evidence'>, options: { dryRun?: boolean } = {}): Promise<PurgeResult[]> {
  const now = deps.clock();
  const results: PurgeResult[] = [];
  for (const trust of await deps.store.config.listTrusts()) {
    const cutoff = monthsBefore(now, trust.retentionMonths).toISOString();
    for (const { school } of await deps.store.config.listSchools(trust.id)) {
      const key = { trustId: trust.id, schoolId: school.id };
      const old = await deps.store.retention.mentionsCapturedBefore(key, cutoff);
      const due = old.filter((m) => m.status !== 'escalated');
      if (!options.dryRun) {
        for (const m of due) {
          // Captures first: if the bucket fails, the mention stays and the next purge tries both again.
          await deps.evidence?.deletePrefix(mentionPrefix({ trustId: trust.id, schoolId: school.id, mentionId: m.id }));
          await deps.store.retention.eraseMention(m);
        }
      }
      const seenMarkersPurged = options.dryRun ? 0 : await deps.store.retention.purgeExpiredSeenMarkers(key, Math.floor(now.getTime() / 1000));
      // Alert records name recipients and mentions, so they follow the same retention period.
      const oldBatches = await deps.store.alerts.batchesBefore(trust.id, school.id, cutoff);
      if (!options.dryRun) for (const b of oldBatches) await deps.store.alerts.deleteBatch(b);
      results.push({ schoolId: school.id, mentionsErased: due.length, escalatedKept: old.length - due.length, seenMarkersPurged, alertBatchesPurged: oldBatches.length });
    }
  }
  const erased = results.reduce((n, r) => n + r.mentionsErased, 0);
  if (erased > 0) deps.log.info('retention purge', { erased, dryRun: options.dryRun ?? false });
  return results;
}

export interface EvidenceFileExport {
  key: string;
  bytes: number;
  sha256: string;
  contentBase64: string;
}

export interface SchoolExport {
  school: SchoolRef;
  exportedAt: string;
  /** Each mention with its audit history and its captured evidence files (screen print, HTML, text, manifest). */
  mentions: (Mention & { history: unknown[]; evidenceFiles?: EvidenceFileExport[] })[];
  /** Urgent alerts sent about the school: when, to whom, which mentions, and how each send ended. */
  alertBatches?: AlertBatch[];
}

async function evidenceFiles(evidence: EvidenceStore, prefix: string): Promise<EvidenceFileExport[]> {
  const out: EvidenceFileExport[] = [];
  for (const key of await evidence.list(prefix)) {
    const body = await evidence.get(key);
    if (body) out.push({ key, bytes: body.length, sha256: createHash('sha256').update(body).digest('hex'), contentBase64: body.toString('base64') });
  }
  return out;
}

/**
 * Everything held about one school's mentions, with their captured evidence files, for a subject-access or
 * data-portability request. The school is found by id (ids are unique across trusts); `trustId`, when the caller
 * is scoped to a trust, must match. Reads key on (trust, school) from then on.
 */
export async function exportSchoolData(deps: { store: Store; clock: () => Date; evidence?: EvidenceStore }, schoolId: string, trustId?: string): Promise<SchoolExport | undefined> {
  const school = await deps.store.config.getSchool(schoolId, trustId);
  if (!school) return undefined;
  const far = new Date(deps.clock().getTime() + 86400_000).toISOString();
  const mentions = await deps.store.retention.mentionsCapturedBefore({ trustId: school.trustId, schoolId }, far);
  const withHistory = [];
  for (const m of mentions) {
    const files = deps.evidence ? await evidenceFiles(deps.evidence, mentionPrefix({ trustId: school.trustId, schoolId, mentionId: m.id })) : [];
    withHistory.push({ ...m, history: await deps.store.reviews.history(m.id), ...(files.length ? { evidenceFiles: files } : {}) });
  }
  const alertBatches = await deps.store.alerts.batchesBefore(school.trustId, schoolId, far);
  return { school, exportedAt: deps.clock().toISOString(), mentions: withHistory, ...(alertBatches.length ? { alertBatches } : {}) };
}

/**
 * Erases every mention, audit trail, dedupe marker, digest record, migration checkpoint and captured evidence file of a school; its
 * configuration stays. Everything it deletes is keyed by (trust, school), so it can never reach another trust's
 * data; `trustId`, when the caller is scoped to a trust (the admin console), must own the school.
 */
export async function eraseSchoolData(
  deps: { store: Store; clock: () => Date; evidence?: EvidenceStore },
  schoolId: string,
  trustId?: string,
): Promise<{ mentions: number; items: number; evidenceFiles: number } | undefined> {
  const school = await deps.store.config.getSchool(schoolId, trustId);
  if (!school) return undefined;
  const key = { trustId: school.trustId, schoolId };
  const far = new Date(deps.clock().getTime() + 86400_000).toISOString();
  const mentions = await deps.store.retention.mentionsCapturedBefore(key, far);
  // The whole school prefix goes, which also catches a capture whose mention was erased mid-capture.
  const evidenceFiles = (await deps.evidence?.deletePrefix(schoolPrefix(key))) ?? 0;
  for (const m of mentions) await deps.store.retention.eraseMention(m);
  const items = await deps.store.retention.eraseSchoolPartition(key);
  await deps.store.migrations.forget(MIGRATIONS, key);
  return { mentions: mentions.length, items, evidenceFiles };
}
