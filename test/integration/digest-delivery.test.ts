import type { SNSEvent } from 'aws-lambda';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { importConfig } from '../../lib/app/config';
import { silentLogger, type AppDeps, type Logger } from '../../lib/app/deps';
import { recordMailEvent } from '../../lib/app/mail-events';
import { DIGEST_LEASE_MS, sendDigests, type DigestResult } from '../../lib/app/send-digests';
import type { ConfigFile } from '../../lib/config/schema';
import { createSesMailer } from '../../lib/digest/ses-mailer';
import { MailError, type Mailer } from '../../lib/digest/types';
import { startMailServer, type MailServer, type StoredEmail } from '../../lib/local/mail-server';
import type { Store } from '../../lib/store';
import { startTestDynamo, type TestDynamo } from '../support/dynamo';
import { mention } from '../support/fixtures';

/**
 * Digest delivery at the use-case level on real local parts: dynalite and the local SES server.
 * The clock is injected: "later" is a different Date, never a sleep.
 */
let dynamo: TestDynamo;
let mail: MailServer;
let store: Store;
let tableName: string;
let now: Date;
let warnings: string[];
let deps: AppDeps;

const at = (iso: string) => (now = new Date(iso));
const minutes = (n: number) => (now = new Date(now.getTime() + n * 60_000));
const recording: Logger = { info() {}, warn: (m) => warnings.push(m), error() {} };

const realMailer = (): Mailer => createSesMailer({ region: 'eu-west-2', endpoint: mail.endpoint, maxAttempts: 1 });

function config(overrides: { rollup?: ConfigFile['trusts'][number]['rollup']; northgateRecipients?: string[] } = {}): ConfigFile {
  return {
    trusts: [
      {
        id: 'meridian',
        name: 'Meridian Learning Trust',
        retentionMonths: 12,
        ...(overrides.rollup ? { rollup: overrides.rollup } : {}),
        schools: [
          { id: 'northgate', name: 'Northgate Park Academy', recipients: overrides.northgateRecipients ?? ['head@northgate.example'] },
          { id: 'kestrel', name: 'Kestrel Primary', recipients: ['head@kestrel.example'], allClear: true },
          { id: 'quiet', name: 'Quiet Lane School', recipients: ['head@quiet.example'] },
        ].map((s) => ({ aliases: [], context: [], exclude: [], timezone: 'Europe/London', digestHour: 7, allClear: false, feeds: [], ...s })),
      },
    ],
  };
}

async function hit(id: string, schoolId: string, capturedAt: string, title = `Item ${id}`) {
  const m = mention({ id, schoolId, trustId: 'meridian', capturedAt, title });
  await store.mentions.record({ trustId: 'meridian', schoolId, itemKey: m.itemKey, capturedAt, build: () => m });
}

const to = (emails: StoredEmail[], address: string) => emails.filter((e) => e.destination.to.some((t) => t.includes(address)));
const outcome = (results: DigestResult[], id: string) => results.find((r) => r.schoolId === id);

beforeAll(async () => {
  [dynamo, mail] = await Promise.all([startTestDynamo(), startMailServer({ port: 0 })]);
});
afterAll(async () => {
  await Promise.all([dynamo?.stop(), mail?.stop()]);
});
beforeEach(async () => {
  ({ store, tableName } = await dynamo.freshStore());
  await mail.clear();
  warnings = [];
  let n = 0;
  at('2026-11-21T06:00:00Z');
  deps = {
    store,
    fetcher: { fetch: async () => { throw new Error('no feeds in these tests'); } } as unknown as AppDeps['fetcher'],
    mailer: realMailer(),
    settings: { mailFrom: 'digest@schoolwatch.test', webBaseUrl: 'http://localhost:3000', pollIntervalMinutes: 30 },
    clock: () => now,
    newId: () => `run-${++n}`,
    log: recording,
  };
  await importConfig(deps, config());
});

