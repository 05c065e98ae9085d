import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../lib/app/deps';
import { MailEventError, recordMailEvent } from '../../lib/app/mail-events';
import type { Store } from '../../lib/store';
import type { SuppressionRecord } from '../../lib/store/suppression-store';

/** An in-memory stand-in for the two store calls recordMailEvent makes (same idempotency rules as the real store). */
function fake() {
  const suppressed = new Map<string, SuppressionRecord>();
  const soft = new Map<string, { count: number; events: Map<string, string> }>();
  const store = {
    config: { listSchools: async () => [], listTrusts: async () => [] },
    suppressions: {
      async suppress(r: SuppressionRecord) {
        if (suppressed.has(r.email)) return false;
        suppressed.set(r.email, r);
        return true;
      },
      async countSoftBounce(email: string, at: string, messageId: string) {
        const s = soft.get(email) ?? { count: 0, events: new Map<string, string>() };
        soft.set(email, s);
        const isNew = !s.events.has(messageId);
        s.events.set(messageId, at);
        s.count = [...s.events.values()].filter((t) => Date.parse(at) - Date.parse(t) < 14 * 86_400_000 && Date.parse(t) <= Date.parse(at)).length;
        return { isNew, count: s.count };
      },
    },
  } as unknown as Store;
  const deps = { store, clock: () => new Date('2026-11-21T08:00:00.000Z'), log: silentLogger };
  return { deps, suppressed, soft };
}

const mail = { timestamp: '2026-11-21T07:00:01.000Z', source: 'Schoolwatch <digest@trust.example>', messageId: 'msg-1', destination: ['head@northgate.example'] };

/** Shapes as SES event publishing sends them (configuration set → SNS), trimmed. */
const permanentBounce = {
  eventType: 'Bounce',
  bounce: {
    feedbackId: 'fb-1',
    bounceType: 'Permanent',
    bounceSubType: 'General',
    bouncedRecipients: [{ emailAddress: 'Head@Northgate.example', action: 'failed', status: '5.1.1', diagnosticCode: 'smtp; 550 5.1.1 user unknown' }],
    timestamp: '2026-11-21T07:00:03.000Z',
    reportingMTA: 'dsn; a.example',
  },
  mail,
};

