/**
 * Reputation rules: public reporting that reflects poorly on the school. Not an attack, but the
 * headteacher wants to know: poor inspections, protests, fines, investigations, apologies, criticism.
 */
import { findAll, overlaps, sentenceAt, sentenceTest, type Doc, type Span } from '../document';
import { noisyOr, type Finding } from '../findings';
import type { CategoryId } from '../policy';
import { aimedOutside, factCheckedClaimAt, falseVerdictAt, type AimedKind } from '../structure';
import { notNewsNow } from './not-news-now';

/** Kinds of cue whose target the words name: criticism of the council, a protest outside County Hall, the council's apology. */
const AIMED_CATEGORIES: readonly [CategoryId, AimedKind][] = [['reputation.criticism', 'criticism'], ['reputation.protest', 'protest'], ['reputation.apology', 'apology']];

interface Rule {
  category: CategoryId;
  weight: number;
  re: RegExp;
  what: string;
}

const RULES: Rule[] = [
  { category: 'reputation.inspection', weight: 0.8, what: 'poor inspection judgement',
    re: /\b(?:inadequate|requires?\s+improvement|required\s+improvement|special\s+measures|serious\s+weaknesses|significant\s+improvement|downgraded|lost\s+(?:its\s+)?(?:outstanding|good)\s+(?:rating|status|grade)|loses\s+outstanding|stripped\s+of)\b/g },
  { category: 'reputation.protest', weight: 0.72, what: 'protest',
    re: /\b(?:placards?|chanting|protest(?!ant)\w*|petition\w*|walk\s*-?\s*outs?|walk(?:ed|ing)?\s+out\s+(?:in\s+protest|over|against|of\s+(?:lessons?|class(?:es)?|school|assembly))|demonstrat(?:ion|ions|ors|ed)|picket\w*|open\s+letter|campaign\w*\s+against|boycott\w*)\b/g },
  { category: 'reputation.sanction', weight: 0.78, what: 'fine or legal action',
    re: /\b(?:annulled|disqualified|cheating\s+scandal|exam\s+malpractice|charged\s+with|arrested|pleaded\s+(?:not\s+)?guilty|appear(?:s|ed|ing)?\s+(?:in|at|before)\s+(?:\w+\s+){0,2}court|jailed|sentenced|reprimand\w*|rapped\s+by|fined|fine\s+of|ordered\s+to\s+pay|compensation|tribunal|prosecut\w+|banned\s+from\s+(?:working|teaching)|struck\s+off|misconduct\s+hearing|convicted|sued|legal\s+action|magistrates)\b/g },
  { category: 'reputation.investigation', weight: 0.75, what: 'investigation',
    re: /\b(?:police|council|local\s+authority|authority|ofsted|dfe|department\s+for\s+education|exam\s+board|charity\s+commission|regulator|information\s+commissioner|ico|lado|diocese|commission|watchdog|mp|agency|tra)\s+(?:\w+\s+){0,4}?(?:investigat\w+|prob(?:e|es|ing)|inquir\w+|review\w*|called|involved|launch\w*|(?:is|are)\s+looking\s+into)\b|\b(?:is|are|being|been|under|faces?|facing|launch\w*|opened|open)\s+(?:\w+\s+){0,3}?(?:investigation|inquiry|probe|review)\b|\binvestigation\s+(?:into|after|over|launched|opened)\b|\blaunch(?:ed|es)?\s+(?:an?\s+)?(?:\w+\s+)?investigation\b|\bcalls?\s+for\s+(?:an\s+)?inquiry\b|\b(?:is|are|was|were|being|been)\s+investigated\b|\bnamed\s+in\s+(?:a|an|the)\s+(?:\w+\s+){0,2}investigation\b|\binvestigating\s+(?:after|complaints|claims|reports)\b/g },
  { category: 'reputation.apology', weight: 0.75, what: 'public apology',
    re: /\b(?:apologi[sz](?:ed|es|ing)|apologi[sz]e\s+to|apology|apologies|said\s+sorry|says\s+sorry)\b/g },
  { category: 'reputation.criticism', weight: 0.45, what: 'criticism or incident',
    re: /\b(?:criticis\w+|criticiz\w+|critical\s+report|backlash|anger|angry|fury|furious|outrage\w*|row\s+over|under\s+fire|slammed|condemned|blasted|complaints?|accused|allegations?|left\s+behind|left\s+on\s+(?:the\s+)?coach|data\s+breach|evacuated|asbestos|closed\s+(?:after|over|because)|resigned\s+after|exodus|off-?rolling|removed\s+pupils|structural|cracks|outbreak|injured|assault\w*|scandal|damning|discriminat\w+|isolation\s+booths?|ignored|failed\s+to|shortfall|in\s+large\s+numbers|wrong\s+parents|wrong\s+dates)\b/g },
];