describe('a run that dies between claim and send', () => {
  it('leaves the day in progress until the lease ends, then the next run sends once with every hit', async () => {
    await hit('n1', 'northgate', '2026-11-21T05:00:00.000Z', 'First northgate hit');
    await hit('n2', 'northgate', '2026-11-21T05:30:00.000Z', 'Second northgate hit');
    at('2026-11-21T07:05:00Z');
    // Not a MailError: the process "dies" inside send (a bug, an OOM, a timeout).
    const crashing: Mailer = { send: async () => { throw new Error('simulated crash inside send'); } };
    const first = await sendDigests({ ...deps, mailer: crashing });
    expect(outcome(first, 'northgate')).toMatchObject({ outcome: 'failed', error: expect.stringContaining('simulated crash') });
    expect(await mail.fetchStore()).toHaveLength(0);
    expect((await store.digests.get('meridian/northgate', '2026-11-21'))?.state).toBe('claimed');

    minutes(5); // within the lease
    const second = await sendDigests(deps);
    expect(outcome(second, 'northgate')?.outcome).toBe('in-progress');
    expect(to(await mail.fetchStore(), 'head@northgate.example')).toHaveLength(0);

    now = new Date(Date.parse('2026-11-21T07:05:00Z') + DIGEST_LEASE_MS + 60_000); // lease over
    const third = await sendDigests(deps);
    expect(outcome(third, 'northgate')).toMatchObject({ outcome: 'sent', mentions: 2 });
    const fourth = await sendDigests(deps);
    expect(outcome(fourth, 'northgate')?.outcome).toBe('already-sent');

    const sent = to(await mail.fetchStore(), 'head@northgate.example');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.body.text).toContain('First northgate hit');
    expect(sent[0]!.body.text).toContain('Second northgate hit');
    expect(await store.mentions.listUndigested({ trustId: 'meridian', schoolId: 'northgate' }, '2026-01-01')).toEqual([]);
  });

  it('a claim written by a run that died before sending anything is taken over only after the lease', async () => {
    await hit('n1', 'northgate', '2026-11-21T05:00:00.000Z');
    at('2026-11-21T07:00:00Z');
    await store.digests.claim('meridian/northgate', '2026-11-21', now, 'dead-run', DIGEST_LEASE_MS);
    minutes(9);
    expect(outcome(await sendDigests(deps), 'northgate')?.outcome).toBe('in-progress');
    minutes(2);
    expect(outcome(await sendDigests(deps), 'northgate')?.outcome).toBe('sent');
    expect(to(await mail.fetchStore(), 'head@northgate.example')).toHaveLength(1);
    expect((await store.digests.get('meridian/northgate', '2026-11-21'))?.claimToken).not.toBe('dead-run');
  });
});

describe('concurrent runs', () => {
  it('send exactly one email per school between them', async () => {
    await hit('n1', 'northgate', '2026-11-21T05:00:00.000Z');
    await hit('q1', 'quiet', '2026-11-21T05:10:00.000Z');
    at('2026-11-21T07:02:00Z');
    const [a, b, c] = await Promise.all([sendDigests(deps), sendDigests(deps), sendDigests(deps)]);
    const emails = await mail.fetchStore();
    expect(to(emails, 'head@northgate.example')).toHaveLength(1);
    expect(to(emails, 'head@quiet.example')).toHaveLength(1);
    expect(to(emails, 'head@kestrel.example')).toHaveLength(1); // all-clear, also once
    expect(emails).toHaveLength(3);
    for (const school of ['northgate', 'quiet', 'kestrel']) {
      const outcomes = [a, b, c].map((r) => outcome(r, school)!.outcome);
      expect(outcomes.filter((o) => o === 'sent'), school).toHaveLength(1);
      for (const o of outcomes.filter((x) => x !== 'sent')) expect(['in-progress', 'already-sent']).toContain(o);
    }
  });
});

