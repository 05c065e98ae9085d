import { describe, expect, it } from 'vitest';
import { DUE_MARGIN_MS, groupFeeds, isDue, mapLimit, planPolls, type PlanDeps } from '../../lib/app/plan-polls';
import type { SchoolRef } from '../../lib/config/schema';
import { feedKey } from '../../lib/feeds';
import type { FeedState } from '../../lib/store/feed-state-store';
import { school } from '../support/fixtures';

const NOW = Date.parse('2026-11-21T10:00:00Z');
const at = (offsetMs: number) => new Date(NOW + offsetMs).toISOString();
const SHARED = 'https://news.example/shared.xml';

const refs: SchoolRef[] = [
  { trustId: 'meridian', school: school({ id: 'northgate', feeds: [{ source: 'rss', url: SHARED }, { source: 'rss', url: 'https://news.example/north.xml' }] }) },
  { trustId: 'meridian', school: school({ id: 'kestrel', feeds: [{ source: 'rss', url: SHARED }] }) },
  { trustId: 'harbour', school: school({ id: 'seaview', feeds: [{ source: 'rss', url: SHARED }, { source: 'rss', url: SHARED }] }) },
];

function fakeDeps(states: Record<string, FeedState>): PlanDeps & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    clock: () => new Date(NOW),
    store: {
      config: { listSchools: async () => refs },
      feeds: { get: async (hash: string) => (reads.push(hash), states[hash]) },
    },
  };
}

describe('groupFeeds', () => {
  it('makes one job per URL listing every school that watches it once', () => {
    const jobs = groupFeeds(refs);
    expect(jobs.map((j) => j.url).sort()).toEqual(['https://news.example/north.xml', SHARED]);
    const shared = jobs.find((j) => j.url === SHARED)!;
    expect(shared.urlHash).toBe(feedKey(SHARED));
    expect(shared.schools).toEqual([
      { trustId: 'meridian', schoolId: 'northgate' },
      { trustId: 'meridian', schoolId: 'kestrel' },
      { trustId: 'harbour', schoolId: 'seaview' },
    ]);
  });
});

describe('isDue', () => {
  it('is due when never polled or when the stored time is unreadable', () => {
    expect(isDue(undefined, NOW)).toBe(true);
    expect(isDue({ consecutiveFailures: 0 }, NOW)).toBe(true);
    expect(isDue({ nextPollAt: 'not a date', consecutiveFailures: 0 }, NOW)).toBe(true);
  });

  it('counts a healthy feed as due within the 2-minute margin, not before', () => {
    expect(isDue({ nextPollAt: at(0), consecutiveFailures: 0 }, NOW)).toBe(true);
    expect(isDue({ nextPollAt: at(DUE_MARGIN_MS), consecutiveFailures: 0 }, NOW)).toBe(true);
    expect(isDue({ nextPollAt: at(DUE_MARGIN_MS + 1000), consecutiveFailures: 0 }, NOW)).toBe(false);
    expect(isDue({ nextPollAt: at(30 * 60_000), consecutiveFailures: 0 }, NOW)).toBe(false);
  });

  it('gives a failing feed no margin, so a backoff or Retry-After is never cut short', () => {
    expect(isDue({ nextPollAt: at(60_000), consecutiveFailures: 1 }, NOW)).toBe(false);
    expect(isDue({ nextPollAt: at(0), consecutiveFailures: 3 }, NOW)).toBe(true);
    expect(isDue({ nextPollAt: at(-1000), consecutiveFailures: 3 }, NOW)).toBe(true);
  });
});

describe('planPolls', () => {
  it('keeps only the feeds that are due, reading each feed state once', async () => {
    const deps = fakeDeps({
      [feedKey(SHARED)]: { url: SHARED, consecutiveFailures: 0, nextPollAt: at(25 * 60_000) },
    });
    const jobs = await planPolls(deps);
    expect(jobs.map((j) => j.url)).toEqual(['https://news.example/north.xml']);
    expect(deps.reads.sort()).toEqual([feedKey(SHARED), feedKey('https://news.example/north.xml')].sort());
  });

  it('returns every feed with includeNotDue, without reading feed state', async () => {
    const deps = fakeDeps({ [feedKey(SHARED)]: { url: SHARED, consecutiveFailures: 0, nextPollAt: at(25 * 60_000) } });
    expect(await planPolls(deps, { includeNotDue: true })).toHaveLength(2);
    expect(deps.reads).toEqual([]);
  });
});

describe('mapLimit', () => {
  it('keeps input order and never runs more than the limit at once', async () => {
    let inFlight = 0;
    let peak = 0;
    const out = await mapLimit([5, 4, 3, 2, 1, 0], 2, async (n) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((r) => setTimeout(r, n));
      inFlight--;
      return n * 10;
    });
    expect(out).toEqual([50, 40, 30, 20, 10, 0]);
    expect(peak).toBe(2);
  });
});
