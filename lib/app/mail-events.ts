/**
 * SES bounce and complaint events (configuration set → SNS → `functions/ses-events.ts`): a permanent bounce
 * or a complaint suppresses the address, so digests stop going to it; a transient bounce is counted, and
 * SOFT_BOUNCE_LIMIT of them (distinct messages) within SOFT_BOUNCE_WINDOW_DAYS suppress it too
 * (`repeated-soft-bounce`). Admins lift a suppression (`liftSuppression`) once the address is fixed.
 * Accepts both SES event publishing (`eventType`) and identity notifications (`notificationType`).
 */
import { z } from 'zod';
import { normaliseEmail, SOFT_BOUNCE_LIMIT, SOFT_BOUNCE_WINDOW_DAYS, type LiftRecord, type SuppressionReason } from '../store/suppression-store';
import type { AppDeps } from './deps';

/** The SNS message is not an SES event this handler understands. Retrying cannot fix it. */
export class MailEventError extends Error {
  override readonly name = 'MailEventError';
}

const Recipient = z.object({ emailAddress: z.string().min(3) }).passthrough();
const Mail = z.object({ messageId: z.string().min(1), timestamp: z.string().optional() }).passthrough();
const Bounce = z
  .object({
    bounceType: z.enum(['Permanent', 'Transient', 'Undetermined']),
    bounceSubType: z.string().optional(),
    bouncedRecipients: z.array(
      Recipient.extend({ diagnosticCode: z.string().optional(), status: z.string().optional() }),
    ).min(1),
    timestamp: z.string().optional(),
  })
  .passthrough();
const Complaint = z
  .object({
    complainedRecipients: z.array(Recipient).min(1),
    complaintFeedbackType: z.string().optional(),
    complaintSubType: z.string().nullish(),
    timestamp: z.string().optional(),
  })
  .passthrough();

const Envelope = z
  .object({ eventType: z.string().optional(), notificationType: z.string().optional(), mail: Mail })
  .passthrough()
  .refine((e) => e.eventType ?? e.notificationType, { message: 'has neither eventType nor notificationType' });

export type MailEventOutcome =
  | { kind: 'suppressed'; eventType: 'Bounce' | 'Complaint'; messageId: string; addresses: { email: string; isNew: boolean }[] }
  | { kind: 'counted'; eventType: 'Bounce'; messageId: string; addresses: { email: string; isNew: boolean; count: number; suppressed: boolean }[] }
  | { kind: 'ignored'; eventType: string; messageId: string; reason: string };

