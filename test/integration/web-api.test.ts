import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLAIMS } from '../../lib/auth/principal';
import { generateSigningKey, signLocalToken } from '../../lib/auth/tokens';
import type { Store } from '../../lib/store';
import type { createWebApp } from '../../lib/web/app';
import { startTestDynamo, type TestDynamo } from '../support/dynamo';
import { PASSWORD, seedWebFixture, USERS, webAppFor } from '../support/browser';

type App = ReturnType<typeof createWebApp>;

describe('web API and auth rules (app.request on dynalite)', () => {
  let dynamo: TestDynamo;
  let store: Store;
  let app: App;
  const tokens: Record<string, string> = {};

  const login = async (email: string, password = PASSWORD, ip = '1') =>
    app.request('/auth/login', { method: 'POST', headers: { 'content-type': 'application/json', 'x-test-ip': ip }, body: JSON.stringify({ email, password }) });
  const api = (path: string, who: keyof typeof USERS, init: RequestInit = {}) =>
    app.request(path, { ...init, headers: { authorization: `Bearer ${tokens[who]}`, ...(init.headers as Record<string, string>) } });

  beforeAll(async () => {
    dynamo = await startTestDynamo();
    ({ store } = await dynamo.freshStore());
    await seedWebFixture(store);
    app = await webAppFor(store);
    for (const who of Object.keys(USERS) as (keyof typeof USERS)[]) {
      const res = await login(USERS[who]);
      expect(res.status).toBe(200);
      tokens[who] = ((await res.json()) as { token: string }).token;
    }
  }, 60_000);
  afterAll(async () => dynamo?.stop());

  it('issues an RS256 token with Cognito-style claims for a correct password, and 401 otherwise', async () => {
    const [header, payload] = tokens.head!.split('.').slice(0, 2).map((p) => JSON.parse(Buffer.from(p, 'base64url').toString()) as Record<string, unknown>);
    expect(header).toMatchObject({ alg: 'RS256', typ: 'JWT' });
    expect(payload).toMatchObject({ [CLAIMS.groups]: ['head'], [CLAIMS.trustId]: 'meridian', [CLAIMS.schoolId]: 'northgate', email: USERS.head });
    expect((await login(USERS.head, 'wrong password here')).status).toBe(401);
    expect((await login('nobody@example.org', PASSWORD)).status).toBe(401);
  });

  it('rejects API calls without a valid token', async () => {
    expect((await app.request('/api/mentions')).status).toBe(401);
    const bad = await app.request('/api/mentions', { headers: { authorization: `Bearer ${tokens.head!.slice(0, -4)}AAAA` } });
    expect(bad.status).toBe(401);
    // A token signed by another key with the same claims is refused (no way around verification).
    const forged = signLocalToken(generateSigningKey(), { subject: 'x', email: USERS.admin, role: 'admin', trustId: 'meridian' }, 600).token;
    expect((await app.request('/api/mentions', { headers: { authorization: `Bearer ${forged}` } })).status).toBe(401);
    // alg=none style token
    const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${tokens.admin!.split('.')[1]}.`;
    expect((await app.request('/api/mentions', { headers: { authorization: `Bearer ${none}` } })).status).toBe(401);
  });

  it('scopes the list: a head sees only their school, a trust user only their trust', async () => {
    const ids = async (who: keyof typeof USERS, q = '') => {
      const res = await api(`/api/mentions?limit=200${q}`, who);
      expect(res.status).toBe(200);
      return ((await res.json()) as { mentions: { id: string; schoolId: string; text?: string }[] }).mentions;
    };
    const head = await ids('head');
    expect(new Set(head.map((m) => m.schoolId))).toEqual(new Set(['northgate']));
    expect(head).toHaveLength(31);
    expect(head[0]!.text).toBeUndefined();
    const trust = await ids('trust');
    expect(new Set(trust.map((m) => m.schoolId))).toEqual(new Set(['northgate', 'kestrel']));
    expect(trust).toHaveLength(33);
    expect((await ids('otherTrust')).map((m) => m.id)).toEqual(['s1']);
    // Asking for another school by filter gives nothing, not the other school's items.
    expect(await ids('head', '&school=kestrel')).toEqual([]);
    expect(await ids('otherTrust', '&school=northgate')).toEqual([]);
  });

  it('answers 404 (not 403) for items outside the caller’s scope, and the same for unknown ids', async () => {
    expect((await api('/api/mentions/k1', 'head')).status).toBe(404);
    expect((await api('/api/mentions/s1', 'trust')).status).toBe(404);
    expect((await api('/api/mentions/n1', 'otherTrust')).status).toBe(404);
    expect((await api('/api/mentions/does-not-exist', 'admin')).status).toBe(404);
    const review = await api('/api/mentions/k1/review', 'head', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ status: 'dismissed', note: 'x' }) });
    expect(review.status).toBe(404);
    expect((await store.mentions.get('k1'))!.status).toBe('new');
    const ok = await api('/api/mentions/k1', 'trust');
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { mention: { text: string } }).mention.text).toContain('wait');
  });

  it('filters server-side and pages with a cursor', async () => {
    const page1 = (await (await api('/api/mentions?school=northgate&limit=10', 'trust')).json()) as { mentions: { id: string }[]; next: string };
    expect(page1.mentions).toHaveLength(10);
    expect(page1.mentions.map((m) => m.id).slice(0, 2)).toEqual(['hostile', 'n30']);
    const page2 = (await (await api(`/api/mentions?school=northgate&limit=10&cursor=${encodeURIComponent(page1.next)}`, 'trust')).json()) as { mentions: { id: string }[] };
    expect(page2.mentions[0]!.id).toBe('n21');
    const medium = (await (await api('/api/mentions?severity=medium&family=confidential&limit=200', 'trust')).json()) as { mentions: { severity: string; families: string[] }[] };
    expect(medium.mentions).toHaveLength(10);
    expect(medium.mentions.every((m) => m.severity === 'medium' && m.families.includes('confidential'))).toBe(true);
    const none = (await (await api('/api/mentions?severity=high&family=confidential', 'trust')).json()) as { mentions: unknown[] };
    expect(none.mentions).toEqual([]);
    const category = (await (await api('/api/mentions?category=reputation.thing&limit=200', 'head')).json()) as { mentions: { id: string }[] };
    expect(category.mentions).toHaveLength(10);
    const text = (await (await api('/api/mentions?q=OFSTED', 'head')).json()) as { mentions: { id: string }[] };
    expect(text.mentions.map((m) => m.id)).toEqual(['n7']);
    const dated = (await (await api('/api/mentions?from=2026-03-05&to=2026-03-05&limit=200', 'trust')).json()) as { mentions: { id: string }[] };
    expect(dated.mentions.map((m) => m.id)).toEqual(['k1']);
    const severe = (await (await api('/api/mentions?sort=severity&limit=5&school=northgate', 'trust')).json()) as { mentions: { severity: string }[]; next: string };
    expect(severe.mentions.map((m) => m.severity)).toEqual(['high', 'high', 'high', 'high', 'high']);
    expect(severe.next).toBe('o:5');
    const bad = await api('/api/mentions?severity=catastrophic&from=yesterday', 'trust');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { problems: Record<string, string> }).problems).toHaveProperty('severity');
  });

  it('reviews with a note, records who/when/from/to, and refuses stale or invalid changes', async () => {
    const noNote = await api('/api/mentions/n3/review', 'head', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ status: 'escalated', note: ' ' }) });
    expect(noNote.status).toBe(400);
    const res = await api('/api/mentions/n3/review', 'head', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'escalated', note: 'Passed to the DSL', assignee: 'dsl@northgate.example', expected: 'new' }),
    });
    expect(res.status).toBe(200);
    const stale = await api('/api/mentions/n3/review', 'trust', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ status: 'dismissed', note: 'nothing', expected: 'new' }) });
    expect(stale.status).toBe(409);
    const detail = (await (await api('/api/mentions/n3', 'trust')).json()) as { mention: { status: string; assignee: string }; history: Record<string, string>[] };
    expect(detail.mention).toMatchObject({ status: 'escalated', assignee: 'dsl@northgate.example' });
    expect(detail.history).toHaveLength(1);
    expect(detail.history[0]).toMatchObject({ actor: USERS.head, actorRole: 'head', from: 'new', to: 'escalated', note: 'Passed to the DSL' });
    const escalated = (await (await api('/api/mentions?status=escalated', 'trust')).json()) as { mentions: { id: string }[] };
    expect(escalated.mentions.map((m) => m.id)).toEqual(['n3']);
  });

  it('records every read of a snapshot as an audit event', async () => {
    const before = (await store.reviews.views('n5')).length;
    await api('/api/mentions/n5', 'trust');
    await api('/api/mentions/n5', 'head');
    const views = await store.reviews.views('n5');
    expect(views.length).toBe(before + 2);
    expect(views.map((v) => v.actor).sort()).toEqual([USERS.trust, USERS.head].sort());
  });

  it('serves /api/config with the caller’s schools only', async () => {
    const head = (await (await api('/api/config', 'head')).json()) as { schools: { id: string }[] };
    expect(head.schools.map((s) => s.id)).toEqual(['northgate']);
    const trust = (await (await api('/api/config', 'trust')).json()) as { schools: { id: string }[]; trust: { name: string } };
    expect(trust.schools.map((s) => s.id).sort()).toEqual(['kestrel', 'northgate']);
    expect(trust.trust.name).toBe('Meridian Learning Trust');
  });

  it('stops accepting a token once its user is disabled', async () => {
    expect((await api('/api/mentions', 'otherHead')).status).toBe(200);
    await store.users.setDisabled(USERS.otherHead, true, new Date().toISOString());
    expect((await api('/api/mentions', 'otherHead')).status).toBe(401);
    expect((await login(USERS.otherHead)).status).toBe(401);
  });
});
