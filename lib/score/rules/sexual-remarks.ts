/**
 * Sexual remarks about a person at the school (data: sexual-remark): a sexual act or demand described of someone ("Ms X
 * wanks off in the stock cupboard", "Miss Y can sit on my face any day", "needs a proper rogering"). They are obscene by
 * what they describe, with no swear word for the profanity list to find, so they are read by structure: a person at the
 * school named before the remark in its sentence (or in the sentence before, when the remark opens its own). The caller's
 * `counts` leaves out a remark that is negated, someone else's words reported to condemn them, or in an attributed quote.
 */
import { sentenceAt, type Doc, type Span } from '../document';

/** Someone at the school in the words before the remark: a titled name, a pronoun or a staff role. */
const PERSON_BEFORE = /\b(?:(?:mr|mrs|ms|miss|mx|dr|sir)\s+[\p{L}\p{M}'-]+|she|he|her|him|head(?:teacher|master|mistress)?|teachers?|deputy|principal|senco|tas?|caretaker|receptionist|governors?)\b/u;

/** How far back in its sentence the person may be named. */
const PERSON_REACH = 120;

export function sexualRemarks(doc: Doc, counts: (span: Span) => boolean): Span[] {
  const text = doc.clean.text;
  const out: Span[] = [];
  for (const r of doc.lex.find(text, 'sexual-remark')) {
    const s = sentenceAt(doc, r.start);
    // "Mrs X? wanks off …": a remark that opens its sentence (a word at most before it) is said of the one just named
    const from = s.start > 0 && /^\W*(?:[\p{L}'-]+\W*)?$/u.test(text.slice(s.start, r.start)) ? sentenceAt(doc, s.start - 1).start : s.start;
    if (!PERSON_BEFORE.test(text.slice(Math.max(from, r.start - PERSON_REACH), r.start))) continue;
    if (counts(r)) out.push({ start: r.start, end: r.end });
  }
  return out;
}
