import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importConfig } from '../../lib/app/config';
import type { AppDeps } from '../../lib/app/deps';
import { silentLogger } from '../../lib/app/deps';
import { pollOnce } from '../../lib/app/poll-all';
import { sendDigests } from '../../lib/app/send-digests';
import { createSesMailer } from '../../lib/digest/ses-mailer';
import { feedKey } from '../../lib/feeds';
import { createSafeFetcher } from '../../lib/feeds/fetch';
import { demoConfig } from '../../lib/local/demo/demo-config';
import { serveDemoFeeds } from '../../lib/local/demo/serve-demo-feeds';
import { startMailServer } from '../../lib/local/mail-server';
import { startTestDynamo, type TestDynamo } from '../support/dynamo';

/** The whole pipeline on real local parts: loopback feed server → safe fetcher → dynalite → local SES. */
describe('poll and digest pipeline', () => {
  let dynamo: TestDynamo;
  let feeds: Awaited<ReturnType<typeof serveDemoFeeds>>;
  let mail: Awaited<ReturnType<typeof startMailServer>>;
  let deps: AppDeps;
  let now = new Date('2026-11-21T06:30:00Z');

  beforeAll(async () => {
    [dynamo, feeds, mail] = await Promise.all([startTestDynamo(), serveDemoFeeds(), startMailServer({ port: 0 })]);
    const { store } = await dynamo.freshStore();
    let n = 0;
    deps = {
      store,
      fetcher: createSafeFetcher({ allowHosts: [feeds.hostPort], timeoutMs: 5000 }),
      mailer: createSesMailer({ region: 'eu-west-2', endpoint: mail.endpoint }),
      settings: { mailFrom: 'digest@schoolwatch.test', webBaseUrl: 'http://localhost:3000', pollIntervalMinutes: 30 },
      clock: () => now,
      newId: () => `id-${++n}`,
      log: silentLogger,
    };
    const config = demoConfig(feeds.baseUrl);
    config.trusts[0]!.schools[0]!.feeds.push({ source: 'rss', url: `${feeds.baseUrl}/missing.xml` });
    await importConfig(deps, config);
  });
  afterAll(async () => {
    await Promise.all([dynamo?.stop(), feeds?.stop(), mail?.stop()]);
  });

  it('stores flagged mentions for the right schools and records a broken feed without failing the poll', async () => {
    const results = await pollOnce(deps);
    expect(results).toHaveLength(3);
    const broken = results.find((r) => r.url.endsWith('/missing.xml'));
    expect(broken).toMatchObject({ outcome: 'failed', error: { code: 'http-status' } });
    expect(results.filter((r) => r.outcome === 'stored')).toHaveLength(2);

    const northgate = (await deps.store.mentions.listForSchool({ trustId: 'demo-trust', schoolId: 'northgate-park' })).mentions;
    const titles = northgate.map((m) => m.title);
    expect(titles).toContain('Re: new head at Northgate Park Academy');
    expect(titles).not.toContain('Northgate Park Academy choir wins regional final');
    expect(titles).not.toContain('Christmas market returns to Northgate Park Retail');
    const threat = northgate.find((m) => m.title.startsWith('Re: new head'))!;
    expect(threat.families).toContain('abuse');
    expect(threat.url).toBe('https://forum.example/t/new-head/77');
    expect(threat.textSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(threat.capturedAt).toBe(now.toISOString());

    const brendans = (await deps.store.mentions.listForSchool({ trustId: 'demo-trust', schoolId: 'st-brendans' })).mentions;
    expect(brendans.map((m) => m.title)).toEqual(["Worried about my son at St Brendan's"]);
    expect(brendans[0]!.families).toContain('confidential');

    const health = await deps.store.feeds.get(feedKey(broken!.url));
    expect(health).toMatchObject({ consecutiveFailures: 1, lastErrorCode: 'http-status' });
  });

  it('stores nothing twice when the same feeds are polled again', async () => {
    now = new Date('2026-11-21T06:45:00Z');
    const results = await pollOnce(deps, { all: true });
    const good = results.filter((r) => r.outcome === 'stored');
    expect(results.reduce((n, r) => n + r.stored, 0)).toBe(0);
    // every item was processed for these schools last time, so none is matched, scored or written again
    expect(good.map((r) => r.alreadyProcessed)).toEqual(good.map((r) => r.items));
    expect(good.reduce((n, r) => n + r.matched, 0)).toBe(0);
  });

  it('processes the same items afresh once a school’s configuration changes, still storing nothing twice', async () => {
    const ref = (await deps.store.config.getSchool('st-brendans'))!;
    await deps.store.config.saveSchool(ref.trustId, { ...ref.school, aliases: [...ref.school.aliases, 'St Brendans Primary'] });
    const results = await pollOnce(deps, { all: true });
    const good = results.filter((r) => r.outcome === 'stored');
    expect(good.every((r) => r.alreadyProcessed === 0)).toBe(true);
    expect(good.reduce((n, r) => n + r.flagged, 0)).toBeGreaterThan(0);
    expect(results.reduce((n, r) => n + r.stored, 0)).toBe(0);
  });

  it('sends each school one digest at its hour, with the evidence, and never twice', async () => {
    expect((await sendDigests(deps)).map((r) => r.outcome)).toEqual(['not-due', 'not-due']);
    now = new Date('2026-11-21T07:05:00Z');
    const sent = await sendDigests(deps);
    expect(sent.map((r) => r.outcome).sort()).toEqual(['sent', 'sent']);
    expect((await sendDigests(deps)).map((r) => r.outcome)).toEqual(['already-sent', 'already-sent']);

    const emails = await mail.fetchStore();
    expect(emails).toHaveLength(2);
    const toBrendans = emails.find((e) => JSON.stringify(e).includes('dsl@stbrendans.example'));
    expect(JSON.stringify(toBrendans)).toContain('https://forum.example/t/st-brendans/81');
  });
});
