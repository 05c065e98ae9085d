import { DEFAULT_URGENT_CATEGORIES, type SchoolRef, type Trust } from '../config/schema';
import { renderUrgentAlert, urgentAlertMail } from '../digest/alert-render';
import { alertWebhookRequest } from '../digest/alert-webhook';
import { formatLocal, localParts } from '../digest/schedule';
import { MailError } from '../digest/types';
import { FeedError } from '../feeds/errors';
import type { WebhookPoster } from '../feeds/post';
import type { AlertBatch } from '../store/alert-store';
import type { Mention } from '../store/types';
import type { AppDeps } from './deps';
import type { PollResult } from './poll-feed';
import { splitRecipients } from './send-digests';

/**
 * Urgent alerts: a threat, a named pupil with sensitive details, or shared log-ins cannot wait for the
 * morning digest. After a poll stores such a mention, the school's urgent recipients get one email at once.
 *
 * Grouping, simply: a school has at most one urgent email per 15-minute window. The first urgent item opens
 * the window and goes out at once with every other urgent item not yet alerted (so a poll that finds three
 * threats sends one email). Urgent items found while the window is open are held and go together in one
 * email when it closes, sent by the first poll run (or, locally, scheduler tick) after that.
 *
 * Exactly once: the window is opened with a conditional write, and each mention is claimed with a
 * conditional write before the send. A send that certainly failed (SES refused it) gives the claims back for
 * the next run; a send whose outcome is unknown (a timeout: SES may have delivered it) is recorded and never
 * repeated. Each alerted mention records when, and the next digest says "alerted at …".
 */
export const ALERT_WINDOW_MS = 15 * 60_000;
/** How far back an alert run looks for urgent mentions not yet alerted. Older ones are the digest's business. */
const LOOKBACK_MS = 2 * 86400_000;

export type AlertDeps = Pick<AppDeps, 'store' | 'mailer' | 'clock' | 'newId' | 'log' | 'settings'> & { poster?: WebhookPoster };

export interface SchoolTarget {
  trustId: string;
  schoolId: string;
  /** Set when the target came from a due hold: the token of that hold, removed once handled. */
  heldToken?: string;
}

export interface AlertResult extends SchoolTarget {
  outcome: 'sent' | 'unknown' | 'failed' | 'held' | 'nothing-urgent' | 'no-recipients' | 'not-found';
  mentions: number;
  messageId?: string;
  /** For `held`: when the window closes and the held items go. */
  dueAt?: string;
  error?: string;
  webhook?: AlertBatch['webhook'];
}

/** The categories that alert for a trust: its own list, or the defaults. */
export function urgentCategoriesFor(trust: Pick<Trust, 'urgentCategories'> | undefined): ReadonlySet<string> {
  return new Set(trust?.urgentCategories ?? DEFAULT_URGENT_CATEGORIES);
}

export function isUrgent(m: Pick<Mention, 'score'>, urgent: ReadonlySet<string>): boolean {
  return (m.score?.categories ?? []).some((c) => urgent.has(c.id));
}

/** Schools a poll stored new flagged mentions for (what an alert run should look at). */
export function storedTargets(results: ReadonlyArray<PollResult>): SchoolTarget[] {
  const seen = new Map<string, SchoolTarget>();
  for (const r of results) for (const t of r.storedFor ?? []) seen.set(`${t.trustId}\n${t.schoolId}`, t);
  return [...seen.values()];
}

/**
 * Sends the urgent alerts due now: for each school in `targets` (what a poll just stored) and, with
 * `includeHeld`, each school whose held items' window has closed. One school's failure is its result only.
 */
