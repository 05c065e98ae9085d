import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { importConfig } from '../../lib/app/config';
import { silentLogger, type AppDeps } from '../../lib/app/deps';
import { pollAndAlert } from '../../lib/app/poll-all';
import { sendDigests } from '../../lib/app/send-digests';
import { ALERT_WINDOW_MS } from '../../lib/app/urgent-alerts';
import type { ConfigFile } from '../../lib/config/schema';
import { verifySignature } from '../../lib/digest/alert-webhook';
import { createSesMailer } from '../../lib/digest/ses-mailer';
import { createSafeFetcher } from '../../lib/feeds/fetch';
import { createSafePoster } from '../../lib/feeds/post';
import { startMailServer, type MailServer, type StoredEmail } from '../../lib/local/mail-server';
import type { Store } from '../../lib/store';
import { startTestDynamo, type TestDynamo } from '../support/dynamo';
import { startFeedServer, type FeedServer } from '../support/feed-server';

/**
 * Urgent alerts end to end on real parts: a loopback RSS feed, the safe fetcher, dynalite, the local SES
 * server, a loopback webhook receiver. The clock is injected: "16 minutes later" is a different Date.
 */
const THREAT = { id: 'threat', title: 'Re: new head at Northgate Park Academy', text: 'Mr Hollis at Northgate Park Academy is a useless idiot. Someone should wait for him outside the gates and teach him a lesson.' };
const LEAK = {
  id: 'leak',
  title: 'Worried about a girl at Northgate Park',
  text: "Everyone at Northgate Park Academy should know that Maisie Turner in Year 4 has an EHCP for autism and was excluded last week. Her mum's number is 07700 900123, they live at 14 Elm Grove Road, Harlow CM20 3QT and her DOB is 14/03/2017.",
};
const CREDS = { id: 'creds', title: 'Northgate Park Academy wifi', text: 'For anyone at Northgate Park Academy the staff wifi password is Summer2026! and the admin login is head.office / Gates#44.' };
const PROTEST = { id: 'protest', title: 'Parents protest outside Northgate Park gates over uniform rules', text: 'Around forty parents staged a protest at Northgate Park Academy in Harlow Fen on Friday morning.' };
const LATER = { id: 'later', title: 'Northgate Park Academy again', text: 'I will burn Northgate Park Academy down tonight, you have been warned.' };

const rss = (items: { id: string; title: string; text: string }[]) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>Harlow Fen forum</title>${items
    .map((i) => `<item><title>${i.title}</title><link>https://forum.example/${i.id}?utm_source=rss&amp;fbclid=abc</link><guid>${i.id}</guid><pubDate>Mon, 30 Nov 2026 09:00:00 GMT</pubDate><description>${i.text}</description></item>`)
    .join('')}</channel></rss>`;

const SECRET = 'test-secret-0123456789abcdef0123456789abcdef';
let dynamo: TestDynamo;
let mail: MailServer;
let feeds: FeedServer;
let hook: { server: Server; url: string; hostPort: string; received: { headers: IncomingMessage['headers']; body: string }[] };
let store: Store;
let now: Date;
let items: { id: string; title: string; text: string }[];

function config(extra: Partial<ConfigFile['trusts'][number]> = {}): ConfigFile {
  return {
    trusts: [
      {
        id: 'meridian',
        name: 'Meridian Learning Trust',
        retentionMonths: 12,
        ...extra,
        schools: [
          {
            id: 'northgate',
            name: 'Northgate Park Academy',
            aliases: ['Northgate Park'],
            context: ['Harlow Fen', 'academy', 'pupils', 'parents'],
            exclude: [],
            timezone: 'Europe/London',
            digestHour: 7,
            recipients: ['head@northgate.example'],
            urgentRecipients: ['dsl@northgate.example', 'head@northgate.example'],
            allClear: false,
            feeds: [{ source: 'rss', url: feeds.url('/forum.xml') }],
          },
        ],
      },
    ],
  };
}

function deps(mailer = createSesMailer({ region: 'eu-west-2', endpoint: mail.endpoint, maxAttempts: 1 })): AppDeps {
  let n = 0;
  const run = Math.random().toString(36).slice(2, 8);
  return {
    store,
    fetcher: createSafeFetcher({ allowHosts: [feeds.hostPort] }),
    poster: createSafePoster({ allowHosts: [hook.hostPort] }),
    mailer,
    settings: { mailFrom: 'alerts@schoolwatch.test', webBaseUrl: 'https://schoolwatch.example', pollIntervalMinutes: 30 },
    clock: () => now,
    newId: () => `${run}-${++n}`,
    log: silentLogger,
  };
}

const urgent = (emails: StoredEmail[]) => emails.filter((e) => e.subject.startsWith('Urgent:'));
const later = (ms: number) => (now = new Date(now.getTime() + ms));

beforeAll(async () => {
  [dynamo, mail, feeds] = await Promise.all([startTestDynamo(), startMailServer({ port: 0 }), startFeedServer()]);
  feeds.route('/forum.xml', (_req, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(items)));
  const received: { headers: IncomingMessage['headers']; body: string }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(202).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  hook = { server, url: `http://127.0.0.1:${port}/hook`, hostPort: `127.0.0.1:${port}`, received };
});
afterAll(async () => {
  await Promise.all([dynamo?.stop(), mail?.stop(), feeds?.close(), new Promise((r) => hook?.server.close(r))]);
});
beforeEach(async () => {
  ({ store } = await dynamo.freshStore());
  await mail.clear();
  hook.received.length = 0;
  now = new Date('2026-11-30T10:00:00Z');
  items = [THREAT, LEAK, CREDS, PROTEST];
});