describe('an SES failure', () => {
  it('fails the school, keeps the claim and the hits, and the next run after the lease sends them', async () => {
    await hit('n1', 'northgate', '2026-11-21T05:00:00.000Z', 'Kept through the outage');
    at('2026-11-21T07:00:00Z');
    // The real adapter against an SES endpoint that refuses connections: a retryable MailError.
    const down = createSesMailer({ region: 'eu-west-2', endpoint: 'http://127.0.0.1:1', maxAttempts: 2, baseDelayMs: 1, sleep: async () => {} });
    const failed = await sendDigests({ ...deps, mailer: down });
    const r = outcome(failed, 'northgate')!;
    expect(r.outcome).toBe('failed');
    expect(r.error).toMatch(/retried on the next run/);
    const record = await store.digests.get('meridian/northgate', '2026-11-21');
    expect(record).toMatchObject({ state: 'claimed', lastError: expect.stringContaining('not sent') });
    expect(record?.messageId).toBeUndefined();
    expect((await store.mentions.listUndigested({ trustId: 'meridian', schoolId: 'northgate' }, '2026-01-01')).map((m) => m.id)).toEqual(['n1']);

    // A new hit arrives meanwhile; it goes out with the retried digest.
    await hit('n2', 'northgate', '2026-11-21T07:05:00.000Z', 'Arrived during the outage');
    minutes(5);
    expect(outcome(await sendDigests(deps), 'northgate')?.outcome).toBe('in-progress');
    minutes(10);
    expect(outcome(await sendDigests(deps), 'northgate')).toMatchObject({ outcome: 'sent', mentions: 2 });
    const sent = to(await mail.fetchStore(), 'head@northgate.example');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.body.text).toContain('Kept through the outage');
    expect(sent[0]!.body.text).toContain('Arrived during the outage');
    expect((await store.digests.get('meridian/northgate', '2026-11-21'))?.messageId).toBe(sent[0]!.messageId);
  });

  it('a mailer that throws MailError also keeps the hits (a wrapper, not the network)', async () => {
    await hit('n1', 'northgate', '2026-11-21T05:00:00.000Z');
    at('2026-11-21T07:00:00Z');
    const throttled: Mailer = { send: async () => { throw new MailError('Throttling: maximum sending rate exceeded', true); } };
    expect(outcome(await sendDigests({ ...deps, mailer: throttled }), 'northgate')).toMatchObject({ outcome: 'failed', mentions: 1 });
    minutes(11);
    expect(outcome(await sendDigests(deps), 'northgate')).toMatchObject({ outcome: 'sent', mentions: 1 });
  });
});

describe('the day boundary', () => {
  it("puts a hit stored after today's digest into tomorrow's, and nothing twice", async () => {
    await hit('n1', 'northgate', '2026-11-21T06:30:00.000Z', 'Before the digest');
    at('2026-11-21T07:05:00Z');
    expect(outcome(await sendDigests(deps), 'northgate')).toMatchObject({ outcome: 'sent', mentions: 1 });
    await hit('n2', 'northgate', '2026-11-21T07:30:00.000Z', 'After the digest');
    at('2026-11-21T09:00:00Z');
    expect(outcome(await sendDigests(deps), 'northgate')?.outcome).toBe('already-sent');
    at('2026-11-22T06:59:00Z');
    expect(outcome(await sendDigests(deps), 'northgate')?.outcome).toBe('not-due');
    at('2026-11-22T07:00:00Z');
    expect(outcome(await sendDigests(deps), 'northgate')).toMatchObject({ outcome: 'sent', mentions: 1, localDate: '2026-11-22' });

    const sent = to(await mail.fetchStore(), 'head@northgate.example');
    expect(sent).toHaveLength(2);
    const [first, second] = [...sent].sort((x, y) => x.subject.localeCompare(y.subject));
    expect(first!.subject).toContain('Sat 21 Nov 2026');
    expect(first!.body.text).toContain('Before the digest');
    expect(first!.body.text).not.toContain('After the digest');
    expect(second!.body.text).toContain('After the digest');
    expect(second!.body.text).not.toContain('Before the digest');
  });
});

