/**
 * The urgent-alert email: "Urgent: …" subject, the same item cards as the digest (masked evidence, sign-in
 * link), a red call to act now, and no attachment (the evidence log comes with the next digest).
 * Pure: no clock, no I/O.
 */
import { FONT } from './style';
import type { School } from '../config/schema';
import { maskMention, MASKED_NOTE } from '../privacy/mask';
import type { Mention } from '../store/types';
import { baseUrl, footerText, frameHtml, headerText, itemHtml, itemText, itemView, plural, sanitiseSubject, sortMentions, type Audience } from './render';
import { escapeHtml, escapeWrap, oneLine } from './text';
import type { OutgoingMail } from './types';

export interface RenderAlertInput {
  school: School;
  trustName?: string;
  mentions: Mention[];
  /** The school's local date, `YYYY-MM-DD`. */
  localDate: string;
  /** When the items were found, already formatted in the school's timezone. */
  foundAt: string;
  webBaseUrl?: string;
}

export interface RenderedAlert {
  subject: string;
  html: string;
  text: string;
}


/** The distinct category labels of the items, most common first: "Threat, Pupil personal information". */
function what(mentions: Mention[], urgent: ReadonlySet<string>): string {
  const counts = new Map<string, number>();
  for (const m of mentions) for (const c of m.score?.categories ?? []) if (urgent.has(c.id)) counts.set(c.label, (counts.get(c.label) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([label]) => label).join(', ');
}

export function renderUrgentAlert(input: RenderAlertInput, urgent: ReadonlySet<string>): RenderedAlert {
  const { school, localDate } = input;
  const sorted = sortMentions(input.mentions.map(maskMention));
  const kinds = what(sorted, urgent);
  const subject = sanitiseSubject(`Urgent: ${school.name}: ${plural(sorted.length, 'item')} to act on now${kinds ? ` (${kinds})` : ''}`);
  const base = baseUrl(input.webBaseUrl);
  const views = sorted.map((m, i) => itemView(m, i + 1, school, base));
  const audience: Audience = {
    kicker: 'Schoolwatch urgent alert',
    kickerSuffix: input.trustName,
    title: school.name,
    timesIn: school.timezone,
    keepWithin: 'the school',
    listedAs: { role: 'an urgent-alert recipient', name: school.name },
    noun: 'alert',
  };
  const lead = `Schoolwatch found ${plural(sorted.length, 'item')} that should not wait for tomorrow's digest${kinds ? `: ${kinds}` : ''}. Found ${input.foundAt}.`;
  const act = 'Open each snapshot, decide what to do under your safeguarding and social-media policies, and record it on the item. If anyone is in immediate danger, call 999.';
  const body = `<tr><td style="padding:20px 24px 8px 24px;" class="sw-pad">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0"><tr><td style="background-color:#fef3f2;border-left:5px solid #b42318;padding:14px 16px;">
<p style="margin:0 0 6px 0;font-family:${FONT};font-size:17px;line-height:24px;font-weight:bold;color:#7a271a;">Urgent: act now</p>
<p style="margin:0 0 6px 0;font-family:${FONT};font-size:14px;line-height:21px;color:#1f2937;">${escapeWrap(lead)}</p>
<p style="margin:0 0 6px 0;font-family:${FONT};font-size:14px;line-height:21px;color:#1f2937;">${escapeHtml(act)}</p>
<p style="margin:0;font-family:${FONT};font-size:13px;line-height:19px;color:#5b6472;">${escapeHtml(MASKED_NOTE)} These items will also be in the next daily digest, marked as alerted.</p>
</td></tr></table>
</td></tr>
${views.map((v) => itemHtml(v)).join('\n')}`;
  const html = frameHtml({ allClear: true, subject, preheader: lead, audience, localDate, body });
  const RULE = '-'.repeat(64);
  const text: string[] = [...headerText(audience, localDate), 'URGENT: ACT NOW', oneLine(lead), act, `${MASKED_NOTE} These items will also be in the next daily digest, marked as alerted.`, ''];
  for (const v of views) text.push(RULE, ...itemText(v), '');
  text.push(...footerText(audience, true));
  return { subject, html, text: text.join('\n') };
}

export function urgentAlertMail(opts: { from: string; to: string[]; rendered: RenderedAlert }): OutgoingMail {
  return { from: opts.from, to: [...opts.to], subject: opts.rendered.subject, html: opts.rendered.html, text: opts.rendered.text, attachments: [] };
}
