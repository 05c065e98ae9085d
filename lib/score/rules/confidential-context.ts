/**
 * Round 10: the context that says a confidential cue discloses nothing about anyone, kept apart from confidential.ts
 * because these guards change together (and with their lexicon, data/lexicons/kinds-10-conf-rep.tsv), not with the cue
 * finders: a public cue the item negates, a condition that names a community or a service, an illness in the news of a
 * death.
 */
import type { Doc, Span } from '../document';
import { negatedAt } from '../structure';

/**
 * "Not announced to anyone yet", "it hasn't been published": a public cue (data: public-cue) under negation says that
 * the matter is not public, so it cannot make the item a report of public news. `clean` is the cue's clean-view span.
 */
export function negatedPublicCue(doc: Doc, clean: Span | undefined): boolean {
  return !!clean && negatedAt(doc, clean);
}

/** A person's possessive right before the condition: "his anxiety support", "Mr Dunn's dyslexia provision". */
const POSSESSIVE_BEFORE = /\b(?:his|her|their|its|my|our|your|\p{L}+['’]s)\s+$/u;
/** Someone getting the service: "is getting anxiety support", "was referred for autism services". */
const RECEIVES_BEFORE = /\b(?:get(?:s|ting)?|got|receiv(?:es|ed|ing)|ha(?:s|d|ving)|needs?|needed|referred\s+(?:for|to)|access(?:es|ed|ing)?|on|under)\s+(?:the\s+|an?\s+|some\s+)?$/;

/**
 * "Autism mums, there is hope", "questions about anxiety support", "the dyslexia provision" (data: condition-community
 * right after the condition): the condition names a community of families or a service, the topic of the sentence, not
 * a fact about one person; not when a possessive owns it or someone is said to receive it.
 */
export function conditionAsCommunity(doc: Doc, lower: string, m: Span): boolean {
  const next = /^[\s-]+(\p{L}+)/u.exec(lower.slice(m.end, m.end + 24));
  if (!next || !doc.lex.has('condition-community', next[1]!)) return false;
  const before = lower.slice(Math.max(0, m.start - 40), m.start);
  return !POSSESSIVE_BEFORE.test(before) && !RECEIVES_BEFORE.test(before);
}

/**
 * "Tributes have been paid to … He died at home aged 81 after a short illness." (data: tribute-frame in the item,
 * death-notice in the hit's sentence): what someone died of, told in a tribute or an obituary, is the public news of
 * the death, not a disclosure of their health. `sentence` is the hit's sentence in original coordinates.
 */
export function diedOfIt(doc: Doc, raw: string, m: Span, sentence: Span): boolean {
  if (!doc.lex.count(doc.clean.text, 'tribute-frame')) return false;
  if (m.start < sentence.start || m.end > sentence.end) return false;
  return doc.lex.count(raw.slice(sentence.start, sentence.end).toLowerCase(), 'death-notice') > 0;
}

const careCache = new WeakMap<object, RegExp>();
/**
 * "manage his dyspraxia", "support her autism", "cater for their allergies" (data: care-verb, then a possessive pronoun,
 * then the condition): someone caring for a child's need; read only in an item where the writer names their own child.
 */
export function caredForNeed(doc: Doc, lower: string, m: Span): boolean {
  let re = careCache.get(doc.lex);
  if (!re) careCache.set(doc.lex, (re = new RegExp(String.raw`\b${doc.lex.pattern('care-verb')}\s+(?:his|her|their)\s+(?:[\p{L}'’-]+\s+)?$`, 'u')));
  return re.test(lower.slice(Math.max(0, m.start - 60), m.start));
}

/** A dot that ends a short abbreviation ("incl.", "e.g.", "esp."), not a sentence. */
const ABBREVIATION_DOT = /(?:^|[^\p{L}])(?:incl|inc|e\.g|i\.e|esp|approx|ft|feat|vs|etc|nr)$/iu;
/**
 * "pics of the Year 9 lads from Saturday, incl. Poppy Ashdown in the showers": only abbreviation dots between `a` and `b`,
 * so they are in one sentence though a dot stands between them.
 */
export function onlyAbbreviationsBetween(raw: string, a: number, b: number): boolean {
  const from = Math.min(a, b);
  const to = Math.max(a, b);
  if (to - from > 200) return false;
  let dots = 0;
  for (let i = from; i < to; i++) {
    const c = raw[i]!;
    if (c === '!' || c === '?' || c === '\n') return false;
    if (c !== '.') continue;
    if (!ABBREVIATION_DOT.test(raw.slice(Math.max(0, i - 8), i))) return false;
    dots++;
  }
  return dots > 0;
}

/** Items of a list that name people: a family by its plural surname ("the Adeyemis"), or a full name ("Amy Reid"). */
// (not a titled adult, "Mrs Amy Reid", whom a notice names as the one to contact)
const LISTED_PERSON = /\bthe\s+\p{Lu}\p{Ll}+s\b|(?<!\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Sir)\.?\s)\b(?!(?:Mr|Mrs|Ms|Miss|Mx|Dr|Sir)\b)\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+\b/gu;
/** How far before a colon its heading, and after it its list, is read. */
const LIST_REACH = 200;
/**
 * "These are the families at the college on 100% bursaries this year: the Adeyemis, the Wrights, the Kowalskis" (data:
 * listed-people and listed-attribute before a colon, two or more people after it): a list of people with a sensitive
 * attribute, whether or not it says it leaked. The span of the heading and the list, or none.
 */
export function peopleListedWithAttribute(doc: Doc, raw: string): Span | undefined {
  if (!raw.includes(':') || !doc.lex.count(doc.clean.text, 'listed-attribute')) return undefined;
  for (let colon = raw.indexOf(':'); colon >= 0; colon = raw.indexOf(':', colon + 1)) {
    const headStart = Math.max(0, colon - LIST_REACH, raw.lastIndexOf('\n', colon) + 1, ...['. ', '! ', '? '].map((e) => raw.lastIndexOf(e, colon) + 1));
    const head = raw.slice(headStart, colon).toLowerCase();
    if (!doc.lex.count(head, 'listed-people') || !doc.lex.count(head, 'listed-attribute')) continue;
    const nl = raw.indexOf('\n', colon);
    const list = raw.slice(colon + 1, Math.min(nl < 0 ? raw.length : nl, colon + 1 + LIST_REACH)).split(/[.!?](?:\s|$)/)[0]!;
    const people = list.match(LISTED_PERSON)?.length ?? 0;
    if (people >= 2) return { start: headStart, end: colon + 1 + list.length };
  }
  return undefined;
}
