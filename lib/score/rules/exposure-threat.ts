/**
 * Round 11: a threat to expose someone, put as a regret (data: data/lexicons/kinds-11-abuse.tsv): "be a shame if the
 * Daily Mail found out what your chaplain gets up to", "wouldn't want the governors hearing about it". A conditional
 * regret (exposure-if), then an outside audience (exposure-audience, external-body), then a verb of learning of it
 * (exposure-learn) of something about a person, in one sentence: blackmail put politely. The regret alone ("shame if it rains") or an audience told
 * as news ("the Daily Mail found out about the roof") is no threat.
 */
import { sentenceAt, type Doc, type Span } from '../document';

/** What is learnt is about a person: "what your chaplain gets up to", "about her", "where he goes at night". */
const ABOUT_SOMEONE = /^\s+(?:[\p{L}'’-]+\s+){0,2}?(?:what|about|how|where|who|that)\b[^.!?\n]{0,40}?\b(?:your|his|her|their|he|she|they|him|them|mr|mrs|ms|miss|mx|dr|sir|head(?:teacher)?|teacher|chaplain|vicar|caretaker|governor|staff)\b/u;
/** How far the audience may be after the regret, and the verb after the audience. */
const AUDIENCE_REACH = 40;
const LEARN_REACH = 30;

export function exposureThreats(doc: Doc): Span[] {
  const text = doc.clean.text;
  const ifs = doc.lex.find(text, 'exposure-if');
  if (!ifs.length) return [];
  const learns = doc.lex.find(text, 'exposure-learn');
  if (!learns.length) return [];
  const audiences = [...doc.lex.find(text, 'exposure-audience'), ...doc.lex.find(text, 'external-body')];
  const out: Span[] = [];
  for (const c of ifs) {
    const s = sentenceAt(doc, c.start);
    const a = audiences.find((x) => x.start >= c.end && x.start - c.end <= AUDIENCE_REACH && x.end <= s.end);
    if (!a) continue;
    const l = learns.find((x) => x.start >= a.end && x.start - a.end <= LEARN_REACH && x.end <= s.end);
    if (l && ABOUT_SOMEONE.test(text.slice(l.end, s.end))) out.push({ start: c.start, end: l.end });
  }
  return out;
}
