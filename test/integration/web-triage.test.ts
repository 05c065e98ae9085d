import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../../lib/app/users';
import type { TriageSummary } from '../../lib/app/summary';
import type { Store } from '../../lib/store';
import type { Mention } from '../../lib/store/types';
import { PageClient, PASSWORD, seedWebFixture, tokenFor, USERS, webAppFor } from '../support/browser';
import { startTestDynamo, type TestDynamo } from '../support/dynamo';
import { flaggedScore, mention, school } from '../support/fixtures';

const put = (store: Store, m: Mention) => store.mentions.record({ trustId: m.trustId, schoolId: m.schoolId, itemKey: m.itemKey, capturedAt: m.capturedAt, build: () => m });

describe('triage: dashboard, notes, assignment, bulk changes, published order, local-day filters', () => {
  let dynamo: TestDynamo;
  let store: Store;
  let app: Awaited<ReturnType<typeof webAppFor>>;
  let client: PageClient;
  const now = new Date('2026-03-20T10:00:00.000Z');

  beforeAll(async () => {
    dynamo = await startTestDynamo();
    ({ store } = await dynamo.freshStore());
    await seedWebFixture(store);
    // Published times out of capture order; one captured at 23:30 UTC on 1 June = 00:30 on 2 June in London (BST).
    await put(store, mention({ id: 'p1', schoolId: 'kestrel', trustId: 'meridian', capturedAt: '2026-03-07T09:00:00.000Z', publishedAt: '2026-03-01T08:00:00.000Z', title: 'Published early', score: flaggedScore({ categories: [{ id: 'reputation.protest', family: 'reputation', label: 'Protest or petition', policyClause: 'x', severity: 'low', reason: 'r' }] }), severity: 'low', families: ['reputation'] }));
    await put(store, mention({ id: 'p2', schoolId: 'kestrel', trustId: 'meridian', capturedAt: '2026-03-07T08:00:00.000Z', publishedAt: '2026-03-07T07:00:00.000Z', title: 'Published late', score: flaggedScore({ categories: [{ id: 'reputation.protest', family: 'reputation', label: 'Protest or petition', policyClause: 'x', severity: 'low', reason: 'r' }] }), severity: 'low', families: ['reputation'] }));
    await put(store, mention({ id: 'bst', schoolId: 'northgate', trustId: 'meridian', capturedAt: '2026-06-01T23:30:00.000Z', title: 'Late night post' }));
    let tick = 0; // a clock that moves a millisecond per read, so audit events keep their order
    app = await webAppFor(store, { clock: () => new Date(now.getTime() + tick++) });
    client = new PageClient(app);
    await client.signIn(USERS.trust);
  }, 60_000);
  afterAll(async () => dynamo?.stop());

  it('adds a note without changing the status, as an audit event', async () => {
    const csrf = await client.csrf('/mentions/n1');
    const res = await client.form('/mentions/n1/review', { _csrf: csrf, status: '', note: 'Called the parent, waiting to hear back', expected: 'new' });
    expect(res.status).toBe(303);
    expect((await store.mentions.get('n1'))!.status).toBe('new');
    const history = await store.reviews.history('n1');
    expect(history).toEqual([expect.objectContaining({ from: 'new', to: 'new', action: 'note', note: 'Called the parent, waiting to hear back', actor: USERS.trust })]);
    const page = await (await client.req('/mentions/n1')).text();
    expect(page).toContain('Note added (status');
    // The API takes a note alone too.
    const token = await tokenFor(app, USERS.trust);
    const api = await app.request('/api/mentions/n1/review', { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ note: 'Parent called back' }) });
    expect(api.status).toBe(200);
    expect(((await api.json()) as { event: { action: string; to: string } }).event).toMatchObject({ action: 'note', to: 'new' });
    expect(page).toContain('No change: keep “new”, add the note');
  });

  it('assigns to me and unassigns from the snapshot page, each with an audit event, and filters “assigned to me”', async () => {
    const csrf = await client.csrf('/mentions/n2');
    expect(await (await client.req('/mentions/n2')).text()).toContain('Assign to me</button>');
    const assigned = await client.form('/mentions/n2/assign', { _csrf: csrf, assignee: USERS.trust, expected: 'new' });
    expect(assigned.status).toBe(303);
    expect(assigned.headers.get('location')).toBe('/mentions/n2?assigned=1');
    expect(await store.mentions.get('n2')).toMatchObject({ status: 'new', assignee: USERS.trust });
    const mine = await (await client.req('/mentions?assigned=me')).text();
    expect(mine.match(/href="\/mentions\/[^"/]+"/g)).toEqual(['href="/mentions/n2"']);
    expect(mine).toMatch(/id="f-assigned"[^>]*checked/);
    // Someone else sees nothing assigned to them, with a plain explanation.
    const admin = new PageClient(app);
    await admin.signIn(USERS.admin);
    expect(await (await admin.req('/mentions?assigned=me')).text()).toContain('Nothing is assigned to you.');

    const unassign = await client.form('/mentions/n2/assign', { _csrf: csrf, assignee: '', expected: 'new' });
    expect(unassign.status).toBe(303);
    expect(((await store.mentions.get('n2')) as { assignee?: string }).assignee).toBeUndefined();
    const trail = await store.reviews.history('n2');
    expect(trail.map((e) => [e.action, e.assignee, e.note])).toEqual([
      ['assign', USERS.trust, `Assigned to ${USERS.trust}.`],
      ['unassign', undefined, 'Unassigned.'],
    ]);
    // Without the CSRF token nothing happens.
    expect((await client.form('/mentions/n2/assign', { assignee: USERS.trust })).status).toBe(403);
    expect(((await store.mentions.get('n2')) as { assignee?: string }).assignee).toBeUndefined();
  });

  it('changes ticked items to one status with one note, one audit event each, skipping out-of-scope ids', async () => {
    const list = await (await client.req('/mentions?school=northgate&limit=10')).text();
    expect(list).toContain('<form id="bulk"');
    expect(list).toMatch(/<input type="checkbox" name="id" value="n30" form="bulk"/);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(list)![1]!;
    const body = new URLSearchParams([['_csrf', csrf], ['id', 'n28'], ['id', 'n29'], ['id', 'n30'], ['id', 's1'], ['status', 'reviewed'], ['note', 'Weekly sweep: nothing to act on']]);
    const res = await client.req('/mentions/bulk?school=northgate', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: body.toString() });
    expect(res.status).toBe(303);
    const location = res.headers.get('location')!;
    expect(location).toBe('/mentions?school=northgate&done=3&unchanged=0&failed=1');
    for (const id of ['n28', 'n29', 'n30']) {
      expect((await store.mentions.get(id))!.status).toBe('reviewed');
      expect(await store.reviews.history(id)).toEqual([expect.objectContaining({ from: 'new', to: 'reviewed', note: 'Weekly sweep: nothing to act on' })]);
    }
    expect((await store.mentions.get('s1'))!.status).toBe('new');
    expect(await store.reviews.history('s1')).toEqual([]);
    const after = await (await client.req(location)).text();
    expect(after).toContain('3 items changed (each with the note in its audit trail); 1 could not be changed');
    expect(after).not.toContain('done=3'); // the result is not carried into filter links

    // No note: nothing changes, and the form says why next to the field.
    const bad = await client.req('/mentions/bulk', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams([['_csrf', csrf], ['id', 'n27'], ['status', 'escalated'], ['note', ' ']]).toString() });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(/id="b-note-error">Add a note saying why/);
    expect((await store.mentions.get('n27'))!.status).toBe('new');
    // Without the CSRF token: refused.
    const forged = await client.req('/mentions/bulk', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'id=n27&status=escalated&note=x' });
    expect(forged.status).toBe(403);
    expect((await store.mentions.get('n27'))!.status).toBe('new');
    // The API does the same and answers per item.
    const token = await tokenFor(app, USERS.trust);
    const api = await app.request('/api/mentions/review', { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ ids: ['n26', 'n28'], status: 'reviewed', note: 'API sweep' }) });
    expect(await api.json()).toEqual({ results: [{ id: 'n26', outcome: 'changed' }, { id: 'n28', outcome: 'unchanged', message: 'already “reviewed”' }] });
  });

  it('shows a Published column, sorts by published time, and keeps recent reads collapsed', async () => {
    const page = await (await client.req('/mentions?school=kestrel&sort=published')).text();
    expect(page).toContain('<th scope="col">Published</th>');
    const order = [...page.matchAll(/href="\/mentions\/(p1|p2|k1|k2)"/g)].map((m) => m[1]);
    expect(order).toEqual(['p2', 'p1', 'k2', 'k1']); // published newest first; no published time last
    expect(page).toContain('newest published first');
    const snap = await (await client.req('/mentions/p1')).text();
    expect(snap).toMatch(/<details class="reads"><summary>Recent reads of this snapshot \(\d+\)<\/summary>/);
  });

  it('reads date filters as dd/mm/yyyy days in the school’s timezone', async () => {
    const ids = async (q: string) => [...(await (await client.req(`/mentions?school=northgate&${q}`)).text()).matchAll(/href="\/mentions\/([A-Za-z0-9]+)"/g)].map((m) => m[1]);
    expect(await ids('from=02/06/2026&to=02/06/2026')).toEqual(['bst']); // 23:30 UTC on 1 June is 2 June in London
    expect(await ids('from=01/06/2026&to=01/06/2026')).toEqual([]);
    expect(await ids('from=2026-06-02&to=2026-06-02')).toEqual(['bst']); // old ISO links still work
    const form = await (await client.req('/mentions?from=2026-06-02')).text();
    expect(form).toContain('value="02/06/2026"');
    expect(form).toContain('<html lang="en-GB">');
    const bad = await client.req('/mentions?from=31/02/2026');
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('31/02/2026 is not a real date');
  });

  it('summarises unreviewed items per school and family, the oldest, urgent items first and 30 days of trend', async () => {
    const token = await tokenFor(app, USERS.trust);
    const s = (await (await app.request('/api/summary', { headers: { authorization: `Bearer ${token}` } })).json()) as TriageSummary;
    const all = [...(await store.mentions.scan({ trustId: 'meridian' }, { limit: 1000 })).mentions];
    const unreviewed = all.filter((m) => m.status === 'new');
    expect(s.unreviewed).toBe(unreviewed.length);
    expect(s.schools.map((x) => [x.schoolId, x.unreviewed])).toEqual([
      ['northgate', unreviewed.filter((m) => m.schoolId === 'northgate').length],
      ['kestrel', unreviewed.filter((m) => m.schoolId === 'kestrel').length],
    ]);
    expect(s.byFamily.abuse + s.byFamily.confidential + s.byFamily.reputation).toBe(unreviewed.reduce((n, m) => n + m.families.length, 0));
    expect(s.oldestUnreviewed).toMatchObject({ id: 'n1', capturedAt: '2026-03-01T09:00:00.000Z', ageHours: 19 * 24 + 1 });
    // Urgent: the high-severity threats (fixture default), newest first; the rest are not.
    expect(s.urgent.map((m) => m.id)).toEqual(['bst', 'hostile', 'k1']);
    expect(s.trend).toHaveLength(30);
    expect(s.trend.at(-1)!.date).toBe('2026-03-20');
    expect(s.trend.find((d) => d.date === '2026-03-07')).toEqual({ date: '2026-03-07', flagged: 2, urgent: 0 });
    expect(JSON.stringify(s)).not.toContain('wait outside the gates'); // no captured text

    const page = await (await client.req('/')).text();
    expect(page).toContain('<h1>Overview</h1>');
    expect(page.indexOf('Urgent, not yet reviewed (3)')).toBeLessThan(page.indexOf('Unreviewed by school'));
    expect(page).toMatch(/<svg viewBox="0 0 600 180" role="img" aria-labelledby="trend-title trend-desc"/);
    expect(page).toContain('<summary>The same numbers as a table</summary>');
    expect(page).not.toMatch(/<script|style=/);
  });

  it('shows a clear empty state when nothing has been flagged', async () => {
    const fresh = await dynamo.freshStore();
    await fresh.store.config.importConfig({ trusts: [{ id: 'quiet', name: 'Quiet Trust', retentionMonths: 12, schools: [school({ id: 'calm' })] }] });
    await addUser({ store: fresh.store, clock: () => now }, { email: 'team@quiet.example', role: 'trust', trustId: 'quiet', password: PASSWORD });
    const quiet = new PageClient(await webAppFor(fresh.store, { clock: () => now }));
    await quiet.signIn('team@quiet.example');
    const page = await (await quiet.req('/')).text();
    expect(page).toContain('Nothing has been flagged yet.');
    expect(page).toContain('Watching 1 school.');
    expect(page).not.toContain('<svg');
    // Signed out, / goes to sign-in.
    expect((await app.request('/')).headers.get('location')).toBe('/auth/login');
  });
});