/** Keep diagnostics short: they end up on the admin page. */
const cap = (s: string | undefined, n = 300) => (s && s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** `"Head <head@x.example>"` → `head@x.example` (SES normally gives the bare address). */
function bareAddress(raw: string): string {
  const m = /<([^<>\s]+@[^<>\s]+)>/.exec(raw);
  return normaliseEmail(m ? m[1]! : raw);
}

function issues(err: z.ZodError): string {
  return err.issues.map((i) => `${i.path.join('.') || '(message)'}: ${i.message}`).join('; ');
}

/**
 * Records one SES event (the SNS `Message` string). Throws MailEventError for anything that is not a
 * well-formed SES event; store failures propagate (the caller's retry can fix those).
 * Idempotent: SNS redelivery suppresses nothing twice and counts a soft bounce once per message.
 */
export async function recordMailEvent(deps: Pick<AppDeps, 'store' | 'clock' | 'log'>, snsMessage: string): Promise<MailEventOutcome> {
  let json: unknown;
  try {
    json = JSON.parse(snsMessage);
  } catch {
    throw new MailEventError(`SES event is not JSON (starts ${JSON.stringify(snsMessage.slice(0, 60))}); check the SNS topic only receives SES events.`);
  }
  const env = Envelope.safeParse(json);
  if (!env.success) throw new MailEventError(`Not an SES event: ${issues(env.error)}.`);
  const eventType = (env.data.eventType ?? env.data.notificationType)!;
  const messageId = env.data.mail.messageId;
  const recordedAt = deps.clock().toISOString();
  const owners = await addressOwners(deps.store);
  const trustIds = (email: string) => owners.get(email);

  if (eventType === 'Bounce') {
    const parsed = Bounce.safeParse((json as { bounce?: unknown }).bounce);
    if (!parsed.success) throw new MailEventError(`SES Bounce event for message ${messageId} is malformed: ${issues(parsed.error)}.`);
    const b = parsed.data;
    const at = b.timestamp ?? env.data.mail.timestamp ?? recordedAt;
    if (b.bounceType !== 'Permanent') {
      // Transient (mailbox full, greylisting) and Undetermined: SES retried already. Count it; only a run of
      // them (SOFT_BOUNCE_LIMIT distinct messages within the window) suppresses the address.
      const addresses = [];
      for (const r of b.bouncedRecipients) {
        const email = bareAddress(r.emailAddress);
        const { isNew, count } = await deps.store.suppressions.countSoftBounce(email, at, messageId, trustIds(email));
        // Not only when isNew: a redelivery after a crash between counting and suppressing finishes the job.
        const suppressed =
          count >= SOFT_BOUNCE_LIMIT &&
          (await deps.store.suppressions.suppress({
            email,
            reason: 'repeated-soft-bounce',
            detail: `${count} transient bounces in ${SOFT_BOUNCE_WINDOW_DAYS} days${b.bounceSubType ? `, last ${b.bounceSubType}` : ''}`,
            at,
            recordedAt,
            messageId,
            diagnostic: cap(r.diagnosticCode),
            trustIds: trustIds(email),
          }));
        addresses.push({ email, isNew, count, suppressed });
      }
      const newlySuppressed = addresses.filter((a) => a.suppressed).map((a) => a.email);
      if (newlySuppressed.length) deps.log.warn(`SES soft bounces: ${SOFT_BOUNCE_LIMIT} or more in ${SOFT_BOUNCE_WINDOW_DAYS} days, digests will no longer go to these addresses`, { messageId, addresses: newlySuppressed });
      deps.log.warn('SES soft bounce counted', { messageId, bounceType: b.bounceType, bounceSubType: b.bounceSubType, addresses: addresses.map((a) => `${a.email} (${a.count} in ${SOFT_BOUNCE_WINDOW_DAYS} days)`) });
      return { kind: 'counted', eventType: 'Bounce', messageId, addresses };
    }
    const addresses = [];
    for (const r of b.bouncedRecipients) {
      const email = bareAddress(r.emailAddress);
      const isNew = await deps.store.suppressions.suppress({
        email,
        reason: 'bounce',
        detail: b.bounceSubType,
        at,
        recordedAt,
        messageId,
        diagnostic: cap(r.diagnosticCode),
        trustIds: trustIds(email),
      });
      addresses.push({ email, isNew });
    }
    deps.log.warn('SES permanent bounce: digests will no longer go to these addresses', { messageId, bounceSubType: b.bounceSubType, addresses: addresses.map((a) => a.email) });
    return { kind: 'suppressed', eventType: 'Bounce', messageId, addresses };
  }

  if (eventType === 'Complaint') {
    const parsed = Complaint.safeParse((json as { complaint?: unknown }).complaint);
    if (!parsed.success) throw new MailEventError(`SES Complaint event for message ${messageId} is malformed: ${issues(parsed.error)}.`);
    const c = parsed.data;
    const at = c.timestamp ?? env.data.mail.timestamp ?? recordedAt;
    const reason: SuppressionReason = 'complaint';
    const addresses = [];
    for (const r of c.complainedRecipients) {
      const email = bareAddress(r.emailAddress);
      const isNew = await deps.store.suppressions.suppress({
        email,
        reason,
        detail: c.complaintFeedbackType ?? c.complaintSubType ?? undefined,
        at,
        recordedAt,
        messageId,
        trustIds: trustIds(email),
      });
      addresses.push({ email, isNew });
    }
    deps.log.warn('SES complaint: digests will no longer go to these addresses', { messageId, addresses: addresses.map((a) => a.email) });
    return { kind: 'suppressed', eventType: 'Complaint', messageId, addresses };
  }

  // Reject (virus), Delivery, Send, Open, … and the AmazonSnsSubscriptionSucceeded notice: nothing to suppress.
  deps.log.info('SES event ignored', { eventType, messageId });
  return { kind: 'ignored', eventType, messageId, reason: `${eventType} events do not suppress addresses` };
}

/**
 * Which trusts send to each address now (a school's recipients, the roll-up's): a suppression is recorded for
 * them only. SES reports an address, not a trust; the trusts using it at that moment are the ones whose mail
 * bounced or was complained about. (A trust that adds the address later is not among them.)
 */
async function addressOwners(store: AppDeps['store']): Promise<Map<string, string[]>> {
  const [schools, trusts] = await Promise.all([store.config.listSchools(), store.config.listTrusts()]);
  const owners = new Map<string, Set<string>>();
  const add = (email: string, trustId: string) => owners.set(normaliseEmail(email), (owners.get(normaliseEmail(email)) ?? new Set()).add(trustId));
  for (const s of schools) for (const e of s.school.recipients) add(e, s.trustId);
  for (const t of trusts) for (const e of t.rollup?.recipients ?? []) add(e, t.id);
  return new Map([...owners].map(([email, ids]) => [email, [...ids].sort()]));
}

/** A lift the caller asked for cannot be done: the address is not suppressed, or the note is missing. */
export class LiftSuppressionError extends Error {
  override readonly name = 'LiftSuppressionError';
  constructor(
    readonly problem: 'not-suppressed' | 'note',
    message: string,
  ) {
    super(message);
  }
}

export const LIFT_NOTE_MAX = 500;

/**
 * Lifts the suppression of `email` (after the mailbox was fixed or the recipient confirmed it), recording who
 * did it, when and why on the address's suppression history. Digests go to the address again from the next
 * run, and its soft-bounce count starts again from zero. Callers check the address is theirs to lift.
 */
export async function liftSuppression(
  deps: Pick<AppDeps, 'store' | 'clock' | 'log'>,
  input: { email: string; by: string; note: string },
): Promise<LiftRecord> {
  const note = input.note.trim();
  if (!note) throw new LiftSuppressionError('note', 'Say why the suppression can be lifted (for example, "mailbox fixed, confirmed by phone").');
  if (note.length > LIFT_NOTE_MAX) throw new LiftSuppressionError('note', `Keep the note under ${LIFT_NOTE_MAX} characters.`);
  const email = normaliseEmail(input.email);
  const lift = await deps.store.suppressions.lift(email, input.by, note, deps.clock().toISOString());
  if (!lift) throw new LiftSuppressionError('not-suppressed', `${email} is not suppressed.`);
  deps.log.info('suppression lifted: digests go to this address again', { email, by: input.by, reason: lift.suppression.reason, since: lift.suppression.at });
  return lift;
}

/** How a suppression reason reads to people. */
export function describeSuppressionReason(reason: SuppressionReason): string {
  return reason === 'bounce' ? 'Bounced' : reason === 'complaint' ? 'Complaint' : 'Repeated soft bounces';
}
