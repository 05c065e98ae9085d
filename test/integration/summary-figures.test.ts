import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../lib/auth/principal';
import { localDay, type ReviewedMention } from '../../lib/app/mentions-query';
import { triageSummary, URGENT_CATEGORIES, type MentionBrief, type TriageSummary } from '../../lib/app/summary';
import type { Store } from '../../lib/store';
import type { Mention, ReviewStatus } from '../../lib/store/types';
import type { Family, Severity } from '../../lib/score/types';
import { startTestDynamo, type TestDynamo } from '../support/dynamo';
import { flaggedScore, mention, school } from '../support/fixtures';

/**
 * The Overview's figures on a varied seeded store, checked against a plain recount from every mention read whole
 * (`store.mentions.get`), for each kind of reader. Pins the dashboard's numbers so that how the summary reads the
 * store can change without any figure changing.
 */

type Full = ReviewedMention & { alertedAt?: string };

const SCHOOLS = [
  { trustId: 'meridian', id: 'northgate', name: 'Northgate Park Academy', timezone: 'Europe/London' },
  { trustId: 'meridian', id: 'kestrel', name: 'Kestrel Primary', timezone: 'Europe/Dublin' },
  { trustId: 'meridian', id: 'quay', name: 'Quay School', timezone: 'America/New_York' },
  { trustId: 'meridian', id: 'empty', name: 'Empty Academy', timezone: 'Europe/London' },
  { trustId: 'harbour', id: 'seaview', name: 'Seaview High', timezone: 'Europe/London' },
];
const NOW = new Date('2026-03-31T23:30:00.000Z'); // already 1 April in London (BST), still 31 March in New York

const CATEGORIES: { id: string; family: Family }[] = [
  { id: 'abuse.threat', family: 'abuse' },
  { id: 'abuse.disparaging', family: 'abuse' },
  { id: 'confidential.pupil-personal', family: 'confidential' },
  { id: 'confidential.credentials', family: 'confidential' },
  { id: 'confidential.internal', family: 'confidential' },
  { id: 'reputation.inspection', family: 'reputation' },
];
const SEVERITIES: Severity[] = ['high', 'medium', 'low'];
const STATUSES: ReviewStatus[] = ['new', 'new', 'new', 'new', 'reviewed', 'escalated', 'dismissed'];

function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

/** Mentions over ~45 days (some older than the trend), with one- and two-family scores, alerts and Ofsted-style items. */
function seedMentions(): Mention[] {
  const rand = rng(7);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const out: Mention[] = [];
  for (let i = 0; i < 240; i++) {
    const s = SCHOOLS.filter((x) => x.id !== 'empty')[i % 4]!;
    const capturedAt = new Date(NOW.getTime() - Math.floor(rand() * 45 * 86_400_000)).toISOString();
    const cats = [pick(CATEGORIES), ...(i % 5 === 0 ? [pick(CATEGORIES)] : [])].map((c) => ({ ...c, severity: pick(SEVERITIES) }));
    const ofsted = i % 37 === 0; // kept flagged or not: no families, no severity
    const families = ofsted ? [] : [...new Set(cats.map((c) => c.family))];
    const severity = ofsted ? null : cats.some((c) => c.severity === 'high') ? 'high' : pick(SEVERITIES);
    out.push(
      mention({
        id: `m${String(i).padStart(3, '0')}`,
        trustId: s.trustId,
        schoolId: s.id,
        capturedAt,
        ...(i % 3 === 0 ? {} : { publishedAt: new Date(Date.parse(capturedAt) - 3_600_000).toISOString() }),
        title: `Post ${i} about ${s.name}`,
        text: `A long snapshot text ${'lorem '.repeat(50)} ${i}`,
        severity,
        families,
        score: flaggedScore({
          severity: severity ?? 'low',
          families,
          categories: ofsted ? [] : cats.map((c) => ({ id: c.id, family: c.family, label: c.id, policyClause: 'Clause', severity: c.severity, reason: 'r' })),
        }),
        ...(i % 11 === 0 ? { alertedAt: new Date(Date.parse(capturedAt) + 60_000).toISOString(), alertOutcome: 'sent' as const } : {}),
      }),
    );
  }
  // Two captured in the same millisecond at one school, and two at the trend's edges.
  out.push(mention({ id: 'tie-a', trustId: 'meridian', schoolId: 'kestrel', capturedAt: '2026-03-20T10:00:00.000Z' }));
  out.push(mention({ id: 'tie-b', trustId: 'meridian', schoolId: 'kestrel', capturedAt: '2026-03-20T10:00:00.000Z' }));
  out.push(mention({ id: 'edge-old', trustId: 'meridian', schoolId: 'northgate', capturedAt: '2026-03-02T22:59:59.999Z', severity: 'low', families: ['reputation'] }));
  out.push(mention({ id: 'edge-new', trustId: 'meridian', schoolId: 'quay', capturedAt: '2026-03-31T23:29:00.000Z', severity: 'medium', families: ['confidential'] }));
  return out;
}