describe('quiet days', () => {
  it('sends the all-clear note only to the school that asked for it', async () => {
    at('2026-11-21T07:00:00Z');
    const results = await sendDigests(deps);
    expect(outcome(results, 'kestrel')).toMatchObject({ outcome: 'sent', mentions: 0 });
    expect(outcome(results, 'northgate')?.outcome).toBe('nothing-new');
    expect(outcome(results, 'quiet')?.outcome).toBe('nothing-new');
    const emails = await mail.fetchStore();
    expect(emails).toHaveLength(1);
    expect(emails[0]!.destination.to.join()).toContain('head@kestrel.example');
    expect(emails[0]!.subject).toContain('all clear');
    expect(emails[0]!.attachments).toHaveLength(0);
  });
});

describe('suppressed recipients', () => {
  const bounce = (address: string, messageId: string) =>
    JSON.stringify({
      eventType: 'Bounce',
      bounce: { bounceType: 'Permanent', bounceSubType: 'NoEmail', bouncedRecipients: [{ emailAddress: address, diagnosticCode: 'smtp; 550 no such user' }], timestamp: '2026-11-20T10:00:00.000Z' },
      mail: { messageId, timestamp: '2026-11-20T09:59:00.000Z' },
    });

  it('are skipped with a warning in the result and the log; the others still get the digest', async () => {
    await importConfig(deps, config({ northgateRecipients: ['head@northgate.example', 'Deputy@Northgate.example'] }));
    await recordMailEvent(deps, bounce('deputy@northgate.example', 'ses-old-1'));
    await hit('n1', 'northgate', '2026-11-21T05:00:00.000Z');
    at('2026-11-21T07:00:00Z');
    const r = outcome(await sendDigests(deps), 'northgate')!;
    expect(r).toMatchObject({ outcome: 'sent', skippedRecipients: [{ email: 'Deputy@Northgate.example', reason: 'bounce', at: '2026-11-20T10:00:00.000Z' }] });
    expect(r.message).toContain('Deputy@Northgate.example (bounced 2026-11-20)');
    expect(warnings.some((w) => w.includes('skips suppressed recipients') && w.includes('Deputy@Northgate.example'))).toBe(true);
    const sent = to(await mail.fetchStore(), 'northgate.example');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.destination.to).toEqual(['head@northgate.example']);
    expect((await store.digests.get('meridian/northgate', '2026-11-21'))?.recipients).toEqual(['head@northgate.example']);
  });

  it('when every recipient is suppressed: no-recipients naming them, nothing sent, the day left unclaimed', async () => {
    await recordMailEvent(deps, JSON.stringify({ eventType: 'Complaint', complaint: { complainedRecipients: [{ emailAddress: 'head@quiet.example' }], timestamp: '2026-11-19T08:00:00.000Z' }, mail: { messageId: 'ses-old-2' } }));
    await hit('q1', 'quiet', '2026-11-21T05:00:00.000Z');
    at('2026-11-21T07:00:00Z');
    const r = outcome(await sendDigests(deps), 'quiet')!;
    expect(r.outcome).toBe('no-recipients');
    expect(r.message).toMatch(/every digest recipient is suppressed.*head@quiet\.example \(complained 2026-11-19\)/);
    expect(to(await mail.fetchStore(), 'quiet.example')).toHaveLength(0);
    expect(await store.digests.get('meridian/quiet', '2026-11-21')).toBeUndefined();
    expect((await store.mentions.listUndigested({ trustId: 'meridian', schoolId: 'quiet' }, '2026-01-01')).map((m) => m.id)).toEqual(['q1']);
    // Lifting the suppression the same day lets the digest go.
    await store.suppressions.remove('HEAD@quiet.example');
    expect(outcome(await sendDigests(deps), 'quiet')).toMatchObject({ outcome: 'sent', mentions: 1 });
  });

  it('are listable for admins, recorded once however often SNS delivers the event', async () => {
    await recordMailEvent(deps, bounce('b@x.example', 'ses-1'));
    await recordMailEvent(deps, bounce('b@x.example', 'ses-1'));
    await recordMailEvent(deps, bounce('a@x.example', 'ses-2'));
    const list = await store.suppressions.list();
    expect(list.map((s) => s.email)).toEqual(['a@x.example', 'b@x.example']);
    expect(list[1]).toMatchObject({ reason: 'bounce', detail: 'NoEmail', messageId: 'ses-1', diagnostic: 'smtp; 550 no such user' });
  });

  it('the ses-events Lambda handler records SNS records and drops (logs) a malformed one', async () => {
    const vars = { DYNAMODB_ENDPOINT: dynamo.server.endpoint, TABLE_NAME: tableName, POWERTOOLS_LOG_LEVEL: 'CRITICAL' };
    const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
    Object.assign(process.env, vars);
    try {
      const { handler } = await import('../../functions/ses-events');
      const record = (message: string) => ({ Sns: { MessageId: `sns-${message.length}`, Message: message } });
      const event = { Records: [record(bounce('gone@northgate.example', 'ses-9')), record('{"not":"ses"}')] } as unknown as SNSEvent;
      const results = await handler(event);
      expect(results.map((r) => r.kind)).toEqual(['suppressed', 'invalid']);
      expect(await store.suppressions.get('gone@northgate.example')).toMatchObject({ reason: 'bounce', messageId: 'ses-9' });
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  });
});

