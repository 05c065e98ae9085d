import type { EvidenceStore } from '../evidence/evidence-store';
import type { Logger } from './deps';
import { z } from 'zod';
import type { Principal } from '../auth/principal';
import type { Store } from '../store';
import type { ReviewEvent, ViewEvent } from '../store/review-store';
import type { FalsePositiveTerm } from '../store/false-positive-store';
import type { Mention, ReviewStatus } from '../store/types';
import { MentionsQuery, NotFoundError, type ReviewedMention } from './mentions-query';

/** Review input that cannot be accepted, by field (shown next to the field). */
export class ReviewValidationError extends Error {
  override readonly name = 'ReviewValidationError';
  constructor(readonly problems: Record<string, string>) {
    super(Object.entries(problems).map(([k, v]) => `${k}: ${v}`).join('; '));
  }
}

/** Someone else changed the status since the form was loaded; nothing was written. */
export class ReviewConflictError extends Error {
  override readonly name = 'ReviewConflictError';
  constructor(readonly current: ReviewStatus) {
    super(`This item was changed by someone else meanwhile; it is now “${current}”. Reload it and try again.`);
  }
}

const Status = z.enum(['new', 'reviewed', 'escalated', 'dismissed']);
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

export const ReviewInput = z.object({
  /** Absent or blank: keep the current status (a note only, or an assignment). */
  status: z.preprocess(blankToUndefined, Status.optional()),
  note: z.string({ message: 'Add a note saying why (it is kept in the audit trail)' }).trim().min(1, 'Add a note saying why (it is kept in the audit trail)').max(2000, 'Keep the note under 2,000 characters'),
  /** Absent: keep the current assignee. Blank or null: unassign. */
  assignee: z.preprocess((v) => (v === null ? '' : v), z.string().trim().toLowerCase().max(254).refine((v) => v === '' || z.email().safeParse(v).success, 'Enter the assignee’s email address').optional()),
  /** The status the reviewer saw; a mismatch means a concurrent change. */
  expected: z.preprocess(blankToUndefined, Status.optional()),
});
export type ReviewInput = z.input<typeof ReviewInput>;

function parseReview(input: unknown): z.infer<typeof ReviewInput> {
  const parsed = ReviewInput.safeParse(input);
  if (parsed.success) return parsed.data;
  const problems: Record<string, string> = {};
  for (const i of parsed.error.issues) problems[String(i.path[0] ?? 'review')] ??= i.message;
  throw new ReviewValidationError(problems);
}

/**
 * Reviews a mention within the caller's scope: a status change with a note, a note alone (status kept), or
 * an assignment (`assignee`: an address assigns, blank unassigns, absent keeps). Every one is an audit event.
 * Audit first: the event is written, then the mention changes only if its status is still what the reviewer
 * saw; if it is not, the event is withdrawn and ReviewConflictError thrown. So every applied change has its
 * event, and a change that lost a race leaves none.
 */
export async function reviewMention(
  deps: { store: Store; clock: () => Date; evidence?: EvidenceStore; log?: Logger },
  principal: Principal,
  mentionId: string,
  input: unknown,
): Promise<{ mention: ReviewedMention; event: ReviewEvent }> {
  const mention = await new MentionsQuery(deps.store, principal).get(mentionId);
  const parsed = parseReview(input);
  const { note, expected } = parsed;
  const from = mention.status;
  if (expected && expected !== from) throw new ReviewConflictError(from);
  const to = parsed.status ?? from;
  const assignee = parsed.assignee === undefined ? mention.assignee : parsed.assignee || undefined;
  const action: ReviewEvent['action'] = to !== from ? undefined : assignee !== mention.assignee ? (assignee ? 'assign' : 'unassign') : 'note';
  const at = deps.clock().toISOString();
  const event: ReviewEvent = { mentionId, at, actor: principal.email, actorRole: principal.role, from, to, note, ...(assignee ? { assignee } : {}), ...(action ? { action } : {}) };
  const key = await deps.store.reviews.append(event);
  const applied = await deps.store.mentions.transitionStatus(mention, from, to, { reviewedAt: at, reviewedBy: principal.email, assignee });
  if (!applied) {
    await deps.store.reviews.withdraw(key);
    const now = await deps.store.mentions.get(mentionId);
    throw new ReviewConflictError(now?.status ?? from);
  }
  if (to === 'dismissed' && from !== 'dismissed') await deps.store.falsePositives.learn(falsePositiveTerms(mention, at, principal.email));
  if (from === 'dismissed' && to !== 'dismissed') await deps.store.falsePositives.forget(mention, mention.id);
  // Escalated evidence is kept past retention: its captured files get an Object Lock legal hold (lifted on release).
  if ((to === 'escalated') !== (from === 'escalated') && deps.evidence && mention.capture?.prefix) {
    await deps.evidence.setLegalHold(mention.capture.prefix, to === 'escalated').catch((err: Error) =>
      deps.log?.error('could not change the legal hold on captured evidence; change the status again to retry', { mentionId, error: err.message }),
    );
  }
  return { mention: { ...mention, status: to, assignee, reviewedAt: at, reviewedBy: principal.email }, event };
}

