import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { importConfig } from '../../lib/app/config';
import { silentLogger, type AppDeps } from '../../lib/app/deps';
import { liftSuppression, LiftSuppressionError, recordMailEvent } from '../../lib/app/mail-events';
import { sendDigests } from '../../lib/app/send-digests';
import { createSesMailer } from '../../lib/digest/ses-mailer';
import { startMailServer, type MailServer } from '../../lib/local/mail-server';
import type { Store } from '../../lib/store';
import { startTestDynamo, type TestDynamo } from '../support/dynamo';
import { mention } from '../support/fixtures';

/** Lifting suppressions and the repeated-soft-bounce rule, on dynalite and the local SES server. */
let dynamo: TestDynamo;
let mail: MailServer;
let store: Store;
let now: Date;
let deps: AppDeps;

const at = (iso: string) => (now = new Date(iso));

const bounce = (email: string, messageId: string, bounceType: 'Permanent' | 'Transient', timestamp: string) =>
  JSON.stringify({
    eventType: 'Bounce',
    bounce: { bounceType, bounceSubType: bounceType === 'Permanent' ? 'NoEmail' : 'MailboxFull', bouncedRecipients: [{ emailAddress: email, diagnosticCode: 'smtp; 452 mailbox full' }], timestamp },
    mail: { messageId, timestamp },
  });

async function hit(id: string, capturedAt: string) {
  const m = mention({ id, schoolId: 'northgate', trustId: 'meridian', capturedAt, title: `Item ${id}` });
  await store.mentions.record({ trustId: 'meridian', schoolId: 'northgate', itemKey: m.itemKey, capturedAt, build: () => m });
}

beforeAll(async () => {
  [dynamo, mail] = await Promise.all([startTestDynamo(), startMailServer({ port: 0 })]);
}, 60_000);
afterAll(async () => {
  await Promise.all([dynamo?.stop(), mail?.stop()]);
});
beforeEach(async () => {
  ({ store } = await dynamo.freshStore());
  await mail.clear();
  let n = 0;
  at('2026-11-21T06:00:00Z');
  deps = {
    store,
    fetcher: { fetch: async () => { throw new Error('no feeds in these tests'); } } as unknown as AppDeps['fetcher'],
    mailer: createSesMailer({ region: 'eu-west-2', endpoint: mail.endpoint, maxAttempts: 1 }),
    settings: { mailFrom: 'digest@schoolwatch.test', webBaseUrl: 'http://localhost:3000', pollIntervalMinutes: 30 },
    clock: () => now,
    newId: () => `run-${++n}`,
    log: silentLogger,
  };
  await importConfig(deps, {
    trusts: [
      {
        id: 'meridian',
        name: 'Meridian Learning Trust',
        retentionMonths: 12,
        schools: [{ id: 'northgate', name: 'Northgate Park Academy', aliases: [], context: [], exclude: [], timezone: 'Europe/London', digestHour: 7, allClear: false, feeds: [], recipients: ['head@northgate.example', 'deputy@northgate.example'] }],
      },
    ],
  });
});

describe('lifting a suppression', () => {
  it('keeps who, when and why with the lifted record, and the next digest goes to the address again', async () => {
    await recordMailEvent(deps, bounce('Deputy@Northgate.example', 'ses-1', 'Permanent', '2026-11-20T10:00:00.000Z'));
    await hit('n1', '2026-11-21T05:00:00.000Z');
    at('2026-11-21T07:00:00Z');
    const first = (await sendDigests(deps)).find((r) => r.schoolId === 'northgate')!;
    expect(first).toMatchObject({ outcome: 'sent', skippedRecipients: [{ email: 'deputy@northgate.example', reason: 'bounce' }] });

    at('2026-11-21T09:30:00Z');
    const lift = await liftSuppression(deps, { email: 'DEPUTY@northgate.example', by: 'admin@meridian.example', note: '  mailbox recreated by IT  ' });
    expect(lift).toMatchObject({ email: 'deputy@northgate.example', by: 'admin@meridian.example', note: 'mailbox recreated by IT', liftedAt: '2026-11-21T09:30:00.000Z', suppression: { reason: 'bounce', messageId: 'ses-1', at: '2026-11-20T10:00:00.000Z' } });
    expect(await store.suppressions.get('deputy@northgate.example')).toBeUndefined();
    expect(await store.suppressions.lifts('deputy@northgate.example')).toEqual([lift]);

    // SNS redelivering the event that caused the lifted suppression does not bring it back …
    expect(await recordMailEvent(deps, bounce('deputy@northgate.example', 'ses-1', 'Permanent', '2026-11-20T10:00:00.000Z'))).toMatchObject({ addresses: [{ isNew: false }] });
    expect(await store.suppressions.list()).toEqual([]);

    // … and the next day's digest goes to both recipients.
    await hit('n2', '2026-11-22T05:00:00.000Z');
    at('2026-11-22T07:00:00Z');
    const next = (await sendDigests(deps)).find((r) => r.schoolId === 'northgate')!;
    expect(next.outcome).toBe('sent');
    expect(next.skippedRecipients ?? []).toEqual([]);
    const sent = (await mail.fetchStore()).filter((e) => e.destination.to.some((t) => t.includes('deputy@northgate.example')));
    expect(sent).toHaveLength(1);
    expect((await store.digests.get('meridian/northgate', '2026-11-22'))?.recipients).toEqual(['head@northgate.example', 'deputy@northgate.example']);

    // A new bounce (a new message) suppresses it again; the history keeps the earlier lift.
    await recordMailEvent(deps, bounce('deputy@northgate.example', 'ses-9', 'Permanent', '2026-11-23T10:00:00.000Z'));
    expect(await store.suppressions.get('deputy@northgate.example')).toMatchObject({ messageId: 'ses-9' });
    expect(await store.suppressions.lifts('deputy@northgate.example')).toHaveLength(1);
  });

  it('needs a note and a suppressed address', async () => {
    await recordMailEvent(deps, bounce('head@northgate.example', 'ses-1', 'Permanent', '2026-11-20T10:00:00.000Z'));
    await expect(liftSuppression(deps, { email: 'head@northgate.example', by: 'a', note: '   ' })).rejects.toMatchObject({ problem: 'note' });
    await expect(liftSuppression(deps, { email: 'nobody@northgate.example', by: 'a', note: 'x' })).rejects.toBeInstanceOf(LiftSuppressionError);
    expect(await store.suppressions.get('head@northgate.example')).toBeDefined();
  });
});

