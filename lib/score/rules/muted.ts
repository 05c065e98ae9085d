/**
 * Words the rules have read as benign, kept from the trained model's n-grams (school-model.ts maskedClean): the model
 * learnt "know which car", "who really runs" from the threats and dog whistles it was trained on, and reads them the
 * same beside an ordinary reason. Two structures, each from lexicon categories:
 * - a watch cue (threat-idiom, watch-verb) in a sentence that gives an everyday reason for it (watch-benign): "I know
 *   which car she drives because she gives me a lift". The whole sentence is muted; the rules skip it already.
 * - a rhetorical question of who really rules a place (rhetorical-who) answered by a body of the school community
 *   (school-body) in its sentence or the next: "Look who really runs the governors. Parents again." The question is
 *   muted, not the answer (a text muted whole reads as no text, which the reputation model does not score as nothing). Not when the item
 *   holds a coded answer (coded-answer: "you know who I mean", "their own") or an identity word: that is a dog whistle.
 * - round 10: an everyday compound that holds an insult word (benign-compound: "rat-run", "guinea pig"): the compound only.
 * - round 10: words of persistence (campaign-persist) in an item with no contact act and no hostile word: the words only.
 * - round 11: a watch cue whose everyday reason is a phrase in the next sentence (as rules/abuse.ts benignNear reads it),
 *   and where a whole community lives (group-residence) in an item with no hostile word: the words only.
 * - round 11: waiting outside a place (wait-at) with an errand (routine-errand) and no menace in the sentence: the sentence.
 */
import { sentenceAt, type Doc, type Span } from '../document';

const IDENTITY = ['identity', 'group', 'identity-word'] as const;
const HOSTILE = ['slur', 'insult-noun', 'profanity', 'insult-adj', 'weak-insult-noun', 'accusation', 'menace'] as const;

