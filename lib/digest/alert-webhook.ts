/**
 * The urgent-alert webhook body (Microsoft Teams card or generic JSON) and its signature. Evidence is masked
 * exactly as in the email. Receivers check `X-Schoolwatch-Signature: sha256=<hex>` = HMAC-SHA256(secret,
 * `${X-Schoolwatch-Timestamp}.${body}`) and reject old timestamps (replay). Pure: no clock, no I/O.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AlertWebhook, School } from '../config/schema';
import { compactMasked, maskMention, MASKED_NOTE } from '../privacy/mask';
import type { Mention } from '../store/types';
import { formatLocal } from './schedule';
import { truncate } from './text';
import { categoryName, familyName } from './vocabulary';

export interface AlertWebhookInput {
  deliveryId: string;
  trust: { id: string; name: string };
  school: School;
  mentions: Mention[];
  /** ISO time the alert was sent. */
  sentAt: string;
  webBaseUrl?: string;
}

export interface SignedRequest {
  headers: Record<string, string>;
  body: string;
}

export function signBody(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** For receivers (and tests): constant-time check of a signature header. */
export function verifySignature(secret: string, timestamp: string, body: string, signature: string | undefined): boolean {
  if (!signature) return false;
  const want = Buffer.from(signBody(secret, timestamp, body));
  const got = Buffer.from(signature);
  return want.length === got.length && timingSafeEqual(want, got);
}

function items(input: AlertWebhookInput) {
  const base = input.webBaseUrl?.replace(/\/+$/, '');
  return input.mentions.map(maskMention).map((m) => ({
    id: m.id,
    severity: m.severity,
    families: m.families.map(familyName),
    categories: (m.score?.categories ?? []).map(categoryName),
    title: truncate(compactMasked(m.title), 300),
    excerpt: truncate(compactMasked(m.text.replace(/\s+/g, ' ')).trim(), 400),
    webAddress: m.canonicalUrl ?? m.url ?? null,
    publishedAt: m.publishedAt ?? null,
    capturedAt: m.capturedAt,
    capturedLocal: formatLocal(m.capturedAt, input.school.timezone),
    snapshotUrl: base ? `${base}/mentions/${encodeURIComponent(m.id)}` : null,
  }));
}

function genericBody(input: AlertWebhookInput): unknown {
  return {
    type: 'schoolwatch.urgent-alert',
    deliveryId: input.deliveryId,
    sentAt: input.sentAt,
    trust: input.trust,
    school: { id: input.school.id, name: input.school.name },
    note: MASKED_NOTE,
    items: items(input),
  };
}

/** A Teams incoming-webhook message with an Adaptive Card: one block per item and a sign-in button. */
function teamsBody(input: AlertWebhookInput): unknown {
  const list = items(input);
  const body: unknown[] = [
    { type: 'TextBlock', size: 'Large', weight: 'Bolder', color: 'Attention', wrap: true, text: `Urgent: ${input.school.name}: ${list.length} item${list.length === 1 ? '' : 's'} to act on now` },
    { type: 'TextBlock', wrap: true, isSubtle: true, text: MASKED_NOTE },
  ];
  for (const i of list) {
    body.push(
      { type: 'TextBlock', wrap: true, weight: 'Bolder', separator: true, text: `[${(i.severity ?? 'unrated').toUpperCase()}] ${i.title}` },
      { type: 'TextBlock', wrap: true, text: i.excerpt },
      { type: 'FactSet', facts: [{ title: 'Why', value: i.categories.join('; ') }, { title: 'Captured', value: i.capturedLocal }, ...(i.webAddress ? [{ title: 'Web address', value: i.webAddress }] : [])] },
      ...(i.snapshotUrl ? [{ type: 'ActionSet', actions: [{ type: 'Action.OpenUrl', title: 'Sign in to see the full snapshot', url: i.snapshotUrl }] }] : []),
    );
  }
  return {
    type: 'message',
    attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: { $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', type: 'AdaptiveCard', version: '1.4', body } }],
  };
}

/** The signed request for one alert batch; `timestamp` is Unix seconds as a string. */
export function alertWebhookRequest(hook: Pick<AlertWebhook, 'kind' | 'secret'>, input: AlertWebhookInput, timestamp: string): SignedRequest {
  const body = JSON.stringify(hook.kind === 'teams' ? teamsBody(input) : genericBody(input));
  return {
    body,
    headers: {
      'x-schoolwatch-delivery': input.deliveryId,
      'x-schoolwatch-timestamp': timestamp,
      'x-schoolwatch-signature': signBody(hook.secret, timestamp, body),
    },
  };
}
