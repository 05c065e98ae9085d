/**
 * Claims of misconduct by their structure (data: misconduct-verb, and the verb classes with the objects that make
 * them wrongdoing, misconduct-take/-harm/-use/-state-verb with -resource/-victim/-illicit/-manner/-state, in
 * misconduct.tsv and wordnet.tsv): a person at the school as the subject of a verb of wrongdoing, stated as fact. "Dr X hid a
 * drink-driving conviction from the governors", "Mr Y rents out the school minibus to his mates for cash":
 * the verb ("hid", "rents out") is ordinary, what it takes or hides ("a conviction", "for cash") makes it
 * wrongdoing; "stole", "groped", "embezzled" are wrongdoing alone. Politeness around the claim ("with all due
 * respect", "I take no pleasure in writing this") prefaces it; it does not soften it.
 *
 * Not a claim: a negated one ("never stole"), a question ("did he really hide…?"), a condition ("if she took
 * the money"), a rumour reported in order to deny it (structure.ts reportedAt), news of a charge or an inquiry
 * ("accused of", "in court": reputation), wrongdoing as a topic of training, or a remark aimed at a body outside
 * the school.
 */
import { sentenceAt, type Doc, type Span } from '../document';
import { claimVouches, lastMatch, negatedAt, reportedAt } from '../structure';
import { gatedTest } from '../word-gate';

/** A person at the school who may be the subject before the verb: a titled name, a role, or a pronoun. The last one wins. */
const SUBJECT = /\b(?:(?:mr|mrs|ms|miss|mx|dr|sir)\s+[\p{L}\p{M}'-]+(?:\s+[\p{L}\p{M}'-]+)?|head(?:teacher|master|mistress)?|teachers?|tas?|teaching\s+assistants?|deputy(?:\s+head)?|principal|senco|caretaker|bursar|business\s+manager|governors?|chair\s+of\s+governors|coach|head\s+of\s+(?:year|\w+)|staff|he|she|they|who)\b/gu;
/** At most this many words between the subject and the verb ("Mr X, who works up at Y, groped…"). */
const SUBJECT_REACH = 10;
/** A nearer subject who is not the person at the school. */
const OTHER_SUBJECT = /\b(?:i|we|my|our|your|someone|somebody|nobody|son|daughter|kid|kids|child|children|pupils?|students?|lad|girl|boy|parents?|mum|dad|it|the\s+school|said|says|told|tells|thinks|reckons|that|which)\b/;
/** News of a charge, an inquiry or a panel, or an allegation reported as such: reputation, not the writer's claim. */
const REPORTED = /\b(?:reveals?|revealed|foi|freedom\s+of\s+information|figures\s+show|statistics|accused\s+of|alleged(?:ly)?|alleg(?:es|ing)|allegations?|charged|arrested|on\s+suspicion|suspected\s+of|court|trial|tribunal|hearing|panel|police|watchdog|exam\s+board|ofqual|inquiry|investigat\w+|denies|denied|pleaded|sentenced|convicted\s+of|cleared|not\s+guilty|admitted|defendant|jail\w*|prosecut\w+|magistrates?|struck\s+off|banned\s+from|teaching\s+register|regulation\s+agency|(?:has|have)\s+confirmed|confirms|according\s+to)\b/;
/** Words of a court or a panel anywhere in the item (often only in the headline): news, not the writer's claim. */
const COURT = /\b(?:court|jail\w*|sentenced|pleaded|tribunal|panel|cleared|not\s+guilty|defendant|magistrates?|prosecut\w+|inquest|struck\s+off|jury)\b/;

/**
 * Court or panel words in the item and no phrase by which the writer vouches for a claim: the item is news of a case (a
 * charge, a trial, an acquittal), so no wrongdoing word in it is the writer's own claim. abuse.ts's older theft check asks
 * this too ("cleared by the tribunal of stealing", "the jury will decide whether Mr X stole").
 */
export function courtNews(doc: Doc): boolean {
  return gatedTest(COURT, doc.clean.text) && !vouchedItem(doc);
}