/** Right after a watch verb: "where" and up to eight words (a name and where they work) before "lives". */
const WHERE_SOMEONE_LIVES = /^\s+where\s+(?:[\p{L}'’.-]+\s+){1,8}?lives?\b/u;

/** Per document: the abuse rules (isDiscounted) and the school model (maskedClean) both ask, once each item. */
const mutedByDoc = new WeakMap<Doc, Span[]>();

export function mutedSpans(doc: Doc): Span[] {
  let spans = mutedByDoc.get(doc);
  if (!spans) mutedByDoc.set(doc, (spans = findMuted(doc)));
  return spans;
}

function findMuted(doc: Doc): Span[] {
  const text = doc.clean.text;
  const out: Span[] = [];
  const benign = doc.lex.find(text, 'watch-benign');
  if (benign.length) {
    const objects = doc.lex.find(text, 'watch-object');
    const hostile = HOSTILE.flatMap((c) => doc.lex.find(text, c));
    const strong = HOSTILE.filter((c) => c !== 'weak-insult-noun').flatMap((c) => doc.lex.find(text, c));
    // round 11: or "where" and a named person before "lives" ("I know where Mr X from the school lives")
    const verbs = doc.lex.find(text, 'watch-verb').filter((v) => objects.some((o) => o.start >= v.end && o.start - v.end <= 60) || WHERE_SOMEONE_LIVES.test(text.slice(v.end, v.end + 90)));
    for (const h of [...doc.lex.find(text, 'threat-idiom'), ...verbs]) {
      const s = sentenceAt(doc, h.start);
      const inS = (x: Span) => x.start >= s.start && x.end <= s.end;
      // an insult or a swear word in the sentence is no everyday reason
      if (benign.some(inS) && !hostile.some(inS)) out.push(s);
      // round 11: a phrase of a reason in the next sentence, as the abuse rules read it (rules/abuse.ts benignNear): "I
      // know where she lives — just round the corner, so I'll hand-deliver the cards"
      else if (s.end < text.length && !hostile.some(inS)) {
        const next = sentenceAt(doc, s.end);
        const inNext = (x: Span) => x.start >= next.start && x.end <= next.end;
        // (a weak insult word there, "the leavers' mugs", is a thing unless the rules read it as a label; they flag it then)
        if (benign.some((b) => inNext(b) && /\s/.test(text.slice(b.start, b.end))) && !strong.some(inNext)) out.push(s);
      }
    }
  }
  const who = doc.lex.find(text, 'rhetorical-who');
  if (who.length && !doc.lex.find(text, 'coded-answer').length && !IDENTITY.some((c) => doc.lex.find(text, c).length)) {
    const bodies = doc.lex.find(text, 'school-body');
    for (const h of who) {
      const s = sentenceAt(doc, h.start);
      const next = s.end < text.length ? sentenceAt(doc, s.end) : s;
      const answer = bodies.find((b) => b.start >= h.end && b.end <= next.end);
      if (!answer) continue;
      out.push(s);
      // a bare answer in the next sentence ("Parents again.", "The PTA, as usual.") belongs to the question: left alone,
      // its two words are all the model would read, and it read "parents again" as a complaint worth flagging
      const after = next !== s ? bodies.find((b) => b.start >= next.start && b.end <= next.end) : undefined;
      if (after && bareAnswer(text.slice(next.start, next.end), text.slice(after.start, after.end))) out.push(next);
    }
  }
  // round 11: "I'll be waiting outside with his PE bag, tell Mr X I'm running late" (data: wait-at with routine-errand in its
  // sentence, no menace or hostile word there): waiting for a child with their things; the model learnt the waiting from
  // threats. The sentence, as for a watch cue beside its reason (muting the waiting words alone left "ah'll be … tell Mr X"
  // for the model to read as a threat: heldout-j nonflag_gates_pickup 78 of 96 against 96 with the sentence)
  const waits = doc.lex.find(text, 'wait-at');
  if (waits.length) {
    const errands = doc.lex.find(text, 'routine-errand');
    // (a weak insult word, "his PE bag", is a thing here unless the rules read it as a label; they flag it then)
    const against = [...doc.lex.find(text, 'menace'), ...HOSTILE.filter((c) => c !== 'weak-insult-noun').flatMap((c) => doc.lex.find(text, c))];
    for (const w of waits) {
      const s = sentenceAt(doc, w.start);
      const inS = (x: Span) => x.start >= s.start && x.end <= s.end;
      if (errands.some(inS) && !against.some(inS)) out.push(s);
    }
  }
  // round 11: "staff know where every family lives" (data: group-residence): knowing where a whole community lives is
  // closeness, not a watch on anyone; the model learnt "know where … lives" from threats to one person
  if (!HOSTILE.some((c) => doc.lex.find(text, c).length)) for (const g of doc.lex.find(text, 'group-residence')) out.push({ start: g.start, end: g.end });
  // round 10: "the rat-run past the side gate", "the class guinea pigs": an everyday compound holding an insult word (data:
  // benign-compound) names a road or a pet; the model learnt the insult word alone and would read it the same here
  for (const c of doc.lex.find(text, 'benign-compound')) if (HOSTILE.some((cat) => doc.lex.find(text, cat).some((h) => h.start >= c.start && h.end <= c.end))) out.push({ start: c.start, end: c.end });
  // round 10: "morning noon and night he trains", "day and night during the floods": words of persistence (data:
  // campaign-persist) in an item with no contact act (campaign-act) and no hostile word describe someone's routine or
  // devotion; the model learnt them from harassment campaigns and read a PE teacher's training as one
  const persists = doc.lex.find(text, 'campaign-persist');
  if (persists.length && !doc.lex.find(text, 'campaign-act').length && !HOSTILE.some((c) => doc.lex.find(text, c).length)) for (const p of persists) out.push({ start: p.start, end: p.end });
  return out;
}

/** Words besides the school body an answer may have and still be only an answer ("again", "as usual", "of course"). */
const BARE_ANSWER_EXTRA_WORDS = 3;

/** Is the sentence only the answer: the body and at most a few more words? */
function bareAnswer(sentence: string, body: string): boolean {
  const count = (t: string) => t.trim().split(/[^\p{L}\p{N}']+/u).filter(Boolean).length;
  return count(sentence) - count(body) <= BARE_ANSWER_EXTRA_WORDS;
}