/** Assigns a mention to someone (or to nobody) with an audit event; the note defaults to saying so. */
export async function assignMention(
  deps: { store: Store; clock: () => Date },
  principal: Principal,
  mentionId: string,
  input: { assignee?: string | null; note?: string; expected?: string },
): Promise<{ mention: ReviewedMention; event: ReviewEvent }> {
  const who = (input.assignee ?? '').trim().toLowerCase();
  const note = input.note?.trim() || (who ? `Assigned to ${who}.` : 'Unassigned.');
  return reviewMention(deps, principal, mentionId, { note, assignee: who, expected: input.expected });
}

/** One item's result in a bulk change. */
export interface BulkOutcome {
  id: string;
  outcome: 'changed' | 'unchanged' | 'conflict' | 'not-found';
  message?: string;
}

/** The most items one bulk change may name (a list page holds at most 200). */
export const MAX_BULK = 200;

/**
 * Changes many mentions to one status with one note. The input is validated once, before any write; then
 * each item is reviewed on its own (its own audit event, its own conflict check), so one item changed
 * meanwhile or out of scope does not stop the others. Items already at that status are left alone.
 */
export async function reviewMany(
  deps: { store: Store; clock: () => Date },
  principal: Principal,
  ids: string[],
  input: { status?: string; note?: string },
): Promise<BulkOutcome[]> {
  const unique = [...new Set(ids.map((i) => i.trim()).filter(Boolean))];
  const problems: Record<string, string> = {};
  if (unique.length === 0) problems.ids = 'Tick at least one item to change';
  if (unique.length > MAX_BULK) problems.ids = `Change at most ${MAX_BULK} items at a time`;
  const parsed = ReviewInput.safeParse({ status: input.status, note: input.note });
  if (!parsed.success) for (const i of parsed.error.issues) problems[String(i.path[0] ?? 'review')] ??= i.message;
  if (parsed.success && !parsed.data.status) problems.status = 'Choose the new status';
  if (Object.keys(problems).length) throw new ReviewValidationError(problems);
  const { status, note } = parsed.data!;
  const out: BulkOutcome[] = [];
  for (const id of unique) {
    try {
      const current = await new MentionsQuery(deps.store, principal).get(id);
      if (current.status === status) {
        out.push({ id, outcome: 'unchanged', message: `already “${status}”` });
        continue;
      }
      await reviewMention(deps, principal, id, { status, note, expected: current.status });
      out.push({ id, outcome: 'changed' });
    } catch (err) {
      if (err instanceof NotFoundError) out.push({ id, outcome: 'not-found', message: 'not found in your schools' });
      else if (err instanceof ReviewConflictError) out.push({ id, outcome: 'conflict', message: err.message });
      else throw err;
    }
  }
  return out;
}

/**
 * What a dismissal teaches: the words that made abuse or reputation categories fire. Confidential findings
 * (a named pupil's details, a phone number) are facts, not wording, so a dismissal never silences them.
 */
export function falsePositiveTerms(mention: Mention, at: string, by: string): FalsePositiveTerm[] {
  const families = new Map(mention.score.categories.map((c) => [c.id, c.family]));
  const seen = new Set<string>();
  const terms: FalsePositiveTerm[] = [];
  for (const e of mention.score.evidence) {
    const family = families.get(e.category);
    const term = e.text.trim().toLowerCase().replace(/\s+/g, ' ');
    if (!family || family === 'confidential' || term.length < 3 || term.length > 80 || seen.has(term)) continue;
    seen.add(term);
    terms.push({ trustId: mention.trustId, schoolId: mention.schoolId, term, mentionId: mention.id, category: e.category, at, by });
  }
  return terms;
}

/** The audit trail shown on the item (oldest first), scoped like every read. */
export async function reviewHistory(deps: { store: Store }, principal: Principal, mentionId: string): Promise<ReviewEvent[]> {
  await new MentionsQuery(deps.store, principal).get(mentionId);
  return deps.store.reviews.history(mentionId);
}

/** Reads the snapshot as a person and records that read (data protection: every read is an audit event). */
export async function readSnapshot(
  deps: { store: Store; clock: () => Date },
  principal: Principal,
  mentionId: string,
  via: ViewEvent['via'],
  file?: string,
): Promise<ReviewedMention> {
  const mention = await new MentionsQuery(deps.store, principal).get(mentionId);
  await deps.store.reviews.recordView({ mentionId, at: deps.clock().toISOString(), actor: principal.email, actorRole: principal.role, via, ...(file ? { file } : {}) });
  return mention;
}
