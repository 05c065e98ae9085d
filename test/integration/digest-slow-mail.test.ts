import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { importConfig } from '../../lib/app/config';
import { type AppDeps, type Logger } from '../../lib/app/deps';
import { releaseDigestClaim, DigestReleaseError } from '../../lib/app/digest-release';
import { DIGEST_LEASE_MS, sendDigests, type DigestResult } from '../../lib/app/send-digests';
import type { ConfigFile } from '../../lib/config/schema';
import { createSesMailer } from '../../lib/digest/ses-mailer';
import { startMailServer, type MailServer, type StoredEmail } from '../../lib/local/mail-server';
import type { Store } from '../../lib/store';
import { digestOwner } from '../../lib/store/digest-store';
import { startTestDynamo, type TestDynamo } from '../support/dynamo';
import { mention } from '../support/fixtures';
import { startSlowMailProxy, type SlowMailProxy } from '../support/slow-mail-proxy';

/**
 * Issue 10.4: a mail server that accepts the message but answers after the mailer gave up. The send's
 * outcome is unknown, so nothing is resent before the lease ends (or an admin releases the claim).
 * Timeouts are injected small (400 ms against a 2.5 s answer); "later" is an injected clock.
 */
let dynamo: TestDynamo;
let mail: MailServer;
let slow: SlowMailProxy;
let store: Store;
let now: Date;
let errors: string[];
let deps: AppDeps;

const SCHOOLS = ['northgate', 'kestrel', 'quiet'];
const own = (schoolId: string) => digestOwner({ trustId: 'meridian', schoolId });
const log: Logger = { info() {}, warn() {}, error: (m, e) => errors.push(`${m} ${JSON.stringify(e ?? {})}`) };
const minutes = (n: number) => (now = new Date(now.getTime() + n * 60_000));
const to = (emails: StoredEmail[], school: string) => emails.filter((e) => e.destination.to.some((t) => t.includes(`head@${school}.example`)));
const outcome = (results: DigestResult[], id: string) => results.find((r) => r.schoolId === id)!;

const config: ConfigFile = {
  trusts: [
    {
      id: 'meridian',
      name: 'Meridian Learning Trust',
      retentionMonths: 12,
      schools: SCHOOLS.map((id) => ({ id, name: `${id} school`, recipients: [`head@${id}.example`], aliases: [], context: [], exclude: [], timezone: 'Europe/London', digestHour: 7, allClear: false, feeds: [] })),
    },
  ],
};

beforeAll(async () => {
  [dynamo, mail] = await Promise.all([startTestDynamo(), startMailServer({ port: 0 })]);
  slow = await startSlowMailProxy(mail.endpoint, 2500);
});
afterAll(async () => {
  await slow?.stop();
  await Promise.all([dynamo?.stop(), mail?.stop()]);
});
beforeEach(async () => {
  ({ store } = await dynamo.freshStore());
  await mail.clear();
  errors = [];
  let n = 0;
  now = new Date('2026-11-21T07:05:00Z');
  deps = {
    store,
    fetcher: {} as AppDeps['fetcher'],
    // Default attempts (4): a timeout must still not be retried.
    mailer: createSesMailer({ region: 'eu-west-2', endpoint: slow.endpoint, requestTimeoutMs: 400, baseDelayMs: 1 }),
    settings: { mailFrom: 'digest@schoolwatch.test', pollIntervalMinutes: 30 },
    clock: () => now,
    newId: () => `run-${++n}`,
    log,
  };
  await importConfig(deps, config);
  for (const id of SCHOOLS) {
    const m = mention({ id: `${id}-1`, schoolId: id, trustId: 'meridian', capturedAt: '2026-11-21T05:00:00.000Z', title: `Hit for ${id}` });
    await store.mentions.record({ trustId: 'meridian', schoolId: id, itemKey: m.itemKey, capturedAt: m.capturedAt, build: () => m });
  }
});

