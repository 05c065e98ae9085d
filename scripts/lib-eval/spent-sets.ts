/**
 * Which labelled sets are spent and which are unread, in one place: the trainer, the mention checks and the
 * no-behaviour-change dump read the spent ones and refuse the unread ones by name. A round's end moves its blind
 * sets from NEVER to the spent lists (data/eval/README.md and data/functional/README.md say which).
 */
import type { SuiteHalf } from '../../lib/functional/expand';

/** Sets nobody here may read: the unread blind sets (blind-2026-12-02i and -j) and the unread blind functional half (heldout-m). */
export const NEVER = /blind-2026-12-02[i-j]|heldout-m/;

/** The spent blind sets under data/eval/, oldest first: each was scored once and may be read and trained on now. */
export const SPENT_BLIND_SETS: readonly string[] = ['blind-2026-11-30', 'blind-2026-11-30b', 'blind-2026-11-30c', 'blind-2026-11-30d', 'blind-2026-11-30e', 'blind-2026-11-30f', 'blind-2026-11-30g', 'blind-2026-12-01a', 'blind-2026-12-01b', 'blind-2026-12-01c', 'blind-2026-12-01d', 'blind-2026-12-01e', 'blind-2026-12-01f', 'blind-2026-12-02a', 'blind-2026-12-02b', 'blind-2026-12-02c', 'blind-2026-12-02d', 'blind-2026-12-02e', 'blind-2026-12-02f', 'blind-2026-12-02g', 'blind-2026-12-02h'];

/** The functional halves the trainer may learn from: every spent one, never the unread blind heldout-m. */
export type TrainableHalf = Exclude<SuiteHalf, 'heldout-m'>;
export const SPENT_HALVES: readonly TrainableHalf[] = ['dev', 'heldout', 'heldout-b', 'heldout-c', 'heldout-d', 'heldout-e', 'heldout-f', 'heldout-g', 'heldout-h', 'heldout-i', 'heldout-j', 'heldout-k', 'heldout-l'];

export const isSpentHalf = (half: SuiteHalf): half is TrainableHalf => (SPENT_HALVES as readonly SuiteHalf[]).includes(half);