/** A phrase anywhere in the item by which the writer vouches for a claim (data: claim-vouch). */
function vouchedItem(doc: Doc): boolean {
  return doc.lex.count(doc.clean.text, 'claim-vouch') > 0;
}
/** Wrongdoing as a topic ("how to spot a colleague who steals"), not a claim about anyone. */
const TOPIC = /\b(?:training|how\s+to\s+(?:spot|report|recognise|deal\s+with)|policy\s+on|guidance\s+on|what\s+to\s+do\s+if|signs\s+of|awareness)\b/;
/** A condition or a wish, not a statement: "if he took", "in case she sells", "would never". */
const NOT_ASSERTED = /\b(?:if|unless|in\s+case|whether|as\s+if|imagine|suppose|would\s+never|could\s+never|wouldn'?t|couldn'?t)\s+(?:[\w'-]+\s+){0,6}$/;
/** The word is a noun here ("an assault", "cleared of assault") or the subject is its victim ("he is bullied"). */
const NOT_A_VERB = /\b(?:a|an|the|of|for|after|over|with|his|her|their|its|no|any|some|this|that|alleged|sexual|serious|is|was|were|are|be|being|been|get|gets|got|getting)\s*$/;
/** The auxiliary of a progressive verb form right before the verb ("is", "'s been", "has been", "were"). */
const PROGRESSIVE = /\b(?:is|was|were|are|been|be|'s|'re)\s*$/;
/** Pronoun subjects point back to the nearest person; a child named nearer than a member of staff is who "he" is. */
const STAFF_BEFORE = /\b(?:mr|mrs|ms|miss|mx|dr|sir|head(?:teacher|master|mistress)?|teachers?|tas?|deputy|principal|senco|caretaker|bursar|governors?|coach|staff)\b/g;
const CHILD_BEFORE = /\b(?:son|daughter|kid|child|pupil|student|lad|boy|girl|baby|toddler|my\s+eldest|my\s+youngest|new\s+boy|new\s+girl)\b|\b(?:year|yr|y)\s*\d{1,2}\b|\b\d{1,2}\s*(?:year\s*olds?|yo)\b/g;
/** Taken off or away from someone (confiscation), right after the object. */
const CONFISCATED = /^\s*(?:off|away\s+from|from)\s+(?:him|her|them|the\s+(?:kids|pupils|children|boy|girl|lad))\b/;
/** How far after a verb needing one its object may be. */
const OBJECT_REACH = 60;

/** Which objects make each class of ordinary verb wrongdoing (misconduct.tsv). */
const PAIRS: [string, string[]][] = [
  ['misconduct-harm', ['misconduct-victim', 'misconduct-manner']],
  ['misconduct-take', ['misconduct-resource', 'misconduct-manner']],
  ['misconduct-use', ['misconduct-illicit', 'misconduct-manner']],
  ['misconduct-state-verb', ['misconduct-state']],
  // "moving foundation money into his brother's company": moving is ordinary; a resource moved to a private end is not
  ['misconduct-divert', ['misconduct-manner']],
  // "drinks in the car park before lessons": drinking with no object is alcohol; at school time or place it is misconduct
  ['misconduct-habit-verb', ['misconduct-duty-time']],
];

/**
 * Verb classes whose object alone is not enough: the thing moved must be a resource between the verb and its manner
 * ("moved to her mum's" is a house move; "moved the trip money to her mum's account" is not).
 */
const NEEDS_RESOURCE_BETWEEN = new Set(['misconduct-divert']);

/** A victim word in the possessive ("locks the children's gate") owns the object; it is not the one harmed. */
function possessiveAt(text: string, o: Span): boolean {
  return /^'s?\b|^s'/.test(text.slice(o.end, o.end + 2)) || /'s?$/.test(text.slice(o.start, o.end));
}

/** The index of the first span starting at or after `at` in spans sorted by start. */
function firstAtOrAfter(spans: readonly Span[], at: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Verbs of wrongdoing in the text: strong ones alone, the others only with an object of their class after them. */
function wrongdoing(doc: Doc): Span[] {
  const text = doc.clean.text;
  const out: Span[] = doc.lex.find(text, 'misconduct-verb').map((h) => ({ start: h.start, end: h.end }));
  const found = new Set(out.map((x) => x.start));
  for (const [verbCat, objectCats] of PAIRS) {
    const verbs = doc.lex.find(text, verbCat);
    if (!verbs.length) continue;
    const objects = objectCats.flatMap((c) => doc.lex.find(text, c)).sort((a, b) => a.start - b.start);
    if (!objects.length) continue;
    const resources = NEEDS_RESOURCE_BETWEEN.has(verbCat) ? doc.lex.find(text, 'misconduct-resource') : undefined;
    const harm = verbCat === 'misconduct-harm';
    let benign: readonly Span[] | undefined;
    for (const v of verbs) {
      const end = sentenceAt(doc, v.start).end;
      // the objects after the verb, nearest first (a binary search: a long item has many verbs and many objects)
      let o: Span | undefined;
      for (let i = firstAtOrAfter(objects, v.end); i < objects.length && objects[i]!.start - v.end <= OBJECT_REACH; i++) {
        if (objects[i]!.end <= end) {
          o = objects[i];
          break;
        }
      }
      // "took his laptop off him": taking something off someone is confiscation, not theft
      if (!o || CONFISCATED.test(text.slice(o.end, o.end + 30)) || found.has(v.start)) continue;
      if (harm && possessiveAt(text, o)) continue;
      if (resources && !resources.some((r) => r.start >= v.end && r.end <= o!.start)) continue;
      // "drinks coffee before lessons": an ordinary thing taken between the verb and its object makes the act ordinary
      if ((benign ??= doc.lex.find(text, 'misconduct-benign-object')).some((b) => b.start >= v.end && b.end <= o!.start)) continue;
      found.add(v.start);
      out.push({ start: v.start, end: v.end });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * Wrongdoing carried by the object or the manner whatever the verb (data: misconduct-illicit, misconduct-carried): "keeps
 * coke in his desk", "marks the kids down on purpose", "lies on the figures to fool Ofsted". The anchor is the word after
 * the subject, so the subject, pronoun and claim checks read the same span a verb of wrongdoing would give.
 */
function carriedWrongdoing(doc: Doc, known: readonly Span[]): (Span & { object: Span })[] {
  const text = doc.clean.text;
  const out: (Span & { object: Span })[] = [];
  const seen = new Set(known.map((k) => sentenceAt(doc, k.start).start));
  for (const h of [...doc.lex.find(text, 'misconduct-illicit'), ...doc.lex.find(text, 'misconduct-carried')]) {
    const s = sentenceAt(doc, h.start);
    if (seen.has(s.start)) continue;
    const from = Math.max(s.start, h.start - 90);
    const before = text.slice(from, h.start);
    const subject = lastMatch(SUBJECT, before);
    if (!subject) continue;
    // the first word after the subject stands for the verb ("keeps", "marks", "lies")
    const after = /^\s+([\p{L}'-]+)/u.exec(before.slice(subject.index + subject[0].length));
    if (!after) continue;
    const start = from + subject.index + subject[0].length + after[0].length - after[1]!.length;
    seen.add(s.start);
    out.push({ start, end: start + after[1]!.length, object: { start: h.start, end: h.end } });
  }
  return out;
}

/** A negation right before the verb ("never stole", "hasn't ever taken"), the only one a vouched claim still reads. */
const NEGATED_VERB = /(?:\b(?:not|never|no)|n't)\s+(?:\w+\s+)?$/;

/**
 * Does the writer vouch for the claim at `v` (data: claim-vouch: "here's one the papers won't print:", "the thing nobody
 * will say out loud is that", "gossip confirmed:")? The cue sits before the verb in its sentence or in the sentence before.
 * A vouched claim is the writer's own: news words elsewhere, a negation inside the vouching phrase ("nobody will say") and
 * a report frame before it ("gossip") do not make it someone else's; a denial in the item still does.
 */
function vouchedAt(doc: Doc, v: Span): boolean {
  const text = doc.clean.text;
  const s = sentenceAt(doc, v.start);
  const from = s.start > 0 ? sentenceAt(doc, s.start - 1).start : s.start;
  return claimVouches(doc).some((c) => c.start >= from && c.end <= v.start) && doc.lex.count(text, 'denial') === 0;
}

/** What is stolen in praise: "stole the show", "stole everyone's hearts", "steals the limelight". */
const STOLE_IDIOM = /^\s+(?:the\s+(?:show|limelight|spotlight|headlines|scene|stage|ball)|(?:[\w']+'s\s+|my\s+|our\s+|all\s+our\s+|the\s+|their\s+)?hearts?|a\s+(?:kiss|glance|look|moment|march|nap))\b/;

/** Is the verb at `v` "stole"/"steal" with a thing stolen in praise after it ("stole the show")? */
export function stoleIdiomAt(text: string, v: Span): boolean {
  return /^st(?:ole|eal)/.test(text.slice(v.start, v.end)) && STOLE_IDIOM.test(text.slice(v.end, v.end + 40));
}

export function misconductClaims(doc: Doc, usable: (span: Span) => boolean): Span[] {
  const text = doc.clean.text;
  const out: Span[] = [];
  // court or panel words anywhere make the item news: no claim in it is the writer's, unless the writer vouches for it
  // ("court column's dull, so here's one the papers won't print: …")
  // (courtNews's two parts asked apart: the court words are read again per verb below)
  const court = gatedTest(COURT, text);
  if (court && !vouchedItem(doc)) return out;
  const sentenceClears = sentenceClearsIn(text);
  const verbs: (Span & { object?: Span })[] = wrongdoing(doc);
  for (const v of [...verbs, ...carriedWrongdoing(doc, verbs)]) {
    // "has never kept cocaine": a negation may sit between the word standing for the verb and the object
    if (v.object && negatedAt(doc, v.object)) continue;
    if (stoleIdiomAt(text, v)) continue;
    const s = sentenceAt(doc, v.start);
    const before = text.slice(Math.max(s.start, v.start - 90), v.start);
    // "is sleeping with", "has been fiddling": a copula before an -ing verb is the progressive, not a passive or a noun
    if (NOT_A_VERB.test(before) && !(/ing$/.test(text.slice(v.start, v.end).split(' ')[0]!) && PROGRESSIVE.test(before))) continue;
    if (NOT_ASSERTED.test(before)) continue;
    const subject = lastMatch(SUBJECT, before);
    if (!subject) continue;
    const between = before.slice(subject.index + subject[0].length);
    // "Mr X told us my son stole…", "the head said the school spends…": someone else is the subject nearer the verb
    if (between.split(/[\s,()@]+/).filter(Boolean).length > SUBJECT_REACH || OTHER_SUBJECT.test(between)) continue;
    // "he hit a TA" of a pupil: a pronoun is the person named last before it, and that must be someone on the staff
    if (/^(?:he|she|they|who)$/.test(subject[0])) {
      const back = text.slice(Math.max(0, v.start - 240), v.start - before.length + subject.index);
      const staff = lastMatch(STAFF_BEFORE, back)?.index ?? -1;
      if (staff < 0 || (lastMatch(CHILD_BEFORE, back)?.index ?? -1) > staff) continue;
    }
    const vouched = vouchedAt(doc, v);
    if (court && !vouched) continue;
    if (vouched ? /\?\s*$/.test(text.slice(s.start, s.end)) || text[s.end] === '?' : sentenceClears(s)) continue;
    if (!usable(v) || (vouched ? NEGATED_VERB.test(text.slice(Math.max(s.start, v.start - 24), v.start)) : negatedAt(doc, v) || reportedAt(doc, v))) continue;
    // the subject is someone at the school; an outside body named between it and the verb ("the Ofsted inspector who…") is not
    const subjectStart = v.start - before.length + subject.index;
    if (doc.lex.find(text, 'external-body').some((b) => b.start >= subjectStart && b.end <= v.start)) continue;
    out.push({ start: v.start, end: v.end });
  }
  return out;
}

/**
 * What a sentence says of every claim in it (a question, a report, a topic: no claim), read once per sentence however
 * many verbs it holds. Made at module level (lazy.ts says why).
 */
function sentenceClearsIn(text: string): (s: { start: number; end: number }) => boolean {
  const notAClaim = new Map<number, boolean>();
  return (s) => {
    let clears = notAClaim.get(s.start);
    if (clears === undefined) {
      const sentence = text.slice(s.start, s.end);
      // a question asks; it does not claim ("has he really been fiddling the budget?")
      const question = /\?\s*$/.test(sentence) || text[s.end] === '?';
      clears = question || REPORTED.test(sentence) || TOPIC.test(sentence);
      notAClaim.set(s.start, clears);
    }
    return clears;
  };
}