/** The dashboard recounted the plain way, from whole mentions. */
function recount(all: Full[], principal: Principal): TriageSummary {
  const visible = SCHOOLS.filter((s) => s.trustId === principal.trustId && (principal.role !== 'head' || s.id === principal.schoolId));
  const timezone = (principal.role === 'head' && visible[0]?.timezone) || 'Europe/London';
  const mine = all
    .filter((m) => m.trustId === principal.trustId && visible.some((s) => s.id === m.schoolId))
    .sort((a, b) => `${b.capturedAt}#${b.id}`.localeCompare(`${a.capturedAt}#${a.id}`));
  const urgentOf = (m: Full) => Boolean(m.alertedAt) || (m.severity === 'high' && m.score.categories.some((c) => c.severity === 'high' && URGENT_CATEGORIES.includes(c.id)));
  const waiting = mine.filter((m) => m.status === 'new');
  const count = (ms: Full[]) => {
    const byFamily: Record<Family, number> = { abuse: 0, confidential: 0, reputation: 0 };
    for (const m of ms) for (const f of m.families) byFamily[f]++;
    return byFamily;
  };
  const brief = (m: Full): MentionBrief => ({
    id: m.id,
    schoolId: m.schoolId,
    title: m.title,
    capturedAt: m.capturedAt,
    publishedAt: m.publishedAt,
    severity: m.severity,
    families: m.families,
    status: m.status,
    assignee: m.assignee,
    categories: m.score.categories.map((c) => c.id),
    ...(m.alertedAt ? { alertedAt: m.alertedAt } : {}),
  });
  const oldest = waiting.at(-1) && waiting.filter((m) => m.capturedAt === waiting.at(-1)!.capturedAt)[0]!;
  const days = Array.from({ length: 30 }, (_, i) => localDay(new Date(NOW.getTime() - (29 - i) * 86_400_000).toISOString(), timezone));
  const urgent = waiting.filter(urgentOf);
  return {
    generatedAt: NOW.toISOString(),
    timezone,
    unreviewed: waiting.length,
    byFamily: count(waiting),
    schools: visible
      .map((s) => {
        const w = waiting.filter((m) => m.schoolId === s.id);
        return { schoolId: s.id, name: s.name, unreviewed: w.length, byFamily: count(w), oldestUnreviewedAt: w.at(-1)?.capturedAt };
      })
      .sort((a, b) => b.unreviewed - a.unreviewed || a.name.localeCompare(b.name)),
    oldestUnreviewed: oldest ? { ...brief(oldest), ageHours: Math.floor((NOW.getTime() - Date.parse(oldest.capturedAt)) / 3_600_000) } : undefined,
    urgent: urgent.slice(0, 20).map(brief),
    urgentCount: urgent.length,
    trend: days.map((date) => {
      const that = mine.filter((m) => localDay(m.capturedAt, timezone) === date);
      return { date, flagged: that.length, urgent: that.filter(urgentOf).length };
    }),
    anyFlagged: mine.length > 0,
  };
}