describe('recordMailEvent', () => {
  it('suppresses every address of a permanent bounce, lower-cased, with reason, time, message id and diagnostic', async () => {
    const f = fake();
    const out = await recordMailEvent(f.deps, JSON.stringify(permanentBounce));
    expect(out).toEqual({ kind: 'suppressed', eventType: 'Bounce', messageId: 'msg-1', addresses: [{ email: 'head@northgate.example', isNew: true }] });
    expect(f.suppressed.get('head@northgate.example')).toEqual({
      email: 'head@northgate.example',
      reason: 'bounce',
      detail: 'General',
      at: '2026-11-21T07:00:03.000Z',
      recordedAt: '2026-11-21T08:00:00.000Z',
      messageId: 'msg-1',
      diagnostic: 'smtp; 550 5.1.1 user unknown',
    });
    // SNS redelivery: reported, nothing new.
    const again = await recordMailEvent(f.deps, JSON.stringify(permanentBounce));
    expect(again.kind === 'suppressed' && again.addresses[0]!.isNew).toBe(false);
  });

  it('only counts a transient bounce (once per message), never suppressing', async () => {
    const f = fake();
    const transient = { ...permanentBounce, bounce: { ...permanentBounce.bounce, bounceType: 'Transient', bounceSubType: 'MailboxFull' } };
    const out = await recordMailEvent(f.deps, JSON.stringify(transient));
    expect(out).toMatchObject({ kind: 'counted', addresses: [{ email: 'head@northgate.example', isNew: true }] });
    await recordMailEvent(f.deps, JSON.stringify(transient));
    await recordMailEvent(f.deps, JSON.stringify({ ...transient, mail: { ...mail, messageId: 'msg-2' } }));
    expect(f.soft.get('head@northgate.example')?.count).toBe(2);
    expect(f.suppressed.size).toBe(0);
  });

  it('suppresses complained addresses, taking the bare address out of "Name <addr>"', async () => {
    const f = fake();
    const complaint = {
      eventType: 'Complaint',
      complaint: { complainedRecipients: [{ emailAddress: 'Deputy Head <deputy@northgate.example>' }, { emailAddress: 'dsl@northgate.example' }], timestamp: '2026-11-21T09:00:00.000Z', feedbackId: 'fb', complaintSubType: null, complaintFeedbackType: 'abuse' },
      mail,
    };
    const out = await recordMailEvent(f.deps, JSON.stringify(complaint));
    expect(out.kind).toBe('suppressed');
    expect([...f.suppressed.keys()].sort()).toEqual(['deputy@northgate.example', 'dsl@northgate.example']);
    expect(f.suppressed.get('dsl@northgate.example')).toMatchObject({ reason: 'complaint', detail: 'abuse', at: '2026-11-21T09:00:00.000Z' });
  });

  it('accepts identity notifications (notificationType) too', async () => {
    const f = fake();
    const { eventType: _e, ...rest } = permanentBounce;
    const out = await recordMailEvent(f.deps, JSON.stringify({ notificationType: 'Bounce', ...rest }));
    expect(out.kind).toBe('suppressed');
    expect(f.suppressed.has('head@northgate.example')).toBe(true);
  });

  it('ignores other event types (Reject, Delivery) without touching the store', async () => {
    const f = fake();
    expect(await recordMailEvent(f.deps, JSON.stringify({ eventType: 'Reject', reject: { reason: 'Bad content' }, mail }))).toMatchObject({ kind: 'ignored', eventType: 'Reject' });
    expect(await recordMailEvent(f.deps, JSON.stringify({ notificationType: 'Delivery', delivery: {}, mail }))).toMatchObject({ kind: 'ignored', eventType: 'Delivery' });
    expect(f.suppressed.size + f.soft.size).toBe(0);
  });

  it.each([
    ['not JSON', 'hello', /not JSON/],
    ['JSON but not an object', '42', /Not an SES event/],
    ['no event type', JSON.stringify({ mail }), /neither eventType nor notificationType/],
    ['no mail.messageId', JSON.stringify({ eventType: 'Bounce', bounce: permanentBounce.bounce, mail: {} }), /mail\.messageId/],
    ['bounce without recipients', JSON.stringify({ ...permanentBounce, bounce: { bounceType: 'Permanent' } }), /Bounce event for message msg-1 is malformed: bouncedRecipients/],
    ['unknown bounce type', JSON.stringify({ ...permanentBounce, bounce: { ...permanentBounce.bounce, bounceType: 'Sideways' } }), /bounceType/],
    ['complaint without its body', JSON.stringify({ eventType: 'Complaint', mail }), /Complaint event for message msg-1 is malformed/],
  ])('rejects %s with a MailEventError that says what is wrong', async (_name, message, pattern) => {
    const f = fake();
    const err = await recordMailEvent(f.deps, message).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MailEventError);
    expect((err as Error).message).toMatch(pattern);
    expect(f.suppressed.size + f.soft.size).toBe(0);
  });

  describe('repeated soft bounces', () => {
    const soft = (id: string, at: string) =>
      JSON.stringify({ ...permanentBounce, bounce: { ...permanentBounce.bounce, bounceType: 'Transient', bounceSubType: 'MailboxFull', timestamp: at }, mail: { ...mail, messageId: id } });

    it('suppresses on the 5th distinct message within 14 days, with reason repeated-soft-bounce', async () => {
      const f = fake();
      for (let i = 1; i <= 4; i++) expect(await recordMailEvent(f.deps, soft(`m${i}`, `2026-11-0${i}T07:00:00.000Z`))).toMatchObject({ kind: 'counted', addresses: [{ count: i, suppressed: false }] });
      // Redelivery of the 4th message does not count.
      expect(await recordMailEvent(f.deps, soft('m4', '2026-11-04T07:00:00.000Z'))).toMatchObject({ addresses: [{ isNew: false, count: 4, suppressed: false }] });
      expect(f.suppressed.size).toBe(0);
      const out = await recordMailEvent(f.deps, soft('m5', '2026-11-14T07:00:00.000Z'));
      expect(out).toMatchObject({ kind: 'counted', addresses: [{ email: 'head@northgate.example', isNew: true, count: 5, suppressed: true }] });
      expect(f.suppressed.get('head@northgate.example')).toMatchObject({ reason: 'repeated-soft-bounce', messageId: 'm5', at: '2026-11-14T07:00:00.000Z', detail: '5 transient bounces in 14 days, last MailboxFull' });
    });

    it('does not count bounces older than 14 days toward the threshold', async () => {
      const f = fake();
      for (let i = 1; i <= 4; i++) await recordMailEvent(f.deps, soft(`m${i}`, `2026-11-0${i}T07:00:00.000Z`));
      const out = await recordMailEvent(f.deps, soft('m5', '2026-11-15T07:00:01.000Z')); // m1 is now > 14 days old
      expect(out).toMatchObject({ addresses: [{ count: 4, suppressed: false }] });
      expect(f.suppressed.size).toBe(0);
    });
  });
});