describe('a mail server slower than the mailer timeout', () => {
  it('repeated runs record exactly one message per school; the outcome is unknown, stored and reported', async () => {
    const first = await sendDigests(deps);
    for (const id of SCHOOLS) {
      const r = outcome(first, id);
      expect(r.outcome).toBe('unknown');
      expect(r.error).toMatch(/^outcome unknown: the mail server did not answer in 400 ms\b.*; not resent; will retry after 07:15 UTC unless released/);
      const claim = await store.digests.get(own(id), '2026-11-21');
      expect(claim).toMatchObject({ state: 'claimed', sendOutcome: 'unknown', lastErrorAt: '2026-11-21T07:05:00.000Z' });
    }
    expect(errors.join('\n')).toContain('outcome unknown');

    for (let run = 0; run < 3; run++) {
      minutes(2); // still inside the 10-minute lease
      const again = await sendDigests(deps);
      for (const id of SCHOOLS) {
        expect(outcome(again, id)).toMatchObject({ outcome: 'in-progress', error: expect.stringContaining('outcome unknown') });
      }
    }
    const emails = await mail.fetchStore();
    for (const id of SCHOOLS) expect(to(emails, id)).toHaveLength(1);
    expect(slow.requests).toBe(SCHOOLS.length);
    // The hits stay unsent in our records until a send is confirmed.
    expect(await store.mentions.listUndigested({ trustId: 'meridian', schoolId: 'northgate' }, '2026-01-01')).toHaveLength(1);
  });

  it('after the lease the next run retries; a release lets it retry at once and keeps the audit note', async () => {
    await sendDigests(deps, { schoolId: 'northgate' });
    const fast = { ...deps, mailer: createSesMailer({ region: 'eu-west-2', endpoint: mail.endpoint, requestTimeoutMs: 5000 }) };
    minutes(1);
    expect(outcome(await sendDigests(fast, { schoolId: 'northgate' }), 'northgate').outcome).toBe('in-progress');

    const released = await releaseDigestClaim(fast, { trustId: 'meridian', schoolId: 'northgate', localDate: '2026-11-21', by: 'cli:ops', note: 'head says nothing arrived' });
    expect(released.previous).toMatchObject({ sendOutcome: 'unknown' });
    const retried = outcome(await sendDigests(fast, { schoolId: 'northgate' }), 'northgate');
    expect(retried).toMatchObject({ outcome: 'sent', mentions: 1 });
    const record = await store.digests.get(own('northgate'), '2026-11-21');
    expect(record?.state).toBe('sent');
    expect(record?.previousAttempts).toEqual([
      expect.objectContaining({ claimToken: 'run-1', sendOutcome: 'unknown', releasedBy: 'cli:ops', releaseNote: 'head says nothing arrived', releasedAt: '2026-11-21T07:06:00.000Z' }),
    ]);

    // Kestrel was never released: only after the lease does a run send again.
    await sendDigests(deps, { schoolId: 'kestrel' });
    now = new Date(Date.parse('2026-11-21T07:06:00Z') + DIGEST_LEASE_MS - 60_000);
    expect(outcome(await sendDigests(fast, { schoolId: 'kestrel' }), 'kestrel').outcome).toBe('in-progress');
    now = new Date(Date.parse('2026-11-21T07:06:00Z') + DIGEST_LEASE_MS + 60_000);
    expect(outcome(await sendDigests(fast, { schoolId: 'kestrel' }), 'kestrel').outcome).toBe('sent');
  });

  it('a trust roll-up behind the same slow server is sent once too, and release without --school frees it', async () => {
    await importConfig(deps, { trusts: [{ ...config.trusts[0]!, rollup: { recipients: ['central@meridian.example'], replaceSchoolDigests: true, timezone: 'Europe/London', digestHour: 7 } }] });
    const first = await sendDigests(deps);
    expect(outcome(first, 'trust:meridian')).toMatchObject({ outcome: 'unknown', error: expect.stringContaining('not resent') });
    minutes(3);
    expect(outcome(await sendDigests(deps), 'trust:meridian')).toMatchObject({ outcome: 'in-progress', error: expect.stringContaining('outcome unknown') });
    expect((await mail.fetchStore()).filter((e) => e.destination.to.some((t) => t.includes('central@meridian.example')))).toHaveLength(1);
    await releaseDigestClaim(deps, { trustId: 'meridian', localDate: '2026-11-21', by: 'cli:ops', note: 'central team has nothing' });
    expect((await store.rollups.get('meridian', '2026-11-21'))?.releasedBy).toBe('cli:ops');
  });

  it('release refuses a sent day, another trust, a missing note, and names what to do', async () => {
    const fast = { ...deps, mailer: createSesMailer({ region: 'eu-west-2', endpoint: mail.endpoint }) };
    await sendDigests(fast, { schoolId: 'quiet' });
    await expect(releaseDigestClaim(fast, { trustId: 'meridian', schoolId: 'quiet', localDate: '2026-11-21', by: 'x', note: 'n' })).rejects.toThrow(/already sent .*nothing to release/);
    await expect(releaseDigestClaim(fast, { trustId: 'other', schoolId: 'quiet', localDate: '2026-11-21', by: 'x', note: 'n' })).rejects.toThrow(DigestReleaseError);
    await expect(releaseDigestClaim(fast, { trustId: 'meridian', schoolId: 'kestrel', localDate: '2026-11-21', by: 'x', note: ' ' })).rejects.toThrow(/note/);
    await expect(releaseDigestClaim(fast, { trustId: 'meridian', schoolId: 'kestrel', localDate: '2026-11-21', by: 'x', note: 'n' })).rejects.toThrow(/no digest claim/);
  });
});