export async function sendUrgentAlerts(deps: AlertDeps, targets: ReadonlyArray<SchoolTarget>, options: { includeHeld?: boolean } = {}): Promise<AlertResult[]> {
  const all = new Map(targets.map((t) => [`${t.trustId}\n${t.schoolId}`, t]));
  if (options.includeHeld) for (const p of await deps.store.alerts.due(deps.clock())) all.set(`${p.trustId}\n${p.schoolId}`, { trustId: p.trustId, schoolId: p.schoolId, heldToken: p.token });
  const results: AlertResult[] = [];
  for (const t of all.values()) {
    try {
      results.push(await alertSchool(deps, t));
    } catch (err) {
      const error = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
      deps.log.error('urgent alert run failed for this school; a later poll will try again', { ...t, error });
      results.push({ ...t, outcome: 'failed', mentions: 0, error });
    }
  }
  return results;
}

async function alertSchool(deps: AlertDeps, target: SchoolTarget): Promise<AlertResult> {
  const { trustId, schoolId } = target;
  const base = { trustId, schoolId, mentions: 0 };
  // Only the hold this run was given is removed when there turns out to be nothing to do.
  const dropHeld = async () => (target.heldToken ? deps.store.alerts.release(trustId, schoolId, target.heldToken) : undefined);
  const ref: SchoolRef | undefined = await deps.store.config.getSchool(schoolId, trustId);
  if (!ref || ref.trustId !== trustId) {
    await dropHeld();
    return { ...base, outcome: 'not-found' };
  }
  const trust = await deps.store.config.getTrust(trustId);
  const urgent = urgentCategoriesFor(trust);
  const now = deps.clock();
  const since = new Date(now.getTime() - LOOKBACK_MS).toISOString();
  const candidates = urgent.size ? (await deps.store.alerts.unalerted(trustId, schoolId, since)).filter((m) => isUrgent(m, urgent)) : [];
  if (candidates.length === 0) {
    await dropHeld();
    return { ...base, outcome: 'nothing-urgent' };
  }

  const school = ref.school;
  const suppressed = new Map((await deps.store.suppressions.list()).map((r) => [r.email, r]));
  const { active, skipped } = splitRecipients(school.urgentRecipients ?? school.recipients, suppressed);
  const hook = trust?.alertWebhook;
  if (active.length === 0 && !hook) {
    await dropHeld();
    const why = skipped.length ? 'every urgent-alert recipient is suppressed after bounces or a complaint' : 'the school has no urgentRecipients or recipients';
    deps.log.warn(`urgent items for ${schoolId} not alerted: ${why}; they will be in the next digest. Add addresses with config import or the admin page.`, { ...target, mentions: candidates.length });
    return { ...base, outcome: 'no-recipients', mentions: candidates.length, error: why };
  }

  const token = deps.newId();
  // Held before the window is opened: if this run dies, or another run holds items meanwhile, the first run
  // after the window closes picks them up (a hold is removed only by the run that wrote or read it).
  await deps.store.alerts.hold({ trustId, schoolId, dueAt: new Date(now.getTime() + ALERT_WINDOW_MS).toISOString(), token });
  const window = await deps.store.alerts.openWindow(trustId, schoolId, now, token, ALERT_WINDOW_MS);
  if (!window.opened) {
    await deps.store.alerts.hold({ trustId, schoolId, dueAt: window.closesAt, token });
    deps.log.info('urgent items held for the open alert window', { ...target, mentions: candidates.length, dueAt: window.closesAt });
    return { ...base, outcome: 'held', mentions: candidates.length, dueAt: window.closesAt };
  }
  const mine: Mention[] = [];
  for (const m of candidates) if (await deps.store.alerts.claimMention(m, token, now)) mine.push(m);
  if (mine.length === 0) {
    await deps.store.alerts.release(trustId, schoolId, token);
    return { ...base, outcome: 'nothing-urgent' };
  }

  const batch: AlertBatch = { trustId, schoolId, token, claimedAt: now.toISOString(), state: 'sending', mentionIds: mine.map((m) => m.id), recipients: active };
  await deps.store.alerts.startBatch(batch);

  const foundAt = formatLocal(now.toISOString(), school.timezone);
  let email: { outcome: 'sent' | 'unknown' | 'failed' | 'skipped'; messageId?: string; error?: string } = { outcome: 'skipped' };
  if (active.length) {
    const rendered = renderUrgentAlert({ school, trustName: trust?.name, mentions: mine, localDate: localParts(now, school.timezone).date, foundAt, webBaseUrl: deps.settings.webBaseUrl }, urgent);
    try {
      const { messageId } = await deps.mailer.send(urgentAlertMail({ from: deps.settings.mailFrom, to: active, rendered }));
      email = { outcome: 'sent', messageId };
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      // Only an error that proves the message was not taken (SES refused or throttled it, or nothing answered the
      // connection) means it was not sent; anything else (a timeout, a dropped connection, a crash mid-call) may
      // have delivered it, so it is not sent again.
      email = { outcome: certainlyNotSent(err) ? 'failed' : 'unknown', error: message };
    }
  }
  const webhook = hook && deps.poster ? await postWebhook(deps, deps.poster, hook, { deliveryId: token, trust: { id: trustId, name: trust?.name ?? trustId }, school, mentions: mine, sentAt: deps.clock().toISOString(), webBaseUrl: deps.settings.webBaseUrl }) : undefined;
  if (hook && !deps.poster) deps.log.warn('trust has an alertWebhook but this process has no webhook poster; only the email was sent', { ...target });

  const delivered = email.outcome === 'sent' || webhook?.outcome === 'sent';
  const unknown = email.outcome === 'unknown' || webhook?.outcome === 'unknown';
  const state: AlertBatch['state'] = delivered ? 'sent' : unknown ? 'unknown' : 'failed';
  const at = deps.clock().toISOString();
  await deps.store.alerts.finishBatch(batch, { state, sentAt: at, messageId: email.messageId, error: email.error, webhook });
  if (state === 'failed') {
    // Certainly not delivered anywhere: give the mentions back, and try again when this window closes.
    for (const m of mine) await deps.store.alerts.releaseMention(m.id, token);
    // The hold written above stays: the alert is tried again when this window closes.
    deps.log.error('urgent alert not sent; it will be retried when the alert window closes', { ...target, error: email.error ?? webhook?.error });
    return { ...base, outcome: 'failed', mentions: mine.length, error: email.error ?? webhook?.error, webhook };
  }
  for (const m of mine) await deps.store.alerts.markAlerted(m, at, state === 'sent' ? 'sent' : 'unknown', token);
  await deps.store.alerts.release(trustId, schoolId, token);
  if (state === 'unknown') deps.log.error('urgent alert outcome unknown (the send timed out or broke off); recorded and not sent again', { ...target, error: email.error ?? webhook?.error });
  else deps.log.info('urgent alert sent', { ...target, mentions: mine.length, messageId: email.messageId, webhook: webhook?.outcome });
  return { ...base, outcome: state, mentions: mine.length, messageId: email.messageId, error: email.error, webhook };
}

async function postWebhook(deps: AlertDeps, poster: WebhookPoster, hook: NonNullable<Trust['alertWebhook']>, input: Parameters<typeof alertWebhookRequest>[1]): Promise<NonNullable<AlertBatch['webhook']>> {
  const req = alertWebhookRequest(hook, input, String(Math.floor(deps.clock().getTime() / 1000)));
  try {
    const { status } = await poster.post({ url: hook.url, headers: req.headers, body: req.body });
    if (status >= 200 && status < 300) return { kind: hook.kind, outcome: 'sent', status };
    return { kind: hook.kind, outcome: 'failed', status, error: `the webhook answered HTTP ${status}` };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    // Refused before sending (not https, a private address, a bad address) is certain; a timeout or a broken connection is not.
    const certain = err instanceof FeedError && (err.code === 'bad-url' || err.code === 'blocked-address');
    return { kind: hook.kind, outcome: certain ? 'failed' : 'unknown', error: message };
  }
}

/** The mailer says so: SES refused or throttled it, or was never reached. A timeout or a reset is `unknown`. */
function certainlyNotSent(err: unknown): boolean {
  return err instanceof MailError && err.outcome === 'not-sent';
}