describe('urgent alerts', () => {
  it('a poll that finds a threat, a pupil leak and shared log-ins sends exactly one Urgent: email; polling again sends nothing more', async () => {
    const d = deps();
    await importConfig(d, config());
    const first = await pollAndAlert(d, { all: true });
    expect(first.polls[0]!.stored).toBe(4);
    expect(first.alerts.map((a) => [a.outcome, a.mentions])).toEqual([['sent', 3]]);
    const sent = urgent(await mail.fetchStore());
    expect(sent).toHaveLength(1);
    expect(sent[0]!.subject).toMatch(/^Urgent: Northgate Park Academy: 3 items to act on now/);
    expect(sent[0]!.destination.to.join(',')).toContain('dsl@northgate.example');
    // The protest is not urgent: it waits for the digest.
    expect(sent[0]!.body.text ?? '').not.toContain('uniform rules');

    await pollAndAlert(d, { all: true });
    later(ALERT_WINDOW_MS + 60_000);
    await pollAndAlert(d, { all: true });
    expect(urgent(await mail.fetchStore())).toHaveLength(1);
  });

  it('two polls at once send one email between them', async () => {
    await importConfig(deps(), config());
    const [a, b] = await Promise.all([pollAndAlert(deps(), { all: true }), pollAndAlert(deps(), { all: true })]);
    const outcomes = [...a.alerts, ...b.alerts].map((r) => r.outcome);
    expect(outcomes.filter((o) => o === 'sent')).toHaveLength(1);
    later(ALERT_WINDOW_MS + 60_000);
    await pollAndAlert(deps(), { all: true });
    expect(urgent(await mail.fetchStore())).toHaveLength(1);
  });

  it('an urgent item found within 15 minutes of an alert is held, then sent alone in one email when the window closes', async () => {
    const d = deps();
    await importConfig(d, config());
    await pollAndAlert(d, { all: true });
    items = [...items, LATER];
    later(5 * 60_000);
    const held = await pollAndAlert(d, { all: true });
    expect(held.alerts.map((a) => a.outcome)).toEqual(['held']);
    expect(urgent(await mail.fetchStore())).toHaveLength(1);
    later(11 * 60_000);
    const flushed = await pollAndAlert(d); // no feed is due: only the held alert goes
    expect(flushed.polls).toHaveLength(0);
    expect(flushed.alerts.map((a) => [a.outcome, a.mentions])).toEqual([['sent', 1]]);
    const all = urgent(await mail.fetchStore());
    expect(all).toHaveLength(2);
    const second = all.find((e) => e.subject.includes('1 item'))!;
    expect(second.body.text ?? '').toContain('burn');
    expect(second.body.text ?? '').not.toContain('teach him a lesson');
  });

  it('an item held by another run while an alert is being sent is not lost when that alert finishes', async () => {
    const real = createSesMailer({ region: 'eu-west-2', endpoint: mail.endpoint, maxAttempts: 1 });
    let other: Promise<unknown> | undefined;
    // The real mailer, with a second poll run (finding a new threat) happening while the first alert is in flight.
    const interleaving = {
      async send(m: Parameters<typeof real.send>[0]) {
        if (!other) {
          items = [...items, LATER];
          other = pollAndAlert(deps(), { all: true });
          expect(((await other) as { alerts: { outcome: string }[] }).alerts.map((a) => a.outcome)).toEqual(['held']);
        }
        return real.send(m);
      },
    };
    const d = deps(interleaving);
    await importConfig(d, config());
    const first = await pollAndAlert(d, { all: true });
    expect(first.alerts.map((a) => [a.outcome, a.mentions])).toEqual([['sent', 3]]);
    later(ALERT_WINDOW_MS + 60_000);
    const flushed = await pollAndAlert(deps());
    expect(flushed.alerts.map((a) => [a.outcome, a.mentions])).toEqual([['sent', 1]]);
    expect(urgent(await mail.fetchStore())).toHaveLength(2);
  });

  it('a mail server too slow to answer in time: outcome unknown, recorded, never sent again', async () => {
    // A proxy in front of the local SES server that delivers the request but answers after the client gave up.
    const proxy = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', async () => {
        const headers = Object.fromEntries(Object.entries(req.headers).filter(([k]) => !['host', 'content-length', 'connection'].includes(k))) as Record<string, string>;
        const upstream = await fetch(`${mail.endpoint}${req.url}`, { method: req.method, headers, body: Buffer.concat(chunks) });
        const body = Buffer.from(await upstream.arrayBuffer());
        setTimeout(() => res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'text/xml' }).end(body), 1500);
      });
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    try {
      const endpoint = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
      // The production mailer, retries on: a timeout is an unknown outcome and is never retried.
      const d = deps(createSesMailer({ region: 'eu-west-2', endpoint, requestTimeoutMs: 300, baseDelayMs: 1 }));
      await importConfig(d, config());
      const first = await pollAndAlert(d, { all: true });
      expect(first.alerts.map((a) => a.outcome)).toEqual(['unknown']);
      await new Promise((r) => setTimeout(r, 1600)); // let the proxy finish delivering, so the mail server holds what SES got
      later(ALERT_WINDOW_MS + 60_000);
      await pollAndAlert(deps(), { all: true });
      expect(urgent(await mail.fetchStore())).toHaveLength(1);
      const [batch] = await store.alerts.batches('meridian', 'northgate');
      expect(batch!.state).toBe('unknown');
      expect(batch!.error).toBeTruthy();
    } finally {
      await new Promise((r) => proxy.close(r));
    }
  });

  it('SES unreachable (connection refused): certainly not sent, so the alert goes once SES is back, after the window', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const deadPort = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const down = deps(createSesMailer({ region: 'eu-west-2', endpoint: `http://127.0.0.1:${deadPort}`, maxAttempts: 1 }));
    await importConfig(down, config());
    const first = await pollAndAlert(down, { all: true });
    expect(first.alerts.map((a) => a.outcome)).toEqual(['failed']);
    expect(urgent(await mail.fetchStore())).toHaveLength(0);
    later(ALERT_WINDOW_MS + 60_000);
    const retried = await pollAndAlert(deps()); // no feed due: the held alert goes
    expect(retried.alerts.map((a) => [a.outcome, a.mentions])).toEqual([['sent', 3]]);
    expect(urgent(await mail.fetchStore())).toHaveLength(1);
  });

  it('the next digest marks the alerted items "alerted at" in school time, and carries masked evidence only', async () => {
    const d = deps();
    await importConfig(d, config());
    await pollAndAlert(d, { all: true });
    await mail.clear();
    await sendDigests(d, { force: true });
    const [digest] = await mail.fetchStore();
    expect(digest!.subject).not.toMatch(/^Urgent/);
    expect(digest!.body.text ?? '').toContain('Urgent alert: alerted at Mon 30 Nov 2026, 10:00 GMT');
    expect((digest!.body.text ?? '').match(/alerted at/g)).toHaveLength(3);
    // The cleaned address, as on the web page.
    expect(digest!.body.text ?? '').toContain('Web address: https://forum.example/leak');
    expect(digest!.body.text ?? '').not.toContain('utm_source');
    const csv = Buffer.from(digest!.attachments[0]!.content, 'base64').toString('utf8');
    for (const part of [digest!.body.html ?? '', digest!.body.text ?? '', csv, ...urgent(await mail.fetchStore()).map((e) => e.body.html ?? '')]) {
      for (const secret of ['07700 900123', 'CM20 3QT', '14 Elm Grove Road', '14/03/2017', 'Maisie Turner', 'Summer2026!', 'Gates#44']) expect(part).not.toContain(secret);
    }
    expect(digest!.body.text ?? '').toContain('[[M. T.]] in Year 4 has an [[EHCP]]');
  });

  it('posts a signed, masked webhook the receiver can verify; Teams gets an Adaptive Card', async () => {
    const d = deps();
    await importConfig(d, config({ alertWebhook: { kind: 'generic', url: hook.url, secret: SECRET } }));
    const { alerts } = await pollAndAlert(d, { all: true });
    expect(alerts[0]!.webhook).toMatchObject({ outcome: 'sent', status: 202 });
    expect(hook.received).toHaveLength(1);
    const { headers, body } = hook.received[0]!;
    expect(verifySignature(SECRET, String(headers['x-schoolwatch-timestamp']), body, String(headers['x-schoolwatch-signature']))).toBe(true);
    expect(verifySignature('another-secret-0123456789abcdef0123456789', String(headers['x-schoolwatch-timestamp']), body, String(headers['x-schoolwatch-signature']))).toBe(false);
    const payload = JSON.parse(body) as { type: string; items: { title: string; excerpt: string; snapshotUrl: string }[] };
    expect(payload.type).toBe('schoolwatch.urgent-alert');
    expect(payload.items).toHaveLength(3);
    expect(body).not.toContain('07700 900123');
    expect(body).not.toContain('Maisie Turner');

    const { store: teamsStore } = await dynamo.freshStore();
    store = teamsStore;
    const t = deps();
    await importConfig(t, config({ alertWebhook: { kind: 'teams', url: hook.url, secret: SECRET } }));
    await pollAndAlert(t, { all: true });
    const card = JSON.parse(hook.received[1]!.body) as { type: string; attachments: { contentType: string }[] };
    expect(card.type).toBe('message');
    expect(card.attachments[0]!.contentType).toBe('application/vnd.microsoft.card.adaptive');
  });

  it('the poster refuses plain http unless the host is allowed, and a loopback https address without the allowance', async () => {
    const strict = createSafePoster();
    await expect(strict.post({ url: hook.url, headers: {}, body: '{}' })).rejects.toMatchObject({ code: 'bad-url', message: expect.stringContaining('https only') });
    await expect(strict.post({ url: `https://${hook.hostPort}/hook`, headers: {}, body: '{}' })).rejects.toMatchObject({ code: 'blocked-address' });
    expect(hook.received).toHaveLength(0);
    await strict.close();
  });
});