describe('trust roll-up', () => {
  const rollupOf = (results: DigestResult[]) => results.find((r) => r.kind === 'rollup');

  it('sends the central team one roll-up a day grouped by school, alongside the school digests', async () => {
    await importConfig(deps, config({ rollup: { recipients: ['central@meridian.example'], replaceSchoolDigests: false, timezone: 'Europe/London', digestHour: 8 } }));
    await hit('n1', 'northgate', '2026-11-21T05:00:00.000Z', 'Northgate rollup item');
    await hit('q1', 'quiet', '2026-11-21T05:10:00.000Z', 'Quiet rollup item');
    at('2026-11-21T07:30:00Z');
    const early = await sendDigests(deps);
    expect(rollupOf(early)).toMatchObject({ schoolId: 'trust:meridian', trustId: 'meridian', outcome: 'not-due' });
    expect(outcome(early, 'northgate')?.outcome).toBe('sent');

    at('2026-11-21T08:05:00Z');
    const [r1, r2] = await Promise.all([sendDigests(deps), sendDigests(deps)]);
    const both = [rollupOf(r1)!, rollupOf(r2)!];
    expect(both.filter((r) => r.outcome === 'sent')).toHaveLength(1);
    expect(['in-progress', 'already-sent']).toContain(both.find((r) => r.outcome !== 'sent')?.outcome);
    expect(both.find((r) => r.outcome === 'sent')?.mentions).toBe(2);
    expect(rollupOf(await sendDigests(deps))?.outcome).toBe('already-sent');

    const central = to(await mail.fetchStore(), 'central@meridian.example');
    expect(central).toHaveLength(1);
    expect(central[0]!.subject).toBe('Meridian Learning Trust: 2 flagged mentions across 2 schools (2 high) – Sat 21 Nov 2026');
    const text = central[0]!.body.text!;
    expect(text.indexOf('NORTHGATE PARK ACADEMY')).toBeGreaterThan(0);
    expect(text.indexOf('Northgate rollup item')).toBeGreaterThan(text.indexOf('NORTHGATE PARK ACADEMY'));
    expect(text.indexOf('Quiet rollup item')).toBeGreaterThan(text.indexOf('QUIET LANE SCHOOL'));
    expect(text).toContain('Nothing new flagged for Kestrel Primary.');
    expect(central[0]!.attachments[0]?.filename).toBe('schoolwatch-trust-meridian-2026-11-21-evidence.csv');
    // The school digests went too, once each.
    expect(to(await mail.fetchStore(), 'head@northgate.example')).toHaveLength(1);

    // Next day: only the new hit, not yesterday's.
    await hit('k1', 'kestrel', '2026-11-21T20:00:00.000Z', 'Kestrel evening item');
    at('2026-11-22T08:00:00Z');
    expect(rollupOf(await sendDigests(deps))).toMatchObject({ outcome: 'sent', mentions: 1, localDate: '2026-11-22' });
    const second = to(await mail.fetchStore(), 'central@meridian.example').find((e) => e.subject.includes('22 Nov'))!;
    expect(second.body.text).toContain('Kestrel evening item');
    expect(second.body.text).not.toContain('Northgate rollup item');
  });

  it('with replaceSchoolDigests the schools get no mail and the roll-up marks their hits sent', async () => {
    await importConfig(deps, config({ rollup: { recipients: ['central@meridian.example'], replaceSchoolDigests: true, timezone: 'Europe/London', digestHour: 7 } }));
    await hit('n1', 'northgate', '2026-11-21T05:00:00.000Z');
    await hit('q1', 'quiet', '2026-11-21T05:10:00.000Z');
    at('2026-11-21T07:00:00Z');
    const results = await sendDigests(deps);
    for (const s of ['northgate', 'kestrel', 'quiet']) expect(outcome(results, s)?.outcome, s).toBe('rolled-up');
    expect(rollupOf(results)).toMatchObject({ outcome: 'sent', mentions: 2 });
    const emails = await mail.fetchStore();
    expect(emails).toHaveLength(1);
    expect(emails[0]!.destination.to).toEqual(['central@meridian.example']);
    expect(await store.mentions.listUndigested({ trustId: 'meridian', schoolId: 'northgate' }, '2026-01-01')).toEqual([]);
    expect(await store.mentions.listUndigested({ trustId: 'meridian', schoolId: 'quiet' }, '2026-01-01')).toEqual([]);
    expect((await store.rollups.get('meridian', '2026-11-21'))?.mentionIds?.sort()).toEqual(['n1', 'q1']);
  });

  it('a roll-up claim left by a dead run is taken over after the lease; an SES failure keeps the hits', async () => {
    await importConfig(deps, config({ rollup: { recipients: ['central@meridian.example'], replaceSchoolDigests: true, timezone: 'Europe/London', digestHour: 7 } }));
    await hit('n1', 'northgate', '2026-11-21T05:00:00.000Z');
    at('2026-11-21T07:00:00Z');
    const throttled: Mailer = { send: async () => { throw new MailError('Throttling', true); } };
    expect(rollupOf(await sendDigests({ ...deps, mailer: throttled }))?.outcome).toBe('failed');
    expect((await store.mentions.listUndigested({ trustId: 'meridian', schoolId: 'northgate' }, '2026-01-01')).map((m) => m.id)).toEqual(['n1']);
    minutes(5);
    expect(rollupOf(await sendDigests(deps))?.outcome).toBe('in-progress');
    minutes(6);
    expect(rollupOf(await sendDigests(deps))).toMatchObject({ outcome: 'sent', mentions: 1 });
    expect(to(await mail.fetchStore(), 'central@meridian.example')).toHaveLength(1);
  });

  it('falls back to the school digests when every roll-up recipient is suppressed', async () => {
    await importConfig(deps, config({ rollup: { recipients: ['central@meridian.example'], replaceSchoolDigests: true, timezone: 'Europe/London', digestHour: 7 } }));
    await store.suppressions.suppress({ email: 'central@meridian.example', reason: 'complaint', at: '2026-11-20T00:00:00.000Z', recordedAt: '2026-11-20T00:00:00.000Z', messageId: 'm' });
    await hit('n1', 'northgate', '2026-11-21T05:00:00.000Z');
    at('2026-11-21T07:00:00Z');
    const results = await sendDigests(deps);
    expect(rollupOf(results)).toMatchObject({ outcome: 'no-recipients', message: expect.stringContaining('central@meridian.example (complained 2026-11-20)') });
    expect(rollupOf(results)?.message).toContain('each school gets its own digest');
    expect(outcome(results, 'northgate')).toMatchObject({ outcome: 'sent', mentions: 1 });
    expect(to(await mail.fetchStore(), 'central@meridian.example')).toHaveLength(0);
  });

  it('rejects a roll-up without valid addresses at import', async () => {
    const bad = config({ rollup: { recipients: ['not-an-email'], replaceSchoolDigests: false, timezone: 'Europe/London', digestHour: 7 } });
    await expect(importConfig(deps, bad)).rejects.toThrow(/trusts\[0\]\.rollup\.recipients\[0\]: Recipients entry 1 must be an email address/);
  });
});
