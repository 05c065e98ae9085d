import { z } from 'zod';
import type { Principal } from '../auth/principal';
import type { Store } from '../store';
import type { ReviewEvent, ViewEvent } from '../store/review-store';
import type { FalsePositiveTerm } from '../store/false-positive-store';
import type { Mention, ReviewStatus } from '../store/types';
import { MentionsQuery, type ReviewedMention } from './mentions-query';

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
  status: Status,
  note: z.string().trim().min(1, 'Add a note saying why (it is kept in the audit trail)').max(2000, 'Keep the note under 2,000 characters'),
  assignee: z.preprocess(blankToUndefined, z.string().trim().toLowerCase().email('Enter the assignee’s email address').max(254).optional()),
  /** The status the reviewer saw; a mismatch means a concurrent change. */
  expected: z.preprocess(blankToUndefined, Status.optional()),
});
export type ReviewInput = z.input<typeof ReviewInput>;

/**
 * Changes a mention's review status with a note (and optional assignee), within the caller's scope.
 * Audit first: the event is written, then the status changes only if it is still what the reviewer saw;
 * if it is not, the event is withdrawn and ReviewConflictError thrown. So every applied change has its
 * event, and a change that lost a race leaves none.
 */
export async function reviewMention(
  deps: { store: Store; clock: () => Date },
  principal: Principal,
  mentionId: string,
  input: unknown,
): Promise<{ mention: ReviewedMention; event: ReviewEvent }> {
  const mention = await new MentionsQuery(deps.store, principal).get(mentionId);
  const parsed = ReviewInput.safeParse(input);
  if (!parsed.success) {
    const problems: Record<string, string> = {};
    for (const i of parsed.error.issues) problems[String(i.path[0] ?? 'review')] ??= i.message;
    throw new ReviewValidationError(problems);
  }
  const { status: to, note, assignee, expected } = parsed.data;
  const from = mention.status;
  if (expected && expected !== from) throw new ReviewConflictError(from);
  if (to === from && (assignee ?? '') === (mention.assignee ?? '')) {
    throw new ReviewValidationError({ status: `It is already “${from}”: choose a different status or assignee` });
  }
  const at = deps.clock().toISOString();
  const event: ReviewEvent = { mentionId, at, actor: principal.email, actorRole: principal.role, from, to, note, ...(assignee ? { assignee } : {}) };
  const key = await deps.store.reviews.append(event);
  const applied = await deps.store.mentions.transitionStatus(mention, from, to, { reviewedAt: at, reviewedBy: principal.email, assignee });
  if (!applied) {
    await deps.store.reviews.withdraw(key);
    const now = await deps.store.mentions.get(mentionId);
    throw new ReviewConflictError(now?.status ?? from);
  }
  if (to === 'dismissed' && from !== 'dismissed') await deps.store.falsePositives.learn(falsePositiveTerms(mention, at, principal.email));
  if (from === 'dismissed' && to !== 'dismissed') await deps.store.falsePositives.forget(mention, mention.id);
  return { mention: { ...mention, status: to, assignee, reviewedAt: at, reviewedBy: principal.email }, event };
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
): Promise<ReviewedMention> {
  const mention = await new MentionsQuery(deps.store, principal).get(mentionId);
  await deps.store.reviews.recordView({ mentionId, at: deps.clock().toISOString(), actor: principal.email, actorRole: principal.role, via });
  return mention;
}
