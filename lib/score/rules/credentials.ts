/**
 * Credentials in any wording: "pw is Summer2026", "Google Classroom is still on Admin123!", "username
 * reception and it's Winifred2026!", "door code 4512". A secret-looking token near a word that
 * introduces a secret or names a school system (data/lexicons/credentials.tsv) is a leak, however the
 * sentence around it is put; talk about passwords in general has no secret in it, or gives one as an
 * example of advice (data: credential-advice), and stays unflagged.
 *
 * The token is read from the original text: the clean view undoes leetspeak, which would turn
 * "Adm1n!" into a word.
 */
import type { Doc, Span } from '../document';
import { perLexicon } from '../lexicon';

/** How far after a cue (and before it) a secret may sit, in characters of the original text. */
const AFTER = 90;
const BEFORE = 30;
const TOKEN = /[^\s"'“”‘’()[\]{}<>,;]+/g;
/**
 * Tokens with digits and letters that are not secrets: year groups, rooms, pages (data: not-secret-prefix), times, sizes,
 * ordinals (data: not-secret-unit); and by shape, money, e-mail addresses, links, hashtags and clock times.
 */
const notSecret = perLexicon(
  (lex) => new RegExp(String.raw`^${lex.pattern('not-secret-prefix')}[-_]?\d+s?$|^\d+(?:${lex.pattern('not-secret-unit')}|%)$|^[£$€]|@[\w-]+\.\w|:\/\/|^www\.|^#|^\d{1,2}[:.]\d{2}|^[\w-]+(?:\.[\w-]+)+\/`, 'i'),
);
/**
 * After a school system's name (not a word that opens a secret), only linking words may stand before the secret:
 * "Bromcom on Autumn99!", "staff wifi is Elm-2027", "Arbor: jsmith / Summer2026"; "ParentPay, reference TRIP2026"
 * and "the staff wifi keeps dropping since the Windows11 update" name a system and a code that is no secret.
 */
// "Arbor (Elmfield) unlocked 🔓 Frost2026!": a note in brackets after the system, and a word of opening or getting in
// "SIMS — office / Spring2026": a user name and a slash before the secret, as a note on a screen writes a log-in
// "the Hwb account for Elmfield is …": whose system it is, in a few words after for/at/in/of
// round 9b: an arrow between system and secret ("SIMS → Maple2026!"), a slash after the bracket ("the MIS (Arbor) / …"), a
// note of up to two words before the slash ("MyConcern safeguarding log / …") and a bracket round the secret ("the Bromcom
// code (Kestrel_88)")
// round 10: the system taken up again by "it" ("still haven't changed CPOMS, it's letmein22", "the staff wifi, it is Elm-2027")
// round 11: whose system it is, then a comma ("the school Google account at Elmfield Primary, Kestrel#42"), and a dash after
// the bracket ("the MIS (Arbor) — Kestrel42"), or the part of the system it opens ("the Google Workspace admin console — …")
const SYSTEM_GAP = /^[\s,:=/(\-–—>→⇒➡»]*(?:\([^)]{0,60}\)[\s:=/>→⇒➡»–—-]*)?(?:(?:admin|console|booking|portal|panel|dashboard|account)\b[\s:=/>→⇒➡»–—-]*){0,2}(?:(?:for|at|in|of)\s+(?:the\s+)?[\w'’.-]+(?:\s+[\w'’.-]+){0,5}?(?:\s+(?=is|was|=|:)|,\s*))?(?:(?:it['’]s|its|it|is|was|on|now|still|are|=|password|passwd|pw|pwd|pass|login|log-?in|username|user|pin|code|key|details|unlocked|unlocks|unlock|opens|opened|access|into|with|using)\b[\s:=/-]*|[\u{1F511}\u{1F513}\u{1F510}]\s*){0,4}(?:(?:[\w.@-]{2,30}\s+){0,2}[\w.@-]{2,30}\s*\/\s*)?\(?$/iu;

/** Laughs and emotes typed in chat (data: chat-interjection), as whole words. */
const interjections = perLexicon((lex) => new RegExp(String.raw`\b${lex.pattern('chat-interjection')}\b`, 'gi'));

function secretLike(token: string, code: boolean, NOT_SECRET: RegExp): boolean {
  const t = token.replace(/[.,:;]+$/, '');
  if (t.length < 4 || t.length > 32 || NOT_SECRET.test(t)) return false;
  if (code && /^\d{4,8}#?$/.test(t)) return true;
  if (t.length < 5) return false;
  const letters = /[a-z]/i.test(t);
  // letters with digits, or mixed case with a symbol inside ("Pa$$word"); a word ending in "!" is only a word
  return letters && (/\d/.test(t) || (/[!#$%&*?@]/.test(t.slice(1, -1)) && /[A-Z]/.test(t) && /[a-z]/.test(t)));
}

function rawSpans(doc: Doc, category: string): Span[] {
  return doc.lex.find(doc.clean.text, category).map((h) => ({ start: doc.clean.start[h.start]!, end: doc.clean.end[h.end - 1]! }));
}

/** The line (and sentence) around `pos`: a secret is given in the same line as what it opens. */
function lineAround(raw: string, pos: number): Span {
  const start = raw.lastIndexOf('\n', pos - 1) + 1;
  const nl = raw.indexOf('\n', pos);
  return { start, end: nl < 0 ? raw.length : nl };
}

/** Where the sentence of `pos` ends: a full stop, "!" or "?" followed by a capital starts another one. */
function sentenceEnd(raw: string, pos: number, limit: number): number {
  const m = /[.!?]\s+(?=[A-Z])/.exec(raw.slice(pos, limit));
  return m ? pos + m.index + 1 : limit;
}

/** A link to a document or drive (a host with a path), not a school's home page. */
const LINK = /^(?:https?:\/\/)?[\w-]+(?:\.[\w-]+)+\/\S{3,}/;

/** How far a system may sit after the token it runs on, in characters of the original text. */
const USED_FOR_REACH = 70;
/** What joins the token to the system it opens: "for", "on", "as the password for", "to log into". */
const USED_FOR_GAP = /^\s+(?:for|on|as\s+(?:the\s+|our\s+|its\s+)?(?:password|pw|login|log-?in|pin|key|code)\s+(?:for|on|to)|to\s+(?:log|sign|get)\s+(?:in|on)(?:to)?)\s/i;

/**
 * A whole token that names a product or standard with digits (data: not-secret-product) or a school system (data:
 * credential-system: "Go4Schools"), read on the original text (the clean view undoes leetspeak: "goaschools").
 */
const productName = perLexicon((lex) => new RegExp(String.raw`^(?:${lex.pattern('not-secret-product')}|${lex.pattern('credential-system')})$`, 'i'));

/**
 * A secret before the system it opens, after a verb of using: "uses Kestrel#42 for the staff wifi". The token must look
 * like a secret and not be a product's own name with digits (data: not-secret-product: "Office365 for the staff email"),
 * nor a school system's name ("uses Go4Schools for homework").
 */
function usedForLeaks(doc: Doc, notSecretRe: RegExp): Span[] {
  const uses = rawSpans(doc, 'credential-use');
  if (!uses.length) return [];
  const targets = [...rawSpans(doc, 'credential-system'), ...rawSpans(doc, 'credential-target'), ...rawSpans(doc, 'credential-cue')];
  if (!targets.length) return [];
  const product = productName(doc.lex);
  const raw = doc.raw;
  const out: Span[] = [];
  for (const use of uses) {
    const m = /^\s+([^\s"'“”‘’()[\]{}<>,;]+)/.exec(raw.slice(use.end, use.end + 40));
    if (!m) continue;
    const at = use.end + m[0].length - m[1]!.length;
    const end = at + m[1]!.length;
    if (!secretLike(m[1]!, false, notSecretRe)) continue;
    if (product.test(m[1]!.replace(/[.,:;!?]+$/, '')) || targets.some((p) => p.start < end && at < p.end)) continue;
    if (!USED_FOR_GAP.test(raw.slice(end, end + 40))) continue;
    const limit = sentenceEnd(raw, end, Math.min(lineAround(raw, end).end, end + USED_FOR_REACH));
    const target = targets.find((t) => t.start >= end && t.end <= limit);
    if (target) out.push({ start: use.start, end: target.end });
  }
  return out;
}

/** Spans of cue + secret, or none. */
export function credentialLeaks(doc: Doc): Span[] {
  const cues = [
    ...rawSpans(doc, 'credential-cue').map((s) => ({ ...s, code: false, system: false })),
    ...rawSpans(doc, 'credential-system').map((s) => ({ ...s, code: false, system: true })),
    ...rawSpans(doc, 'credential-code').map((s) => ({ ...s, code: true, system: false })),
  ];
  const raw = doc.raw;
  const advice = rawSpans(doc, 'credential-advice');
  const notSecretRe = notSecret(doc.lex);
  const out: Span[] = [];
  if (!cues.length) return advice.length ? [] : usedForLeaks(doc, notSecretRe);
  for (const cue of cues) {
    const line = lineAround(raw, cue.start);
    const from = Math.max(line.start, cue.start - BEFORE);
    const to = sentenceEnd(raw, cue.end, Math.min(line.end, cue.end + AFTER));
    // "change your Arbor password, e.g. Summer2026 is far too weak": advice, not a leak
    if (advice.some((a) => a.start >= line.start && a.end <= line.end)) continue;
    TOKEN.lastIndex = 0;
    const window = raw.slice(from, to);
    for (let m = TOKEN.exec(window); m; m = TOKEN.exec(window)) {
      const at = from + m.index;
      if (at < cue.end && at + m[0].length > cue.start) continue;
      if (!secretLike(m[0], cue.code, notSecretRe)) continue;
      // round 11: a laugh or emote typed between them ("the school Google account KEKW Kestrel#42"; data: chat-interjection)
      if (cue.system && (at < cue.start || !SYSTEM_GAP.test(raw.slice(cue.end, at).replace(interjections(doc.lex), ' ')))) continue;
      out.push({ start: Math.min(cue.start, at), end: Math.max(cue.end, at + m[0].length) });
      break;
    }
    // round 9b: a log-in written as lines, as a note, a text or a screenshot sets it out ("Arbor" / "Heron#4471"): a cue or
    // system that ends its line, and the next line is the secret alone
    if (out.length && out[out.length - 1]!.end > cue.start) continue;
    // (after the system, its line may hold a note in brackets or a word of what it is: "the MIS (Arbor)", "MyConcern safeguarding log")
    if (!/^\s*(?:\([^)]{0,60}\))?(?:\s+(?:safeguarding|teacher|teachers|staff|admin|office|log|login|log-in|account|portal|system|panel|password|details|pupil|parent))*[\s:=\-–—>→⇒➡»'"‘’“”]*$/i.test(raw.slice(cue.end, line.end))) continue;
    const next = /^\n[ \t]*['"‘’“”]?([^\s'"‘’“”]+)['"‘’“”]?[ \t]*(?:\n|$)/.exec(raw.slice(line.end));
    if (next && secretLike(next[1]!, cue.code, notSecretRe)) {
      const at = line.end + next[0].indexOf(next[1]!);
      out.push({ start: cue.start, end: at + next[1]!.length });
    }
  }
  // round 13: a secret said to be what an account or system runs on, before it ("our centre uses Kestrel#42 for the staff
  // wifi", "we've set Otter_77 as the password for CPOMS"): a verb of using (data: credential-use) right before the token, a
  // word of purpose after it, and a system or what it opens (data: credential-system, credential-target) in the same sentence
  if (!advice.length) for (const span of usedForLeaks(doc, notSecretRe)) if (!out.some((o) => o.start < span.end && span.start < o.end)) out.push(span);
  // a shared drive or document left open to anyone with its link (data: shared-link-cue)
  const links = rawSpans(doc, 'shared-link-cue');
  if (links.length && !advice.length) {
    TOKEN.lastIndex = 0;
    for (let m = TOKEN.exec(raw); m; m = TOKEN.exec(raw)) {
      if (!LINK.test(m[0]) || !links.some((l) => Math.abs(l.start - m!.index) <= 200)) continue;
      out.push({ start: m.index, end: m.index + m[0].length });
      break;
    }
  }
  return out;
}
