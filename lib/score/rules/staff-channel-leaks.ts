/**
 * A staff channel's messages passed on: the staff WhatsApp screenshotted, the teachers' group chat on TikTok, an e-mail to
 * staff forwarded to the parents' list, a staff group's reminder copied into a parents' page. What a school's staff say
 * among themselves is internal whatever it is about (a pupil, a family, a decision), so the channel (data: staff-channel)
 * and a word that it went out of it (data: passed-on), near each other, are the leak; no secrecy word is needed.
 *
 * Not a leak: the school's own notice of the mistake (data: own-voice) or its response to it, told by anyone ("apologised",
 * "reported it to the ICO"; data: breach-response); a public statement (data: public-cue); a staff channel no one passed on
 * ("the staff WhatsApp is how they arrange cover"); a parents' chat, which is no staff channel.
 */
import type { Doc, Span } from '../document';
import type { Finding } from '../findings';

/** How far apart (characters) the channel and the word that it went out may be: the same sentence or the next. */
const NEAR = 160;

function rawHits(doc: Doc, category: string): Span[] {
  return doc.lex.find(doc.clean.text, category).map((h) => ({ start: doc.clean.start[h.start]!, end: doc.clean.end[h.end - 1]! }));
}

export interface StaffChannelContext {
  /** Public cues the confidential rules kept (a private person's "says" is not one). */
  publicCues: readonly Span[];
  /** The school writing to its families, with no word that it was meant to stay inside. */
  ownVoice: boolean;
  /** The item denies what it tells. */
  denied: boolean;
}

export function staffChannelLeak(doc: Doc, context: StaffChannelContext): Finding | undefined {
  if (context.ownVoice || context.denied || context.publicCues.length) return undefined;
  const channels = rawHits(doc, 'staff-channel');
  if (!channels.length) return undefined;
  const passed = rawHits(doc, 'passed-on').filter((p) => !channels.some((c) => c.start < p.end && p.start < c.end));
  if (!passed.length || rawHits(doc, 'breach-response').length) return undefined;
  for (const channel of channels) {
    const out = passed.find((p) => Math.max(p.start - channel.end, channel.start - p.end) <= NEAR);
    if (!out) continue;
    const raw = doc.raw;
    return { category: 'confidential.internal', confidence: 0.75, raw: true, spans: [channel, out],
      reason: `a staff channel's messages passed on ("${raw.slice(channel.start, channel.end)}", "${raw.slice(out.start, out.end)}")` };
  }
  return undefined;
}