describe('Overview figures: identical to a recount from whole mentions', () => {
  let dynamo: TestDynamo;
  let store: Store;
  let ids: string[];
  const principals: Record<string, Principal> = {
    'trust admin': { subject: 'u1', email: 'admin@meridian.example', role: 'admin', trustId: 'meridian' },
    'trust team': { subject: 'u2', email: 'team@meridian.example', role: 'trust', trustId: 'meridian' },
    'head (Dublin)': { subject: 'u3', email: 'head@kestrel.example', role: 'head', trustId: 'meridian', schoolId: 'kestrel' },
    'head (New York)': { subject: 'u4', email: 'head@quay.example', role: 'head', trustId: 'meridian', schoolId: 'quay' },
    'head with no school': { subject: 'u5', email: 'head@none.example', role: 'head', trustId: 'meridian' },
    'other trust': { subject: 'u6', email: 'team@harbour.example', role: 'trust', trustId: 'harbour' },
  };

  beforeAll(async () => {
    dynamo = await startTestDynamo();
    ({ store } = await dynamo.freshStore());
    const trusts = ['meridian', 'harbour'].map((t) => ({
      id: t,
      name: `${t} trust`,
      retentionMonths: 12,
      schools: SCHOOLS.filter((s) => s.trustId === t).map((s) => school({ id: s.id, name: s.name, timezone: s.timezone })),
    }));
    await store.config.importConfig({ trusts });
    const seeded = seedMentions();
    ids = seeded.map((m) => m.id);
    for (const m of seeded) await store.mentions.record({ trustId: m.trustId, schoolId: m.schoolId, itemKey: m.itemKey, capturedAt: m.capturedAt, build: () => m });
    // Review changes through the store, as the review use case makes them: statuses and assignees.
    const rand = rng(11);
    for (const m of seeded) {
      const to = STATUSES[Math.floor(rand() * STATUSES.length)]!;
      const assignee = rand() < 0.3 ? 'team@meridian.example' : undefined;
      if (to !== 'new' || assignee) await store.mentions.transitionStatus(m, 'new', to, { reviewedAt: NOW.toISOString(), reviewedBy: 'team@meridian.example', assignee });
    }
  }, 120_000);
  afterAll(async () => dynamo?.stop());

  it.each(Object.keys(principals))('for the %s', async (who) => {
    const principal = principals[who]!;
    const all = (await Promise.all(ids.map((id) => store.mentions.get(id)))) as Full[];
    const summary = await triageSummary({ store, clock: () => NOW }, principal);
    expect(summary).toEqual(recount(all, principal));
    expect(JSON.parse(JSON.stringify(summary))).toEqual(JSON.parse(JSON.stringify(recount(all, principal))));
  });

  it('reads headlines only (no snapshot), chunk for chunk the same items and keys as the full scan', async () => {
    for (const partition of [{ trustId: 'meridian' }, { trustId: 'meridian', schoolId: 'kestrel' }]) {
      let before: string | undefined;
      for (;;) {
        const full = await store.mentions.scan(partition, { before, limit: 40 });
        const heads = await store.mentions.scanHeadlines(partition, { before, limit: 40 });
        expect(heads.mentions.map((m) => m.id)).toEqual(full.mentions.map((m) => m.id));
        expect([heads.lastKey, heads.exhausted]).toEqual([full.lastKey, full.exhausted]);
        for (const h of heads.mentions) {
          expect(h).not.toHaveProperty('text');
          expect(h).not.toHaveProperty('score');
          expect(h).not.toHaveProperty('PK');
        }
        if (full.exhausted || !full.lastKey) break;
        before = full.lastKey;
      }
    }
  });

  it('covers what the figures depend on (the seeded store is not trivially empty)', async () => {
    const s = await triageSummary({ store, clock: () => NOW }, principals['trust team']!);
    expect(s.unreviewed).toBeGreaterThan(20);
    expect(s.urgentCount).toBeGreaterThan(20); // more than the list shows
    expect(s.urgent.some((m) => m.alertedAt)).toBe(true);
    expect(s.urgent.some((m) => m.assignee)).toBe(true);
    const meridian = (await Promise.all(ids.map((id) => store.mentions.get(id)))).filter((m) => m?.trustId === 'meridian');
    expect(meridian.length).toBeGreaterThan(s.trend.reduce((n, d) => n + d.flagged, 0)); // some older than the trend
    expect(meridian.some((m) => m!.status === 'new' && Date.parse(m!.capturedAt) < NOW.getTime() - 31 * 86_400_000)).toBe(true); // unreviewed and older than the trend
    expect(s.schools.find((x) => x.schoolId === 'empty')).toMatchObject({ unreviewed: 0, oldestUnreviewedAt: undefined });
  });
});
