import type { Principal } from '../auth/principal';
import type { Store } from '../store';
import type { MentionHeadline, ScanPartition } from '../store/mention-store';
import type { Family } from '../score/types';
import { FAMILIES, localDay, mentionsFor, type ReviewedMention } from './mentions-query';

/**
 * Categories that make a high-severity item urgent on the dashboard: threats, a named pupil's
 * SEN/medical/safeguarding details, and leaked credentials. (The urgent-alert emails keep their own,
 * per-trust configurable list; an item they alerted on, `alertedAt`, counts as urgent here too.)
 */
export const URGENT_CATEGORIES: readonly string[] = ['abuse.threat', 'confidential.pupil-personal', 'confidential.credentials'];

const TREND_DAYS = 30;

export function isUrgent(m: Pick<MentionHeadline, 'alertedAt' | 'severity' | 'categories'>): boolean {
  if (m.alertedAt) return true;
  return m.severity === 'high' && m.categories.some((c) => c.severity === 'high' && URGENT_CATEGORIES.includes(c.id));
}

export interface SchoolSummary {
  schoolId: string;
  name: string;
  unreviewed: number;
  byFamily: Record<Family, number>;
  oldestUnreviewedAt?: string;
}

/** A list entry without the captured text (reading that is a separate, audited call). */
export type MentionBrief = Pick<ReviewedMention, 'id' | 'schoolId' | 'title' | 'capturedAt' | 'publishedAt' | 'severity' | 'families' | 'status' | 'assignee'> & {
  categories: string[];
  alertedAt?: string;
};

export interface TriageSummary {
  generatedAt: string;
  /** The timezone the trend's days are counted in. */
  timezone: string;
  /** Items with status "new". */
  unreviewed: number;
  byFamily: Record<Family, number>;
  schools: SchoolSummary[];
  oldestUnreviewed?: MentionBrief & { ageHours: number };
  /** Unreviewed urgent items, newest first (at most 20). */
  urgent: MentionBrief[];
  urgentCount: number;
  /** One entry per day, oldest first, ending today: items captured that day and how many were urgent. */
  trend: { date: string; flagged: number; urgent: number }[];
  /** Whether anything was ever stored in scope (still held: retention erases old items), for the empty state. */
  anyFlagged: boolean;
}

const zero = (): Record<Family, number> => ({ abuse: 0, confidential: 0, reputation: 0 });

const brief = (m: MentionHeadline): MentionBrief => ({
  id: m.id,
  schoolId: m.schoolId,
  title: m.title,
  capturedAt: m.capturedAt,
  publishedAt: m.publishedAt,
  severity: m.severity,
  families: m.families,
  status: m.status,
  assignee: m.assignee,
  categories: m.categories.map((c) => c.id),
  ...(m.alertedAt ? { alertedAt: m.alertedAt } : {}),
});

/**
 * What a trust team (or a head) needs first: how much is waiting per school and family, how long the oldest
 * has waited, the urgent items, and the last 30 days. Scoped like the list (the principal's schools); reads the
 * unreviewed index and the last 30 days only, so its cost follows the backlog and the month, not the history.
 */
