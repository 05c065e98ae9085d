import type { PollDeps } from '../lib/app/poll-feed';
import type { PlanDeps } from '../lib/app/plan-polls';
import type { SchoolRef } from '../lib/config/schema';
import type { FeedState } from '../lib/store/feed-state-store';
import type { Store } from '../lib/store';

/**
 * A store that does no I/O, for the benchmark only: it keeps the semantics pollFeed relies on (dedupe per
 * school + item, build the snapshot of a flagged item once) in Maps, so the same pipeline runs with the store's
 * cost taken out. The difference between a run on this and a run on dynalite is the store's share of the time.
 */
export function createNoopStore(schools: SchoolRef[]): PollDeps['store'] & PlanDeps['store'] & { counts(): { calls: number } } {
  const byId = new Map(schools.map((ref) => [ref.school.id, ref]));
  const feeds = new Map<string, FeedState>();
  const seen = new Set<string>();
  let calls = 0;
  return {
    config: {
      listSchools: async () => (calls++, schools),
      getSchool: async (id: string) => (calls++, byId.get(id)),
    },
    feeds: {
      get: async (hash: string) => (calls++, feeds.get(hash)),
      save: async (hash: string, state: FeedState) => void (calls++, feeds.set(hash, state)),
    },
    mentions: {
      async record(input) {
        calls++;
        const key = `${input.schoolId}\n${input.itemKey}`;
        if (seen.has(key)) return 'duplicate';
        seen.add(key);
        if (!input.build) return 'seen';
        input.build(input.capturedAt); // the snapshot (text cap, SHA-256) is our code, so it stays in the measurement
        return 'stored';
      },
    },
    falsePositives: { terms: async () => (calls++, []) },
    // The benchmark polls feeds only; an Ofsted page would keep its per-school state here.
    ofsted: { get: async () => (calls++, undefined), save: async () => void calls++ },
    counts: () => ({ calls }),
  };
}
