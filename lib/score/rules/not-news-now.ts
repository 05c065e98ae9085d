/**
 * Round 13: one frame for "this reputation finding is not news against the school now", read for every reputation
 * category alike (rules/reputation.ts calls it last, on each category's spans):
 *
 * - the school's past: a cue in a sentence dated years back (data: rep-old-date: "in 1986", "fifteen years ago", "since
 *   the 2011 floods") or told as an anniversary (data: rep-anniversary: "years since"), with no present time in the sentence
 *   and no new clause between the date and the cue, in an item told as a look back (data: rep-anniversary, rep-look-back: "since
 *   then", "from special measures to good", "transformed");
 * - a rumour asked and answered no: a cue in a question ("Is it true a teacher at X was arrested?") that a later line
 *   answers with a negative answer at its start (data: answer-no: "Reply: No that was a school in Ballymena");
 * - an action of the whole country (data: national-action: "national strike", "nationwide walkout") in the protest's
 *   sentence: the school's staff join it, the school is not its target.
 *
 * Contrast (same words, other verdict): "this week X was earmarked for closure", "Fifteen years ago X was in special
 * measures, and this week Ofsted placed it in special measures again", "… who joined in 2015, was arrested yesterday";
 * "Is it true …? Reply: Yes"; "teachers staged a walkout over the head's new rota".
 */
import { sentenceAt, type Doc, type Span } from '../document';
import type { CategoryId } from '../policy';

/** Present time between a date and a cue: the cue is news now. */
const PRESENT = /\b(?:today|tonight|yesterday|this\s+(?:week|month|term|year|morning|afternoon|evening|spring|summer|autumn|winter)|now|currently|still|again|last\s+(?:night|week|month)|(?:has|have)\s+(?:just\s+)?(?:been\s+)?[a-z]+ed)\b|[,;:]/;
/** Present time anywhere in the cue's sentence: "judged inadequate in 2019, is still waiting", "… and is now". */
const PRESENT_IN_SENTENCE = /\b(?:today|tonight|yesterday|this\s+(?:week|month|term|morning)|now|currently|still|again)\b/;
/** A sentence that asks: ends in a question mark, or opens with a question of hearsay. */
const ASKS = /\?\s*$|^\W*(?:is\s+it\s+true|has\s+anyone\s+heard|did\s+(?:you|anyone)\s+hear|anyone\s+know\s+if)\b/;
/** What may stand before an answer at the start of its line: a quote mark, a bullet, a label ("Reply:", "Sam:"). */
const ANSWER_OPEN = /^[\s>*\u2013\u2014-]*(?:[\p{L}'’ ]{1,24}:\s*)?$/u;

/** Does the item tell a look back (an anniversary, "since then", a step up told as a journey)? */
function looksBack(doc: Doc): boolean {
  const text = doc.clean.text;
  return doc.lex.count(text, 'rep-anniversary') > 0 || doc.lex.count(text, 'rep-look-back') > 0;
}

/** Is the cue at `span` in a sentence dated years back, with nothing of the present between the date and it? */
function datedBack(doc: Doc, span: Span, dates: readonly Span[]): boolean {
  const text = doc.clean.text;
  const s = sentenceAt(doc, span.start);
  if (PRESENT_IN_SENTENCE.test(text.slice(s.start, s.end))) return false;
  return dates.some((d) => {
    if (d.start < s.start || d.start >= Math.max(s.end, s.start + 1)) return false;
    const between = d.end <= span.start ? text.slice(d.end, span.start) : text.slice(span.end, d.start);
    return !PRESENT.test(between);
  });
}

/** Is the cue at `span` in a question that a later line answers no? */
function askedAndAnsweredNo(doc: Doc, span: Span, answers: readonly Span[]): boolean {
  const text = doc.clean.text;
  const s = sentenceAt(doc, span.start);
  // the sentence's own end mark is read too ("… was arrested?")
  if (!ASKS.test(text.slice(s.start, Math.min(text.length, s.end + 1)).trimEnd())) return false;
  return answers.some((a) => {
    if (a.start < s.end) return false;
    const lineStart = text.lastIndexOf('\n', a.start - 1) + 1;
    return lineStart >= s.end && ANSWER_OPEN.test(text.slice(lineStart, a.start)) && /^\W/.test(text.slice(a.end, a.end + 1) || ' ');
  });
}

/**
 * Which of a reputation category's spans are not news against the school now (see the module comment). Returns one
 * boolean per span; the caller drops the category when all of them are.
 */
export function notNewsNow(doc: Doc, category: CategoryId, spans: readonly Span[]): boolean[] {
  const text = doc.clean.text;
  const dates = [...doc.lex.find(text, 'rep-old-date'), ...doc.lex.find(text, 'rep-anniversary')];
  const past = dates.length > 0 && looksBack(doc);
  const answers = text.includes('?') || /is\s+it\s+true/.test(text) ? doc.lex.find(text, 'answer-no') : [];
  const national = category === 'reputation.protest' ? doc.lex.find(text, 'national-action') : [];
  return spans.map((sp) => {
    if (past && datedBack(doc, sp, dates)) return true;
    if (answers.length && askedAndAnsweredNo(doc, sp, answers)) return true;
    if (national.length) {
      const s = sentenceAt(doc, sp.start);
      if (national.some((n) => n.start >= s.start && n.end <= Math.max(s.end, s.start + 1))) return true;
    }
    return false;
  });
}