export async function triageSummary(deps: { store: Store; clock: () => Date }, principal: Principal): Promise<TriageSummary> {
  const q = mentionsFor(deps, principal);
  const schools = await q.schools();
  const now = deps.clock();
  const timezone = (principal.schoolId && schools.find((s) => s.school.id === principal.schoolId)?.school.timezone) || 'Europe/London';
  const perSchool = new Map<string, SchoolSummary>(
    schools.map((s) => [s.school.id, { schoolId: s.school.id, name: s.school.name, unreviewed: 0, byFamily: zero(), oldestUnreviewedAt: undefined }]),
  );
  const days: string[] = [];
  for (let i = TREND_DAYS - 1; i >= 0; i--) days.push(localDay(new Date(now.getTime() - i * 86_400_000).toISOString(), timezone));
  const trend = new Map(days.map((d) => [d, { date: d, flagged: 0, urgent: 0 }]));
  const byFamily = zero();
  let unreviewed = 0;
  let oldest: MentionHeadline | undefined;
  const urgent: MentionHeadline[] = [];
  // The one summary both ends return: what was counted so far (nothing, where no school is in scope).
  const summary = (anyFlagged: boolean): TriageSummary => ({
    generatedAt: now.toISOString(),
    timezone,
    unreviewed,
    byFamily,
    schools: [...perSchool.values()].sort((a, b) => b.unreviewed - a.unreviewed || a.name.localeCompare(b.name)),
    oldestUnreviewed: oldest ? { ...brief(oldest), ageHours: Math.max(0, Math.floor((now.getTime() - Date.parse(oldest.capturedAt)) / 3_600_000)) } : undefined,
    urgent: urgent.slice(0, 20).map(brief),
    urgentCount: urgent.length,
    trend: days.map((d) => trend.get(d)!),
    anyFlagged,
  });

  // A head reads their school (trust and school both in the key); others their trust. Two reads, neither of
  // which grows with history: the unreviewed index holds only items with status "new", and the trend reads
  // only what was captured in the last 30 days.
  const partition = principal.role === 'head' ? (principal.schoolId ? { trustId: principal.trustId, schoolId: principal.schoolId } : undefined) : { trustId: principal.trustId };
  if (!partition) return summary(false);
  // The earliest trend day starts at most 14 hours before its UTC date begins (UTC+14); a day earlier is safe.
  const from = new Date(now.getTime() - (TREND_DAYS + 1) * 86_400_000).toISOString();
  // Unreviewed items of the last 30 days come with the trend read (each headline has its status); the unreviewed
  // index is read only for those captured before it, per visible school, so no item is read twice.
  const [older, recent] = await Promise.all([
    Promise.all([...perSchool.keys()].map((schoolId) => deps.store.mentions.unreviewedHeadlines({ trustId: principal.trustId, schoolId }, { capturedBefore: from }))),
    recentHeadlines(deps.store, partition, from),
  ]);
  // the index holds only unreviewed items, but a stale entry (written by older code during a deploy) must not count
  const waiting = [...older.flat(), ...recent].filter((m) => m.status === 'new');

  for (const m of recent) {
    if (!perSchool.has(m.schoolId)) continue; // not visible to this principal
    const day = trend.get(localDay(m.capturedAt, timezone));
    if (!day) continue;
    day.flagged++;
    if (isUrgent(m)) day.urgent++;
  }
  // Newest first by `capturedAt#id` (the trust index's order, byte-wise), so ties resolve as they always did.
  waiting.sort(newestFirst);
  for (const m of waiting) {
    const school = perSchool.get(m.schoolId);
    if (!school) continue; // not visible to this principal
    unreviewed++;
    school.unreviewed++;
    for (const f of m.families) {
      school.byFamily[f]++;
      byFamily[f]++;
    }
    if (!school.oldestUnreviewedAt || m.capturedAt < school.oldestUnreviewedAt) school.oldestUnreviewedAt = m.capturedAt;
    if (!oldest || m.capturedAt < oldest.capturedAt) oldest = m;
    if (isUrgent(m)) urgent.push(m);
  }
  const anyFlagged = unreviewed > 0 || recent.some((m) => perSchool.has(m.schoolId)) || (await deps.store.mentions.anyStored(partition));

  return summary(anyFlagged);
}

const sortKey = (m: MentionHeadline) => `${m.capturedAt}#${m.id}`;
const newestFirst = (a: MentionHeadline, b: MentionHeadline) => (sortKey(a) < sortKey(b) ? 1 : sortKey(a) > sortKey(b) ? -1 : 0);

/** Every headline of the partition captured at or after `from` (ISO), newest first. */
async function recentHeadlines(store: Store, partition: ScanPartition, from: string): Promise<MentionHeadline[]> {
  const out: MentionHeadline[] = [];
  let before: string | undefined;
  for (;;) {
    const chunk = await store.mentions.scanHeadlines(partition, { from, before, limit: 500 });
    out.push(...chunk.mentions);
    if (chunk.exhausted || !chunk.lastKey) return out;
    before = chunk.lastKey;
  }
}

/** "3 days 4 hours", "5 hours", "under an hour". */
export function describeAge(hours: number): string {
  if (hours < 1) return 'under an hour';
  const d = Math.floor(hours / 24);
  const h = hours % 24;
  const part = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  return d === 0 ? part(h, 'hour') : h === 0 ? part(d, 'day') : `${part(d, 'day')} ${part(h, 'hour')}`;
}

export { FAMILIES };
