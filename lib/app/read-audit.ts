import type { Principal } from '../auth/principal';
import type { Store } from '../store';
import type { ListReadEvent } from '../store/audit-store';
import type { MentionFilters } from './mentions-query';

/**
 * Records a list, search or export of flagged items as a read in the reader's trust audit. Lists keep their
 * evidence excerpts (reviewers triage from the list, and a list without the words that flagged an item would send
 * them into every snapshot), so the read is recorded instead: a trust officer can then answer "who looked at, or
 * searched for, this pupil's name". Paging markers and defaults are left out of the filters kept.
 */
export async function auditListRead(
  deps: { store: Store; clock: () => Date },
  principal: Principal,
  via: ListReadEvent['via'],
  filters: MentionFilters,
  mentions: { id: string }[],
): Promise<void> {
  const { cursor: _c, back: _b, limit: _l, sort: _s, ...kept } = filters;
  const present = Object.fromEntries(Object.entries(kept).filter(([, v]) => v !== undefined)) as Record<string, string | number>;
  await deps.store.audit.recordRead({
    trustId: principal.trustId,
    at: deps.clock().toISOString(),
    actor: principal.email,
    actorRole: principal.role,
    via,
    filters: present,
    count: mentions.length,
    mentionIds: mentions.map((m) => m.id),
  });
}