describe('admin edits keep the urgent-alert settings', () => {
  it('saving trust settings or the school form loses neither urgentCategories, the webhook nor urgentRecipients', async () => {
    const { saveTrustSettings, saveSchool, schoolToForm, draftFromForm } = await import('../../lib/app/admin-config');
    const d = deps();
    await importConfig(d, config({ urgentCategories: ['abuse.threat'], alertWebhook: { kind: 'generic', url: hook.url, secret: SECRET } }));
    const admin = { subject: 'a', email: 'admin@meridian.example', role: 'admin' as const, trustId: 'meridian' };
    await saveTrustSettings(d, admin, { name: 'Meridian Learning Trust (renamed)', retentionMonths: 24 });
    const trust = await store.config.getTrust('meridian');
    expect(trust).toMatchObject({ name: 'Meridian Learning Trust (renamed)', urgentCategories: ['abuse.threat'], alertWebhook: { kind: 'generic' } });

    const ref = await store.config.getSchool('northgate', 'meridian');
    const form = schoolToForm(ref!.school);
    expect(form.urgentRecipients).toBe('dsl@northgate.example\nhead@northgate.example');
    await saveSchool(d, admin, 'northgate', draftFromForm({ ...form, name: 'Northgate Park Academy' }).draft);
    expect((await store.config.getSchool('northgate', 'meridian'))!.school.urgentRecipients).toEqual(['dsl@northgate.example', 'head@northgate.example']);
    // An empty box means "the digest recipients".
    await saveSchool(d, admin, 'northgate', draftFromForm({ ...form, urgentRecipients: '' }).draft);
    expect((await store.config.getSchool('northgate', 'meridian'))!.school.urgentRecipients).toBeUndefined();
  });
});

describe('bounces of urgent-alert addresses', () => {
  it('a permanent bounce of an address used only for urgent alerts is suppressed for the trust that uses it', async () => {
    const { recordMailEvent } = await import('../../lib/app/mail-events');
    const d = deps();
    await importConfig(d, config());
    const bounce = {
      eventType: 'Bounce',
      bounce: { feedbackId: 'fb-1', bounceType: 'Permanent', bounceSubType: 'General', bouncedRecipients: [{ emailAddress: 'dsl@northgate.example', action: 'failed', status: '5.1.1' }], timestamp: '2026-11-30T10:00:00.000Z' },
      mail: { timestamp: '2026-11-30T10:00:00.000Z', messageId: 'msg-dsl', source: 'alerts@schoolwatch.test', destination: ['dsl@northgate.example'] },
    };
    await recordMailEvent(d, JSON.stringify(bounce));
    const [record] = await store.suppressions.list();
    expect(record).toMatchObject({ email: 'dsl@northgate.example', trustIds: ['meridian'] });
  });
});
