/**
 * Structure the abuse rules need beyond word lists, on the clean view: clauses, negation scope,
 * reported speech and counter-speech ("someone called her X, that's disgusting"), and who a remark
 * is aimed at (the school community, or a body outside it such as Ofsted or the council).
 *
 * Sentence and clause splitting are our own (document.ts): a parser (compromise, wink-nlp) would
 * cost more than the whole scorer per item, and these decisions need only the clause around a hit.
 * The cue words (condemnation, denial, outside bodies) are data: data/lexicons/structure-cues.tsv.
 */
import { sentenceAt, type Doc, type Span } from './document';
import type { LexHit } from './lexicon';

/** Where a clause ends: punctuation, a dash, contrast and cause words, or "and" starting a new subject. */
const CLAUSE_BREAK = /[,;:()]|\s-+\s|\b(?:but|though|although|whereas|while|because|cos|coz)\b|\band\s+(?=(?:the|he|she|they|it|i|we|you|his|her|their|my|our)\b)/g;

/**
 * How far back a clause is read, in characters. The callers want a clause's last few words (14 at most), and a
 * sentence with no stops (a 7 KB rant) would otherwise be re-read from its start for every word: quadratic.
 */
export const CLAUSE_REACH = 300;

/** The last match of the global `re` in `text`. */
export function lastMatch(re: RegExp, text: string): RegExpExecArray | undefined {
  let last: RegExpExecArray | undefined;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) last = m;
  return last;
}

/**
 * The clause before each position asked about in the last document (its start and words): rules ask for the same
 * position several times (negatedAt reads 4 and then 14 words before every hit).
 */
let clauseDoc: Doc | undefined;
const clauseMemo = new Map<number, { start: number; words?: string[] }>();
function clauseAt(doc: Doc, pos: number): { start: number; words?: string[] } {
  if (doc !== clauseDoc) {
    clauseDoc = doc;
    clauseMemo.clear();
  }
  let c = clauseMemo.get(pos);
  if (c === undefined) {
    const s = sentenceAt(doc, pos);
    const from = Math.max(s.start, pos - CLAUSE_REACH);
    const before = doc.clean.text.slice(from, pos);
    const m = lastMatch(CLAUSE_BREAK, before);
    c = { start: m ? from + m.index + m[0].length : from };
    clauseMemo.set(pos, c);
  }
  return c;
}

/** Start (clean-view offset) of the clause that contains `pos`, at most CLAUSE_REACH characters back. */
export function clauseStart(doc: Doc, pos: number): number {
  return clauseAt(doc, pos).start;
}

/** The last `n` words of the clause before `pos`. */
export function clauseBefore(doc: Doc, pos: number, n: number): string {
  const c = clauseAt(doc, pos);
  c.words ??= doc.clean.text.slice(c.start, pos).trim().split(/\s+/);
  return c.words.slice(-n).join(' ');
}

/** A negation just before a word ("not lazy", "never rude", "no idiots", Scots "nae liar"). */
const NEGATION = /\b(?:not|never|no|nae|(?:the\s+)?opposite\s+of|anything\s+but|isn't|aren't|wasn't|weren't|ain't|isnt|arent|wasnt|werent|aint|hardly|nothing|nobody|don't|doesn't|didn't|doesnt|didnt|stop|far\s+from|rather\s+than|instead\s+of)\b|n't\b/;
/**
 * Round 11: "is anything but an idiot", "anything but a lazy cow": "but" ends the clause clauseBefore reads, so the
 * negation before it is read here, with up to two words (an article, an adjective) between it and the word.
 */