const CRITICS = /\b(?:judge|judges|court|tribunal|coroner|ombudsman|parents|families|residents|mp|councillors?|campaigners|critics|union|unions|inspectors|report|pupils\s+say|families\s+say)\b/;
const OPINION_BEFORE = /\b(?:should|must|needs?\s+to|ought\s+to|deserves?\s+to)\s+(?:\w+\s+){0,2}(?:be\s+|get\s+)?$/;
const NEGATED = /\b(?:no\s+longer|not|never|out\s+of|removed\s+from|came\s+out\s+of|lifted|taken\s+out\s+of|moved\s+(?:up\s+)?from|from)\s+(?:\w+\s+){0,2}$/;
/** Between a grading verb and the grade: "rated as", "judged to be", "given an", "rated by Ofsted as". */
const GRADE_GAP = /^\s*(?:(?:as|to|be|an?|the|only|just|now|officially|overall|by|ofsted|estyn|inspectors|education\s+scotland)\s+){0,4}['"‘“]?$/;
const GRADE_END = /^(?:\s*['"’”]|\s*[.,;:!?)]|\s*$|\s+(?:and|in|for|by|overall|with|across|after|at|from|following|last|this|again)\b)/;
const GOOD_GRADE = /\b(?:rated|judged|graded)\s+(?:as\s+)?['‘"“]?(?:good|outstanding)\b/;
const MARCH_OVER = /\b(?:march(?:ed|es|ing)?|rall(?:y|ied|ying))\s+(?:[a-z']+\s+){0,4}?(?:over|against)\b/;
const AS_GRADE = /^[^.!?]*\bas\s+['"‘“]?$/;
/**
 * A grade said of the inspectorate or its system, not of the school: "Ofsted's report cards are inadequate", "the framework
 * itself is not good enough". The grade's sentence has an inspection-frame word before it, then a verb of being, and no
 * word for the school between them.
 */
function saidOfInspectorate(doc: Doc, grade: Span): boolean {
  const text = doc.clean.text;
  const s = sentenceAt(doc, grade.start);
  // the pattern reaches only a few words back: read a bounded window, not the sentence from its start (else the work
  // grows with hits × sentence length on a long item with no full stops)
  const m = INSPECTORATE_IS.exec(text.slice(Math.max(s.start, grade.start - 160), grade.start));
  // "the school's Ofsted grade is inadequate", "its rating was": the outcome of one school, said of the school
  return !!m && !/\b(?:school|academy|college|primary|it|its|their|our|grade|rating|result|verdict|judge?ment|report(?!\s+cards?))\b/.test(m[0]);
}
const INSPECTORATE_IS = /\b(?:ofsted|estyn|inspectorate|framework|system|report\s+cards?|grades|gradings|judgements|inspections|one-word\s+judgements?)(?:'s)?\b(?:\s+[\w']+){0,4}?\s+(?:is|are|was|were|feels?|seems?|looks?|remains?|has\s+been|have\s+been)\s+(?:\w+\s+){0,2}$/;
/** Between an inspection word and a grade of which it is the subject: "Ofsted must improve", "the inspectorate itself needs improvement". */
const FRAME_SUBJECT_GAP = /^(?:['’]s)?\s+(?:(?:itself|also|too|really|now|own|new|framework|system|has|have|had|has\s+itself)\s+){0,2}$/;
/** "accused of", "criticised for": criticism put in the passive, its target said before it. */
const PASSIVE_OF_AFTER = /^\s+(?:of|for)\b/;
/** Between the accused and the verb: "has been", "was again", "is being". */
const SUBJECT_TO_PASSIVE = /^(?:['’]s)?(?:\s+(?:has|have|had|was|were|is|are|been|being|also|now|again|repeatedly|today|publicly|widely))*\s*$/;
/**
 * "Council accused of 'abandoning' pupils", "West Carrick Council has been accused of …": a passive accusation whose
 * subject, right before it in its sentence, is a body outside the school (data: external-body) is aimed at that body.
 */
function accusedBodyOutside(doc: Doc, span: Span): boolean {
  const text = doc.clean.text;
  if (!PASSIVE_OF_AFTER.test(text.slice(span.end, span.end + 8))) return false;
  const s = sentenceAt(doc, span.start);
  return doc.lex.find(text, 'external-body').some((b) => b.start >= s.start && b.end <= span.start && span.start - b.end <= 40 && SUBJECT_TO_PASSIVE.test(text.slice(b.end, span.start)));
}
/**
 * A question answered no in the item: a sentence that ends in "?" and the next one opens with a negative answer (data:
 * answer-no) and a stop ("No.", "Nope,", "Not at all.").
 */
function questionAnsweredNo(doc: Doc): boolean {
  const text = doc.clean.text;
  return doc.lex.find(text, 'answer-no').some((a) => {
    if (!/^\s*[,.!;:\u2013\u2014-]/.test(text.slice(a.end, a.end + 3))) return false;
    // the answer opens a line or a sentence, and what comes before it (past spaces, a quote mark) ends in a question mark
    const before = text.slice(Math.max(0, a.start - 200), a.start);
    return /\?\s*(?:>\s*)?$/.test(before);
  });
}
/** A grade phrase that opens with the inspectorate's verb of telling ("told … to improve"): its subject is the teller. */
const TELLS_THE_SCHOOL = /^(?:told|ordered|instructed|required)\b/;
/** A price right after "charged": "got charged £20", "charged 40p", "charged twice", "charged extra". */
const PRICE_AFTER = /^\s+(?:£|\d|twice|double|extra)/;
/** "how it investigates", "how detectives investigate": the body's work in general. */
const GENERIC_BEFORE = /\bhow\s+(?:\w+\s+){0,2}$/;
/** A first-person writer apologising ("I apologise for the long post") is not the school apologising. */
const FIRST_PERSON_APOLOGY = /\bi\s+(?:\w+\s+)?$/;

/** Lexicon categories of reputation cues (data/lexicons/reputation-cues.tsv) and the category each finds. */
const DATA_CATEGORIES: [string, CategoryId, string][] = [
  ['rep-inspection', 'reputation.inspection', 'poor inspection judgement'],
  ['rep-protest', 'reputation.protest', 'protest'],
  ['rep-sanction', 'reputation.sanction', 'fine or legal action'],
  ['rep-investigation', 'reputation.investigation', 'investigation'],
  ['rep-criticism', 'reputation.criticism', 'criticism or incident'],
  // round 9b: an event at the school told as news (staff leaving in numbers, a provision closing, food poisoning)
  ['rep-event', 'reputation.criticism', 'criticism or incident'],
];

interface RuleRun extends Rule {
  /** Hits found by the lexicon, with their weights (else the pattern is searched). */
  spans?: Span[];
  weights?: number[];
}

/** The pattern rules, then one rule per data category with the hits the lexicon found. */
function rulesFor(doc: Doc): RuleRun[] {
  const out: RuleRun[] = [...RULES];
  for (const [cat, category, what] of DATA_CATEGORIES) {
    const hits = doc.lex.find(doc.clean.text, cat);
    if (hits.length) out.push({ category, weight: 0, re: NEVER, what, spans: hits.map((h) => ({ start: h.start, end: h.end })), weights: hits.map((h) => h.weight) });
  }
  return out;
}
const NEVER = /(?!)/g;

export function reputationRules(doc: Doc): Finding[] {
  const text = doc.clean.text;
  const byCategory = new Map<CategoryId, { spans: Span[]; weights: number[]; what: string }>();
  const roadSafetyCampaign = doc.lex.count(text, 'road-safety') > 0 && doc.lex.count(text, 'external-body') > 0;
  const schoolVictim = doc.lex.count(text, 'offender') > 0 && doc.lex.count(text, 'offence-verb') > 0;
  // "cleared of misconduct", "found no evidence of malpractice", "rated good after special measures" (data: exoneration)
  const cleared = doc.lex.find(text, 'exoneration');
  const exonerated = exoneratedIn(doc, cleared);
  const ruledFalse = ruledFalseIn(doc);
  // "no longer in special measures … the school is now rated requires improvement": the grade is the step up out of them
  const leftMeasures = cleared.some((c) => /special\s+measures/.test(text.slice(c.start, c.end + 24)));
  // round 9b: so is "special measures" itself there, wherever it is said (a headline "… lifts special measures", "two years
  // after being placed in special measures"): the item tells of leaving them
  const stepUp = (span: Span) => leftMeasures && /\brequires?\s+improvement|\bspecial\s+measures/.test(text.slice(span.start, span.end));
  const critics = sentenceTest(CRITICS, text);
  let protestDenied = false;
  for (const rule of rulesFor(doc)) {
    for (const span of rule.spans ?? findAll(text, rule.re)) {
      if (overlaps(span, doc.ignored)) continue;
      const before = text.slice(Math.max(0, span.start - 40), span.start);
      // "lifted out of special measures" is good news; "from good to inadequate" is not
      if (rule.category === 'reputation.inspection' && NEGATED.test(before) && !/\bto\s+$/.test(before)) continue;
      if (rule.category === 'reputation.inspection' && saidOfInspectorate(doc, span)) continue;
      if (rule.category === 'reputation.inspection' && stepUp(span)) continue;
      if (rule.category === 'reputation.apology' && FIRST_PERSON_APOLOGY.test(before)) continue;
      // round 11: "there was no walk-out in the end", "the protest was called off": a protest said not to have happened
      if (rule.category === 'reputation.protest' && protestOff(doc, span, before)) {
        protestDenied = true;
        continue;
      }
      // round 11: "special measures was unfair": the grade the writer calls unfair is a verdict on the inspectorate
      if (rule.category === 'reputation.inspection' && verdictCalledUnfair(doc, span)) continue;
      if (OPINION_BEFORE.test(before)) continue;
      // "the council should be investigating …": the opinion sits between the body and its verb
      if (rule.category === 'reputation.investigation' && /\b(?:should|must|needs?\s+to|ought\s+to)\b/.test(text.slice(span.start, span.end))) continue;
      if (rule.category !== 'reputation.protest' && rule.category !== 'reputation.apology' && exonerated(span)) continue;
      // a petition to the council for a crossing asks the council, not about the school
      if (rule.category === 'reputation.protest' && /^\w*\s+(?:to|asking|calling\s+on)\s+(?:the\s+)?(?:council|local\s+authority|highways|mp|government)\b/.test(text.slice(span.start, span.end + 40))) continue;
      // nor does one for a 20mph zone handed to the council (data: road-safety, external-body)
      if (rule.category === 'reputation.protest' && (roadSafetyCampaign || roadSafetyProtest(doc, span))) continue;
      // "we got charged £20 for the coach": a price, not a criminal charge
      if (rule.category === 'reputation.sanction' && /charged$/.test(text.slice(span.start, span.end)) && PRICE_AFTER.test(text.slice(span.end, span.end + 12))) continue;
      // "whoever sprayed it, the police are involved": the school is the victim of a crime, not under investigation
      if (rule.category === 'reputation.investigation' && schoolVictim) continue;
      let w = 'weights' in rule && rule.weights ? rule.weights[rule.spans!.indexOf(span)]! : rule.weight;
      if (rule.category === 'reputation.criticism') {
        const s = sentenceAt(doc, span.start);
        if (critics(s)) w += 0.2;
        if (/^failed\s+to|^ignored|^complaints?/.test(text.slice(span.start, span.end))) w -= 0.1;
      }
      const entry = byCategory.get(rule.category) ?? { spans: [], weights: [], what: rule.what };
      // a cue found by both a pattern and the data counts once
      if (rule.spans && overlaps(span, entry.spans)) continue;
      entry.spans.push(span);
      entry.weights.push(w);
      byCategory.set(rule.category, entry);
    }
  }
  // round 11: "Re: the walk-out" answered "there was no walk-out in the end": the reply's title names the topic the body
  // says did not happen
  const reply = replyTitle(doc);
  const protests = byCategory.get('reputation.protest');
  if (reply && protestDenied && protests) {
    const keep = protests.spans.map((sp) => !(sp.start >= reply.start && sp.end <= reply.end));
    const kept = { spans: protests.spans.filter((_, i) => keep[i]), weights: protests.weights.filter((_, i) => keep[i]), what: protests.what };
    if (kept.spans.length) byCategory.set('reputation.protest', kept);
    else byCategory.delete('reputation.protest');
  }
  // round 10: "> is Harbourne Lea being taken over?\nNo. … it was in the Echo too": a question the item answers no, and only
  // a passing mention of a paper (criticism cues all of lexicon weight below 0.5), is a rumour rebutted with its source, not news against
  // the school
  const weakCriticism = byCategory.get('reputation.criticism');
  if (weakCriticism && questionAnsweredNo(doc)) {
    const passing = doc.lex.find(text, 'rep-criticism').filter((h) => h.weight < 0.5);
    if (weakCriticism.spans.every((sp) => passing.some((h) => h.start === sp.start && h.end === sp.end))) byCategory.delete('reputation.criticism');
  }
  // the school's families complaining, the complaint told (data: rep-complaint after rep-complainant in one sentence):
  // "parents have complained that…", "families complained after…", "parents have questioned why…"; residents or
  // neighbours complaining are not the school's community, and one made to or about the council is dropped just below
  const complaint = complaintAt(doc);
  if (complaint) {
    const e = byCategory.get('reputation.criticism') ?? { spans: [], weights: [], what: 'criticism or incident' };
    if (!overlaps(complaint, e.spans)) {
      e.spans.push(complaint);
      e.weights.push(0.6);
      byCategory.set('reputation.criticism', e);
    }
  }
  // round 11: a broadcaster's crew filming outside the school or stopping its families (data: tv-filming), weak alone,
  // criticism when the item names an investigative programme (data: tv-investigation): "Channel 4 were filming outside …
  // it's for a Dispatches about restraint"
  const filming = doc.lex.find(text, 'tv-filming').filter((h) => !overlaps(h, doc.ignored) && !OPINION_BEFORE.test(text.slice(Math.max(0, h.start - 40), h.start)));
  if (filming.length && !ruledFalse(filming[0]!)) {
    const e = byCategory.get('reputation.criticism') ?? { spans: [], weights: [], what: 'criticism or incident' };
    if (!overlaps(filming[0]!, e.spans)) {
      e.spans.push(filming[0]!);
      e.weights.push(doc.lex.count(text, 'tv-investigation') > 0 ? 0.6 : 0.4);
      byCategory.set('reputation.criticism', e);
    }
  }
  // criticism, a protest or an apology aimed at a body outside the school ("families have criticised the county council",
  // "the council apologised"): the school's community speaks, but not about the school (structure.ts aimedOutside)
  for (const [category, kind] of AIMED_CATEGORIES) {
    const e = byCategory.get(category);
    if (!e || !doc.lex.count(text, 'external-body')) continue;
    // round 9b: an event at the school (data: rep-event: "has lost four of its teachers, and the council has admitted…")
    // has the school as its subject; a body named after it in the sentence is no target of it
    const events = doc.lex.find(text, 'rep-event');
    // (round 10: "West Carrick Council has been accused of …": a passive accusation falls on the body right before it)
    const drop = aimedOutside(doc, e.spans, kind).map((d, i) => (d || (kind === 'criticism' && accusedBodyOutside(doc, e.spans[i]!))) && !events.some((h) => h.start === e.spans[i]!.start && h.end === e.spans[i]!.end));
    if (!drop.includes(true)) continue;
    const kept = { spans: e.spans.filter((_, i) => !drop[i]), weights: e.weights.filter((_, i) => !drop[i]), what: e.what };
    if (kept.spans.length) byCategory.set(category, kept);
    else byCategory.delete(category);
  }
  // a body that investigates, and an investigating verb next to it in either order (data: investigating-body,
  // investigating-verb): "Ofqual is investigating…", "referred to the Teaching Regulation Agency"
  if (!byCategory.has('reputation.investigation') && !schoolVictim) {
    const verbs = doc.lex.find(text, 'investigating-verb');
    const bodies = verbs.length ? doc.lex.find(text, 'investigating-body') : [];
    // one sentence, however long the reporting frame between them ("the HSE has confirmed to reporters that it is investigating")
    // round 11: or the verb's own sentence opens with a pronoun for the body named in the sentence before ("the council were
    // at the school all morning. It's investigating something")
    const near = verbs.filter((v) => !overlaps(v, doc.ignored) && bodies.some((b) => (sentenceAt(doc, b.start).start === sentenceAt(doc, v.start).start && Math.abs(b.start - v.start) <= 160) || bodyThenPronoun(doc, b, v)));
    // "how it investigates accidents": what the body does in general, not an investigation of the school
    // round 9b: "the police visited and Year 4 were asking questions": a visit in the sentence makes the body a guest
    const opinion = near.filter((v) => !OPINION_BEFORE.test(text.slice(Math.max(0, v.start - 40), v.start)) && !GENERIC_BEFORE.test(text.slice(Math.max(0, v.start - 30), v.start)) && !visitingAt(doc, v) && !ruledFalse(v));
    if (opinion.length) byCategory.set('reputation.investigation', { spans: opinion, weights: [0.75], what: 'investigation' });
  }
  // a data breach taken to the data regulator, told as news (data: data-regulator, regulator-action in one sentence): "the
  // academy has reported itself to the ICO", "the Information Commissioner has been informed", "the ICO reprimanded…"; not
  // the writer's own report or advice to the reader ("I've reported it to the ICO", "you can complain to the ICO?")
  if (!byCategory.has('reputation.investigation')) {
    const regulator = regulatorTold(doc);
    if (regulator) byCategory.set('reputation.investigation', { spans: [regulator], weights: [0.75], what: 'investigation' });
  }
  // a grade put on the school in any wording (data: inspection-verb, inspection-grade): "rated not good enough",
  // "judged unsatisfactory", "graded weak"; the grade word alone ("Ofsted's system is unsatisfactory") is not a judgement
  if (!byCategory.has('reputation.inspection')) {
    const verbs = doc.lex.find(text, 'inspection-verb');
    const grades = verbs.length ? doc.lex.find(text, 'inspection-grade') : [];
    const hits: Span[] = [];
    for (const v of grades.length ? verbs : []) {
      if (overlaps(v, doc.ignored)) continue;
      // "rated learning, teaching and assessment at the school as 'weak'": a longer gap that ends in "as"
      const g = grades.find((h) => h.start >= v.end && ((h.start - v.end <= 30 && GRADE_GAP.test(text.slice(v.end, h.start))) || (h.start - v.end <= 100 && AS_GRADE.test(text.slice(v.end, h.start)))));
      // the grade ends the phrase: "rated weak by inspectors", not "rated the menu as weak tea"
      if (!g || sentenceAt(doc, g.start).start !== sentenceAt(doc, v.start).start || !GRADE_END.test(text.slice(g.end, g.end + 12))) continue;
      const before = text.slice(Math.max(0, v.start - 40), v.start);
      if ((NEGATED.test(before) && !/\bto\s+$/.test(before)) || OPINION_BEFORE.test(before) || exonerated(v) || stepUp(g)) continue;
      hits.push({ start: v.start, end: g.end });
    }
    if (hits.length) byCategory.set('reputation.inspection', { spans: hits, weights: [0.8], what: 'poor inspection judgement' });
  }
  // an inspection outcome in any wording: a grade word that names an outcome (data: inspection-firm) anywhere in an item
  // that speaks of an inspection, or any grade word (data: inspection-grade) in the same sentence as the inspection
  // (data: inspection-frame): "got requires improvement from Ofsted", "the inspectors' verdict of ineffective";
  // not a grade said of the inspectorate ("Ofsted's report cards are inadequate"), negated, wished for, or a good grade;
  // read too when only a loose inspection cue was found ("monitoring visit", 0.45): "a monitoring visit found insufficient progress"
  const inspectionSoFar = byCategory.get('reputation.inspection');
  if (!inspectionSoFar || noisyOr(inspectionSoFar.weights) < 0.5) {
    const frames = doc.lex.find(text, 'inspection-frame');
    const hits: Span[] = [];
    if (frames.length) {
      const firm = doc.lex.find(text, 'inspection-firm');
      for (const g of [...firm, ...doc.lex.find(text, 'inspection-grade')]) {
        if (overlaps(g, doc.ignored) || overlaps(g, hits)) continue;
        const s = sentenceAt(doc, g.start);
        const framed = firm.some((f) => f.start === g.start) || frames.some((f) => f.start >= s.start && f.end <= s.end);
        const before = text.slice(Math.max(0, g.start - 40), g.start);
        if (!framed || (NEGATED.test(before) && !/\bto\s+$/.test(before)) || OPINION_BEFORE.test(before) || exonerated(g) || stepUp(g) || saidOfInspectorate(doc, g)) continue;
        // "Ofsted must improve how it…": the inspectorate is the one told to do better, right before the grade
        // (round 10: not "the Care Inspectorate has told the nursery class … to improve": a grade that opens with the verb of
        // telling has the inspectorate as the teller and the school as the one told)
        if (!TELLS_THE_SCHOOL.test(text.slice(g.start, g.end)) && frames.some((f) => f.end <= g.start && FRAME_SUBJECT_GAP.test(text.slice(f.end, g.start)))) continue;
        hits.push(g);
      }
    }
    if (hits.length) {
      if (inspectionSoFar) {
        inspectionSoFar.spans.push(...hits);
        inspectionSoFar.weights.push(0.75);
      } else byCategory.set('reputation.inspection', { spans: hits, weights: [0.75], what: 'poor inspection judgement' });
    }
  }
  // "marching outside the school over the uniform policy": a march or rally, a few words, then what it is against
  if (!byCategory.has('reputation.protest') && (text.includes('march') || text.includes('rall'))) {
    const m = MARCH_OVER.exec(text);
    if (m && !overlaps({ start: m.index, end: m.index + m[0].length }, doc.ignored) && !roadSafetyCampaign) byCategory.set('reputation.protest', { spans: [{ start: m.index, end: m.index + m[0].length }], weights: [0.72], what: 'protest' });
  }
  // money the school pays or owes, said with its sum in one sentence (data: rep-money-penalty, rep-money-loss): "agreed to
  // pay £85,000 in damages", "penalty £18,000 plus costs", "£2,500 to the family", "a £300k deficit"
  if (text.includes('£')) {
    for (const [cat, category, weight, what] of MONEY_CATEGORIES) {
      const words = doc.lex.find(text, cat).filter((h) => !overlaps(h, doc.ignored));
      const hits: Span[] = [];
      for (const m of text.matchAll(SUM)) {
        const sum = { start: m.index!, end: m.index! + m[0].length };
        const s = sentenceAt(doc, sum.start);
        const w = words.find((h) => h.start >= s.start && h.end <= s.end && Math.abs(h.start - sum.start) <= 80);
        if (!w || OPINION_BEFORE.test(text.slice(Math.max(0, Math.min(w.start, sum.start) - 40), Math.min(w.start, sum.start))) || exonerated(sum)) continue;
        // "has no deficit this year", "was not fined": the payment or loss is denied
        if (DENIED_BEFORE.test(text.slice(Math.max(s.start, w.start - 40), w.start))) continue;
        // "Calder Brook won £5,000 in compensation", "raised £2,500": money coming in, unless a family or a pupil is who won it
        const gain = GAIN_BEFORE.exec(text.slice(Math.max(s.start, sum.start - 30), sum.start));
        if (gain && !CLAIMANT.test(text.slice(s.start, sum.start))) continue;
        hits.push(sum, w);
        break;
      }
      if (!hits.length) continue;
      // a sum makes a loose money word ("penalty") a reported payment: added to what the category already holds
      const e = byCategory.get(category) ?? { spans: [], weights: [], what };
      e.spans.push(...hits);
      e.weights.push(weight);
      byCategory.set(category, e);
    }
  }
  // an incident located at a place (data: incident, then "at", "outside", "called to"): "police at the school gates
  // again", "ambulance outside reception"; one such cue is enough where two loose ones were needed
  // "police at the careers fair talked to Year 10", "paramedics at first-aid day taught CPR": a visit said in the sentence
  // makes the service a guest, not an incident (a school event alone does not: an ambulance can be called to sports day)
  const incidentCues = doc.lex.find(text, 'incident').filter((h) => !overlaps(h, doc.ignored) && EMERGENCY.test(h.term) && LOCATED.test(text.slice(h.end, h.end + 40)) && !visitingAt(doc, h));
  if (incidentCues.length && !roadSafetyCampaign && !schoolVictim) {
    const e = byCategory.get('reputation.criticism') ?? { spans: [], weights: [], what: 'criticism or incident' };
    e.spans.push(incidentCues[0]!);
    e.weights.push(0.55);
    byCategory.set('reputation.criticism', e);
  }
  // harm to a pupil or a decline in results reported in one sentence with whom it happened to (data: rep-pupil-harm with
  // a pupil word, rep-decline with a results word; data/lexicons/reputation-cues.tsv): "an S2 pupil was taken to hospital
  // after a chemical spill", "the pass rate fell from 61% to 44%"
  for (const [event, subject, weight] of PAIRED_CUES) {
    const events = doc.lex.find(text, event).filter((h) => !overlaps(h, doc.ignored));
    if (!events.length) continue;
    const subjects = doc.lex.find(text, subject);
    const hit = events.find((e) => {
      const s = sentenceAt(doc, e.start);
      // a fall is of the results named before it in the same clause ("results rose; sickness fell" is no fall in results)
      // and results said to have risen before the fall ("results improved and exclusions fell") leave the fall to another subject
      const said = (w: Span) => (event === 'rep-decline' ? w.end <= e.start && e.start - w.end <= 80 && !/[;:]/.test(text.slice(w.end, e.start)) && !RISE.test(text.slice(w.end, e.start)) : Math.abs(w.start - e.start) <= 120);
      // "no child was hurt", "pupils were not injured": harm said not to have happened
      // "raised £1,000 for a schoolgirl injured in a crash": a collection for someone hurt elsewhere, not harm at the school
      const denied = DENIED_BEFORE.test(text.slice(Math.max(s.start, e.start - 40), e.start)) || (event === 'rep-pupil-harm' && FUNDRAISING.test(text.slice(s.start, e.start)));
      // the word in its everyday sense: "left behind their old classrooms", "burned the midnight oil", "suffered a narrow
      // defeat", "results day fell on a Thursday", "results dropped through letterboxes"
      const after = text.slice(e.end, Math.min(s.end, e.end + 40));
      // ... unless what follows the verb is a pupil ("restrained my 9 year old face down"): then it acts on a child
      const onPupil = event === 'rep-pupil-harm' && subjects.some((w) => w.start >= e.end && w.start - e.end <= 2);
      const everyday = event === 'rep-pupil-harm' ? !onPupil && HARM_EVERYDAY.test(`${text.slice(e.start, e.end)}${after}`) : DECLINE_EVERYDAY.test(after);
      return !denied && !everyday && subjects.some((w) => w.start >= s.start && w.end <= s.end && said(w)) && !OPINION_BEFORE.test(text.slice(Math.max(0, e.start - 40), e.start)) && !exonerated(e);
    });
    if (!hit || roadSafetyCampaign) continue;
    const e = byCategory.get('reputation.criticism') ?? { spans: [], weights: [], what: 'criticism or incident' };
    e.spans.push(hit);
    e.weights.push(weight);
    byCategory.set('reputation.criticism', e);
  }
  const findings: Finding[] = [];
  // an incident at the school: emergency services, a lockdown, a closure (data: incident; two different cues)
  const incidents = doc.lex.find(text, 'incident').filter((h) => !overlaps(h, doc.ignored));
  const kinds = new Set(incidents.map((h) => h.term));
  if (kinds.size >= 2) {
    const e = byCategory.get('reputation.criticism') ?? { spans: [], weights: [], what: 'criticism or incident' };
    e.spans.push(...incidents);
    e.weights.push(...[...kinds].map(() => 0.35));
    byCategory.set('reputation.criticism', e);
  }
  // round 11: a member of staff or another person "was charged" (a passive charge, no price after it) in a sentence that
  // names who (data: charged-person): "Mr X was charged last night", "a catering manager at … has been charged"
  if (text.includes('charged')) {
    const hit = passiveCharge(doc);
    if (hit && !roadSafetyCampaign) {
      const e = byCategory.get('reputation.sanction') ?? { spans: [], weights: [], what: 'fine or legal action' };
      if (!overlaps(hit, e.spans)) {
        e.spans.push(hit);
        e.weights.push(0.78);
        byCategory.set('reputation.sanction', e);
      }
    }
  }
  // round 13: a criminal case told as court steps with an offence and a member of staff ("head employed by X; embezzlement;
  // first hearing"), or someone at the school arrested in slang ("some X sir just got cuffed")
  const caseOrArrest = text.includes('cuff') || doc.lex.count(text, 'court-process') || doc.lex.count(text, 'arrest-verb') ? courtCaseAt(doc) ?? arrestAt(doc) : undefined;
  if (caseOrArrest && !roadSafetyCampaign && !exonerated(caseOrArrest) && !ruledFalse(caseOrArrest)) {
    const e = byCategory.get('reputation.sanction') ?? { spans: [], weights: [], what: 'fine or legal action' };
    if (!overlaps(caseOrArrest, e.spans)) {
      e.spans.push(caseOrArrest);
      e.weights.push(0.8);
      byCategory.set('reputation.sanction', e);
    }
  }
  // round 13: a crowd gathered or called to gather outside the school, with a voice of grievance in the item ("tmrw 8am
  // outside X … not on our watch. bring whistles", "crowd outside X hollerin' about …"): a protest with no word "protest"
  if (!byCategory.has('reputation.protest') && !roadSafetyCampaign) {
    const gathered = gatheringAt(doc);
    if (gathered) byCategory.set('reputation.protest', { spans: [gathered], weights: [0.72], what: 'protest' });
  }
  // round 11: a category all of whose cues sit in a sentence that puts the story in the past or shared again (data:
  // rep-past-frame: "that was 2019", "the inquiry was about the 80s") or calls the alarm a precaution (data:
  // rep-precaution: "police were called as a precaution") is no news against the school now
  // (a precaution clears an alarm, not harm: "taken to hospital as a precaution after a chemical spill" is still harm to a
  // pupil, data: rep-pupil-harm in the sentence)
  const harms = doc.lex.find(text, 'rep-pupil-harm').filter((h) => !DENIED_BEFORE.test(text.slice(Math.max(0, h.start - 40), h.start)));
  const precautions = doc.lex.find(text, 'rep-precaution').filter((p) => { const s = sentenceAt(doc, p.start); return !harms.some((h) => h.start >= s.start && h.end <= s.end); });
  const framed = [...doc.lex.find(text, 'rep-past-frame'), ...precautions];
  if (framed.length) {
    const inFrame = (sp: Span) => { const s = sentenceAt(doc, sp.start); return framed.some((f) => f.start >= s.start && f.start < Math.max(s.end, s.start + 1)); };
    // a cue in a reply's title ("Re: lockdown at …") is the topic the framed body answers
    const replyAt = replyTitle(doc);
    const inReplyTitle = (sp: Span) => !!replyAt && sp.start >= replyAt.start && sp.end <= replyAt.end;
    for (const [category, e] of byCategory) {
      if (e.spans.every((sp) => inFrame(sp) || inReplyTitle(sp)) && e.spans.some(inFrame)) byCategory.delete(category);
    }
  }
  // round 11: "special measures was unfair": every grade of the category called unfair by the writer (the later grade
  // readings as well as the patterns)
  const graded = byCategory.get('reputation.inspection');
  if (graded && graded.spans.every((sp) => verdictCalledUnfair(doc, sp))) byCategory.delete('reputation.inspection');
  // round 12: "Ofsted's verdict on our village school is absurd", "the inspectors' report is ridiculous": the writer calls
  // the inspection's verdict itself unfair (data: verdict-unfair after a verdict noun), so the grade told in the item is
  // the verdict they argue with, a verdict on the inspectorate
  if (graded && byCategory.has('reputation.inspection') && verdictNounCalledUnfair(doc)) byCategory.delete('reputation.inspection');
  // round 12: "Ten years since special measures … has been judged good", "Throwback to 2012 when it got 'requires
  // improvement' … Now it's rated good": every grade told in an anniversary or look-back sentence (data: rep-anniversary)
  // or beside a good grade, in an item that tells a good grade or a step out of intervention, is the school's past
  if (graded && byCategory.has('reputation.inspection') && anniversaryPast(doc, graded.spans, cleared.length > 0)) byCategory.delete('reputation.inspection');
  // round 13: the shared frame of findings that are no news against the school now (rules/not-news-now.ts): the school's
  // past told as a look back, a rumour asked and answered no, a national action its staff join
  for (const [category, e] of [...byCategory]) {
    const drop = notNewsNow(doc, category, e.spans);
    if (!drop.includes(true)) continue;
    if (drop.every(Boolean)) byCategory.delete(category);
    else byCategory.set(category, { spans: e.spans.filter((_, i) => !drop[i]), weights: e.weights.length === e.spans.length ? e.weights.filter((_, i) => !drop[i]) : e.weights, what: e.what });
  }
  for (const [category, e] of byCategory) {
    const first = e.spans[0]!;
    findings.push({ category, confidence: noisyOr(e.weights), spans: e.spans, reason: `${e.what} ("${doc.raw.slice(doc.clean.start[first.start]!, doc.clean.end[first.end - 1]!)}")` });
  }
  return findings;
}

/** An event and the subject it must be said of in its sentence (lexicon categories), and the weight it adds. */
const PAIRED_CUES: [string, string, number][] = [
  ['rep-pupil-harm', 'rep-pupil-subject', 0.6],
  ['rep-decline', 'results-word', 0.6],
];
/** A negation a few words before an event or a money word: "no child was", "were not", "nobody was", "wasn't". */
const DENIED_BEFORE = /(?:\b(?:not|never)|n['’]t)\s+(?:(?:been|be|being|get|got)\s+)?$|\b(?:no|nobody|none|no\s+one)\s+(?:\w+\s+)?(?:was|were|is|are|has\s+been|have\s+been|got)\s+$|\bno\s+$/;
/** Money coming in right before its sum: "won £5,000", "raised £2,500", "received a £10k grant". */
const GAIN_BEFORE = /\b(?:won|wins|raised|raises|raising|received|receives|secured|donated|granted)\s+(?:\w+\s+){0,2}$/;
/** Someone other than the school who may win a sum from it: then a payout is still one. */
const CLAIMANT = /\b(?:family|families|parents?|mum|mother|dad|father|pupil|student|former|claimant|employee|teacher|victim)\b/;
/** A collection or donation for someone: "raised £1,000 for", "fundraising for", "in aid of". */
const FUNDRAISING = /\braised\s+(?:£|money|funds|\d)|\bfundrais\w*|\bcollect(?:ed|ing|ion)\s+(?:£|money|for)|\bdonat\w+|\bin\s+aid\s+of|\bsponsored\b/;
/**
 * A harm word that acts on a thing, not a body ("left behind their old classrooms", "burned the midnight oil", "restrained
 * her excitement", "hurt to miss"), and "suffered a" before a sporting result ("a narrow defeat", "a 2-1 loss").
 */
const HARM_EVERYDAY = /^(?:(?:left\s+behind|burned|burnt|restrained|hurt|injured|bitten|scalded)\s+(?:(?:the|their|his|her|its|my|our|your|some|all|a|an)\s+(?!(?:\w+\s+)?(?:arm|arms|leg|legs|head|hand|hands|foot|feet|back|ankle|wrist|knee|face|eye|eyes|neck|finger|fingers|shoulder|hip|nose|mouth|tooth|teeth|skin|elbow|lip|chin|thumb|toe|toes)\b)|to\s+\w+)|suffered\s+an?\s+(?:(?:narrow|heavy|crushing|shock|surprise|late|first|rare|home|away|\d+\s*-\s*\d+)\b|(?:\w+\s+)?(?:defeat|loss|setback)\b))/;
/** A fall word in a place or time sense: "fell on a Thursday", "dropped through letterboxes", "fell silent". */
const DECLINE_EVERYDAY = /^\s+(?:on|onto|upon|through|into|out|off|over|silent|asleep|ill|open)\b/;
/** Results said to have gone up: a fall read after one is of something else. */
const RISE = /\b(?:rose|risen|rises|rising|(?:are|were|is|was|went|gone)\s+up|improved|improving|improves|increased|climbed|soared|jumped)\b/;
/** A sum of money in pounds: "£85,000", "£2.5m", "£300k", "£ 18 000". */
const SUM = /£\s?\d[\d,. ]*(?:k|m|bn|\s?(?:million|thousand|grand))?\b/g;
/** Money words and the reputation category a sum beside them finds (data/lexicons/reputation-cues.tsv). */
const MONEY_CATEGORIES: [string, CategoryId, number, string][] = [
  ['rep-money-penalty', 'reputation.sanction', 0.75, 'fine or legal action'],
  ['rep-money-loss', 'reputation.criticism', 0.6, 'criticism or incident'],
];
/** Emergency services among the incident cues (the others, "closed", "flooded", need a second cue). */
const EMERGENCY = /^(?:police|police cars?|police vans?|armed police|police officers|ambulances?|air ambulance|paramedics|fire engines?|firefighters|fire crews|emergency services)$/;
/** A visit by a service: "talked to Year 10", "taught CPR", "showed Reception the fire engine", "careers". */
const VISIT = /\b(?:visit(?:ed|ing|s)?|talk(?:ed|s)?\s+to|gave\s+a\s+talk|taught|teach(?:ing)?|show(?:ed|ing)\s+\w+\s+(?:the|their|how)|careers|first[-\s]aid\s+day|workshop|demonstrat\w*|to\s+race|open\s+day|meet\s+the)\b/;
/** Where an emergency service was: "at", "outside", "called to", "attended", a few words on at most. */
const LOCATED = /^\s+(?:(?:and\s+\w+\s+(?:\w+\s+)?|were\s+|was\s+|have\s+been\s+|had\s+to\s+be\s+|again\s+)?(?:at|outside|called\s+to|attended|in\s+the\s+(?:school|playground|car\s+park|yard)|on\s+site|swarming|all\s+over))\b/;

/** Words that insult whatever frame they stand in (data: the abuse lexicons). */
const INSULT_CATEGORIES = ['insult-noun', 'weak-insult-noun', 'insult-adj', 'profanity', 'slur'];
const CRIME_BEFORE = /\b(?:of|for|with|over|in|admitted|admits|denies|denied)\s+(?:\w+\s+)?$/;

/**
 * The boundary between reputation and abuse for wrongdoing by staff: a charge, a conviction or a jailing told in a
 * reporting frame (a court or tribunal heard, police said, a spokesperson; data: news-frame) beside a reputation
 * sanction is news about the school, so the disparaging finding its wrongdoing words set off ("stealing", "fraud") is
 * dropped. The poster's own accusation (no frame) stays abuse, and so does any insult the poster adds ("scumbag"):
 * a disparaging finding with an insult among its evidence is kept.
 */
export function withoutReportedWrongdoing(doc: Doc, findings: Finding[]): Finding[] {
  const text = doc.clean.text;
  if (!findings.some((f) => f.category === 'reputation.sanction' && f.confidence >= 0.5)) return findings;
  // (round 13: a court step, "first hearing", "remanded", reports the case as a news frame does)
  const frames = [...doc.lex.find(text, 'news-frame'), ...doc.lex.find(text, 'court-process')];
  if (!frames.length) return findings;
  // "convicted of fraud", "jailed for theft": a crime named after its preposition is the charge, not a name for someone
  const insults = INSULT_CATEGORIES.flatMap((c) => doc.lex.find(text, c)).filter((h) => !overlaps(h, doc.ignored) && !CRIME_BEFORE.test(text.slice(Math.max(0, h.start - 20), h.start)));
  if (insults.length) return findings;
  // only the wrongdoing the frame reports: a disparaging finding is dropped when one of its spans shares a sentence with a
  // news frame or the sanction ("Police said a former caretaker was charged with theft."), not when the poster's own
  // claim about someone else sits in another sentence ("Separately, everyone knows Mrs Cole steals from the PTA fund.")
  const reported = [
    ...frames.map((h) => sentenceAt(doc, h.start)),
    ...findings.filter((f) => f.category === 'reputation.sanction' && f.confidence >= 0.5 && !f.raw).flatMap((f) => f.spans.map((sp) => sentenceAt(doc, sp.start))),
  ];
  const told = reported.map((r) => text.slice(r.start, r.end)).join(' ');
  const inReported = (sp: Span) => reported.some((r) => sp.start >= r.start && sp.start < Math.max(r.end, r.start + 1));
  // a sentence near the report (within 200 characters) is the same story ("He stole £5,000. He was jailed, the court
  // heard."), unless it opens another subject: a shift word ("Separately", "Meanwhile") or a titled person the report
  // never names
  const near = (sp: Span) => {
    if (!reported.some((r) => sp.start >= r.start - 200 && sp.start < r.end + 200)) return false;
    const own = sentenceAt(doc, sp.start);
    const sentence = text.slice(own.start, own.end);
    if (TOPIC_SHIFT.test(sentence)) return false;
    return ![...sentence.matchAll(TITLED_NAME)].some((m) => !told.includes(m[0]));
  };
  return findings.filter((f) => f.category !== 'abuse.disparaging' || f.raw || !f.spans.some((sp) => inReported(sp) || near(sp)));
}
/** Words that open another subject at the start of a sentence. */
const TOPIC_SHIFT = /^\W*(?:separately|meanwhile|also|anyway|unrelated(?:ly)?|in\s+other\s+news|on\s+(?:another|a\s+different|a\s+separate)\s+note|and\s+another\s+thing)\b/;
/** A titled person in the clean (lower-case) text: "mrs cole". */
const TITLED_NAME = /\b(?:mr|mrs|ms|miss|mx|dr|sir)\.?\s+[\p{L}'’-]{2,}/gu;

/** A word that sets what follows it before the span's time: "… after it was judged good". */
const FORMER = /\b(?:after|since|previously|formerly|before|when)\b/;
/** A good grade after a span, past a word that sets it before the span's time (FORMER): "… after it was judged good", "… since". */
const FORMER_GOOD = new RegExp(`^[^.!?]*?${FORMER.source}[^.!?]*?\\b(?:rated|judged|graded)\\s+(?:as\\s+)?['‘"“]?(?:good|outstanding)\\b`);
function formerGood(text: string, span: Span, end: number): boolean {
  const after = text.slice(span.end, end);
  return FORMER_GOOD.test(after) && !GOOD_GRADE.test(text.slice(Math.max(0, span.start - 200), span.start).split(/[.!?]/).pop() ?? '');
}

/**
 * Round 12: are all of a category's spans told as the school's past — each in a sentence with an anniversary or look-back
 * word (data: rep-anniversary) or a good grade — with at least one anniversary among them, in an item that tells a good
 * grade now or a step out of intervention (`stepOut`)? Module level (lazy.ts says why).
 */
function anniversaryPast(doc: Doc, spans: readonly Span[], stepOut: boolean): boolean {
  const text = doc.clean.text;
  const frames = doc.lex.find(text, 'rep-anniversary');
  if (!frames.length || !(stepOut || GOOD_GRADE.test(text))) return false;
  const inSentence = (sp: Span, re: RegExp | readonly Span[]) => {
    const s = sentenceAt(doc, sp.start);
    return re instanceof RegExp ? re.test(text.slice(s.start, s.end)) : re.some((f) => f.start >= s.start && f.start < Math.max(s.end, s.start + 1));
  };
  return spans.some((sp) => inSentence(sp, frames)) && spans.every((sp) => inSentence(sp, frames) || inSentence(sp, GOOD_GRADE));
}

/** A complaint by the school's families, a few words after them in its sentence (data: rep-complainant, rep-complaint). */
function complaintAt(doc: Doc): Span | undefined {
  const text = doc.clean.text;
  const complaints = doc.lex.find(text, 'rep-complaint').filter((h) => !overlaps(h, doc.ignored));
  if (!complaints.length) return undefined;
  const who = doc.lex.find(text, 'rep-complainant');
  return complaints.find((c) => {
    const s = sentenceAt(doc, c.start);
    const before = text.slice(Math.max(s.start, c.start - 40), c.start);
    return who.some((w) => w.start >= s.start && w.end <= c.start && c.start - w.end <= 100) && !OPINION_BEFORE.test(before) && !DENIED_BEFORE.test(before);
  });
}

/** A sentence of the writer's own or addressed to the reader, or a question: advice or a plan, not news. */
const OWN_OR_ADVICE = /\b(?:i|i['’]ve|i['’]m|i['’]ll|i['’]d|me|my|we|we['’]ve|we['’]ll|us|you|your|should|shall|could|can|do\s+i|who\s+do)\b|\?/;
/** The data regulator with a report or an action of it in its sentence (data: data-regulator, regulator-action). */
function regulatorTold(doc: Doc): Span | undefined {
  const text = doc.clean.text;
  const bodies = doc.lex.find(text, 'data-regulator').filter((h) => !overlaps(h, doc.ignored));
  if (!bodies.length) return undefined;
  const actions = doc.lex.find(text, 'regulator-action');
  return bodies.find((b) => {
    const s = sentenceAt(doc, b.start);
    // the sentence's end mark is read too: "…to the ICO?" asks
    if (OWN_OR_ADVICE.test(text.slice(s.start, Math.min(text.length, s.end + 1)))) return false;
    return actions.some((a) => a.start >= s.start && a.end <= s.end) && !OPINION_BEFORE.test(text.slice(Math.max(s.start, b.start - 40), b.start));
  });
}

/** Is a visit said in the sentence of `h` (VISIT)? Module level: under tsx a local arrow is renamed per call (lazy.ts). */
function visitingAt(doc: Doc, h: Span): boolean {
  const s = sentenceAt(doc, h.start);
  return VISIT.test(doc.clean.text.slice(s.start, s.end));
}

/**
 * Is a span's sentence one that clears (data: exoneration) or rates the school good? Made at module level (lazy.ts says
 * why).
 */
/**
 * Round 9c: a fact-check's claim that its verdict rules false ("Claim: … arrested … Rating: False") is no news of it, nor
 * are the verdict's own reasons ("Our verdict: made up. Neither the police nor the council know of any investigation").
 */
function ruledFalseIn(doc: Doc): (span: Span) => boolean {
  const text = doc.clean.text;
  const verdictAt = falseVerdictAt(text);
  // "the screenshot saying Wrenmoor is being investigated is fake": a claim after a verb of saying, ruled false (data: denial)
  // later in its own sentence
  const denials = doc.lex.find(text, 'denial');
  const saidThenDenied = (span: Span) => {
    const s = sentenceAt(doc, span.start);
    return /\b(?:saying|claiming|alleging|which\s+(?:says|said|claims|claimed)|that\s+(?:says|said|claims|claimed))\s/.test(text.slice(s.start, span.start)) &&
      denials.some((d) => d.start >= span.end && d.end <= s.end && /^(?:is|are|was|were)\s+(?:\w+\s+)?$/.test(text.slice(Math.max(span.end, d.start - 16), d.start).replace(/^.*?\b(?=(?:is|are|was|were)\b)/, '')));
  };
  return (span) => factCheckedClaimAt(text, span) || saidThenDenied(span) || (verdictAt >= 0 && span.start > verdictAt && /\b(?:no|not|any|neither|nor|never)\b/.test(text.slice(sentenceAt(doc, span.start).start, span.start)));
}

function exoneratedIn(doc: Doc, cleared: readonly Span[]): (span: Span) => boolean {
  const text = doc.clean.text;
  const goodGrade = sentenceTest(GOOD_GRADE, text);
  const ruledFalse = ruledFalseIn(doc);
  return (span) => {
    if (ruledFalse(span)) return true;
    const s = sentenceAt(doc, span.start);
    // "rated 'good' in all areas, two years after being judged to require improvement": a good grade now, quoted or not;
    // "rated 'requires improvement', two years after it was judged good": the good grade is the one it had before
    return cleared.some((c) => c.start >= s.start && c.end <= s.end && !(c.start >= span.end && FORMER.test(text.slice(span.end, c.start)))) || (goodGrade(s) && !formerGood(text, span, s.end));
  };
}

/** Road-safety cues an item needs, one of them in the protest's own sentence, to be a road-safety campaign with no body named. */
const ROAD_SAFETY_CUES = 2;

/**
 * Round 10: "Petition page: 'Safe Routes for X'. We demand action on the missing lollipop person.": a protest whose own
 * sentence names road safety (data: road-safety), in an item that names it again, asks for safe roads, not about the
 * school, even when no council or highways body is named.
 */
function roadSafetyProtest(doc: Doc, span: Span): boolean {
  const road = doc.lex.find(doc.clean.text, 'road-safety');
  if (road.length < ROAD_SAFETY_CUES) return false;
  const s = sentenceAt(doc, span.start);
  return road.some((r) => r.start >= s.start && r.end <= s.end);
}

/** A person named by what they are at a place, before the charge in its sentence: "the choir mistress at …", "a coach from …". */
const STAFF_AT = /\b(?:the|a|an|some|their|our)\s+(?:[\p{L}'’-]+\s+){1,4}(?:at|from|employed\s+by)\s+/u;
/** A passive "charged": "was charged", "has been charged", "was lifted by the police and charged" (a few words between). */
const PASSIVE_CHARGE = /\b(?:was|were|been|being|got|gets|is|are)\s+(?:[\w'’]+\s+){0,6}?charged\b/g;
/** What makes "charged" a price or a battery, not an offence: "charged for the coach", "charged up", "charged overnight". */
const NOT_OFFENCE_AFTER = /^\s+(?:£|\d|twice|double|extra|for\b|up\b|overnight|per\b|a\s+(?:fee|fortune|lot)|an?\s+(?:extra|arm))/;
/** A charge said not to have been brought: "was not charged", "has never been charged", "wasn't charged". */
const CHARGE_DENIED = /\b(?:not|never|n['’]t|no\s+one|nobody)\b/;

/**
 * Round 11: a passive charge with a person before it in its sentence (data: charged-person: a title, a staff role, "a
 * 52-year-old man"), not a price or a battery (NOT_OFFENCE_AFTER), not denied and not wished for.
 */
function passiveCharge(doc: Doc): Span | undefined {
  const text = doc.clean.text;
  const people = doc.lex.find(text, 'charged-person');
  if (!people.length && !/\b(?:at|from|employed)\b/.test(text)) return undefined;
  for (const m of text.matchAll(PASSIVE_CHARGE)) {
    const span = { start: m.index!, end: m.index! + m[0].length };
    if (overlaps(span, doc.ignored) || NOT_OFFENCE_AFTER.test(text.slice(span.end, span.end + 16))) continue;
    const before = text.slice(Math.max(0, span.start - 40), span.start);
    if (CHARGE_DENIED.test(m[0]) || DENIED_BEFORE.test(before) || OPINION_BEFORE.test(before) || /\b(?:should|must|ought\s+to|needs?\s+to)\s+(?:have\s+)?$/.test(before)) continue;
    const s = sentenceAt(doc, span.start);
    if (people.some((p) => p.start >= s.start && p.end <= span.start)) return span;
    // round 13: a member of staff named by a role and the school ("the choir mistress at X was charged")
    if (STAFF_AT.test(text.slice(s.start, span.start))) return span;
  }
  // headline wording, no verb of being: "Bryn Cross head of Year 9 charged", "School invigilator charged after …": a person
  // a few words before a "charged" that ends its sentence or opens what it is for
  for (const m of text.matchAll(HEADLINE_CHARGE)) {
    const span = { start: m.index!, end: m.index! + m[0].length };
    if (overlaps(span, doc.ignored)) continue;
    const s = sentenceAt(doc, span.start);
    const before = text.slice(Math.max(s.start, span.start - 40), span.start);
    if (CHARGE_DENIED.test(before) || /\b(?:was|were|been|being|got|gets|is|are|has|have|had)\s+(?:\S+\s+)*$/.test(before)) continue;
    if (people.some((p) => p.start >= Math.max(s.start, span.start - 40) && p.end <= span.start)) return span;
  }
  return undefined;
}
/** Within this many characters of a court step: its offence and whom it is against. */
const CASE_REACH = 200;
/** A member of staff named by where they work: "employed by", "works at", "teaches at". */
const EMPLOYED = /\b(?:employed\s+(?:by|at)|works?\s+at|work(?:ed|ing)\s+at|teach(?:es|ing)?\s+at)\b/;
/** A mock trial or a court game: the steps are played, not taken. */
const MOCK_CASE = /\bmock\s+(?:trial|court|hearing|case)s?\b|\brole[\s-]?play\b/;

/**
 * Round 13: a criminal case told as its court steps (data: court-process: "first hearing", "bail to continue",
 * "remanded"), with an offence (data: offence-noun) and a member of staff (data: charged-person, or EMPLOYED) within
 * CASE_REACH of it; not a mock trial, not wished for or denied.
 */
function courtCaseAt(doc: Doc): Span | undefined {
  const text = doc.clean.text;
  if (MOCK_CASE.test(text)) return undefined;
  const steps = doc.lex.find(text, 'court-process').filter((h) => !overlaps(h, doc.ignored));
  if (!steps.length) return undefined;
  const offences = doc.lex.find(text, 'offence-noun');
  const people = doc.lex.find(text, 'charged-person');
  const near = (a: Span, b: Span) => Math.abs(a.start - b.start) <= CASE_REACH;
  return steps.find((st) => {
    const before = text.slice(Math.max(0, st.start - 40), st.start);
    if (DENIED_BEFORE.test(before) || OPINION_BEFORE.test(before)) return false;
    const from = Math.max(0, st.start - CASE_REACH);
    return offences.some((o) => near(o, st)) && (people.some((p) => near(p, st)) || EMPLOYED.test(text.slice(from, st.end + CASE_REACH)));
  });
}

/** What makes "cuffed" a blow: "cuffed round the ear", "cuffed across the head", "cuffed by his nan". */
const BLOW_AFTER = /^\s+(?:round|around|across|on|by|about|over)\b/;

/** Round 13: a person (data: charged-person) a few words before an arrest in slang or plain wording (data: arrest-verb) in its sentence. */
function arrestAt(doc: Doc): Span | undefined {
  const text = doc.clean.text;
  const arrests = doc.lex.find(text, 'arrest-verb').filter((h) => !overlaps(h, doc.ignored));
  if (!arrests.length) return undefined;
  const people = doc.lex.find(text, 'charged-person');
  return arrests.find((a) => {
    if (BLOW_AFTER.test(text.slice(a.end, a.end + 12))) return false;
    const s = sentenceAt(doc, a.start);
    const before = text.slice(Math.max(s.start, a.start - 40), a.start);
    if (DENIED_BEFORE.test(before) || OPINION_BEFORE.test(before) || CHARGE_DENIED.test(before)) return false;
    return people.some((p) => p.start >= s.start && p.end <= a.start && a.start - p.end <= 60);
  });
}

/** Where a crowd stands: outside the school, at its gates. */
const OUTSIDE = /\b(?:outside|at\s+the\s+(?:school\s+)?gates|by\s+the\s+gates)\b/;
/** Within this many characters of a gathering: where it stands and its voice of grievance. */
const GATHER_REACH = 200;

/**
 * Round 13: a crowd gathered or called to gather (data: gathering) with "outside" or the gates near it and a voice of
 * grievance (data: protest-voice: "hollering about", "not on our watch") near it; not wished for, not a road-safety
 * campaign (the caller checks).
 */
function gatheringAt(doc: Doc): Span | undefined {
  const text = doc.clean.text;
  const crowds = doc.lex.find(text, 'gathering').filter((h) => !overlaps(h, doc.ignored));
  if (!crowds.length || !OUTSIDE.test(text)) return undefined;
  const voices = doc.lex.find(text, 'protest-voice');
  if (!voices.length) return undefined;
  return crowds.find((c) => {
    const from = Math.max(0, c.start - GATHER_REACH);
    if (!OUTSIDE.test(text.slice(from, c.end + GATHER_REACH)) || OPINION_BEFORE.test(text.slice(Math.max(0, c.start - 40), c.start))) return false;
    return voices.some((v) => Math.abs(v.start - c.start) <= GATHER_REACH + 100);
  });
}

/** "charged" at the end of a headline or before what it is for: "… head of Year 9 charged", "… charged after a crash". */
const HEADLINE_CHARGE = /\bcharged(?=\s*(?:[.!?:\n]|$)|\s+(?:after|over|following|in\s+connection)\b)/g;

/** A pronoun subject that opens a sentence and stands for a body named before it: "It's", "They are", "They've been". */
const PRONOUN_OPEN = /^\W*(?:it|they)(?:['’]s|['’]re|['’]ve|\s+(?:is|are|has|have|was|were))?(?:\s+(?:been|now|still|also|definitely|apparently))*\s*$/;

/** Round 11: an investigating verb whose sentence opens with a pronoun for a body named in the sentence right before it. */
function bodyThenPronoun(doc: Doc, body: Span, verb: Span): boolean {
  const s = sentenceAt(doc, verb.start);
  if (s.start === 0 || body.start >= s.start) return false;
  const prev = sentenceAt(doc, Math.max(0, s.start - 2));
  if (body.start < prev.start) return false;
  return PRONOUN_OPEN.test(doc.clean.text.slice(s.start, verb.start));
}

/** "no walk-out", "not a protest", "never a boycott": the protest word right after a negation. */
const NO_BEFORE = /\b(?:no|not\s+an?|never\s+an?|wasn['’]?t\s+an?|isn['’]?t\s+an?)\s+$/;

/** Round 11: a protest said not to have happened: negated right before it, or called off in its sentence (data: event-off). */
function protestOff(doc: Doc, span: Span, before: string): boolean {
  if (NO_BEFORE.test(before)) return true;
  const s = sentenceAt(doc, span.start);
  return doc.lex.find(doc.clean.text, 'event-off').some((o) => o.start >= span.end && o.end <= s.end && o.term !== 'in the end');
}

/** Round 11: a grade followed by a verb of being and a word that calls it unfair (data: verdict-unfair): "special measures was unfair". */
function verdictCalledUnfair(doc: Doc, span: Span): boolean {
  const text = doc.clean.text;
  const after = /^['"’”]?\s+(?:was|is|were|are|has\s+been|feels?|felt)\s+(?:(?:so|totally|completely|deeply|utterly|grossly|plain|just|simply|very)\s+)?/.exec(text.slice(span.end, span.end + 40));
  if (!after) return false;
  const at = span.end + after[0].length;
  return doc.lex.find(text, 'verdict-unfair').some((v) => v.start === at);
}

/** A verdict noun and a verb of being before a word calling it unfair: "ofsted's verdict on our village school is (so) …". */
const VERDICT_IS = /\b(?:verdict|judge?ments?|rating|grading|grade|report|downgrade)\b(?:\s+[\w'’]+){0,5}?\s+(?:is|was|are|were|feels?|felt|seems?)\s+(?:(?:so|totally|completely|deeply|utterly|grossly|plain|just|simply|very|frankly|quite)\s+)?$/;
/**
 * Round 12: does the item call an inspection's verdict unfair (data: verdict-unfair right after a verdict noun and a verb of
 * being, VERDICT_IS), with an inspectorate or an inspection named in that sentence, or in the title?
 */
function verdictNounCalledUnfair(doc: Doc): boolean {
  const text = doc.clean.text;
  return doc.lex.find(text, 'verdict-unfair').some((v) => {
    const s = sentenceAt(doc, v.start);
    const before = text.slice(Math.max(s.start, v.start - 80), v.start);
    return VERDICT_IS.test(before) && /\b(?:ofsted|estyn|inspect\w*)\b/.test(text.slice(s.start, v.start));
  });
}

/** Round 11: the title of a reply ("Re: …", "RE: …"), in the clean text, or undefined. */
function replyTitle(doc: Doc): Span | undefined {
  if (!doc.titleLength || doc.textOffset < 0) return undefined;
  const text = doc.clean.text;
  if (!/^\W*re\s*:/.test(text)) return undefined;
  const end = text.indexOf('\n');
  return end > 0 ? { start: 0, end } : undefined;
}