describe('repeated soft bounces', () => {
  it('suppress an address after 5 distinct transient bounces within 14 days, and a lift starts the count again', async () => {
    const days = ['2026-11-01', '2026-11-03', '2026-11-06', '2026-11-09'];
    for (const [i, d] of days.entries()) await recordMailEvent(deps, bounce('deputy@northgate.example', `soft-${i}`, 'Transient', `${d}T07:00:00.000Z`));
    // SNS redelivers one: still 4.
    await recordMailEvent(deps, bounce('deputy@northgate.example', 'soft-3', 'Transient', '2026-11-09T07:00:00.000Z'));
    expect(await store.suppressions.softBounces('deputy@northgate.example')).toMatchObject({ count: 4 });
    expect(await store.suppressions.get('deputy@northgate.example')).toBeUndefined();

    // The 5th, but the first is now older than 14 days: 4 in the window, still not suppressed.
    await recordMailEvent(deps, bounce('deputy@northgate.example', 'soft-4', 'Transient', '2026-11-15T08:00:00.000Z'));
    expect(await store.suppressions.softBounces('deputy@northgate.example')).toMatchObject({ count: 4 });
    expect(await store.suppressions.get('deputy@northgate.example')).toBeUndefined();

    const out = await recordMailEvent(deps, bounce('deputy@northgate.example', 'soft-5', 'Transient', '2026-11-16T08:00:00.000Z'));
    expect(out).toMatchObject({ kind: 'counted', addresses: [{ email: 'deputy@northgate.example', count: 5, suppressed: true }] });
    expect(await store.suppressions.get('deputy@northgate.example')).toMatchObject({ reason: 'repeated-soft-bounce', messageId: 'soft-5', at: '2026-11-16T08:00:00.000Z' });
    at('2026-11-16T12:00:00Z');
    expect(await store.suppressions.listSoftBounces(now.toISOString())).toEqual([{ email: 'deputy@northgate.example', count: 5, lastAt: '2026-11-16T08:00:00.000Z', lastMessageId: 'soft-5', trustIds: ['meridian'] }]);

    // Digests skip it.
    await hit('n1', '2026-11-17T05:00:00.000Z');
    at('2026-11-17T07:00:00Z');
    expect((await sendDigests(deps)).find((r) => r.schoolId === 'northgate')).toMatchObject({ outcome: 'sent', skippedRecipients: [{ email: 'deputy@northgate.example', reason: 'repeated-soft-bounce' }] });

    // Lifted: the count is cleared, so one more soft bounce does not re-suppress.
    const lift = await liftSuppression(deps, { email: 'deputy@northgate.example', by: 'cli:ops', note: 'mailbox quota raised' });
    expect(lift.softBouncesCleared).toBe(4); // counted in the 14 days up to the lift: 2026-11-03 is now 14 days old
    expect(await store.suppressions.softBounces('deputy@northgate.example')).toBeUndefined();
    await recordMailEvent(deps, bounce('deputy@northgate.example', 'soft-6', 'Transient', '2026-11-18T08:00:00.000Z'));
    expect(await store.suppressions.softBounces('deputy@northgate.example')).toMatchObject({ count: 1 });
    expect(await store.suppressions.get('deputy@northgate.example')).toBeUndefined();
  });
});