const ANYTHING_BUT_BEFORE = /\banything\s+but\s+(?:[\p{L}'-]+\s+){0,2}$/u;
/**
 * A negation whose scope reaches further along the clause: "I don't think they are useless", "not one
 * teacher there is rude", "none of the staff are lazy".
 */
const NEGATION_SCOPE = /\b(?:no\s+way\s+(?:is|are|was|were|would|could)|(?:do|did|does|would)(?:n't|\s+not)\s+(?:\w+\s+){0,2}?(?:think|believe|reckon|feel|find|consider|call|say)|not\s+(?:one|a\s+single|any|all)|none\s+of|no\s+(?:one|single|teacher|teachers|member|members|child|pupil|pupils|parent|staff)|nobody|no-one|(?:is|are|was|were|am|be|being)\s+(?:not|never)|isn't|aren't|wasn't|weren't|ain't|isnt|arent|wasnt|werent|aint|far\s+from)\b/;
/** Phrases with a negation word that do not negate what follows ("not only lazy", "nothing but thieves"). */
const NOT_NEGATING = /\b(?:(?:not\s+having|won'?t\s+have|(?:don'?t|do\s+not|wouldn'?t)\s+want)\s+(?:a|an|some|that|those|them|any|one)|(?:ain'?t|not|won'?t|wouldn'?t|never)\s+(?:send|sendin'?|sending|letting|lettin'?|having|havin'?)\s+(?:my|moi|me|our|the)\s+(?:kids|children|son|daughter|lad|girl|bairns|weans)\b|not\s+only|not\s+just|no\s+wonder|no\s+doubt|never\s+seen\s+such|never\s+met\s+such|can'?t\s+believe|couldn'?t\s+be\s+(?:more|any\s+more)|not\s+surprised|no\s+better\s+than|nothing\s+but|nothing\s+more\s+than|no\s+more\s+than|don'?t\s+care|doesn'?t\s+care|not\s+(?:even\s+)?(?:a\s+)?(?:bit|little)\s+but)\b/;

/** A negator just before a verb of saying or thinking (up to one word between: "not really saying", "never once called"). */
const NEGATOR_BEFORE = /(?:\b(?:not|never|nobody|no\s+one|no-one|none\s+of\s+us)|n't)\s+(?:[\w']+\s+)?$/;

/**
 * "I'm not saying the staff are useless", "nobody is claiming he's a liar": a denied act of saying or thinking (data:
 * stance-verb) earlier in the insult's clause has the insult in its scope.
 */
function negatedStance(doc: Doc, span: Span): boolean {
  const text = doc.clean.text;
  const verbs = doc.lex.find(text, 'stance-verb');
  if (!verbs.length) return false;
  const from = clauseStart(doc, span.start);
  const vouches = claimVouches(doc);
  const negated = verbs.some((v) => {
    if (v.start < from || v.end > span.start) return false;
    // "the thing nobody will say out loud is that …": the writer vouches for what follows (data: claim-vouch)
    if (vouches.some((c) => c.start <= v.start && c.end >= v.end)) return false;
    const before = text.slice(Math.max(from, v.start - 24), v.start);
    return NEGATOR_BEFORE.test(before) && !NOT_NEGATING.test(`${before}${text.slice(v.start, v.end)}`) && !outOfScope(doc, text.slice(v.end, span.start));
  });
  if (!negated) return false;
  // "I'm not saying he's a thief. I'm saying the money never added up.": the denial is taken back by an affirmed
  // "I'm saying / just asking" in the same or the next sentence (apophasis), so the label stands
  const s = sentenceAt(doc, span.start);
  const until = s.end < text.length ? sentenceAt(doc, s.end).end : s.end;
  return !verbs.some((v) => v.start >= span.end && v.end <= until && AFFIRMED_BEFORE.test(text.slice(Math.max(0, v.start - 16), v.start)));
}
/** A negator after the stance verb: the denial falls on it, not on the insult. */
const SECOND_NEGATOR = /\b(?:not|never|no|nobody|no-one|no\s+one|none)\b|n't\b/;
/** A finite verb (modal, auxiliary or copula, or a pronoun's contraction): two in the gap mean a clause between. */
const FINITE = /\b(?:would|could|will|can|should|might|may|must|shall|is|are|was|were|am|has|have|had|does|did|do)\b|\b(?:he|she|it|they|we|you|i|that|who|there)(?:'s|'re|'m|'ll|'d|'ve)\b/g;

/**
 * "I don't think anyone would disagree the head is an idiot": between the denied stance verb and the insult sits a
 * second negator, a verb that takes the denial (data: stance-counter: disagree, deny, doubt) or another finite clause,
 * so the negation does not reach the insult.
 */
function outOfScope(doc: Doc, gap: string): boolean {
  if (!gap.trim()) return false;
  if (SECOND_NEGATOR.test(gap)) return true;
  if (doc.lex.find(gap, 'stance-counter').length) return true;
  return (gap.match(FINITE)?.length ?? 0) >= 2;
}
/** "I'm saying", "all I'm asking", "I am just saying": a stance said in the writer's own voice, not negated. */
const AFFIRMED_BEFORE = /\b(?:i'?m|i\s+am|im)\s+(?:just\s+|only\s+|simply\s+)?$/;

/** After the answer word: punctuation or the end ("No, he…", "Nope."), so "no doubt" or "never again" is not an answer. */
const ANSWER_END = /^\s*(?:[,.!;:\u2013\u2014-]|$)/;

/**
 * "Mr X lazy? No, he stays till seven.": a label put as a question and answered no in the next sentence (data:
 * answer-no) is denied.
 */
function answeredNo(doc: Doc, span: Span): boolean {
  const text = doc.clean.text;
  const s = sentenceAt(doc, span.start);
  if (s.end >= text.length) return false;
  // the sentence ends in a question mark (read backwards from its end: a long sentence is not re-read per word)
  let last = s.end - 1;
  while (last > span.end && /\s/.test(text[last]!)) last--;
  if (text[last] !== '?' && text[s.end] !== '?') return false;
  let next = sentenceAt(doc, s.end + (text[s.end] === '?' ? 1 : 0));
  // round 10: a title's question is followed by the line break between title and text, a sentence of its own
  if (!text.slice(next.start, next.end).trim() && next.end < text.length) next = sentenceAt(doc, next.end);
  const lead = text.slice(next.start, next.end).search(/\S/);
  if (lead < 0) return false;
  const at = next.start + lead;
  // round 9b: one exclamation and a comma may open the answer ("Duw, dim o gwbl.", "Och, no.", "God, never.")
  const exclaimed = /^[\p{L}'-]+,\s*/u.exec(text.slice(at, next.end));
  // round 10: "Wyncote snobs? I don't agree that …": an answer that opens by disagreeing (data: disagree-open) needs no stop after it
  if (doc.lex.find(text, 'disagree-open').some((a) => a.start === at)) return true;
  return doc.lex.find(text, 'answer-no').some((a) => (a.start === at || (!!exclaimed && a.start === at + exclaimed[0].length)) && ANSWER_END.test(text.slice(a.end, a.end + 3)));
}

/** A sentence that opens with a negative answer (data: answer-no: "Not a chance.", "Never in a million years, mun."). */
function answerSentence(doc: Doc): boolean {
  const text = doc.clean.text;
  return doc.lex.find(text, 'answer-no').some((a) => {
    if (!ANSWER_END.test(text.slice(a.end, a.end + 3))) return false;
    const s = sentenceAt(doc, a.start);
    return s.start > 0 && /^\W*$/.test(text.slice(s.start, a.start));
  });
}

/** Is the word at `span` under a negation in its clause? */
export function negatedAt(doc: Doc, span: Span): boolean {
  if (negatedStance(doc, span) || answeredNo(doc, span)) return true;
  // "Scum my arse.": the word said back in order to deny it
  if (/^\W{0,3}\s*my\s+(?:arse|backside|foot|eye)\b/.test(doc.clean.text.slice(span.end, span.end + 16))) return true;
  const near = clauseBefore(doc, span.start, 4);
  const clause = clauseBefore(doc, span.start, 14);
  if (NOT_NEGATING.test(near)) return false;
  if (NEGATION.test(near)) return true;
  const s = sentenceAt(doc, span.start);
  if (ANYTHING_BUT_BEFORE.test(doc.clean.text.slice(Math.max(s.start, span.start - 40), span.start))) return true;
  const m = NEGATION_SCOPE.exec(clause);
  // "nobody on this page will say out loud that he …": the negator belongs to a phrase vouching for the claim (data:
  // claim-vouch), so it negates nothing after it
  if (m && vouchedClause(doc, span.start, clause.length - m.index)) return false;
  // "I don't think anyone would disagree he's an idiot": the negation stops at a clause that takes it
  if (!m || NOT_NEGATING.test(clause)) return false;
  let gap = clause.slice(m.index + m[0].length);
  // round 12: "nobody who has worked with her would call her …": a relative clause on the negated subject is part of it,
  // so its own auxiliary is no clause between the negator and the verb
  if (NEGATED_SUBJECT.test(m[0])) gap = gap.replace(RELATIVE_AUX, ' ');
  return !outOfScope(doc, gap);
}
/** A negated subject ("nobody", "no one", "no teacher"), which a relative clause may follow. */
const NEGATED_SUBJECT = /^(?:nobody|no-one|no\s+\w+)$/;
/** The auxiliary right after a relative pronoun: "who has", "that is", "who's". */
const RELATIVE_AUX = /^\s*(?:who|that)(?:\s+(?:has|have|had|is|are|was|were)\b|'s\b)/;

/** A claim-vouch hit starting within `back` characters before `pos` in its sentence, ending before `pos`. */
function vouchedClause(doc: Doc, pos: number, back: number): boolean {
  const text = doc.clean.text;
  if (!doc.lex.count(text, 'claim-vouch')) return false;
  const from = Math.max(sentenceAt(doc, pos).start, pos - back - 2);
  return claimVouches(doc).some((c) => c.end <= pos && c.end >= from);
}

/** A vouching phrase that is itself a negation ("nobody will say", "no one will tell you"). */
const NEGATED_VOUCH = /^(?:nobody|no\s+one|no-one|nobody'll)\b/;
/** After it, what makes it vouch: "… out loud is that", "… is that", "…:" */
const VOUCH_AFTER = /^\s*(?:(?:out\s+loud|aloud|publicly|openly|in\s+public)\s*)?(?:(?:is|was)\s+)?(?:that\b|[:\u2014\u2013-])/;
/** Before it: "what nobody will say", "the thing no one will tell you". */
const VOUCH_BEFORE = /\b(?:what|thing|things|bit|part|one)\s+$/;

/**
 * The claim-vouch hits that vouch (data: claim-vouch). A negated one ("nobody will say") vouches only as "what nobody
 * will say", "nobody will say out loud that", "nobody will tell you:"; "No one will say Mr X is lazy, he works harder than
 * anyone" denies the label.
 */
export function claimVouches(doc: Doc): LexHit[] {
  const text = doc.clean.text;
  return doc.lex.find(text, 'claim-vouch').filter((c) => {
    if (!NEGATED_VOUCH.test(text.slice(c.start, c.end))) return true;
    return VOUCH_AFTER.test(text.slice(c.end, c.end + 30)) || VOUCH_BEFORE.test(text.slice(Math.max(0, c.start - 12), c.start));
  });
}

/** Someone else's words reported: calling, shouting, writing, spraying, rumours. */
const REPORT_FRAME = /\b(?:call(?:ed|ing|s)?|shout(?:ed|ing|s)?|yell(?:ed|ing|s)?|scream(?:ed|ing|s)?|chant(?:ed|ing|s)?|wr(?:ote|itten|iting)|spray(?:ed|ing)?|spray-painted|scrawl(?:ed|ing)?|daub(?:ed|ing)?|graffiti|label(?:l)?ed|branded|accus(?:ed|ing)\s+(?:\w+\s+){0,2}?of\s+being|the\s+word|words?\s+like|slurs?\s+like|rumou?rs?|gossip|the\s+(?:idea|suggestion|claim|allegation)\s+that|(?:started|spreading|spread)\s+(?:the\s+|a\s+)?(?:story|lie|lies)|story\s+that|claims?\s+that|(?:claim|rumou?r|allegation)\s*:|people\s+(?:are\s+)?saying|(?:people|they|some|parents|others)\s+say|my\s+[\w-]+\s+(?:says|said|reckons|thinks|swears)|every(?:one|body)\s+says|(?:someone|somebody|he|she|they|a\s+\w+|one\s+of\s+\w+)\s+(?:said|says|told|messaged|posted|commented)|messages?\s+(?:saying|calling)|comments?\s+(?:saying|calling)|post\s+(?:saying|calling)|names?\s+like|(?:keep|keeps|kept|been|are|is|were|was)\s+saying|every(?:one|body)\s+(?:[\w']+\s+){0,4}?say)\b/;
/** "NONCE scrawled on the sign": the word is what someone wrote. */
const WRITTEN_AFTER = /^\s*['"]?\s*(?:was\s+|were\s+|been\s+|has\s+been\s+)?(?:scrawled|sprayed|spray-painted|daubed|written|painted|graffitied|etched|carved|chalked|scratched)\b|^\s*['"]?\s*(?:graffiti|tag|slogan|scrawl)\b/;
/** Agreement with what was reported: then it is endorsed, not condemned. */
const ENDORSED = /\b(?:(?:she|he|they)\s+(?:is|are)\s+(?:one|though)|and\s+(?:she|he|they)\s+(?:is|are)|it'?s\s+(?:true|right)|they'?re\s+(?:not\s+)?wrong|fair\s+enough|not\s+wrong|spot\s+on|i\s+agree|agreed|about\s+time\s+someone\s+said)\b/;

/**
 * Northern English "is he 'eck", "are they heck": a flat denial (in code: the apostrophe splits it for the word matcher).
 * Round 13: the dropped h of the Black Country and Yorkshire ("is 'e 'eck as like") too.
 */
const HECK_DENIAL = /\b(?:is|are|was|were)\s+(?:'?h?e|she|they|it)\s+'?h?eck\b/;
/**
 * Round 10: the writer's flat denial of a label reported before it, as a negated copula with nothing after it or only
 * "at all" ("called a sh*thole on here. It isn't.", "full of snobs... it's not snobby at all", "They're not, though.").
 * Grammar, so in code; an ordinary negated clause ("it isn't fair that …") goes on and is no verdict.
 */
const NEGATED_COPULA_VERDICT = /(?:^|[.!?,;:]\s*|\n)(?:it|he|she|they|that|we)(?:\s+(?:is|are|was|were)\s+not|\s+(?:isn'?t|aren'?t|wasn'?t|weren'?t)|'s\s+not|'re\s+not)(?:\s*(?:,\s*though\s*)?[.!]|\s+(?:[\w-]+\s+)?at\s+all\b)/;
/** A one-word verdict that denies what came before it. */
const DENIAL_SENTENCE = /[.!?:;]\s+(?:no|nope|nah|wrong|rubbish|nonsense|lies|false|untrue|bollocks|pish|codswallop)\s*[.!]/;

export interface ReportContext {
  /** The document condemns or denies something (data: condemnation, denial). */
  condemns: boolean;
  /** The document denies a claim (data: denial): a question or an old belief it answers is rebutted. */
  denies: boolean;
  endorsed: boolean;
  /** The denial hits (data: denial), when the item condemns by nothing but them: a denial word inside the judged words ("lies on the attendance figures") denies nothing. */
  onlyDenials?: readonly Span[];
}

/** How far after a verb of passing something on its recipient may be ("sent the screenshots of his page to the head"). */
const ESCALATION_REACH = 60;

/**
 * Condemnation by deed: the writer passes the words on to someone who can act on them (data: escalation-verb then
 * escalation-to in one sentence: "screenshotted it and sent it to the head", "flagged it to the moderators"). A verb
 * with no recipient ("sent", "took") or a recipient with no verb ("the head said") is not one.
 */
function escalates(doc: Doc): boolean {
  const text = doc.clean.text;
  // a moderator's deed on the words: "deleted a message calling her…", "blocked the account"
  const mods = doc.lex.find(text, 'moderation-verb');
  if (mods.length) {
    const things = doc.lex.find(text, 'moderated');
    if (mods.some((m) => things.some((t) => t.start >= m.end && t.start - m.end <= 12))) return true;
  }
  // "some eejit wrote that…", "an absolute clown posted…": the writer insults whoever said it
  if (insultsTheReporter(doc)) return true;
  const verbs = doc.lex.find(text, 'escalation-verb');
  if (!verbs.length) return false;
  const to = doc.lex.find(text, 'escalation-to');
  if (!to.length) return false;
  // what is passed on must be the words ("sent it", "forwarded the screenshots"): "a letter handed to the head" is not
  const things = doc.lex.find(text, 'moderated');
  return verbs.some((v) => {
    const end = sentenceAt(doc, v.start).end;
    const r = to.find((x) => x.start >= v.end && x.start - v.end <= ESCALATION_REACH && x.end <= end);
    return !!r && (/^screen/.test(text.slice(v.start, v.end)) || things.some((t) => t.start >= v.end && t.end <= r.start));
  });
}

/** An insult right before a verb of saying or posting: the writer's verdict on whoever said the words (round 12: also with a contracted "has": "some clown's written"). */
function insultsTheReporter(doc: Doc): boolean {
  const text = doc.clean.text;
  const said = [...doc.lex.find(text, 'report-verb'), ...doc.lex.find(text, 'offence-verb')];
  if (!said.length) return false;
  const insults = [...doc.lex.find(text, 'insult-noun'), ...doc.lex.find(text, 'weak-insult-noun')];
  return insults.some((i) => said.some((v) => v.start >= i.end && v.start - i.end <= 12 && /^(?:'s|\s+(?:has|had|have|'s|just|then|has\s+just))*\s+$/.test(text.slice(i.end, v.start))));
}

/** Between the writer's child and the name-calling: "my boy's been getting called", "my son was called", "ma lad keeps getting called". */
const CALLED_AFTER_CHILD = /^(?:'s|\s+(?:has|had|is|was|were|been|being|getting|got|gets|keeps|kept|always|still|constantly|repeatedly|now|just|again))*\s+call(?:ed|ing)\b/;
/** Right before the writer's child: "called my son", "calling our daughter". */
const CALLED_BEFORE_CHILD = /\bcall(?:ed|ing|s)?\s+$/;

/**
 * The writer tells of their own child being called names (data: own-child): "Ma boy's been getting called a … at the
 * Academy every day", "they called my son a …". A family telling what was said to their child reports it to condemn it.
 */
function ownChildCalled(doc: Doc): boolean {
  const text = doc.clean.text;
  if (!text.includes('call')) return false;
  return doc.lex.find(text, 'own-child').some((c) => CALLED_AFTER_CHILD.test(text.slice(c.end, c.end + 60)) || CALLED_BEFORE_CHILD.test(text.slice(Math.max(0, c.start - 12), c.start)));
}

const reportCache = new WeakMap<Doc, ReportContext>();
function reportContext(doc: Doc): ReportContext {
  let c = reportCache.get(doc);
  if (!c) {
    const text = doc.clean.text;
    // a denial word as a sentence of its own ("…called her a liar in the last review: wrong. Completely.")
    const denialHits = doc.lex.find(text, 'denial');
    const otherDenial = DENIAL_SENTENCE.test(text) || NEGATED_COPULA_VERDICT.test(text) || answerSentence(doc) || (text.includes('eck') && HECK_DENIAL.test(text));
    const denies = denialHits.length > 0 || otherDenial;
    const otherCondemns = otherDenial || doc.lex.count(text, 'condemnation') > 0 || escalates(doc) || ownChildCalled(doc);
    c = { condemns: denies || otherCondemns, denies, endorsed: ENDORSED.test(text), ...(otherCondemns ? {} : { onlyDenials: denialHits }) };
    reportCache.set(doc, c);
  }
  return c;
}

/** A fact-check's claim label at the start of a line or the item ("Claim:", "CLAIM -", "The rumour:", "Viral claim:"). */
const CLAIM_LABEL = /(?:^|\n)[\s*#>]*(?:the\s+|viral\s+|false\s+)?(?:claims?|rumou?rs?|what\s+(?:was|is\s+being)\s+(?:claimed|said|shared))\s*[:\u2013\u2014-]/g;
/** A verdict label that rules the claim false: "Verdict: FALSE", "Rating - Fake", "Our verdict: made up", "Fact check: untrue". */
const FALSE_VERDICT = /\b(?:verdict|rating|ruling|conclusion|finding|fact[\s-]?check(?:ed)?|truth[\s-]?rating)\s*[:\u2013\u2014-]\s*[\W_]*(?:false|fake|untrue|not\s+true|incorrect|misleading|made[\s-]up|fabricated|invented|baseless|unfounded|no\s+evidence|debunked|wrong|a\s+(?:lie|hoax)|hoax)\b/;

/** Round 9c: where a fact-check's verdict ruling its claim false starts, or -1 (an item with a claim label and such a verdict). */
export function falseVerdictAt(text: string): number {
  if (!/claim|rumou?r|what\s+(?:was|is)/.test(text)) return -1;
  const verdict = FALSE_VERDICT.exec(text);
  if (!verdict) return -1;
  for (const m of text.matchAll(CLAIM_LABEL)) if (m.index! < verdict.index) return verdict.index;
  return -1;
}

/** Round 9c: is `span` on a fact-check's claim line (after a claim label, before its verdict) in an item whose verdict rules it false? */
export function factCheckedClaimAt(text: string, span: Span): boolean {
  if (!/claim|rumou?r|what\s+(?:was|is)/.test(text)) return false;
  const verdict = FALSE_VERDICT.exec(text);
  if (!verdict) return false;
  for (const m of text.matchAll(CLAIM_LABEL)) {
    const start = m.index! + m[0].length;
    if (start > span.start) break;
    // the claim runs from its label to the verdict, or to the end of its line if the verdict came before it
    const end = verdict.index > start ? verdict.index : (text.indexOf('\n', start) < 0 ? text.length : text.indexOf('\n', start));
    if (span.end <= end) return true;
  }
  return false;
}

/**
 * Is the abusive word at `span` someone else's, reported in order to condemn or deny it? It must sit
 * in a reporting frame in its sentence (after "called her", "sprayed", "rumour that", or in quotes
 * next to one), and the item must condemn or deny it somewhere without endorsing it.
 */
export function reportedAt(doc: Doc, span: Span): boolean {
  const text = doc.clean.text;
  const s = sentenceAt(doc, span.start);
  const before = text.slice(Math.max(s.start, span.start - 160), span.start);
  const quoted = /['"]\s*$/.test(text.slice(Math.max(0, span.start - 2), span.start)) && /^\s*['"]/.test(text.slice(span.end, span.end + 2));
  const ctx = reportContext(doc);
  if (!ctx.condemns || ctx.endorsed) return false;
  // "Not a rumour: Mr X lies on the attendance figures": the claim's own word "lies" is no denial of it
  if (ctx.onlyDenials && ctx.onlyDenials.every((d) => d.start < span.end && span.start < d.end)) return false;
  if (REPORT_FRAME.test(before) || WRITTEN_AFTER.test(text.slice(span.end, span.end + 40)) || (quoted && REPORT_FRAME.test(text.slice(s.start, s.end)))) return true;
  if (verdictAfterReport(doc, span)) return true;
  // round 9c: a fact-check ("Claim: Mr X was sacked for theft. Verdict: FALSE, made up by a troll account"): the claim's
  // line is put in order to rule on it, and a verdict that denies it says so
  if (factCheckedClaimAt(text, span)) return true;
  // a report verb earlier in the sentence (data: report-verb): "the comment that said…", "been sayin'…", "I used to think…"
  const from = Math.max(s.start, span.start - 160);
  if (doc.lex.find(text, 'report-verb').some((v) => v.start >= from && v.end <= span.start)) return true;
  // a noun of talk taking a that-clause (data: report-noun): "talk that he drinks in class was checked: baseless"
  if (doc.lex.find(text, 'report-noun').some((n) => n.start >= from && n.end <= span.start && /^\s+that\b/.test(text.slice(n.end, n.end + 6)))) return true;
  // someone else's words: inside quotation marks, or on a quoted reply line ("> …")
  if (insideQuotes(text, span)) return true;
  if (quoteLineAt(text, span.start)) return condemnedAfterQuote(doc, span);
  // "Mrs K, a petty tyrant? Behave.": a label put as a question, which the item denies
  if (!(ctx.denies && /^[\s'"]*\?/.test(text.slice(span.end, sentenceAt(doc, span.start).end + 4).replace(/^[^.!?\n]*/, '')))) return false;
  // round 9b: the denial answers the question, so it comes after the label; "Hollinsgate can do one, Ms X'll be picking her
  // teeth up, sound?" dismisses the school before a threat put with a tag question, and denies nothing
  const otherDenial = DENIAL_SENTENCE.test(text) || NEGATED_COPULA_VERDICT.test(text) || answerSentence(doc) || (text.includes('eck') && HECK_DENIAL.test(text));
  return otherDenial || doc.lex.find(text, 'denial').some((d) => d.start >= span.end);
}

/** A sentence of one verdict word, with at most two intensifiers before it ("Pathetic.", "Absolute disgrace!"). */
const VERDICT_ONLY = /^\s*(?:(?:an?|absolute|absolutely|utter|utterly|total|totally|just|so|frankly|bloody)\s+){0,2}[\p{L}'-]+\s*[.!]*\s*$/u;

/**
 * Round 12: "…called the staff a 'useless inbred lot'. Pathetic.", "…written 'teachers are scum' on the bus stop. Absolute
 * disgrace.": a verdict alone in its sentence, right after a sentence that reports someone's words, judges the deed it
 * reports (the caller of reportedAt has checked that the item condemns the words and does not endorse them).
 */
function verdictAfterReport(doc: Doc, span: Span): boolean {
  const text = doc.clean.text;
  const s = sentenceAt(doc, span.start);
  if (s.start === 0 || !VERDICT_ONLY.test(text.slice(s.start, s.end))) return false;
  let prev = sentenceAt(doc, s.start - 1);
  if (!text.slice(prev.start, prev.end).trim() && prev.start > 0) prev = sentenceAt(doc, prev.start - 1);
  const said = text.slice(prev.start, prev.end);
  return REPORT_FRAME.test(said) || doc.lex.find(text, 'report-verb').some((v) => v.start >= prev.start && v.end <= prev.end);
}

/**
 * Round 9b: is the quoted reply at `span` condemned by something that is not an earlier post of the same thread? A thread
 * pasted as quoted lines ("> Parent A: I've raised it with the school\n>> Parent B: the guidance teacher is a fat slug")
 * shows the abuse, it does not report it: a complaint in an earlier quoted post condemns what that post was about, not the
 * reply under it. A condemnation or denial on a line of the writer's own, or after the quoted line, still does ("> … \n
 * Reported. Disgusting."), and so does anything found by structure rather than by a word (a one-word denial, an answer).
 */
function condemnedAfterQuote(doc: Doc, span: Span): boolean {
  const text = doc.clean.text;
  const nl = text.indexOf('\n', span.end);
  const lineEnd = nl < 0 ? text.length : nl;
  const words = ['condemnation', 'denial', 'escalation-verb', 'moderation-verb'].flatMap((c) => doc.lex.find(text, c));
  if (words.some((h) => h.start >= lineEnd || !quoteLineAt(text, h.start))) return true;
  return DENIAL_SENTENCE.test(text) || answerSentence(doc) || ownChildCalled(doc) || insultsTheReporter(doc);
}

/** Is `pos` on a line that quotes a reply ("> text")? */
function quoteLineAt(text: string, pos: number): boolean {
  const lineStart = text.lastIndexOf('\n', pos - 1) + 1;
  return /^\s*>/.test(text.slice(lineStart, pos));
}

/** An apostrophe between two letters: part of a word, not a quotation mark. */
const INNER_APOSTROPHE = /(\p{L})'(?=\p{L})/gu;

/** Is the span between paired quotation marks on its line ("…", or '…' that are not apostrophes)? */
function insideQuotes(text: string, span: Span): boolean {
  const lineStart = text.lastIndexOf('\n', span.start - 1) + 1;
  let lineEnd = text.indexOf('\n', span.end);
  if (lineEnd < 0) lineEnd = text.length;
  const before = text.slice(lineStart, span.start);
  const after = text.slice(span.end, lineEnd);
  if ((before.split('"').length - 1) % 2 === 1 && after.includes('"')) return true;
  // an opening single quote follows a space or the line start; a closing one precedes a space, punctuation or the end;
  // an apostrophe inside a word ("St Winifred's", "doesn't") is neither
  const b = before.replace(INNER_APOSTROPHE, '$1_');
  const open = b.search(/(?:^|[\s(:])'[^']*$/);
  return open >= 0 && /^[^']*'(?=[\s.,!?;:)]|$)/.test(after.replace(INNER_APOSTROPHE, '$1_'));
}

/** The school community: people and the school itself (a remark aimed at them is the school's concern). */
const COMMUNITY = /\b(?:teachers?|staff|head(?:teacher|master|mistress|s)?|principal|deputy|senco|tas?|teaching\s+assistants?|governors?|caretaker|receptionist|slt|management|school|academy|college|primary|pupils?|students?|kids|children|parents|mr|mrs|ms|miss|sir|trust)\b/g;

/**
 * Is the remark at `span` aimed at a body outside the school community (Ofsted, the council, the
 * DfE, the government)? The nearest mention before it in its sentence decides; when there is none,
 * the first one after it in its clause.
 */
export function externalTargetAt(doc: Doc, span: Span): boolean {
  const text = doc.clean.text;
  const s = sentenceAt(doc, span.start);
  let ext = doc.lex.find(text, 'external-body').filter((h) => h.start >= s.start && h.end <= s.end);
  if (!ext.length) {
    // "I'm furious with the local authority. It is run by clowns.": a pronoun opening the sentence
    // points back to the last body or person named in the sentence before
    if (!/^\W*(?:it|they|it's|they're|its|their)\b/.test(text.slice(s.start, span.start)) || s.start === 0) return false;
    const prev = sentenceAt(doc, s.start - 1);
    const before = doc.lex.find(text, 'external-body').filter((h) => h.start >= prev.start && h.end <= prev.end);
    if (!before.length) return false;
    COMMUNITY.lastIndex = 0;
    let lastCom = -1;
    const p = text.slice(prev.start, prev.end);
    for (let m = COMMUNITY.exec(p); m; m = COMMUNITY.exec(p)) {
      const at = prev.start + m.index;
      // "the trust's central office": part of the outside body's own mention
      if (!before.some((h) => at >= h.start && at < h.end)) lastCom = at;
    }
    return before[before.length - 1]!.start > lastCom;
  }
  let lastExt = -1;
  for (const h of ext) if (h.end <= span.start) lastExt = Math.max(lastExt, h.start);
  let lastCom = -1;
  let firstComAfter = Number.POSITIVE_INFINITY;
  // the community words of the sentence (outside the bodies' own mentions), found once per sentence: a long text without
  // full stops is one sentence with many hits in it
  for (const { at, end } of communityIn(doc, s, ext)) {
    if (end <= span.start) lastCom = Math.max(lastCom, at);
    else if (at >= span.end) firstComAfter = Math.min(firstComAfter, at);
  }
  if (lastExt >= 0 || lastCom >= 0) return lastExt > lastCom;
  const firstExtAfter = Math.min(...ext.filter((h) => h.start >= span.end).map((h) => h.start));
  return firstExtAfter < firstComAfter;
}

/**
 * Whom a word of criticism, protest or apology is aimed at: a body outside the school community (the council, the bus
 * company: data external-body), the school community, or neither said. An apology falls on who made it, the nearest
 * mention before it in its sentence ("the council apologised"), and so does criticism put in the passive ("Council
 * criticised over transport", "slammed by parents"); other criticism and any protest fall on the first mention after them
 * ("have criticised Wessex County Council", "protest outside County Hall against …"): a protester named before a protest
 * ("parents to protest over …") is not its target.
 */
export type Aim = 'outside' | 'school' | 'unsaid';
export type AimedKind = 'criticism' | 'protest' | 'apology';
const PASSIVE_AFTER = /^\s+(?:by|over|for|after|amid|as)\b/;
export function criticismAimAt(doc: Doc, span: Span, kind: AimedKind): Aim {
  const text = doc.clean.text;
  const s = sentenceAt(doc, span.start);
  const inSentence = doc.lex.find(text, 'external-body').filter((h) => h.start >= s.start && h.end <= s.end);
  // "…could close unless numbers rise, a report to the trust board says": a body that tells the news is its source, not
  // the one the news is about (data: news-source right after the body)
  const says = doc.lex.find(text, 'news-source');
  const ext = inSentence.filter((h) => !says.some((v) => v.start >= h.end && /^\s{1,2}$/.test(text.slice(h.end, v.start))));
  const community = communityIn(doc, s, inSentence).filter((c) => !SERVICE_AFTER.test(text.slice(c.end, c.end + 16)));
  if (kind === 'apology' || (kind === 'criticism' && PASSIVE_AFTER.test(text.slice(span.end, span.end + 8)))) {
    let lastExt = -1;
    let lastCom = -1;
    for (const h of ext) if (h.end <= span.start) lastExt = Math.max(lastExt, h.start);
    for (const c of community) if (c.end <= span.start) lastCom = Math.max(lastCom, c.at);
    return lastExt > lastCom ? 'outside' : lastCom >= 0 ? 'school' : 'unsaid';
  }
  const firstExt = Math.min(...ext.filter((h) => h.start >= span.end).map((h) => h.start));
  const firstCom = Math.min(...community.filter((c) => c.at >= span.end).map((c) => c.at));
  return firstExt < firstCom ? 'outside' : firstCom < Number.POSITIVE_INFINITY ? 'school' : 'unsaid';
}
/** "school transport", "school buses", "school places": a service the council runs or funds, named by the school word. */
const SERVICE_AFTER = /^\s+(?:transport|buses|bus|taxis?|escorts?|places|admissions|funding|budgets?|crossings?|meals)\b/;

/**
 * Which of the spans of one kind of reputation cue (criticism, protest, apology) to drop as aimed outside the school: those
 * aimed outside, and, when none is aimed at the school, those whose target is unsaid ("Parents to protest over transport
 * cuts … protest outside County Hall against the council's plans" is all about the council).
 */
export function aimedOutside(doc: Doc, spans: readonly Span[], kind: AimedKind): boolean[] {
  const aims = spans.map((sp) => criticismAimAt(doc, sp, kind));
  const school = aims.includes('school');
  if (!aims.includes('outside')) return aims.map(() => false);
  return aims.map((a) => a === 'outside' || (a === 'unsaid' && !school));
}

const communityCache = new WeakMap<Doc, Map<Span, { at: number; end: number }[]>>();
/** The school community's words in sentence `s`, with "Ofsted inspectors", "council staff" (part of a body's mention) left out. */
function communityIn(doc: Doc, s: Span, ext: readonly Span[]): { at: number; end: number }[] {
  let bySentence = communityCache.get(doc);
  if (!bySentence) communityCache.set(doc, (bySentence = new Map()));
  let out = bySentence.get(s);
  if (out) return out;
  out = [];
  COMMUNITY.lastIndex = 0;
  const sentence = doc.clean.text.slice(s.start, s.end);
  for (let m = COMMUNITY.exec(sentence); m; m = COMMUNITY.exec(sentence)) {
    const at = s.start + m.index;
    if (ext.some((h) => at >= h.start && at <= h.end + 1)) continue;
    out.push({ at, end: at + m[0].length });
  }
  bySentence.set(s, out);
  return out;
}

/** Words of the school community in a sentence, "you" aside (the reader may be the offender). */
function namesCommunity(text: string): boolean {
  COMMUNITY.lastIndex = 0;
  return COMMUNITY.test(text);
}

/**
 * Is the insult at `span` aimed at whoever wrote, sprayed or posted the abuse the item reports, not at
 * the school community? Counter-speech names its target that way: "Whoever wrote it, you're a
 * disgrace", "Some absolute weapon has posted a video calling her…", or a short verdict after the
 * report ("Homophobic trash."). Needs an offender or an offence verb (data: offender, offence-verb)
 * and, when the offender is only named, a condemnation somewhere in the item.
 */
export function aimedAtOffenderAt(doc: Doc, span: Span): boolean {
  const text = doc.clean.text;
  const offenders = doc.lex.find(text, 'offender');
  const verbs = doc.lex.find(text, 'offence-verb');
  // "whoever stole the lights off the school railings", "some scrote has nicked the minibus's catalytic converter": a deed
  // against the school by someone unknown (data: offender-deed); insults of the doer need no condemnation to be aimed at
  // them, the school is who was wronged
  const deeds = unknownDoersDeeds(doc, offenders);
  if (!offenders.length && !verbs.length && !deeds.length) return false;
  const s = sentenceAt(doc, span.start);
  // "some absolute weapon has posted…": the insult is the subject of an offence verb right after it
  if (verbs.some((v) => v.start >= span.end && v.start - span.end <= 12 && v.end <= s.end)) return true;
  if (deeds.length && aimedAtDoer(doc, span, s, deeds)) return true;
  if (!offenders.length && !verbs.length) return false;
  if (!reportContext(doc).condemns && !verbs.length && !deeds.length) return false;
  // round 13: an offender counts unless a titled person is named after it, up to `end`, while it names no deed of
  // saying or offending ("whoever invited Mr X to conduct — a melt" calls Mr X one; "whoever wrote that about Mrs X — a
  // coward" calls the writer one)
  const said = [...verbs, ...doc.lex.find(text, 'report-verb')];
  const offenderUpTo = (o: Span, end: number) => !TITLED_PERSON.test(text.slice(o.end, end)) || !BARE_WHOEVER.test(text.slice(o.start, o.end)) || said.some((v) => v.start >= o.end && v.start - o.end <= 24);
  const within = (a: Span) => offenders.some((o) => o.start >= a.start && o.end <= a.end && offenderUpTo(o, a.end)) || verbs.some((v) => v.start >= a.start && v.end <= a.end);
  const sentence = text.slice(s.start, s.end);
  // the offender is named in the insult's own sentence, before it, with no one from the school after it (nor between them,
  // round 13, as `offenderUpTo` reads it)
  if (offenders.some((o) => o.start >= s.start && o.end <= span.start && offenderUpTo(o, span.start)) && !namesCommunity(text.slice(span.end, s.end))) return true;
  // a verdict or "you're a …" in the sentence after the report
  if (s.start === 0) return false;
  const prev = sentenceAt(doc, s.start - 1);
  const addressed = ADDRESSED.test(text.slice(s.start, span.start)) && !namesCommunity(sentence);
  const verdict = sentence.trim().split(/\s+/).length <= 5 && !namesCommunity(sentence);
  return (addressed || verdict) && (within(prev) || (prev.start > 0 && within(sentenceAt(doc, prev.start - 1))));
}

/** A bare "whoever" (no deed or guilt named with it, as in "whoever wrote", "the vandals", "the bigot who"). */
const BARE_WHOEVER = /^whoever$/;
/** A titled person ("Mr X", "Dr Y"). */
const TITLED_PERSON = /\b(?:mr|mrs|ms|miss|mx|dr|sir)\s+[\p{L}]/u;

/** The reader addressed: "you're a …", "ya thief", "hope ye get caught". */
const ADDRESSED = /\b(?:you|you'?re|ur|u|ya|ye|yous|youse)\b/;

/**
 * Is the insult at `span` aimed at whoever did a deed against the school (`deeds`)? It names the doer ("some scrote has
 * nicked"), is the deed itself, follows it in its sentence with nobody from the school in its clause ("whoever robbed the
 * lead … is a proper scumbag, it's kids' PE you're ruining"), or, in the sentence after, addresses the doer or asks who
 * would do it ("Hope ye get caught ya scumbag", "Who steals from a primary school??").
 */
function aimedAtDoer(doc: Doc, span: Span, s: Span, deeds: readonly Deed[]): boolean {
  const text = doc.clean.text;
  if (deeds.some((d) => d.from <= span.start && span.start <= d.start)) return true;
  if (deeds.some((d) => d.start >= s.start && d.end <= span.start) && !namesCommunity(text.slice(span.end, clauseEndAfter(text, span.end, s.end)))) return true;
  if (s.start === 0) return false;
  const prev = sentenceAt(doc, s.start - 1);
  if (!deeds.some((d) => d.start >= prev.start && d.end <= prev.end)) return false;
  const before = text.slice(s.start, span.start);
  return (ADDRESSED.test(before) && !namesCommunity(text.slice(s.start, s.end))) || /^\W*who\s+(?:[\w']+\s+)?$/.test(before);
}

/** Where the clause that goes on after `pos` ends: the next stop, comma, dash or "and", or the sentence's end. */
function clauseEndAfter(text: string, pos: number, end: number): number {
  const m = /[,;:()]|\s-+\s|\band\b|\bbut\b/.exec(text.slice(pos, end));
  return m ? pos + m.index : end;
}

/** Between an offender and their deed: "whoever stole", "the people who have smashed", "whoever's nicked". */
const DEED_GAP = /^(?:\s+(?:who|that|has|have|had|just|'s|'ve))*\s*$/;
/** An indefinite doer a few words before a deed: "some scrote has", "some wee toerag", "someone's", "somebody". */
const SOMEONE_BEFORE = /\bsome(?:one|body)?\b(?:'s)?(?:\s+[\w'-]+){0,4}?\s*$/;

/** A deed against the school (data: offender-deed), and where the words for its unknown doer start. */
interface Deed extends Span {
  from: number;
}
const deedCache = new WeakMap<Doc, Deed[]>();

/**
 * The deeds (data: offender-deed) done by someone unknown named right before them: an offender ("whoever stole", "the
 * vandals who smashed") or an indefinite someone with no one from the school among their words ("some low life nicked",
 * not "some parents nicked").
 */
function unknownDoersDeeds(doc: Doc, offenders: readonly LexHit[]): Deed[] {
  let out = deedCache.get(doc);
  if (out) return out;
  out = [];
  const text = doc.clean.text;
  for (const d of doc.lex.find(text, 'offender-deed')) {
    const o = offenders.find((x) => x.end <= d.start && d.start - x.end <= 16 && DEED_GAP.test(text.slice(x.end, d.start)));
    if (o) {
      out.push({ start: d.start, end: d.end, from: o.start });
      continue;
    }
    const from = Math.max(sentenceAt(doc, d.start).start, d.start - 48);
    const m = SOMEONE_BEFORE.exec(text.slice(from, d.start));
    if (m && !namesCommunity(m[0]) && !/[,;:]/.test(m[0])) out.push({ start: d.start, end: d.end, from: from + m.index });
  }
  deedCache.set(doc, out);
  return out;
}

/** The writer, or the writer's household, as the one who lives there: "I live on", "we've lived at", "my wife and I live at". */
const WRITER_RESIDES = /\b(?:i|we|i'?ve|we'?ve|i\s+have|we\s+have)\s+(?:(?:also|still|now|both|all|just|actually|have|had|always)\s+)?(?:live|lived|living|stay|stayed)\s+(?:at|on|in|off)\b/;

/**
 * Is the address at `span` (in `lower`, the item's lower-case text) the writer's own ("Sir, I live on Chapel Lane", "we
 * live at 14 Chapel Lane, opposite the school")? A letter-writer's own street discloses nobody else's home.
 */
export function writersOwnAddress(lower: string, span: Span): boolean {
  return WRITER_RESIDES.test(lower.slice(Math.max(0, span.start - 30), Math.min(span.end, span.start + 30)));
}
