/**
 * Confidential rules: identifiable pupils with sensitive details, staff private lives, personal
 * contact and identity details, internal matters that have leaked, and credentials. They work on the
 * original text (case matters for names) with spans in original coordinates.
 */
import { sentenceAt, type Doc, type Span } from '../document';
import { credentialLeaks } from './credentials';
import { staffChannelLeak } from './staff-channel-leaks';
import { once } from '../lazy';
import { reportedAt, writersOwnAddress } from '../structure';
import { caredForNeed, conditionAsCommunity, diedOfIt, negatedPublicCue, onlyAbbreviationsBetween, peopleListedWithAttribute } from './confidential-context';
import { chatVoteAt, formerEmployerAt, suspendedThingAt } from './staff-cue-guards';
import { noisyOr, type Finding } from '../findings';
import { findDates, findEmails, findNiNumbers, findNiShaped, findPhones, findPostcodes, findUpnShaped, findUpns } from '../identifiers';
import { ownWebsiteSpans, type PublicFactsMatcher } from '../public-facts';
import { LEXICON, type Lexicon } from '../lexicon';
import { notNameWords } from '../school-words';

export interface ConfidentialOptions {
  /** Capitalised words that are not people's names here (e.g. the school's own name). */
  notNames?: readonly string[];
  /** What the school publishes about itself (lib/score/public-facts.ts): never a leak for this school. */
  publicFacts?: PublicFactsMatcher;
}

const NOT_NAME = new Set(
  (
    'The A An And In On At Of For To From By With Our My His Her Their Its This That These Those Year Years Yr Reception Nursery Class Form ' +
    'School Schools Primary Secondary High Academy College Infant Infants Junior Juniors Grammar Catholic RC CE Church England Trust Council Centre Center ' +
    'Park Green Brook Cross Vale Moor Fen Hill Road Street Lane Avenue Close Way Drive Hall House Court Gardens Place Manor Castle Hospice Estate Reserve ' +
    'Mr Mrs Ms Miss Dr Sir St Saint Ofsted Estyn SATs GCSE GCSEs English Welsh Maths Science PE RE History Geography Art Music Drama Head Deputy ' +
    'Teacher Teachers Governors Police Social Services Facebook WhatsApp Twitter Instagram TikTok Reddit BBC Gazette News Monday Tuesday Wednesday ' +
    'Thursday Friday Saturday Sunday January February March April May June July August September October November December Christmas Easter Lent ' +
    'God Heard Word Apparently Just Anyone Is Does Why Can Kid Girl Boy Lad Friend Found Leaked Staff Pupils Parents Someone Whoever Honestly Huge ' +
    'Big Well Not Thank Thanks So Shoutout Poor Bless Keep Sorry Also Oh Yes No Hi Hello Dear Local Ysgol Blwyddyn Diocese Department Education ' +
    'Arbor SIMS Team Year Lower Upper Sixth Key Stage Local Authority LA Trust Board Chair Business Manager Office Exams Officer Head Senior ' +
    'Leadership Special Measures Requires Improvement Good Outstanding Inadequate Mock Results Student Students Pupil Care Home Holiday Caravan ' +
    'New Old North South East West Upper Lower Great Little Saint Our Everyone Nobody Some All Many Most Every Any Anyway Apparently Everyone ' +
    // round 9b: "Radio Fenbridge" is a station
    'Radio'
  ).split(/\s+/),
);

/** Irish and other particles are written with or without the accent ("Ó"/"O", "Ní"/"Ni"): the data holds the plain form. */
const ACCENTED: Record<string, string> = { a: 'áÁ', e: 'éÉ', i: 'íÍ', o: 'óÓ', u: 'úÚ' };
/**
 * A surname particle before the capitalised surname (data: name-particle): "Ó hAodha", "Ní Bhriain", "Mac an tSaoi",
 * "van der Berg". Irish lenition and eclipsis put a lower-case h, n or t before the capital ("hAodha", "tSaoi").
 */
function particlePattern(lex: Lexicon): string {
  const alts = lex.list('name-particle').map((e) => e.term).sort((a, b) => b.length - a.length)
    .map((t) => `[${t[0]!.toUpperCase()}${t[0]}${ACCENTED[t[0]!] ?? ''}]${t.slice(1).replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[aeiou]/g, (v) => `[${v}${ACCENTED[v]}]`)}`);
  return alts.length ? String.raw`(?:(?:${alts.join('|')})\s+(?:(?:an|na|der|den|la|los)\s+)?(?:[hnt]-?)?)?` : '';
}
interface LexRes {
  /** "the wife ", "my mate ", "someone " right before "says"/"said". */
  privateSpeaker: RegExp;
  /** A clause that opens with a private speaker ("someone in the office ", "one of the mums at pick-up "). */
  privateSubject: RegExp;
  placeEnd: RegExp;
  /** Words that put a place right after them ("out at ", "moving to "; data: place-before, round 12). */
  placeBefore: RegExp;
  /** An adult's title or a parent word just before a name. */
  adultBefore: RegExp;
  titleBefore: RegExp;
  continued: RegExp;
  photoContext: RegExp;
  residence: RegExp;
}
const lexResCache = new WeakMap<Lexicon, LexRes>();
/** Patterns compiled from the lexicon's structure categories (data/lexicons/confidential-structure.tsv), once per lexicon. */
function lexRes(lex: Lexicon): LexRes {
  let r = lexResCache.get(lex);
  if (!r) {
    const titles = lex.pattern('adult-title');
    r = {
      privateSpeaker: new RegExp(String.raw`(?:\b(?:my|the|our|his|her|their|a|me)\s+(?:\w+\s+)?${lex.pattern('private-speaker')}|\b${lex.pattern('private-speaker')})\s+$`),
      privateSubject: new RegExp(String.raw`^\W*(?:(?:and|but|so|apparently|honestly|well|tbh)\s+)?(?:(?:my|the|our|his|her|their|a|an|me|one\s+of\s+(?:the|my|our|his|her|their))\s+(?:\w+\s+)?)?${lex.pattern('private-speaker')}\b`),
      placeEnd: new RegExp(String.raw`\b${lex.pattern('place-end')}\b`, 'i'),
      placeBefore: new RegExp(String.raw`\b${lex.pattern('place-before')}\s+$`),
      adultBefore: new RegExp(String.raw`\b(?:${titles}|${lex.pattern('family-adult')})\b`),
      titleBefore: new RegExp(String.raw`\b${titles}\.?\s*$`),
      // round 11: or a sentence that opens on a bare verb ("Has epilepsy and takes …"; data: subjectless-open)
      continued: new RegExp(String.raw`^\W*(?:(?:[\w']+[\s,]+){0,6}?${lex.pattern('pupil-continuation')}|${lex.pattern('subjectless-open')})\b`, 'i'),
      photoContext: new RegExp(String.raw`\b${lex.pattern('photo-context')}\b`),
      residence: new RegExp(String.raw`\b${lex.pattern('residence-cue')}\b`),
    };
    lexResCache.set(lex, r);
  }
  return r;
}

// letters of any script, so names with diacritics count ("Zoë Ní Bhriain", "Łukasz Wójcik"); \b is ASCII-only, hence the look-arounds
// the two words on one line: "r/Scotland\nSectarian abuse…" is a heading then a sentence, not a name
const NAME = new RegExp(String.raw`(?<![\p{L}\d_])(\p{Lu}\p{Ll}+(?:[-'’]\p{Lu}\p{Ll}+)?)[ \t\u00A0]+(${particlePattern(LEXICON)}(?:Mc|Mac|O['’])?\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)(?![\p{L}\d_])`, 'gu');
const TITLED = /\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Sir)\.?\s+\p{Lu}[\p{L}'’-]+/gu;
/** TITLED for a yes/no test (no /g, so no lastIndex to carry over). */
const TITLED_TEST = new RegExp(TITLED.source, 'u');

const PUPIL_MARKER = /\b(?:year|yr|y|blwyddyn)\s?(?:\d{1,2}|r)\b|\b(?:year|primary)\s+(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen)\b|\bfoundation\s+stage\b|\b(?:fs[12]|eyfs)\b|\bearly\s+years\b|\b(?:p[1-7]|s[1-6])\b|\b(?:upper|lower)\s+sixth\b|\bsixth\s+form\b|\b(?:1[0-3]|[1-9])[a-z]\b|\breception\b|\bnursery\b|\baged\s+\d{1,2}\b|\b\d{1,2}[- ]year[- ]old\b|\b(?:she|he)'?s\s+(?:only\s+)?(?:\d{1,2}|fifteen|fourteen|thirteen|twelve|eleven|ten|nine|eight|seven|six|five)\b|\bpupil\b|\bstudent\b|\blad\b|\bboy\b|\bgirl\b|\bkid\b|\bchild\b|\bclassmates?\b|\bin\s+(?:his|her|my\s+\w+'s|your\s+\w+'s)\s+class\b/;
// round 9b: "the head lice letter" is no head teacher (a false alarm of blind-2026-12-01f)
const STAFF_ROLE = /\b(?:mr|mrs|ms|miss|mx|dr|sir)\.?\s+\p{L}|\p{L}(?<!\b(?:son|daughter|child|kid|boy|girl|lad|lass|baby|wean|bairn|dog|cat|horse|wife|husband|partner|mum|mam|dad|brother|sister|friend|man|woman|pupil|one|everyone|nobody|someone|anyone))['’]s\s+(?:head|heidie|deputy|depute|principal|rector)\b(?!\s+(?:of\s+(?:hair|state)|injury|lice|wound|was\s+(?:bleeding|cut|hurt)))|\b(?:head\s*teacher|headteacher|head\s+of\s+(?:year\s+\d+|\w+)|the\s+head(?!\s+(?:lice|louse|injury|injuries|wound))|head's|principal|deputy(?:\s+head)?|senco|teacher|teaching\s+assistant|\bta\b|who\s+teaches|office\s+manager|business\s+manager|bursar|caretaker|chaplain|safeguarding\s+lead|dsl|depute|janny|janitor|site\s+manager|vice\s+principal|vp|sendco|exams\s+officer|attendance\s+officer|officer|receptionist|dinner\s+lady|cook|governor|supply\s+teacher|tutor|her|his|she|he)\b/u;


const PERSONAL_PHONE = /\b(?:home|mobile|personal|private|landline|whatsapp|(?:her|his|their)\s+(?:own\s+)?(?:personal\s+)?(?:number|mobile|phone|landline|cell)|number\s+is|text\s+(?:her|him)|ring\s+(?:her|him)|call\s+(?:her|him)|rang\s+(?:her|him))\b/;
/** A number said to be one person's own, right before it: "their own phone is", "her mobile:". */
const OWN_PHONE = /\b(?:(?:her|his)\s+(?:own\s+)?|own\s+)(?:personal\s+)?(?:number|mobile|phone|landline|cell)\b/;
const OFFICE_PHONE = /\b(?:office|reception|main\s+number|school\s+number|switchboard|admissions|attendance\s+line|absence|enquiries|box\s+office|helpline|childline|nspcc|police|tickets?|booking)\b/;
const ADDRESS = /\b\d{1,4}[a-z]?,?\s+(?:[A-Z][a-z']+\s+){1,3}(?:Road|Rd|Street|St|Avenue|Ave|Lane|Ln|Close|Drive|Dr|Way|Crescent|Cres|Court|Ct|Grove|Gardens|Gdns|Place|Pl|Terrace|Bank|View|Rise|Hill|Walk|Mews|Square|Row|Parade|Park|Meadow|Meadows|Green|Fold|Croft|End|Chase|Vale|Brae|Wynd|Quay|Loan|Gait|Vennel|Brow|Wharf)\b|\b\d{1,4}[a-z]?,?\s+(?!(?:min|mins|minutes?|hours?|hrs?|secs?|seconds?|days?|weeks?|months?|years?|miles?|mile|km|yards?|metres?|meters?|mins?|more|extra|other|of|the|a|and|or|to|in|on|at)\b)[a-z][a-z']{2,}\s+(?:[a-z][a-z']{2,}\s+)?(?:road|street|avenue|lane|close|drive|crescent|grove|gardens|terrace|wynd|brae|mews)\b|\b\d{1,4}[a-z]?,?\s+(?:Ffordd|Heol|Stryd|Lôn|Lon|Maes|Bryn|Cae)\s+(?:[a-zA-Zôâ']+\s*){1,3}/g;
/* Words that say an address is someone's home ("lives at", "moved in beside us"): data, residence-cue. */
const LIVES_ON_STREET = /\blives?\s+(?:at|on)\s+(?:[A-Z][a-z']+\s+){1,3}(?:Road|Rd|Street|Avenue|Ave|Lane|Close|Drive|Way|Crescent|Court|Grove|Gardens|Place|Terrace|Bank|View|Rise|Hill|Walk|Mews|Square|Row|Parade)\b/g;
/** Words in brackets on one line. */
const BRACKETED = /\([^()\n]{2,40}\)/g;
/** A titled name right before a bracket, perhaps with "off till March" between: a cover board's or bulletin's line. */
const TITLED_BEFORE_BRACKET = /\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Sir)\.?\s+\p{Lu}[\p{L}'’-]+(?:\s+(?:off|aff|out|away|absent)(?:\s+[\p{L}\d'’]+){0,4})?\s*$/u;
/** A private reason in brackets: sickness, stress, leave, an operation (conditions are read from the lexicon too). */
const PRIVATE_BRACKET = /^\W*(?:sick|ill|illness|unwell|poorly|stress|stressed|off\s+sick|sick\s+leave|signed\s+off|in\s+hospital|hospital|bereavement|compassionate(?:\s+leave)?|surgery|operation|op|treatment|chemo|mental\s+health|breakdown|suspended|disciplinary)\W*$|\b(?:surgery|operation|op|chemo|treatment)\b/;
/** An @handle of a social account (not inside an e-mail address). */
const SOCIAL_HANDLE = /(?<![\w.@])@[A-Za-z0-9_][A-Za-z0-9_.]{2,29}(?![\w@])/g;
/** Words right before a handle that say it is someone's own account: "personal insta is", "her own tiktok:", "Mr Dunn's Instagram is". */
const OWN_ACCOUNT_BEFORE = /(?:\b(?:personal|private|own)\s+(?:insta(?:gram)?|ig|tiktok|tik\s+tok|twitter|x|facebook|fb|snap(?:chat)?|account|page|socials?)|\b(?:mr|mrs|ms|miss|mx|dr|sir)\.?\s+[\p{L}'’-]+['’]s\s+(?:insta(?:gram)?|ig|tiktok|twitter|facebook|snap(?:chat)?|socials?))\s*(?:account\s*)?(?:is|:|=|-|–)?\s*$/u;
/** A house number and one to four words of a street name (capitalised, or a Welsh or Gaelic particle), then a postcode. */
const NUMBER_STREET_POSTCODE = /\b\d{1,4}[a-z]?,?\s+\p{Lu}[\p{L}'’-]+(?:\s+(?:y|yr|an|na|nan|a|de|la|le|of|the|\p{Lu}[\p{L}'’-]+)){0,3}(?=,?\s+[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b)/gu;
/** Does the match overlap one of `re` (the street-typed addresses, found anyway)? */
function contactOverlaps(m: RegExpMatchArray, raw: string, re: RegExp): boolean {
  const from = Math.max(0, m.index! - 60);
  for (const a of raw.slice(from, m.index! + m[0].length + 60).matchAll(re)) {
    const start = from + a.index!;
    if (start < m.index! + m[0].length && m.index! < start + a[0].length) return true;
  }
  return false;
}
/** A house name or flat and a street, comma-separated, right before a postcode ("The Coach House, Mill Road, "; "Flat 4B, Anchor House, "). */
const HOUSE_AND_STREET = /(?:\bFlat\s+\w+|\b(?:The\s+)?(?:\p{Lu}\p{Ll}+\s+){1,3}(?:House|Cottage|Lodge|Barn|Farm|Forge|Mill|Rectory|Villa))\s*,\s*(?:(?:\p{Lu}\p{Ll}+\s+){1,3}(?:Road|Rd|Street|St|Avenue|Lane|Close|Drive|Way|Crescent|Court|Grove|Gardens|Place|Terrace|Row|Walk|House|Mews|Square)\s*,\s*)?$/u;
const DOB_CUE = /\b(?:dob|d\.o\.b|date\s+o(?:f|['’])?\s+birth|birth\s*date|born(?:\s+on)?|birthday\s+is)\b/;
const CREDENTIAL = /\b(?:password|passwd|pass\s*word|passcode|pin(?:\s+code)?|log-?in|username|user\s*name|user\s+id)s?\b(?:\s+(?:for|to|on|of|at)\s+(?:the\s+)?[\w.()'-]+(?:\s+[\w.()'-]+){0,12}?\s*(?:is(?:\s+still)?|:|=|-|was)|\s*(?:is(?:\s+still)?|:|=|-|was)?)\s*((?:[\w.@#!$%&*+\/-]+)(?:\s*\/\s*[\w.@#!$%&*+-]+)?)/gi;

/** "should be sacked", "want him struck off": an opinion, not a disclosure. */
const OPINION_BEFORE = /\b(?:should|shld|must|needs?\s+to|ought\s+to|deserves?\s+to|want(?:s|ed)?\s+(?:\w+\s+)?to|hope)\s+(?:\w+\s+){0,2}(?:be\s+|get\s+|got\s+)?$|\bget\s+(?:him|her|them)\s+$/;

/** "log into the MIS with Winifred2026!" */
const LOGIN_WITH = /\blog(?:s|ged|ging)?\s*-?\s*(?:in|on)(?:to)?\s+(?:the\s+)?[\w.()' -]{1,40}?\s+(?:with|using)\s+([\w.@#!$%&*+\/-]{4,})/gi;
const CREDENTIAL_HINT = /pass|pin|log[\s-]?(?:in|on)|user/;
/** "name / secret": two tokens either side of a spaced slash; the secret has letters and digits. */
const CREDENTIAL_PAIR = /(?<![\w@.])([\w.@-]{3,40})\s+\/\s+([\w.@#!$%&*+-]{6,40})(?![\w])/g;
const CREDENTIAL_WORD = /\b(?:log-?ins?|logon|password|passwords|passcode|username|user\s*name|credentials|sign-?in)\b/;

/** Hits of lexicon categories (data/lexicons) as spans of the original text, in order. */
function rawHits(doc: Doc, ...categories: string[]): Span[] {
  const out: Span[] = [];
  for (const c of categories) {
    for (const h of doc.lex.find(doc.clean.text, c)) {
      const span = { start: doc.clean.start[h.start]!, end: doc.clean.end[h.end - 1]! };
      if (!out.some((o) => o.start < span.end && span.start < o.end)) out.push(span);
    }
  }
  return out.sort((x, y) => x.start - y.start);
}

/** The clean-view span of an original-text span (the inverse of rawHits' mapping), when its ends line up. */
function cleanSpanOf(doc: Doc, span: Span): Span | undefined {
  const starts = doc.clean.start;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! < span.start) lo = mid + 1;
    else hi = mid;
  }
  if (starts[lo] !== span.start) return undefined;
  let end = lo;
  while (end < starts.length && starts[end]! < span.end) end++;
  return { start: lo, end };
}

function firstWithin(hits: readonly Span[], from: number, to: number): Span | undefined {
  return hits.find((h) => h.start >= from && h.end <= to);
}

/**
 * Is a "says"/"said" public cue a passed-on document quoting itself? Its subject is "it", "this" or a document noun ("the
 * rota says", data: document-noun) and the item tells that the document went out (data: passed-on) before the cue.
 */
function documentSays(doc: Doc, lower: string, c: Span): boolean {
  if (!/^sa(?:id|ys)$/.test(lower.slice(c.start, c.end))) return false;
  const before = lower.slice(Math.max(0, c.start - 40), c.start);
  const subject = /\b(?:it|this|which)\s+(?:just\s+|literally\s+)?$/.exec(before) ?? new RegExp(String.raw`\b${doc.lex.pattern('document-noun')}\s+(?:just\s+|literally\s+)?$`).exec(before);
  if (!subject) return false;
  return rawHits(doc, 'passed-on').some((p) => p.end <= c.start && c.start - p.end <= 160);
}

/** Does the item carry a sign that what it tells was not meant to be public (data: leak-cue)? */
export function hasLeakCue(doc: Doc): boolean {
  const text = doc.clean.text;
  // "magistrates heard", "the tribunal heard": evidence given in public, not a rumour passed on
  // "it's not a secret": a leak word inside a public cue (data: public-cue) says the opposite
  const publicCues = doc.lex.find(text, 'public-cue');
  // round 11: "the consultation heard", "the public meeting heard" (data: public-forum): said in public, like a court's evidence
  const forums = doc.lex.find(text, 'public-forum');
  return doc.lex.find(text, 'leak-cue').some((h) => !(h.term === 'heard' && (COURT_BEFORE.test(text.slice(Math.max(0, h.start - 24), h.start)) || forums.some((f) => f.end <= h.start && /^\s+(?:was\s+|has\s+)?$/.test(text.slice(f.end, h.start))))) && !publicCues.some((p) => p.start <= h.start && h.end <= p.end));
}
/** The writer's own: "my ", "our ", "me own " right before a word. */
const WRITERS_OWN_BEFORE = /\b(?:my|our|me|ma)\s+(?:own\s+)?$/;
const COURT_BEFORE = /\b(?:magistrates|court|jury|tribunal|inquest|judge|coroner|panel|hearing|committee|councillors|mps?)\s+(?:was\s+|were\s+|has\s+|have\s+)?$/;

/**
 * "my son had his first seizure", "our daughter has had asthma": the writer's child has the condition, a few words after
 * "my son" in one clause, with no member of staff named between them ("my son's teacher Mrs Dane has …" is about her).
 */
const CHILD_SUBJECT = /\b(?:my|our)\s+(?:own\s+)?(?:grand(?:daughter|son|child|kid)|niece|nephew|step(?:son|daughter)|son|daughter|child|kid|lad|boy|girl|twins?|youngest|eldest|little\s+one)((?:\s+[\w'’-]+){1,4})\s+$/;
const STAFF_BETWEEN = /\b(?:teacher|teachers|mr|mrs|ms|miss|mx|dr|sir|head|deputy|ta|senco|tutor|coach|staff|'s|’s)\b|['’]s\b/;
function childHasIt(before: string): boolean {
  const m = CHILD_SUBJECT.exec(before);
  return !!m && /\b(?:has|had|have|having|got|gets|with)\b/.test(m[1]!) && !STAFF_BETWEEN.test(m[1]!) && !/[.!?;,]/.test(m[1]!);
}
/** "my son's dyslexia", "our daughter's asthma": the writer's own child's condition, not a member of staff's. */
const CHILD_OWNER = /\b(?:my|our)\s+(?:own\s+)?(?:grand(?:daughter|son|child|kid)|niece|nephew|step(?:son|daughter)|son|daughter|child|kid|lad|boy|girl|twins?|youngest|eldest|little\s+one)'?s?\s+(?:[\w-]+\s+)?$/;
/** The writer's own child named in a sentence: "my son", "ma wee girl". */
const OWN_CHILD = /\b(?:my|ma|our|me)\s+(?:wee\s+|little\s+|youngest\s+|eldest\s+)?(?:grand(?:daughter|son|child|kid)|niece|nephew|step(?:son|daughter)|son|daughter|child|kid|lad|boy|girl|bairn|wean|little\s+one)\b/;
/** The family's own child by first name: "our Archie", "our Seren" (not "our Year 6", "Our Lady", "our Head"). */
// round 9b: "Our Alfie" opening a sentence and "My Ellie" are the family's own child too (the capital was missed, and "my"
// was not read); a parent, a pet name for God or a school body after "my" is no child
const OUR_NAMED_CHILD = /\b(?:[Oo]ur|[Mm]y)\s+(?!(?:Year|Reception|Nursery|Head|Headteacher|School|Academy|College|Primary|Lady|Lord|Father|Mr|Mrs|Ms|Miss|Dr|Sir|Class|Trust|God|Gosh|Goodness|Mum|Mam|Mom|Dad|Nan|Nana|Gran|Grandad|Grandma|Husband|Wife|Partner|Friend|Boss|Manager|Union|Church|Facebook|Twitter|Instagram|TikTok|Ofsted|Council|Local|Heart|Word|Days|Lords?|Saviour|Jesus|Allah)\b)\p{Lu}\p{Ll}+/u;
const OUR_NAMED_CHILDREN = new RegExp(OUR_NAMED_CHILD.source, 'gu');
/** Every "my Jayden", "our Freddie" in the text, as spans of the original text. */
function ownNamedChildren(raw: string): Span[] {
  if (!/\b(?:[Oo]ur|[Mm]y)\s+\p{Lu}/u.test(raw)) return [];
  return [...raw.matchAll(OUR_NAMED_CHILDREN)].map((m) => ({ start: m.index!, end: m.index! + m[0].length }));
}
/**
 * Round 9b: a pupil named right after "my daughter", "our" or "my" ("my daughter Elin in Year 8 had a seizure", "Our Alfie
 * … he's autistic") is the writer's own child, theirs to tell; "my daughter's friend Elin" is someone else's.
 */
const OWN_CHILD_BEFORE_NAME = /\b(?:[Mm]y|[Oo]ur|[Mm]a)\s+(?:(?:wee|little|youngest|eldest|oldest|middle)\s+)?(?:(?:grand|step)?(?:son|daughter|child|kid|boy|girl)\s+|(?:lad|lass|bairn|wean|twins?|little\s+one)\s+)?$/;
/** Someone else's news passed on between the child and the detail: "my son told me", "my daughter's friend", "my son said". */
const TOLD_BETWEEN = /\b(?:told|tells|said|says|heard|reckons|friend|friends|mate|mates|classmate|pal|another)\b/;
/** A sentence that gives a child's age ("He's eleven.", "She is 7."): the pronoun after it goes on about that child. */
const CHILD_AGE = /^\W*(?:he|she)(?:'s|\s+is|\s+was)\s+(?:only\s+|just\s+|now\s+)?(?:[1-9]|1[0-7]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen)(?:\s+(?:years?\s+old|now))?\W*$/;
/** "runs the place like a prison": a comparison, not a fact about anyone. */
const SIMILE_BEFORE = /\b(?:like|as\s+if\s+it\s+were|as\s+though\s+it\s+were)\s+(?:a|an|some)\s+(?:[\w-]+\s+)?$/;

/**
 * Round 12: the last character of the sentence before the one starting at `start`, past a run of stops ("constantly??",
 * "really?!", "off..."): a doubled stop ends one sentence, not an empty one between.
 */
function lastBefore(raw: string, start: number): number {
  let p = start - 2;
  while (p > 0 && p > start - 6 && (raw.charCodeAt(p) === 63 || raw.charCodeAt(p) === 33 || raw.charCodeAt(p) === 46)) p--;
  return p;
}
/** `.`, `!`, `?` or a newline (char codes, not a regex per character: this runs in a hot loop). */
function isSentenceEnd(code: number): boolean {
  return code === 46 || code === 33 || code === 63 || code === 10;
}

/**
 * The longest stretch read either side for a sentence: text with no full stops (a 200 KB paste) is read in windows of
 * this size, so the many per-cue sentence reads stay linear; real sentences are far shorter.
 */
const SENTENCE_REACH = 1500;
/** Above this length, sentenceSpan looks the ends up in an index of them (sentenceEnds) rather than scanning. */
const INDEXED_SENTENCES = 2000;
let endsOf: string | undefined;
let ends = new Int32Array(0);
let endsN = 0;

/** The positions of every sentence end (isSentenceEnd) in `raw`, in order (remembered for the last text). */
function sentenceEnds(raw: string): Int32Array {
  if (raw !== endsOf) {
    endsN = 0;
    for (let i = 0; i < raw.length; i++) {
      if (!isSentenceEnd(raw.charCodeAt(i))) continue;
      if (endsN === ends.length) {
        const grown = new Int32Array(Math.max(64, ends.length * 2));
        grown.set(ends);
        ends = grown;
      }
      ends[endsN++] = i;
    }
    endsOf = raw;
  }
  return ends;
}

/**
 * The sentence around `pos`; with `reach`, at most that many characters either side (a loop over many cues stays linear).
 * In a long text, by binary search over its sentence ends: a loop over many cues in one long sentence (no full stops)
 * would otherwise scan the whole sentence per cue. The same span either way.
 */
function sentenceSpan(raw: string, pos: number, reach = SENTENCE_REACH): Span {
  if (raw.length > INDEXED_SENTENCES) {
    const e = sentenceEnds(raw);
    // k: the first end at or after pos
    let lo = 0;
    let hi = endsN;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (e[mid]! < pos) lo = mid + 1;
      else hi = mid;
    }
    const from = Math.max(0, pos - reach);
    const to = Math.min(raw.length, pos + reach);
    return { start: lo > 0 ? Math.max(from, e[lo - 1]! + 1) : from, end: pos >= to ? pos : lo < endsN ? Math.min(to, e[lo]!) : to };
  }
  let s = pos;
  const from = Math.max(0, pos - reach);
  while (s > from && !isSentenceEnd(raw.charCodeAt(s - 1))) s--;
  let e = pos;
  const to = Math.min(raw.length, pos + reach);
  while (e < to && !isSentenceEnd(raw.charCodeAt(e))) e++;
  return { start: s, end: e };
}

const OWN_SUBJECT = /^\W*(?:the|a|an|this|that|these|those|our|my|your|there|we|i|you)\b/i;
/** A chat line's speaker: "Jay: ", "[19:31] Kerry-Ann: ". */
const SPEAKER_LABEL = /^\s*(?:\[[^\]]{1,20}\]\s*)?[\p{L}][\p{L}'’ .-]{0,24}:\s+/u;
/** A line that asks about someone without a question mark: "Rach: where's X been", "why is X always off". */
const CHAT_QUESTION = /^\s*(?:(?:\[[^\]]{1,20}\]\s*)?[\p{L}][\p{L}'’ .-]{0,24}:\s+)?(?:where|why|how|what|who|wot|wat)(?:['’]s|\s+is|\s+has|\s+does|\s+did|\s+was)?\b/iu;

/** The next sentence with a letter in it ("been?? — they got…": the second "?" ends an empty one). */
function sentenceAfter(raw: string, s: Span): Span | undefined {
  let pos = s.end + 1;
  while (pos < raw.length) {
    const next = sentenceSpan(raw, pos);
    if (/\p{L}/u.test(raw.slice(next.start, next.end))) return next;
    pos = next.end + 1;
  }
  return undefined;
}

/** Two positions in one sentence of the original text. */
function sameSentence(raw: string, a: number, b: number): boolean {
  const s = sentenceSpan(raw, a);
  return b >= s.start && b < s.end;
}

/* Words that end the name of a place or a group rather than a child ("Lake District"): data, place-end. */

/**
 * Round 9b: a short line of a text, note or screenshot set out line by line (no full stop, at most 60 characters, a line
 * break either side): "Mr Ranganathan" / "Elmfield Primary" / "a performance improvement plan".
 */
function cardLine(raw: string, s: Span): boolean {
  return s.start > 0 && raw.charCodeAt(s.start - 1) === 10 && s.end - s.start <= 60 && (s.end >= raw.length || raw.charCodeAt(s.end) === 10);
}
/** The up to three short lines right before a card line (cardLine), the person it goes on about among them. */
function cardBefore(raw: string, s: Span): string {
  let from = s.start;
  for (let k = 0; k < 3 && from > 1; k++) {
    const p = sentenceSpan(raw, from - 2);
    if (!cardLine(raw, p) && !(p.end - p.start <= 60 && raw.charCodeAt(p.end) === 10)) break;
    from = p.start;
  }
  return raw.slice(from, s.start);
}

/** A word no sentence ends on, at the end of a line: the line break is not a sentence's end. */
const DANGLING = /\b(?:is|are|was|were|at|frm|from|in|of|the|a|an|and|has|had|have|got|to|with|on|for|by)[ \t]*$/i;

/** The sentence at `pos` plus its neighbours. */
function aroundSpan(raw: string, pos: number, reach = SENTENCE_REACH): Span {
  const here = sentenceSpan(raw, pos, reach);
  const prev = here.start > 1 ? sentenceSpan(raw, here.start - 2, reach) : here;
  const next = here.end + 1 < raw.length ? sentenceSpan(raw, here.end + 1, reach) : here;
  return { start: prev.start, end: next.end };
}

function around(raw: string, pos: number, reach = SENTENCE_REACH): string {
  const a = aroundSpan(raw, pos, reach);
  return raw.slice(a.start, a.end).toLowerCase();
}

/** How far from a data collection (a list, a sheet) its names, contents and exposure are read: a few sentences. */
const DATA_REACH = 300;
/** How far the per-cue readings of round 6 (a home, a registration, a record line) look either side: a few sentences. */
const NEAR_REACH = 400;

/** "J. Mulrooney", "A.J. Okafor": an initial (or two) and a surname, as lists and logs write a person. */
const INITIAL_NAME = /(?<![\p{L}\d_.])((?:\p{Lu}\.\s?){1,2})(\p{Lu}\p{Ll}{2,}(?:-\p{Lu}\p{Ll}+)?)(?![\p{L}\d_])/gu;

function findNames(raw: string, notNames: ReadonlySet<string>): Span[] {
  const out: Span[] = [];
  if (raw.includes('.')) {
    for (const m of raw.matchAll(INITIAL_NAME)) {
      const surname = m[2]!;
      if (NOT_NAME.has(surname) || notNames.has(surname.toLowerCase()) || /^(?:I|A)\.\s$/.test(m[1]!)) continue;
      out.push({ start: m.index!, end: m.index! + m[0].length });
    }
  }
  NAME.lastIndex = 0;
  for (let m = NAME.exec(raw); m; m = NAME.exec(raw)) {
    const [a, b] = [m[1]!, m[2]!];
    // "Heard Mason Clarke": the first word is not a name, but the next two may be
    if (NOT_NAME.has(a) || notNames.has(a.toLowerCase())) {
      NAME.lastIndex = m.index + a.length;
      continue;
    }
    if (NOT_NAME.has(b) || notNames.has(b.toLowerCase())) continue;
    // "Snapped Ruby Thorne", "Caught Ella Marsh": a capitalised word opening a sentence, then a two-word name
    if (/^\s+\p{Lu}\p{Ll}+(?![\p{L}\d_])/u.test(raw.slice(m.index! + m[0].length, m.index! + m[0].length + 30)) && /(?:^|[.!?\n\]]\s*)$/.test(raw.slice(Math.max(0, m.index! - 3), m.index!))) {
      const c = /^\s+(\p{Lu}\p{Ll}+)/u.exec(raw.slice(m.index! + m[0].length))![1]!;
      if (!NOT_NAME.has(c) && !notNames.has(c.toLowerCase())) {
        NAME.lastIndex = m.index! + a.length;
        continue;
      }
    }
    const after = raw.slice(m.index! + m[0].length, m.index! + m[0].length + 14);
    if (/^\s+(?:Primary|School|Academy|College|High|Church|Park|Road|Street|Lane|Close|Avenue|Drive|Way|Trust|Centre|FC|Rovers|Hall|Infants?|Juniors?)\b/.test(after)) continue;
    out.push({ start: m.index!, end: m.index! + m[0].length });
  }
  return out;
}

/**
 * A pupil named by first name only, known by what follows: "Ethan in Year 3", "Lily (Y4)", "Ava in 9C",
 * or what comes before: "my son's classmate Jake".
 */
// every alternative starts at a capital: the look-ahead lets the engine skip other positions at once
const FIRST_NAME_PUPIL = /(?=\p{Lu})(?:(?<![\p{L}\d_])(\p{Lu}\p{Ll}{2,}(?:-\p{Lu}\p{Ll}+)?)(?=\s+(?:in\s+(?:[Yy]ear|[Yy]r|[Yy])\s?\d{1,2}\b|in\s+(?:[Rr]eception|[Nn]ursery)\b|(?:in|from)\s+\d{1,2}[A-Za-z]\b|\((?:[Yy]|[Yy]r|[Yy]ear)\s?\d{1,2}\)|from\s+(?:[Yy]ear|[Yy]r|[Yy])\s?\d{1,2}\b)|,\s+the\s+\p{Lu}\p{Ll}+\s+(?:kid|boy|girl|lad|lass|child|twins?)\b)|(?<=\b[Tt]he\s)(\p{Lu}\p{Ll}{2,})(?=\s+(?:kids|twins|children|girls|boys|lads|bairns|weans|boy|girl|lad|lass|lassie|laddie|wean|bairn|kid|sisters|brothers)\b)|(?<=,\s)(\p{Lu}\p{Ll}{2,})(?=,\s+(?:he|she|they)(?:'s|\s))|(?<=\b(?:classmate|pupil|boy|girl|lad|kid|child|son's\s+friend|daughter's\s+friend|[Ww]here's|[Ww]here\s+is|[Ww]here\s+has|name's|name\s+is|named|called)\s+)(\p{Lu}\p{Ll}{2,}(?:-\p{Lu}\p{Ll}+)?)(?![\p{L}\d_]))/gu;

function findFirstNamePupils(raw: string, notNames: ReadonlySet<string>, lex: Lexicon): Span[] {
  const out: Span[] = [];
  for (const m of raw.matchAll(FIRST_NAME_PUPIL)) {
    const name = m[1] ?? m[2] ?? m[3] ?? m[4]!;
    if (NOT_NAME.has(name) || notNames.has(name.toLowerCase())) continue;
    // "the Ukrainian kids": a nationality or faith (data: identity, identity-word) is not a family name
    if (m[2] && (lex.has('identity', name.toLowerCase()) || lex.has('identity-word', name.toLowerCase()) || lex.has('group', name.toLowerCase()))) continue;
    const start = m.index! + (m[1] ? 0 : m[0].length - name.length);
    out.push({ start, end: start + name.length });
  }
  return out;
}

/**
 * How a pupil in a photo or video is recognised (data: seen-cue, face-word, visibility-word, name-word, name-place): a
 * first name right after a seeing word ("you can see it is Kian", "that's Poppy"), a face and a word that it shows in one
 * sentence ("his face is fully visible"), or a name and where it is written ("names in the caption"). Raw-text span.
 */
function recognisablePupil(doc: Doc, raw: string, notNames: ReadonlySet<string>): (Span & { how: 'seen' | 'face' | 'written'; character?: boolean }) | undefined {
  const toRaw = (h: { start: number; end: number }): Span => ({ start: doc.clean.start[h.start]!, end: doc.clean.end[h.end - 1]! });
  let character: (Span & { how: 'seen'; character: true }) | undefined;
  for (const c of doc.lex.find(doc.clean.text, 'seen-cue')) {
    const at = toRaw(c).end;
    const m = /^\s+(?:it\s+is\s+|it'?s\s+)?(\p{Lu}\p{Ll}{2,}(?:-\p{Lu}\p{Ll}+)?)(?![\p{L}\d_])/u.exec(raw.slice(at, at + 40));
    if (!m || NOT_NAME.has(m[1]!) || notNames.has(m[1]!.toLowerCase()) || ORGANISATION.test(m[1]!)) continue;
    // the same test as a first name elsewhere (findFirstNamePupils): a nationality, faith or group is not a name
    const lower = m[1]!.toLowerCase();
    if (doc.lex.has('identity', lower) || doc.lex.has('identity-word', lower) || doc.lex.has('group', lower)) continue;
    const start = at + m[0].length - m[1]!.length;
    // "that's Mary and Joseph", "that's Santa": a part in a play or a seasonal character may be a costume, not the
    // pupil's name, so it counts only with a sign the picture went out
    if (CHARACTER_NAME.has(m[1]!)) {
      character ??= { start, end: start + m[1]!.length, how: 'seen', character: true };
      continue;
    }
    return { start, end: start + m[1]!.length, how: 'seen' };
  }
  const pair = (a: string, b: string, reach: number): Span | undefined => {
    const as = doc.lex.find(doc.clean.text, a);
    const bs = as.length ? doc.lex.find(doc.clean.text, b) : [];
    for (const x of as) {
      const s = sentenceAt(doc, x.start);
      if (bs.some((y) => y.start >= s.start && y.end <= s.end && Math.abs(y.start - x.start) <= reach && !(y.start < x.end && x.start < y.end))) return toRaw(x);
    }
    return undefined;
  };
  const face = pair('face-word', 'visibility-word', 40);
  if (face) return { ...face, how: 'face' };
  const written = pair('name-word', 'name-place', 40);
  return (written && { ...written, how: 'written' }) ?? character;
}

/** Parts in a nativity or a school play and seasonal characters: after "that's" in a photo, a costume rather than a name. */
const CHARACTER_NAME = new Set(
  'Mary Joseph Jesus Gabriel Herod Santa Father Rudolph Elf Angel Shepherd Innkeeper Snowman Frosty Grinch Scrooge Cinderella Pinocchio Aladdin Shrek Elsa Olaf'.split(' '),
);

const HONORIFIC_FIRST = /^(?:Councillor|Cllr|Judge|Sheriff|Professor|Prof|Reverend|Rev|Bishop|Father|Canon|Inspector|Sergeant|Sgt|Constable|Detective|Dame|Lord|Lady|Mayor|Coach)\b/;
/** A school word ("school", "academy", "ysgol") near a name in its sentence: "Tyler Hussain asleep on the Elmfield Primary coach". */
const SCHOOL_WORD = /\b(?:school|academy|college|primary|high|grammar|ysgol|infants?|nursery|juniors?)\b/;
function schoolWordNear(raw: string, lower: string, name: Span): boolean {
  // "Councillor Tyler Hussain" is read as the name "Councillor Tyler": an honorific opens an adult's name, not a pupil's
  if (HONORIFIC_FIRST.test(raw.slice(name.start, name.end))) return false;
  const s = sentenceSpan(raw, name.start);
  // round 10: "the Elmfield Academy lads from Saturday, incl. Poppy Ashdown": an abbreviation's dot ends no sentence
  const from = s.start > 1 && onlyAbbreviationsBetween(raw, s.start - 1, s.start) ? sentenceSpan(raw, s.start - 2).start : s.start;
  return SCHOOL_WORD.test(lower.slice(Math.max(from, name.start - 60), Math.min(s.end, name.end + 60)));
}

/** An adult's role or trade word, said right before a name or right after it in apposition. */
const ADULT_ROLE = String.raw`(?:head(?:\s*teacher)?|teacher|principal|governor|caretaker|chair(?:\s+of\s+governors)?|deputy(?:\s+head)?|bursar|(?:business|office|site)\s+manager|author|writer|illustrator|poet|mp|mayor|councillor|coach|senco|chaplain|vicar|trustee|ceo|minister|olympian|footballer)`;
const ROLE_BEFORE_NAME = new RegExp(String.raw`\b${ADULT_ROLE}\s*$`);
const ROLE_AFTER_NAME = new RegExp(String.raw`^\s*,\s*(?:[\w'’]+\s+){0,5}?${ADULT_ROLE}\b`);
const ROLE_AS_NAME = new RegExp(String.raw`^${ADULT_ROLE}\b`);
/** "new head Sarah Lowe", "Author Michael Morpurgo", "Jess Allen, the school's new business manager": an adult named by their role. */
function adultByRole(raw: string, lower: string, name: Span): boolean {
  const text = lower.slice(name.start, name.end);
  if (ROLE_AS_NAME.test(text)) return true;
  return ROLE_BEFORE_NAME.test(lower.slice(Math.max(0, name.start - 30), name.start)) || ROLE_AFTER_NAME.test(lower.slice(name.end, name.end + 60));
}

/** Left out of a team, a game or a chat: "from the match squad", "from the team photo", "from the group chat". */
const TEAM_EXCLUSION = /^\s+from\s+(?:the\s+|his\s+|her\s+|their\s+)?(?:\w+\s+)?(?:squad|team|side|line-?up|match|game|fixture|group\s+chat|chat|party|photo)\b/;

/** The clause of `lower` that ends at `pos`: back to the sentence start or a comma, colon or semicolon, at most 120 characters. */
function clauseTo(lower: string, pos: number): string {
  const from = Math.max(0, pos - 120);
  const before = lower.slice(from, pos);
  const cut = Math.max(before.lastIndexOf('. '), before.lastIndexOf('? '), before.lastIndexOf('! '), before.lastIndexOf('\n'), before.lastIndexOf(', '), before.lastIndexOf(': '), before.lastIndexOf('; '));
  return cut < 0 ? (from === 0 ? before : '') : before.slice(cut + 1);
}

/** A named street or house: one to three capitalised words and a street or house word ("Craigmillar Drive", "Heol y Felin", "Braeside Cottage", "the Ceres road"). */
const NAMED_STREET = /^(?:[^.!?\n]*?)\b((?:\p{Lu}[\p{L}'’-]+\s+){1,3}(?:Road|Rd|Street|St|Avenue|Ave|Lane|Close|Drive|Way|Crescent|Court|Grove|Gardens|Place|Terrace|View|Rise|Hill|Walk|Mews|Square|Row|Parade|Cottage|Farm|Lodge|Estate|Brae|Wynd|Gate|road|lane|street)\b|(?:Heol|Ffordd|Stryd|Lôn|Maes|Ffordd)\s+(?:y\s+|yr\s+)?\p{Lu}[\p{L}'’-]+)/u;
const LOCATIVE = /\b(?:at|on|off|in|near|by|beside|opposite|behind|round|up|down|along|past|next\s+to)\s+(?:[\p{L}'’-]+\s+){0,6}$/u;
/** What a residence word is about when it is no home: "stays in school", "stays at the Travelodge", "lives for Saturdays". */
const NOT_HOME_OBJECT = /^\s+(?:for\b|(?:(?:in|at|on)\s+)?(?:the\s+|a\s+)?(?:school|academy|college|hotel|travelodge|premier\s+inn|inn|b&b|hostel|club|church|office|gym|pub|work|hospital|camp)\b)/;
/** A venue named by its street: "Moss Lane Church", "Leeds Road Stadium", "Mill Road Surgery". */
const STREET_VENUE = /^\s+(?:Church|Chapel|Mosque|Stadium|Ground|Surgery|Centre|Center|Club|School|Academy|Primary|Library|Station|Hall|Park|Hospital|Leisure|Pool|Baths|Market|Shops|Garage|Medical|Clinic|Cemetery|Campus|Playing\s+Fields?)\b/;
/** A UK vehicle registration in the current format: "LK71 DWA", "MA21 VYK". */
const REG_PLATE = /\b[A-Z]{2}\d{2}\s?[A-Z]{3}\b/g;
/** "the Elmfield head", "the heidie": a head named by the school before the role word. */
const HEAD_WORD_STAFF = /\b(?:head|heidie|rector|headie)\b/;
const VEHICLE = /\b(?:car|cars|reg|registration|number\s*plate|plate|parks?|parked|parking|drives?|driving|motor|van|4x4|suv|qashqai|audi|bmw|merc|range\s+rover|golf|corsa|fiesta)\b/;
/** The school's own or a hired vehicle ("the minibus", "the coach", "school van"): its registration finds nobody's car. */
const SHARED_VEHICLE = /\b(?:minibus(?:es)?|coach(?:es)?|bus(?:es)?|school\s+(?:van|car|vehicle)s?|fleet|hire\s+(?:car|van))\b/;

/** A label for a pupil number right before it: "UPN", "unique pupil number", "pupil no.". */
const UPN_CUE = /\b(?:upn|unique\s+pupil\s+(?:number|no)|pupil\s+(?:number|no|id))\.?\s*[:#-]?\s*$/;
/** A label that says the number is something else ("order ref", "ticket", "booking no."): no pupil number, whoever is named. */
const OTHER_REF_CUE = /\b(?:order|ref|reference|ticket|booking|tracking|invoice|receipt|parcel|transaction|serial|payment|voucher)\.?\s*(?:(?:no|number|id|code|ref)\.?\s*)?[:#-]?\s*$/;

/** The line of `raw` around `pos`. */
function lineSpan(raw: string, pos: number, reach = NEAR_REACH): Span {
  const from = Math.max(0, pos - reach);
  const back = raw.slice(from, pos).lastIndexOf('\n');
  const ahead = raw.slice(pos, pos + reach).indexOf('\n');
  return { start: back < 0 ? from : from + back + 1, end: ahead < 0 ? Math.min(raw.length, pos + reach) : pos + ahead };
}

/** Payroll documents and figures: they name an employee by themselves. */
const PAYROLL = /\b(?:payslip|pay\s+slip|p60|p45|tax\s+code|net\s+pay|gross\s+pay|ni\s+number|national\s+insurance\s+number|sort\s+code|account\s+number)\b/;

/** Words that end an organisation's name rather than a person's. */
const ORGANISATION = /\b(?:Ambulance|Commissioner|Commission|Council|Service|Services|Trust|Foundation|Society|Office|Agency|Authority|Association|Board|Group|Club|Centre|Center|Hospital|Clinic|Unit|Team|Partnership|Network|Charity|Police|Fire|Rescue|Ministry|Department|Court|Tribunal|Committee|Panel|Forum|Governors|Institute|University|College|School|Academy|Church|Surgery|Practice|Pharmacy|Ltd|Limited|Plc)\b/;

/** A group before a condition ("supporting children with epilepsy", "people living with MS"): the topic, not someone's health. */
const GROUP_BEFORE = /\b(?:pupils|children|kids|students|people|youngsters|learners|families|adults|staff|colleagues|those|anyone|everyone)\s+(?:with|who\s+have|living\s+with|affected\s+by|suffering\s+(?:from|with))\s+(?:a\s+|an\s+)?(?:[\w'’-]+\s+)?$/;

const STAFF_ROLE_G = new RegExp(STAFF_ROLE.source, 'gu');
/** A member of staff named by a title or a role word (STAFF_ROLE without the bare pronouns). */
const STAFF_NOUN = new RegExp(withoutPronouns(STAFF_ROLE.source), 'u');
function withoutPronouns(source: string): string {
  const trimmed = source.replace('|her|his|she|he)', ')');
  // STAFF_ROLE must end on its pronouns: were they moved, this would silently keep them
  if (trimmed === source) throw new Error('STAFF_ROLE no longer ends on |her|his|she|he): update STAFF_NOUN');
  return trimmed;
}
/** How far back (characters) the writer's own child, named once, stays the subject of a fact. */
const OWN_CHILD_REACH = 400;
/** How far before the writer's child a member of staff named there is still the one the item is about. */
const OWN_CHILD_BEFORE = 150;
/** A titled person ("Dr Hale", "Ms Ó Dónaill"): someone in particular. */
const TITLE_NAMED = /\b(?:mr|mrs|ms|miss|mx|dr|sir)\.?\s+\p{L}/u;
/** After "off with" ("the", "his", "her", "their"…): a class, a tutor group, a trip, a course or a time is where someone is, not why. */
const ABSENCE_NOT_REASON = /^\W*(?:(?:the|his|her|their|my|our)\s+)?(?:year|yr|y\d|class|form|tutor\s+group|pupils|kids|children|students|team|group|squad|choir|them|us|a\s+course|on\s+a\s+course|to\s|for\s+(?:the\s+)?(?:day|week|trip)|trip|residential|visit|cpd|training|holiday|half\s+term|maternity|paternity|jury|a\s+day|the\s+day|(?:his|her|their|the)\s+(?:car|train|bus|boiler|van)\b|(?:the\s+)?(?:snow|weather|traffic|roadworks|floods?|rail\s+strike|train\s+strike))/;
const INDEFINITE_BEFORE = /\b(?:a|an|any|every|one|another|some|no)\s+(?:[\w-]+\s+)?$/;
/**
 * Does the sentence point at one member of staff? A title, a definite role ("the head", "our SENCo") or a pronoun does;
 * "a teacher", "any TA" identifies nobody.
 */
function identifiesStaff(sentence: string): boolean {
  if (SCHOOL_ROLE.test(sentence)) return true;
  if (!STAFF_ROLE.test(sentence)) return false;
  for (const m of sentence.matchAll(STAFF_ROLE_G)) {
    const before = sentence.slice(Math.max(0, m.index! - 24), m.index!);
    // "Teacher under investigation over…": a role word opening a headline, with no article, is anyone in that job
    // (round 9b: "The head at Elmfield is on long-term sick leave" opens with its article: a definite person)
    if (INDEFINITE_BEFORE.test(before) || (/^[\s\W]*$/.test(sentence.slice(0, m.index!)) && !/^(?:mr|mrs|ms|miss|mx|dr|sir|her|his|she|he|the)\b/.test(m[0]))) continue;
    return true;
  }
  return false;
}

/**
 * round 13: a school's one head, deputy or principal named by the school, with no article, as chat writes it ("elmfield
 * primary head on garden leave", "the academy's deputy"): one person, as "the head" is; "the primary school heads' union"
 * (a plural) and "a primary head" (indefinite) are not.
 */
const SCHOOL_ROLE = /(?<!\b(?:a|an|any|every|one|another|some|no)\s+(?:[\w-]+\s+)?)\b(?:school|primary|academy|college|high|infants|juniors|ysgol)(?:['’]s)?\s+(?:head(?:\s*teacher)?|deputy(?:\s+head)?|principal|heidie)\b(?!['’]?s\b|\s+(?:of\s+(?:hair|state)|injury|lice|wound))/;
/** A member of staff named by a definite role: "the head", "our deputy", "Elmfield's head", "the head of year 9". */
const DEFINITE_STAFF = /\b(?:the|our|[\p{L}]+['’]s)\s+(?:head(?:\s*teacher)?|deputy(?:\s+head)?|depute|principal|rector|heidie|senco|sendco|caretaker|receptionist|bursar|(?:business|office|site)\s+manager|head\s+of\s+(?:year\s+\d+|\p{L}+))\b/u;
/** The subject and verb before an absence's reason ("she's on", "he is at"), read past before the reason is judged. */
const REASON_SUBJECT = /^\W*(?:(?:she|he|they|it)(?:'s|’s|'re|\s+is|\s+was|\s+were|\s+has\s+been|\s+had|\s+s)?\s+)?(?:(?:away\s+)?(?:on|at|in)\s+)?/;
/** A noun other than the claim, then "was/were/is", right before a denial word: "his results were rubbish" judges the results. */
const JUDGED_THING_BEFORE = /\b(?!(?:that|it|this|which|all|everything|story|rumour|rumours|claim|claims|post|what)\b)[a-z]+\s+(?:were|was|is|are|looked|looks|went|got)\s+(?:\w+\s+)?$/;
/** The sentence opens with "he" and the writer's child in the sentence before is a daughter, or "she" and a son. */
function pronounMismatch(sentence: string, prev: string): boolean {
  const child = OWN_CHILD.exec(prev)?.[0] ?? '';
  const pronoun = /^\W*(he|she)\b/.exec(sentence)?.[1];
  if (!pronoun) return false;
  const male = /(?:son|lad|boy|nephew)\b/.test(child);
  const female = /(?:daughter|girl|lass|niece)\b/.test(child);
  return (pronoun === 'she' && male) || (pronoun === 'he' && female);
}
/** The member of staff as the one running a process or a programme: "runs the", "leads our", "set up a". */
const RUNS_BEFORE = /\b(?:runs|running|ran|leads|leading|organi[sz]es|organi[sz]ing|organi[sz]ed|delivers|delivering|delivered|coordinates|co-ordinates|coordinating|set\s+up|sets\s+up|started|starts|launch(?:es|ed)|hosts|hosting|hosted|oversees|overseeing)\s+(?:the|a|an|our|their|his|her)\s+(?:[\p{L}'’-]+\s+){0,2}$/u;
/** A plural group noun right after a condition word ("deaf people", "autistic kids"). */
const GROUP_AFTER = /^\s+(?:people|persons|folk|teachers|staff|kids|children|pupils|adults|ones)\b/;

/** The condition as a topic: training, awareness, fundraising, research. */
// "a six-week improvement plan" is a length of time, not an awareness week: no hyphen before the topic word
const ABOUT_THE_TOPIC = /(?<!-)\b(?:training|session|course|talk|awareness|acceptance|assembly|workshop|fundraiser|fundraising|charity|research|lesson|lessons|information|info|leaflet|coffee\s+morning|day|week|month|walk|run|appeal)\s+(?:\w+\s+)?(?:on|about|for|into|in\s+aid\s+of|raising)?\s*(?:[\p{L}\d'’-]+\s+){0,2}$/u;

/** The condition as a topic, said after it: "epilepsy awareness week", "a diabetes charity walk", "autism training". */
const TOPIC_AFTER = /^\s+(?:awareness|acceptance|training|research|charity|fundraiser|fundraising|appeal|assembly|workshop|talk|course|week|month|day)\b/;

/** Process words that are said of organisations as often as of people ("the trust is under investigation"). */
const PERSON_PROCESS = /^(?:under\s+investigation|being\s+investigated|suspended\s+while|suspended\s+during)$/;

/** A head word alone ("disease", "syndrome") names a condition only after a name of one: "a disease" is a figure of speech. */
const HEAD_WORD = /^(?:disease|syndrome|palsy)$/;
const NO_CONDITION_NAME = /\b(?:a|an|the|this|that|some|any|no|of|is|like|real|total|proper)\s+$/;
/** An insult word (data: insult-adj, insult-noun, weak-insult-noun, slur) joined to the span by only a conjunction, a comma
 * or an intensifier. */
const INSULT_JOIN = /^[\s,;&-]*(?:(?:and|an|n|plus|as\s+well\s+as|a|an|the|right|total|proper|bloody|fucking|effing|useless|old|stupid)\b[\s,]*){0,3}$/;
/** A condition (data: condition, not staff-sensitive or hr-process) used in the writer's own insult or exclusion. */
function insultingCondition(doc: Doc, raw: string, lower: string, m: Span): boolean {
  const word = lower.slice(m.start, m.end);
  if (!doc.lex.has('condition', word) || doc.lex.has('staff-sensitive', word) || doc.lex.has('hr-process', word)) return false;
  const s = sentenceSpan(raw, m.start);
  const insults = rawHits(doc, 'insult-adj', 'insult-noun', 'weak-insult-noun', 'slur').filter((h) => h.start >= s.start && h.end <= s.end && !(h.start < m.end && m.start < h.end));
  if (insults.some((h) => (h.start >= m.end && INSULT_JOIN.test(lower.slice(m.end, h.start))) || (h.end <= m.start && INSULT_JOIN.test(lower.slice(h.end, m.start))))) return true;
  // "Miss X is epileptic, people like that should not be allowed near a classroom" (data: identity-exclusion)
  return rawHits(doc, 'identity-exclusion').some((h) => h.start >= m.end && h.end <= s.end);
}

/** "which house the head lives in", "what street she lives on": the place is asked about or known, not said (round 9c). */
const UNSAID_PLACE_BEFORE = /\b(?:which|what)\s+(?:house|street|road|flat|estate|village|area|town|avenue|close|block|building|part\s+of\s+town)\b[^.!?\n]{0,40}$/;
/** Between a misconduct verb and the thing misused: a determiner or two ("fiddling the school's budget", "fiddled the SATs papers"). */
const MISUSED_OBJECT_BETWEEN = /^\s+(?:(?:the|his|her|their|its|our|school(?:['’]s)?|pta|trust|department|trip|year|whole|entire|\d+)\s+){0,3}$/;
/** A place or machine word right before "terminal" (round 9c): "ferry terminal", "bus terminal", "card terminal". */
const TERMINAL_PLACE_BEFORE = /\b(?:ferry|bus|coach|train|rail|railway|airport|cruise|container|freight|passenger|departures?|arrivals?|port|harbour|computer|payment|card|till|north|south|east|west|main)\s+$/;
function headless(lower: string, span: Span): boolean {
  return HEAD_WORD.test(lower.slice(span.start, span.end)) && NO_CONDITION_NAME.test(lower.slice(Math.max(0, span.start - 12), span.start));
}

const NI_CUED = /\b(?:NI|NINO|N\.I\.|national\s+insurance)(?:\s+(?:no\.?|number|num))?\s*[:#-]?\s*([A-Z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D])\b/gi;
const PAYROLL_G = new RegExp(PAYROLL.source, 'g');
/** The writer as the subject right before a residence word: "I live", "we've lived", "I'm living". */
const WRITER_SUBJECT_BEFORE = /\b(?:i|we|i['’]ve|we['’]ve|i['’]m|we['’]re|i\s+have|we\s+have|i\s+am|we\s+are)\s+(?:\w+\s+)?$/;
/** A reference word a little before a number: "the order ref is …", "booking code: …". */
const REFERENCE_BEFORE = /\b(?:order|ref|reference|ticket|booking|tracking|invoice|receipt|parcel|transaction|serial|payment|voucher|code)\b[^.!?\n]{0,12}$/;

/** A photo or video of people, and words that say it is shared with consent. */
const PHOTO_OF = /\b(?:photos?|pictures?|pics?|videos?|snaps?|selfies?|footage|images?|clip)\s+(?:of|showing|with)\s+|\b(?:took|taken|snapped|filmed|got)\s+(?:this|these|a\s+(?:pic|photo|picture|video|snap))\s+of\s+/g;
/** An attached picture: "[photo attached]", or a description of any length that opens with the media word ("[image: …]"). */
const PHOTO_ATTACHED = /\[(?:image|photo|picture|pic|video|vid|clip|footage|recording|screenshot)s?(?:[^\]]{0,20}|\s*[:\-–]\s*[^\]]{0,200})\]|\u{1F4F8}|\u{1F4F7}/u;
const PHOTO_HINT = new RegExp(PHOTO_OF.source);
const CONSENT = /\b(?:permission|consent(?:ed)?|parents\s+agreed|with\s+their\s+parents'?\s+(?:ok|agreement))\b/;

interface ContactHit {
  span: Span;
  weight: number;
  what: string;
  kind?: 'phone' | 'email' | 'address' | 'postcode';
}

/**
 * The public-facts step: contact details that equal the school's own published ones (its office number, its
 * address or postcode, anything inside a link to its own website) are dropped before the contact finding is
 * weighed. Only equal facts go; a parent's or teacher's number in the same item stays and still flags.
 */
function withoutPublicFacts(raw: string, contact: ContactHit[], facts: PublicFactsMatcher | undefined): ContactHit[] {
  if (!facts || !contact.length) return contact;
  const own = ownWebsiteSpans(raw, facts);
  return contact.filter((c) => {
    if (own.some((o) => c.span.start >= o.start && c.span.end <= o.end)) return false;
    const text = raw.slice(c.span.start, c.span.end);
    if (c.kind === 'phone') return !facts.phone(text);
    if (c.kind === 'postcode') return !facts.postcode(text);
    if (c.kind === 'address') return !facts.address(text);
    return true;
  });
}

/** The school publishes this person's name (the head): a named adult, not a pupil. */
function isPublicPerson(raw: string, name: Span, facts: PublicFactsMatcher | undefined): boolean {
  return (facts !== undefined && facts.person(raw.slice(name.start, name.end))) || adultNamed(raw, name);
}

/**
 * An adult as the press names one: "Laura-Jane Pike, 44,", "Judge Hargreaves", "MP Hannah Obi", or a
 * court's name ("Aylesbury Crown", "Livingston Sheriff"): not a pupil.
 */
/** A job or a home right after a name, set off by a comma: "X, headteacher of", "X, the site manager", "X, of Mill Terrace". */
const ADULT_APPOSITION = /^,\s+(?:(?:the|a|an|its|our)\s+)?(?:(?:deputy|assistant|acting|interim|executive|former|new)\s+)?(?:head\s*teacher|head|principal|rector|headmaster|headmistress|chair|chairman|chairwoman|governor|site\s+manager|business\s+manager|caretaker|bursar|teacher|senco|councillor|cabinet\s+member|director|chief\s+executive|ceo|spokes\w+)\b|^,\s+of\s+(?:no\s+fixed\s+(?:abode|address)\b|\p{Lu})/u;
/** A named adult (an age of 18 or more after the name, a title, a court): exported for its unit test. */
export function adultNamed(raw: string, name: Span): boolean {
  // "Noah Patel, 42," is an age; "Noah Patel, 23 Acacia Avenue" is an address (the \b rules out "2015")
  const age = /^,?\s+(?:aged\s+)?(\d{2})\b(?![\s,]*\p{Lu})/u.exec(raw.slice(name.end, name.end + 24));
  if (age && Number(age[1]) >= 18) return true;
  // "Siobhan Kerr, headteacher of …", "Reg Partridge, site manager at …", "Lee Dunn, of Mill Terrace,": a job at the school
  // or a home given in apposition, as the press names an adult
  if (ADULT_APPOSITION.test(raw.slice(name.end, name.end + 40))) return true;
  if (/\b(?:Judge|Sheriff|MP|Councillor|Cllr|Dame|Lord|Lady|Professor|Prof|Reverend|Rev|Bishop|Father|Canon|Inspector|Sergeant|Sgt|Constable|PC|DC|DI|Detective)\.?\s+$/.test(raw.slice(Math.max(0, name.start - 14), name.start))) return true;
  return /\b(?:Crown|Sheriff|Magistrates|Executive|Coroner)$/.test(raw.slice(name.start, name.end));
}

export function confidentialRules(doc: Doc, options: ConfidentialOptions = {}): Finding[] {
  const raw = doc.raw;
  const lowered = raw.toLowerCase();
  const lower = lowered.length === raw.length ? lowered : raw.replace(/[A-Z]/g, (c) => c.toLowerCase());
  const hasDigits = /\d/.test(raw);
  const notNames = notNameWords(options.notNames);
  const findings: Finding[] = [];
  const res = lexRes(doc.lex);
  const leak = hasLeakCue(doc);
  // "the wife says", "my mate said": hearsay from a private person is no public statement (data: private-speaker)
  // who discloses: the subject of "says" is read from its clause's start, so "someone in the school office says" and "one
  // of the mums at pick-up said" are private speakers too, however many words describe them; "the school said" is not
  // and a community body's newsletter ("mosque newsletter", "parish bulletin"; data: community-body) is not the school's
  const communityBodies = lower.includes('newsletter') ? rawHits(doc, 'community-body') : [];
  // round 11: "court" in "a court order", "hidden from her dad" (data: pupil-at-risk) is a child's protection, not a court report
  const atRisk = lower.includes('court') ? rawHits(doc, 'pupil-at-risk') : [];
  const publicCues = rawHits(doc, 'public-cue').filter((c) => !atRisk.some((a) => a.start <= c.start && c.end <= a.end) && !(/^sa(?:id|ys)$/.test(lower.slice(c.start, c.end)) && (res.privateSpeaker.test(lower.slice(Math.max(0, c.start - 30), c.start)) || res.privateSubject.test(clauseTo(lower, c.start)))) &&
    !(lower.slice(c.start, c.end) === 'newsletter' && communityBodies.some((b) => b.end <= c.start && c.start - b.end <= 12)) &&
    // "the parish newsletter says …": the community body's newsletter is who says it
    !(/^sa(?:id|ys)$/.test(lower.slice(c.start, c.end)) && communityBodies.some((b) => b.end <= c.start && c.start - b.end <= 20 && /^\s+newsletters?\s+$/.test(lower.slice(b.end, c.start)))) &&
    // round 10: "not announced to anyone yet", "hasn't been published": a public cue under negation says the opposite
    !negatedPublicCue(doc, cleanSpanOf(doc, c)) &&
    // round 11: "got sent the staff rota by accident, it says …" (data: document-noun, passed-on): a document that went out
    // says what it holds; its "says" is no public statement
    !documentSays(doc, lower, c));
  // a sensitive fact about a pupil: conditions (NHS names), SEND, safeguarding, exclusion, family matters
  // "SEND" (special educational needs) is an acronym: the verb "send" is not one
  // "excluded from the match squad": left out of a team or a game, not excluded from school
  const pupilFacts = rawHits(doc, 'pupil-sensitive', 'condition', 'send').filter((h) => !headless(lower, h) && raw.slice(h.start, h.end) !== 'send' && raw.slice(h.start, h.end) !== 'Send' &&
    !(/^exclu/.test(lower.slice(h.start, h.end)) && TEAM_EXCLUSION.test(lower.slice(h.end, h.end + 40))) &&
    // round 9b: "new guidance adopted", "the policy was adopted": a decision taken, not a child adopted
    !(/^adopted$/.test(lower.slice(h.start, h.end)) && /\b(?:guidance|policy|policies|plan|approach|strategy|motion|framework|scheme|measures|rules|procedures?|budget|proposals?|recommendations?)\s+(?:\w+\s+)?(?:was\s+|were\s+|been\s+|is\s+|are\s+)?$/.test(lower.slice(Math.max(0, h.start - 40), h.start))));

  // round 9b: the item says no one is named ("no pupils named", "no individual cases discussed"; data: no-one-named): a
  // condition in a sentence with no titled or full name is spoken of in general
  const noOneNamed = doc.lex.count(doc.clean.text, 'no-one-named') > 0;
  // a fact named as a topic ("epilepsy awareness", "a talk on asthma", "like a diabetic") is about no one
  const topicFact = topicFactIn(lower);
  const personalFacts = pupilFacts.filter((h) => !topicFact(h));
  // an item about an awareness day or week: the condition is its topic, and advice about it ("seizure first aid: protect
  // the head") is about no one, unless a person is named beside it
  const awarenessItem = pupilFacts.some(topicFact);
  // pupil personal information: a named child near a pupil marker and a sensitive detail
  const pupilSpans: Span[] = [];
  const anySensitive = pupilFacts.length > 0;
  const photoCues = rawHits(doc, 'photo-cue');
  const fullNames = anySensitive || photoCues.length || PHOTO_HINT.test(lower) || PHOTO_ATTACHED.test(raw) ? findNames(raw, notNames) : [];
  const firstNames = anySensitive ? findFirstNamePupils(raw, notNames, doc.lex).filter((f) => !fullNames.some((n) => f.start >= n.start && f.start < n.end)) : [];
  // "in the same class as Mohammed Kaur. The mother told me Mohammed has epilepsy": the first name alone, later, is the same child
  if (anySensitive) {
    // each first name is scanned once, from the end of its first full name (a long item repeats names thousands of times);
    // positions inside full names and first names already found are looked up in sets
    const firstFrom = new Map<string, number>();
    for (const n of fullNames) {
      if (res.titleBefore.test(lower.slice(Math.max(0, n.start - 12), n.start)) || res.adultBefore.test(lower.slice(Math.max(0, n.start - 12), n.start)) || ORGANISATION.test(raw.slice(n.start, n.end)) || res.placeEnd.test(raw.slice(n.start, n.end)) || isPublicPerson(raw, n, options.publicFacts)) continue;
      const first = /^\p{Lu}\p{Ll}{2,}/u.exec(raw.slice(n.start, n.end))?.[0];
      if (first && (firstFrom.get(first) ?? Infinity) > n.end) firstFrom.set(first, n.end);
    }
    if (firstFrom.size) {
      const inFullName = new Set<number>();
      for (const f of fullNames) for (let i = f.start; i < f.end; i++) inFullName.add(i);
      const taken = new Set(firstNames.map((f) => f.start));
      for (const [first, from] of firstFrom) {
        for (let at = raw.indexOf(first, from); at >= 0; at = raw.indexOf(first, at + first.length)) {
          const span = { start: at, end: at + first.length };
          if (/[\p{L}\d_]/u.test(raw[at - 1] ?? '') || /[\p{L}\d_]/u.test(raw[span.end] ?? '')) continue;
          if (inFullName.has(at) || taken.has(at)) continue;
          taken.add(at);
          firstNames.push(span);
        }
      }
    }
  }
  // what the item says of consent (data: consent-cue, no-consent-cue), read once and only when a rule asks
  const consent = once(() => ({ yes: CONSENT.test(lower) || rawHits(doc, 'consent-cue').length > 0, no: rawHits(doc, 'no-consent-cue').length > 0 }));
  // a press release or newsletter that says the family agreed (data: consent-cue, public-cue) is not a leak, unless it says nobody did
  // round 9c: so is a pupil's good news (data: good-news: "shortlisted for the young carer award", "congratulated") put out
  // by a teacher, a radio show or a parish sheet that says the family agreed, with no public-cue word of its own
  const publishedWithConsent = anySensitive && (publicCues.length > 0 || doc.lex.count(doc.clean.text, 'good-news') > 0) && consent().yes && !consent().no;
  for (const name of anySensitive && !publishedWithConsent ? [...fullNames, ...firstNames] : []) {
    if (isPublicPerson(raw, name, options.publicFacts)) continue;
    // round 9b: "Pierre Robin sequence", "Tourette's": a person's name inside a condition's name is no pupil
    if (pupilFacts.some((h) => h.start < name.end && name.start < h.end)) continue;
    // (after a bare "our"/"my", only a first name: "Our Joaquim Dobson's got an EHCP" with a surname is a relative's or
    // a neighbour's way of naming a child, as the spent functional halves label it)
    const ownBefore = OWN_CHILD_BEFORE_NAME.exec(raw.slice(Math.max(0, name.start - 40), name.start));
    if (ownBefore && (/\S\s+\S/.test(ownBefore[0].trim()) || !/\s/.test(raw.slice(name.start, name.end)))) continue;
    const ctx = aroundSpan(raw, name.start);
    const window = lower.slice(Math.max(0, name.start - 90), name.end + 90);
    const sentence = sentenceSpan(raw, name.start);
    // without a year group or "pupil" nearby, the fact must be in the named person's own sentence
    const marked = PUPIL_MARKER.test(window);
    // "Why is Isla always out of lessons? Oh right, a statement of special needs.": a question about the named child
    // answered in the next sentence, or a next sentence that goes on about them, is the child's own sentence too
    const next = sentenceAfter(raw, sentence);
    // (data: pupil-continuation); a reply that asks about the child and answers on its next line goes on for two
    let own = sentence;
    // a question about the child ("you heard about Kacper Mensah?") is answered by the sentence after it, when that
    // sentence has no subject of its own ("Only under a Section 20…", not "The SEND review is on Tuesday…")
    // in a chat transcript the question may have no "?": a question word opens its line and the next line is another
    // speaker's ("Rach: where's X been" / "Jay: given a fixed-term exclusion"); the answer is read without its label
    const chatAsked = !!next && raw.charCodeAt(sentence.end) === 10 && CHAT_QUESTION.test(raw.slice(sentence.start, sentence.end)) && SPEAKER_LABEL.test(raw.slice(next.start, next.end));
    const nextBody = next ? raw.slice(next.start, next.end).replace(SPEAKER_LABEL, '') : '';
    const asked = (raw.charCodeAt(sentence.end) === 63 || chatAsked) && !!next && !OWN_SUBJECT.test(nextBody);
    // "Kacper Qureshi. Put on a managed move. Elmfield.": a sentence that is the name alone has no predicate of its own,
    // so the sentence after it says what it is about the child
    const nameOnly = !/[\p{L}\d]/u.test(raw.slice(sentence.start, name.start) + raw.slice(name.end, sentence.end));
    // round 9b: a text or screenshot set out as short lines ("Skye Kowalczyk" / "Elmfield Primary" / "has leukaemia"): a
    // name alone on its line goes on over the next short lines, as one sentence would
    for (let k = 0, nx = next; k < (nameOnly ? 3 : 2) && nx && ((k === 0 && (asked || nameOnly)) || (nameOnly && cardLine(raw, nx)) || res.continued.test(raw.slice(nx.start, nx.end))); k++) {
      own = { start: sentence.start, end: nx.end };
      nx = sentenceAfter(raw, nx);
    }
    // round 9b: a text copied off a screen keeps its line breaks mid-sentence ("Dylan Ryan frm" / "Elmfield Primary is" / "a
    // looked-after child"): a line that ends on a word no sentence ends on goes on over the next line
    for (let k = 0; k < 3 && raw.charCodeAt(own.end) === 10 && DANGLING.test(raw.slice(Math.max(own.start, own.end - 12), own.end)); k++) {
      const nx = sentenceAfter(raw, own);
      if (!nx) break;
      own = { start: own.start, end: nx.end };
    }
    if (!marked && !firstWithin(pupilFacts, own.start, own.end)) continue;
    if (!marked && noOneNamed) continue;
    // unmarked, it must look like a person: not "(St) John Ambulance", "Information Commissioner"
    // a committee or a service is never a pupil, marked or not; nor a group or a page ("Penmarrow Grapevine", "Tots Chat")
    if (ORGANISATION.test(raw.slice(name.start, name.end)) || res.placeEnd.test(raw.slice(name.start, name.end))) continue;
    if (!marked && (ORGANISATION.test(raw.slice(name.start, name.end + 16)) || /\b(?:St|Saint|The)\.?\s*$/.test(raw.slice(Math.max(0, name.start - 7), name.start)))) continue;
    if (!marked && res.adultBefore.test(lower.slice(Math.max(0, name.start - 12), name.start))) continue;
    // round 12: "the village school out at Hobbs Hollow", "moving to Tarnside" (data: place-before): a place, not a child
    if (res.placeBefore.test(lower.slice(Math.max(0, name.start - 16), name.start))) continue;
    if (res.titleBefore.test(lower.slice(Math.max(0, name.start - 12), name.start)) || /\b(?:head(?:teacher)?|teacher|principal)\s*$/.test(lower.slice(Math.max(0, name.start - 12), name.start))) continue;
    // proximity: the fact must be in the pupil's sentence or the one either side
    // the first fact near the child that is about someone, not a topic ("for Diabetes Awareness Day: Kian … has type 1 diabetes")
    // round 11: a chat question about the child ("> why's X not at the sleepover?\nbecause they're on a CP plan") ends on two
    // stops, so the sentences either side miss its answer: the child's own sentence, with the answer, counts too
    const sensitive = marked ? firstWithin(personalFacts, Math.min(ctx.start, own.start), Math.max(ctx.end, own.end)) : firstWithin(personalFacts, own.start, own.end);
    if (!sensitive) continue;
    pupilSpans.push(name, sensitive);
  }
  if (pupilSpans.length) {
    findings.push({ category: 'confidential.pupil-personal', confidence: 0.88, raw: true, spans: pupilSpans,
      reason: `names a pupil ("${raw.slice(pupilSpans[0]!.start, pupilSpans[0]!.end)}") with sensitive details ("${raw.slice(pupilSpans[1]?.start ?? 0, pupilSpans[1]?.end ?? 0)}")` });
  } else if (fullNames.length && !CONSENT.test(lower)) {
    // a photo of named children from the school, shared without a word of consent
    PHOTO_OF.lastIndex = 0;
    for (const m of lower.matchAll(PHOTO_OF)) {
      const after = m.index! + m[0].length;
      const named = fullNames.filter((n) => n.start >= after && n.start - after < 40 && !isPublicPerson(raw, n, options.publicFacts) && !res.placeEnd.test(raw.slice(n.start, n.end + 10)));
      if (!named.length) continue;
      const window = lower.slice(m.index!, Math.min(lower.length, named[named.length - 1]!.end + 120));
      if (!PUPIL_MARKER.test(window) && !/\b(?:pupils?|children|kids|school|primary|academy|college|class|uniform|playground|classroom|ysgol|high|infants?|nursery|juniors?|trip|year)\b/.test(window)) continue;
      const spans = [{ start: m.index!, end: after - 1 }, ...named];
      findings.push({ category: 'confidential.pupil-personal', confidence: 0.8, raw: true, spans, reason: `a photo of named pupils ("${raw.slice(named[0]!.start, named[0]!.end)}")` });
      break;
    }
    // "[image attached] … that's Niamh Tolley on the left": an attached photo, a named child, a year group
    const attached = PHOTO_ATTACHED.exec(raw);
    if (attached && !findings.some((f) => f.category === 'confidential.pupil-personal') && (PUPIL_MARKER.test(lower) || res.photoContext.test(lower) || fullNames.some((n) => schoolWordNear(raw, lower, n)))) {
      const named = fullNames.filter((n) => !ORGANISATION.test(raw.slice(n.start, n.end)) && !isPublicPerson(raw, n, options.publicFacts) && !adultByRole(raw, lower, n));
      if (named.length) findings.push({ category: 'confidential.pupil-personal', confidence: 0.75, raw: true, spans: [{ start: attached.index, end: attached.index + attached[0].length }, ...named], reason: `a photo of named pupils ("${raw.slice(named[0]!.start, named[0]!.end)}")` });
    }
  }

  // any wording of a photo or video of a named child (data: photo-cue), shared without consent (data: consent-cue, no-consent-cue)
  // (round 10: in one sentence past an abbreviation's dot: "pics of the lads, incl. Poppy Ashdown")
  if (photoCues.length && fullNames.length && !findings.some((f) => f.category === 'confidential.pupil-personal')) {
    const unconsented = consent().no;
    // consent said, or a news report (data: public-cue), clears it unless the item says nobody agreed
    const consented = !unconsented && (consent().yes || publicCues.length > 0);
    const named = consented ? [] : fullNames.filter((n) => photoCues.some((c) => Math.abs(c.start - n.start) <= 160 && (sameSentence(raw, c.start, n.start) || onlyAbbreviationsBetween(raw, c.start, n.start))) && !res.placeEnd.test(raw.slice(n.start, n.end + 10)) && (unconsented || PUPIL_MARKER.test(lower.slice(Math.max(0, n.start - 90), n.end + 90)) || res.photoContext.test(lower.slice(Math.max(0, n.start - 90), n.end + 90)) || schoolWordNear(raw, lower, n)) && !ORGANISATION.test(raw.slice(n.start, n.end)) && !isPublicPerson(raw, n, options.publicFacts) && !adultByRole(raw, lower, n) && !res.titleBefore.test(lower.slice(Math.max(0, n.start - 12), n.start)) && !/\b(?:head(?:teacher)?|teacher|principal)\.?\s*$/.test(lower.slice(Math.max(0, n.start - 12), n.start)));
    if (named.length && (PUPIL_MARKER.test(lower) || res.photoContext.test(lower) || named.some((n) => schoolWordNear(raw, lower, n)))) {
      findings.push({ category: 'confidential.pupil-personal', confidence: 0.8, raw: true, spans: [photoCues[0]!, ...named], reason: `a photo of named pupils ("${raw.slice(named[0]!.start, named[0]!.end)}")` });
    }
  }

  // a photo or video in which the children can be recognised ("you can see the kids' faces", "names in the caption"; data:
  // identifiable-faces), at school, with no word of consent: no name is needed
  if (!findings.some((f) => f.category === 'confidential.pupil-personal') && (photoCues.length || PHOTO_ATTACHED.test(raw))) {
    const faces = rawHits(doc, 'identifiable-faces');
    if (faces.length && !rawHits(doc, 'faces-hidden').length) {
      const consented = !consent().no && (consent().yes || publicCues.length > 0);
      const pupils = PUPIL_MARKER.test(lower) || res.photoContext.test(lower) || /\b(?:kids|children|pupils|weans|bairns|class)\b/.test(lower);
      if (!consented && pupils) {
        const cue = photoCues[0] ?? faces[0]!;
        findings.push({ category: 'confidential.pupil-personal', confidence: 0.78, raw: true, spans: [cue, faces[0]!], reason: `a photo or video in which pupils can be recognised ("${raw.slice(faces[0]!.start, faces[0]!.end)}")` });
      }
    }
  }

  // a recognisable pupil in a photo or video that went out, in any wording (data: photo-cue, seen-cue, face-word,
  // visibility-word, name-word, name-place, media-exposure): a media noun, a pupil identified in it (named right after
  // "you can see"/"that's", a face that shows, a name written on it), a sign it was put out, and no word of consent
  if (!findings.some((f) => f.category === 'confidential.pupil-personal') && (photoCues.length || PHOTO_ATTACHED.test(raw))) {
    const shown = recognisablePupil(doc, raw, notNames);
    // pupils in view: a year group, a school setting, children, or a school event (data: praise-event: "the nativity")
    const pupils = shown && (PUPIL_MARKER.test(lower) || res.photoContext.test(lower) || /\b(?:kids?|children|pupils|students|class|weans|bairns|boys?|girls?|lads?|son|daughter)\b/.test(lower) || doc.lex.count(doc.clean.text, 'praise-event') > 0);
    // a name after "you can see" or a face that shows is the pupil in the picture; a name written on it needs a sign the
    // picture went out (data: media-exposure, data-exposure), since a caption can be the school's own
    const exposed = shown && ((shown.how !== 'written' && !shown.character) || rawHits(doc, 'media-exposure', 'data-exposure').length > 0);
    if (shown && pupils && exposed && !rawHits(doc, 'faces-hidden').length) {
      const consented = !consent().no && consent().yes;
      if (!consented && !isPublicPerson(raw, shown, options.publicFacts)) {
        findings.push({ category: 'confidential.pupil-personal', confidence: 0.78, raw: true, spans: [photoCues[0] ?? { start: shown.start, end: shown.end }, { start: shown.start, end: shown.end }], reason: `a photo or video in which a pupil can be recognised ("${raw.slice(shown.start, shown.end)}")` });
      }
    }
  }

  // a photo or video of a pupil being hurt or shamed ("vid of the year 7 lad getting battered", "the state of this year 9
  // crying in the changing rooms"; data: media-harm) shared without consent or a news frame: the pupil is identifiable
  // to everyone who knows them, named or not
  if (!findings.some((f) => f.category === 'confidential.pupil-personal') && (photoCues.length || PHOTO_ATTACHED.test(raw))) {
    // the harm said of a pupil (a year group or a child word just before it, no adult's title between), beside the media
    // word; not a match score ("battered 6-0"), "crying with laughter", or a plea not to share it ("please don't post the video")
    const attached = PHOTO_ATTACHED.exec(raw);
    const media = attached ? [...photoCues, { start: attached.index, end: attached.index + 1 }] : photoCues;
    const harms = rawHits(doc, 'media-harm').filter((h) => {
      if (MATCH_SCORE.test(lower.slice(h.end, h.end + 12)) || /^\s+with\s+laughter\b/.test(lower.slice(h.end, h.end + 16))) return false;
      // tears of joy: "crying after winning the cup … so proud"
      if (/^(?:crying|screaming)$/.test(lower.slice(h.start, h.end)) && JOY.test(lower.slice(h.start, Math.min(lower.length, h.end + 80)))) return false;
      const before = lower.slice(Math.max(0, h.start - 50), h.start);
      if (!(PUPIL_MARKER.test(before) || /\b(?:lad|lass|lassie|kid|wean|bairn|boy|girl|pupil|wan)\b/.test(before)) || TITLE_NAMED.test(before) || /\b(?:head|teacher|dinner\s+lady|staff|ta)\b/.test(before)) return false;
      return media.some((m) => Math.abs(m.start - h.start) <= 160);
    });
    if (harms.length && !consent().yes && !publicCues.length && !DONT_SHARE.test(lower)) {
      findings.push({ category: 'confidential.pupil-personal', confidence: 0.78, raw: true, spans: [photoCues[0] ?? harms[0]!, harms[0]!], reason: `a photo or video of a pupil hurt or shamed ("${raw.slice(harms[0]!.start, harms[0]!.end)}")` });
    }
  }

  // many pupils' details at once: a collection (a list, spreadsheet, tracker; data: data-collection) that says who is in it
  // (names, everyone's; data: data-identity) and something sensitive about them (grades, SEN, FSM, conditions; data:
  // data-sensitive, condition, send), gone out (going round, by mistake, on TikTok; data: data-exposure)
  if (!findings.some((f) => f.category === 'confidential.pupil-personal')) {
    const collections = rawHits(doc, 'data-collection');
    // its parts are read near a collection (a few sentences): a long post's "results" and a "group chat" far apart are two topics
    const nearCollection = (h: Span) => collections.some((c) => Math.abs(h.start - c.start) <= DATA_REACH);
    const exposed = collections.length ? rawHits(doc, 'data-exposure').filter(nearCollection) : [];
    // a news report of the breach ("the school said it had asked recipients to delete the email") is reputation, not the leak;
    // a bare "said" counts only when an organisation says it ("the office really said oops" is no statement)
    const news = publicCues.filter((c) => !/^sa(?:id|ys)$/.test(lower.slice(c.start, c.end)) || /\b(?:school|academy|college|council|trust|authority|police|spokes\w*|statement|headteacher|head|it|they)\s+(?:\w+\s+)?$/.test(lower.slice(Math.max(0, c.start - 30), c.start)));
    // a fine, a penalty or a regulator's case over it (data: rep-sanction at full weight, investigating-body) reports the breach
    const reported = exposed.length > 0 && (doc.lex.find(doc.clean.text, 'rep-sanction').some((h) => h.weight >= 0.7) || doc.lex.find(doc.clean.text, 'rep-money-penalty').length > 0);
    // the writer saying they will not pass it on clears it; a plea to others to delete a list that is going round does not
    if (exposed.length && !news.length && !reported && !WONT_SHARE.test(lower)) {
      const who = rawHits(doc, 'data-identity').filter(nearCollection);
      // a list of results, grades or scores is sensitive by what it is: "the sats results got leaked, names and everything"
      const resultsList = RESULTS_LIST.test(lower.slice(collections[0]!.start, collections[0]!.end));
      const what = [...rawHits(doc, 'data-sensitive'), ...pupilFacts].filter((h) => nearCollection(h) && !who.some((w) => w.start < h.end && h.start < w.end) && (resultsList || !(collections[0]!.start <= h.start && h.end <= collections[0]!.end)));
      // a year group in the plural ("the list of Y11s") is pupils too
      const pupils = PUPIL_MARKER.test(lower) || res.photoContext.test(lower) || /\b(?:kids?|children|pupils|students|class|weans|bairns|(?:y|yr|year)\s?\d{1,2}s)\b/.test(lower);
      if (pupils && what.length && (who.length || new Set(what.map((h) => lower.slice(h.start, h.end))).size >= 2)) {
        findings.push({ category: 'confidential.pupil-personal', confidence: 0.78, raw: true, spans: [collections[0]!, ...(who.length ? [who[0]!] : []), what[0]!, exposed[0]!],
          reason: `pupils' details shared ("${raw.slice(collections[0]!.start, collections[0]!.end)}" with "${raw.slice(what[0]!.start, what[0]!.end)}")` });
      }
    }
  }

  // round 10: a list of people said to share a sensitive attribute ("the families on 100% bursaries: the Adeyemis, the
  // Wrights, …"; rules/confidential-context.ts), not a news report or the school's own notice
  if (!findings.some((f) => f.category === 'confidential.pupil-personal') && !publicCues.length) {
    const listed = peopleListedWithAttribute(doc, raw);
    if (listed) findings.push({ category: 'confidential.pupil-personal', confidence: 0.75, raw: true, spans: [listed], reason: `a list of families or pupils with a sensitive detail ("${raw.slice(listed.start, Math.min(listed.end, listed.start + 60))}")` });
  }

  // staff personal information
  const staffSpans: Span[] = [];
  // a denial of the claim ("that's rubbish", "not true"), not a judgement of something else in it ("his results were rubbish")
  // round 11: a plea not to pass the matter on ("don't spread it"; data: secrecy-plea) asks for secrecy, it denies nothing
  const pleas = doc.lex.find(doc.clean.text, 'secrecy-plea');
  const denied = doc.lex.find(doc.clean.text, 'denial').some((h) => !JUDGED_THING_BEFORE.test(doc.clean.text.slice(Math.max(0, h.start - 40), h.start)) && !pleas.some((p) => p.start <= h.start && h.end <= p.end));
  const sympathy = doc.lex.count(doc.clean.text, 'sympathy') > 0;
  // is a full name (found on first use) inside from..to? By binary search over the names in order, for loops over many
  // cues in a long item
  const nameWithin = namesWithin(once(() => findNames(raw, notNames).sort((a, b) => a.start - b.start)));
  // news about a member of staff (a court heard, police said, a spokesperson confirmed; data: news-frame): a process an
  // employer, regulator or court runs on them (data: official-process) is public reporting, the reputation rules' kind
  const newsFrame = !leak && doc.lex.count(doc.clean.text, 'news-frame') > 0;
  // a death or loss in someone's family (data: family-event) is told of a titled member of staff in its own sentence,
  // not a story, poem or lesson about it ("a poem about how her dad died in the war")
  const familyEvents = rawHits(doc, 'family-event');
  // round 10: and a named child after "my"/"our" ("so proud of my Jayden", "our Freddie (class 3)"): the writer's own child
  const ownChildren = [...rawHits(doc, 'own-child'), ...ownNamedChildren(raw)].sort((a, b) => a.start - b.start);
  // a set, not a list scan per cue: a long item has thousands of cues
  const familyEvent = new Set(familyEvents);
  let said: { start: number; end: number; staff: boolean | undefined; pupil: boolean | undefined } = { start: -1, end: -1, staff: undefined, pupil: undefined };
  const processOpensAfterTitled = (m: Span): boolean => {
    const s = sentenceSpan(raw, m.start);
    // (a fragment with no verb of its own: "Under investigation by the council is the plan …" has its subject after it)
    if (!/^\W*$/.test(raw.slice(s.start, m.start)) || s.start < 2 || /\b(?:is|are|was|were)\b/.test(lower.slice(m.end, s.end))) return false;
    const prev = sentenceSpan(raw, s.start - 2);
    return TITLE_NAMED.test(lower.slice(prev.start, prev.end));
  };
  // round 11: "One of the nurses at Elmfield is off for cancer treatment. Her name is Jo Pask.": a member of staff by role
  // (a role word or data: staff-role), named by the next sentence's opening (data: name-given) and a full name
  const staffRoles = rawHits(doc, 'staff-role');
  const staffNamedNext = (s: Span): boolean => {
    if (!STAFF_NOUN.test(lower.slice(s.start, s.end)) && !firstWithin(staffRoles, s.start, s.end)) return false;
    const nx = sentenceAfter(raw, s);
    if (!nx) return false;
    const given = rawHits(doc, 'name-given').find((g) => g.start >= nx.start && /^\W*$/.test(raw.slice(nx.start, g.start)));
    return !!given && nameWithin(given.end, Math.min(nx.end, given.end + 40));
  };
  // round 11: "> where's Mr Dunn been?\n> dunno\nsigned off, a breakdown.": a line with no subject answers the question about
  // a titled member of staff a line or two above it, past a short reply ("> dunno")
  const answersStaffQuestion = (s: Span): boolean => {
    if (/^\W*(?:i|we|you|my|our|the|a|an|this|that|it|[\p{L}]+['’]s)\b/u.test(raw.slice(s.start, s.end).toLowerCase().replace(/^[>\s]+/, ''))) return false;
    let at = s;
    for (let k = 0; k < 3 && at.start > 1; k++) {
      const before = sentenceSpan(raw, lastBefore(raw, at.start));
      const text = raw.slice(before.start, before.end);
      if (raw.charCodeAt(before.end) === 63) return TITLE_NAMED.test(text.toLowerCase());
      if (text.replace(/[>\s]/g, '').length > 16) return false;
      at = before;
    }
    return false;
  };
  for (const m of [...rawHits(doc, 'staff-sensitive', 'condition', 'hr-process'), ...familyEvents]) {
    if (headless(lower, m)) continue;
    // round 9c: "the ferry terminal", "a card terminal", "Terminal 2": a place or a machine, not a terminal illness
    if (/^terminal$/.test(lower.slice(m.start, m.end)) && (TERMINAL_PLACE_BEFORE.test(lower.slice(Math.max(0, m.start - 24), m.start)) || /^\s+(?:\d|one|two|three|four|five|building)\b/.test(lower.slice(m.end, m.end + 12)))) continue;
    // round 9c: "I know which house he lives in and what car he drives", "I know where she lives.": a threat says it knows
    // the place without giving it (the abuse rules read the threat); a place after the words ("lives in Mill Lane") still counts
    if (/^(?:lives?|living|lived)\s+(?:in|at|on)$/.test(lower.slice(m.start, m.end)) && UNSAID_PLACE_BEFORE.test(lower.slice(Math.max(0, m.start - 60), m.start)) && /^\s*(?:[,.!?;]|and\b|now\b|too\b|$)/.test(lower.slice(m.end, m.end + 8))) continue;
    // "signed off the budget": approval, not a sick note
    if (/^signed\s+off$/.test(lower.slice(m.start, m.end)) && /^\s+(?:the|a|an|on|by|as|plans?|budgets?|accounts?)\b/.test(lower.slice(m.end, m.end + 12))) continue;
    // round 11: "type 1 if u agree" (a chat poll), "membership suspended" (a club's sanction, not an employer's),
    // and "sacked from their last school for theft" (a former employer's, told as an accusation about the person's past)
    if (chatVoteAt(doc, lower, m) || suspendedThingAt(doc, lower, m) || formerEmployerAt(doc, lower, m)) continue;
    if (familyEvent.has(m) && (!TITLE_NAMED.test(lower.slice(sentenceSpan(raw, m.start).start, m.end)) || /\b(?:about|poem|story|book|topic|film|play|lesson|song)\b/.test(lower.slice(Math.max(sentenceSpan(raw, m.start).start, m.start - 40), m.start)) || /\b(?:my|our|ma|me|your)\s+$/.test(lower.slice(Math.max(0, m.start - 8), m.start)))) continue;
    if (newsFrame && doc.lex.has('official-process', lower.slice(m.start, m.end))) continue;
    // round 12: "my sick note went to the school", "I handed my GP's note to Mr X": the writer's own note or process
    // (data: hr-process right after "my"/"our"), not the member of staff's
    if (WRITERS_OWN_BEFORE.test(lower.slice(Math.max(0, m.start - 10), m.start)) && doc.lex.has('hr-process', lower.slice(m.start, m.end))) continue;
    if (awarenessItem && doc.lex.has('condition', lower.slice(m.start, m.end)) && !nameWithin(sentenceSpan(raw, m.start).start, sentenceSpan(raw, m.start).end) && !TITLE_NAMED.test(lower.slice(sentenceSpan(raw, m.start).start, sentenceSpan(raw, m.start).end))) continue;
    // "Academy trust under investigation": a process word said of an organisation; a person must come before it
    // (round 11: "fare tonight was Mrs X. Under investigation over a post, they reckon.": a sentence that opens on the process
    // has the titled member of staff of the sentence before as its subject)
    if (PERSON_PROCESS.test(lower.slice(m.start, m.end)) && !identifiesStaff(lower.slice(Math.max(sentenceSpan(raw, m.start).start, m.start - 60), m.start)) && !nameWithin(sentenceSpan(raw, m.start).start, m.start) && !processOpensAfterTitled(m)) continue;
    // "the claim that he was sacked is false": a rumour the item rebuts discloses nothing
    // a rumour the item condemns or denies is not passed on; sympathy ("poor man", "God love her") condemns nothing,
    // it passes the detail on: then only a denial clears it
    const at = cleanSpanOf(doc, m);
    if (at && (denied || !sympathy) && reportedAt(doc, at)) continue;
    if (OPINION_BEFORE.test(lower.slice(Math.max(0, m.start - 30), m.start))) continue;
    // "Mrs Dunn runs the support programme": the member of staff runs the process, it is not run on them
    // (round 9b: "has started a capability plan with Mr Hargreaves": run on the titled member of staff after "with")
    if (RUNS_BEFORE.test(lower.slice(Math.max(0, m.start - 40), m.start)) && !/^\s+(?:[\p{L}'’-]+\s+){0,2}?(?:with|for|on)\s+(?:mr|mrs|ms|miss|mx|dr|sir)\b/u.test(lower.slice(m.end, m.end + 40))) continue;
    // "a training session on asthma", "epilepsy awareness": the topic, not someone's health
    if (ABOUT_THE_TOPIC.test(lower.slice(Math.max(0, m.start - 40), m.start)) || TOPIC_AFTER.test(lower.slice(m.end, m.end + 24))) continue;
    // "deaf people shouldn't teach": a condition said of a group is a generalisation, not someone's health
    if (GROUP_AFTER.test(lower.slice(m.end, m.end + 16))) continue;
    // round 10: "autism mums", "anxiety support", "dyslexia provision" (data: condition-community): a community or a service
    // named by the condition, unless a person's possessive owns it ("his anxiety support plan")
    if (conditionAsCommunity(doc, lower, m)) continue;
    // round 10: "how they'd manage his dyspraxia in exams" in a parent's item about their own child (data: care-verb): the
    // staff care for the child's need, the condition is the child's
    if (ownChildren.length && caredForNeed(doc, lower, m)) continue;
    // round 10: "died at home after a short illness" in a tribute (data: death-notice, tribute-frame): the news of a death
    if (diedOfIt(doc, raw, m, sentenceSpan(raw, m.start))) continue;
    // round 9c: a condition inside the writer's own insult ("deaf and thick with it", "that autistic weirdo") or named in a
    // remark that would keep people with it out ("…, people like that shouldn't be allowed near a classroom") is the abuse
    // (the abuse rules flag it), not a disclosure; only a condition word (not sick leave or an HR process) and only an
    // insult joined to it by a conjunction or a comma, so a diagnosis told as a fact beside an insult still counts
    if (insultingCondition(doc, raw, lower, m)) continue;
    if (CHILD_OWNER.test(lower.slice(Math.max(0, m.start - 40), m.start)) || childHasIt(lower.slice(Math.max(0, m.start - 60), m.start)) || SIMILE_BEFORE.test(lower.slice(Math.max(0, m.start - 30), m.start))) continue;
    const s = sentenceSpan(raw, m.start);
    const sentence = lower.slice(s.start, s.end);
    const prev = s.start > 1 ? lower.slice(sentenceSpan(raw, lastBefore(raw, s.start)).start, s.start) : '';
    // "…ma son's attendance is 82%. He's had tonsillitis twice.": the pronoun goes on about the writer's own child
    // ("…dragged my son out, she's unhinged. She was signed off…": "she" is not the son)
    // ("Alfie started there in September. He's eleven. He has Angelman syndrome.": the age says the pronoun is a child)
    // ("prayers for our Seren (Year 10). She's come through her heart surgery": the family's own child, by name)
    const rawPrev = s.start > 1 ? raw.slice(sentenceSpan(raw, s.start - 2).start, s.start) : '';
    if (/^\W*(?:he|she|they)(?:'s|'d|\s+has|\s+had|\s+is|\s+was|\s+gets|\s+got)\b/.test(sentence) && (OWN_CHILD.test(prev) || CHILD_AGE.test(prev) || OUR_NAMED_CHILD.test(rawPrev)) && !pronounMismatch(sentence, prev)) continue;
    // "prayers for our Archie (Year 3) after his diagnosis": the writer's own child earlier in the sentence, no one else between
    const own = OUR_NAMED_CHILD.exec(raw.slice(s.start, m.start)) ?? OWN_CHILD.exec(lower.slice(s.start, m.start));
    if (own && !STAFF_BETWEEN.test(lower.slice(s.start + own.index + own[0].length, m.start)) && !TOLD_BETWEEN.test(lower.slice(s.start + own.index + own[0].length, m.start))) continue;
    // an item about the writer's own child ("DS (12, autistic)", "my daughter started in September. She is autistic";
    // data: own-child): a fact that follows the child with no member of staff (a title or a role word, not a bare pronoun)
    // or other named person near them, nor in its own sentence, is the child's, told by their family
    if (ownChildren.some((c) => c.start < m.start && m.start - c.start <= OWN_CHILD_REACH && !STAFF_NOUN.test(lower.slice(Math.max(0, c.start - OWN_CHILD_BEFORE), m.end)) && !nameWithin(c.end, m.start)) && !STAFF_NOUN.test(sentence)) continue;
    // a payslip or P60 names an employee: a full name in its sentence is enough
    const payroll = PAYROLL.test(lower.slice(m.start, m.end)) && ((sentence.match(PAYROLL_G)?.length ?? 0) >= 2 || /£\s?\d/.test(sentence)) && nameWithin(s.start, s.end);
    // a school role in view, and someone it points at: a title, "the head", a pronoun, or a full name ("a TA told me Jane Marsh…")
    // "> Is Dr Hale leaving?\nProbably. They're on a performance improvement plan": a sentence that opens with a pronoun
    // goes back past a short reply ("Probably.") to the person asked about
    const before2 = s.start > 1 && /^\W*(?:he|she|they)(?:'s|'re|\s)/.test(sentence) ? lower.slice(sentenceSpan(raw, Math.max(0, sentenceSpan(raw, s.start - 2).start - 2)).start, s.start) : '';
    // (what the sentence alone says is worked out once per sentence: many cues in one long sentence read it once)
    if (s.start !== said.start || s.end !== said.end) said = { start: s.start, end: s.end, staff: undefined, pupil: undefined };
    if (!payroll && !(said.staff ??= identifiesStaff(sentence) || identifiesStaff(prev) || (cardLine(raw, s) && identifiesStaff(cardBefore(raw, s).toLowerCase())) || !!(before2 && TITLE_NAMED.test(before2)) || ((STAFF_ROLE.test(sentence) || STAFF_ROLE.test(prev)) && nameWithin(s.start, s.end)) || staffNamedNext(s) || answersStaffQuestion(s))) continue;
    // "support pupils with epilepsy", "people living with MS": a condition said of a group is the topic
    if (GROUP_BEFORE.test(lower.slice(Math.max(0, m.start - 40), m.start))) continue;
    if (noOneNamed && !TITLE_NAMED.test(sentence) && !nameWithin(s.start, s.end)) continue;
    // (round 9b: the hit "with stress" after "for staff": the group's condition too)
    if (/^with\b/.test(lower.slice(m.start, m.end)) && /\b(?:pupils|children|kids|students|people|youngsters|learners|families|adults|staff|colleagues|those|anyone|everyone)\s+$/.test(lower.slice(Math.max(0, m.start - 20), m.start))) continue;
    if (firstWithin(publicCues, s.start, s.end) && !leak) continue;
    // pupils' details are handled above; here the subject must be an adult
    // ("my son's head was cut" is the child's own head)
    // (round 9b: "a child and his diagnosis" is the child's too)
    if ((said.pupil ??= /\b(?:pupils?|students?|lad|boy|girl|kids?|child|children|son|daughter|year\s+\d+\s+(?:boy|girl|lad|kid))\b/.test(sentence) && !/\b(?:mr|mrs|ms|miss|mx|dr|sir|teacher|head(?<!\b(?:son|daughter|child|kid|boy|girl|lad|lass|baby)['’]s\s+head)|deputy|senco|chaplain|staff)\b/.test(sentence))) continue;
    staffSpans.push(m);
  }
  // a titled member of staff off work and the reason why, whatever the reason is (data: absence-cue, reason-after): "off
  // work with her jaw op", "aff wi her shoulder op", "chutti pe hai, dental abscess ki wajah se"; not off with a class or
  // on a trip, not a rumour the item denies, not the school's own notice
  if (!staffSpans.length) {
    for (const cue of rawHits(doc, 'absence-cue')) {
      const s = sentenceSpan(raw, cue.start);
      const sentence = lower.slice(s.start, s.end);
      // a titled member of staff, or one named by a definite role ("the head", "Elmfield's deputy")
      if (!(TITLE_NAMED.test(sentence) || DEFINITE_STAFF.test(sentence) || SCHOOL_ROLE.test(sentence)) || denied || firstWithin(publicCues, s.start, s.end)) continue;
      const after = lower.slice(cue.end, Math.min(s.end, cue.end + 60));
      const because = rawHits(doc, 'reason-after').find((r) => r.start > cue.end && r.start < s.end);
      // "cos she's on the residential": the reason read past its subject and verb
      const reason = (because ? lower.slice(cue.end, because.start) : after).replace(REASON_SUBJECT, '');
      // a reason is a few words that name no group, trip, place or time ("with Year 6 to the Isle of Wight", "on a course")
      if (!/\p{L}{3,}/u.test(reason) || ABSENCE_NOT_REASON.test(reason)) continue;
      const at = cleanSpanOf(doc, cue);
      if (at && reportedAt(doc, at)) continue;
      staffSpans.push(cue);
      break;
    }
  }
  // a reason in brackets right after a titled name, as a cover board or bulletin writes it: "Mr Dunn (stress)", "Miss Hale
  // off till March (knee surgery)"; a subject, class or room in brackets is not a reason
  if (!staffSpans.length && !denied && raw.includes('(')) {
    for (const m of raw.matchAll(BRACKETED)) {
      if (!TITLED_BEFORE_BRACKET.test(raw.slice(Math.max(0, m.index! - 48), m.index!))) continue;
      const inner = { start: m.index! + 1, end: m.index! + m[0].length - 1 };
      const reason = PRIVATE_BRACKET.test(lower.slice(inner.start, inner.end)) || rawHits(doc, 'condition', 'staff-sensitive').some((h) => h.start >= inner.start && h.end <= inner.end);
      if (!reason) continue;
      staffSpans.push(inner);
      break;
    }
  }
  if (staffSpans.length) {
    const detail = raw.slice(staffSpans[0]!.start, staffSpans[0]!.end);
    findings.push({ category: 'confidential.staff-personal', confidence: leak ? 0.8 : 0.7, raw: true, spans: staffSpans, reason: `private details about a member of staff ("${detail}")` });
  }

  // contact and identity details
  const contact: ContactHit[] = [];
  for (const p of hasDigits ? findPhones(raw) : []) {
    const before = lower.slice(Math.max(0, p.start - 70), p.start);
    const after = lower.slice(p.end, p.end + 50);
    const personal = PERSONAL_PHONE.test(before) || PERSONAL_PHONE.test(after);
    // "skip the office, their own phone is …": a personal cue right before the number outweighs an office word further back
    const office = OFFICE_PHONE.test(before.slice(-40)) && !/\b(?:home|mobile|personal|private)\b/.test(before.slice(-40)) && !OWN_PHONE.test(before.slice(-24));
    const w = office ? 0.1 : personal ? 0.9 : p.detail === 'mobile' ? 0.7 : 0.35;
    contact.push({ span: p, weight: w, what: `${p.detail} number`, kind: 'phone' });
  }
  for (const e of raw.includes('@') ? findEmails(raw) : []) {
    const before = lower.slice(Math.max(0, e.start - 60), e.start);
    // "email her direct on …", "that's her own one" after it, "his personal email, not the school one: …" further back
    const personalCue = /\b(?:personal|private|home|her\s+own|his\s+own)\b/.test(before) || (/\bdirect(?:ly)?\s+(?:on|at|to)\s*$/.test(before) && TITLE_NAMED.test(before) && !OFFICE_EMAIL.test(before)) ||
      /^\W*(?:that'?s|thats|it'?s|which\s+is)\s+(?:her|his|their)\s+(?:own|personal|private|home)\b/.test(lower.slice(e.end, e.end + 40)) ||
      (/\b(?:personal|private|home)\s+e-?mail\b/.test(lower.slice(Math.max(0, e.start - 120), e.start)) && !/[.!?\n]/.test(raw.slice(Math.max(0, e.start - 120), e.start).replace(/\b(?:Mr|Mrs|Ms|Dr|St)\.|\.\w/g, '')));
    contact.push({ span: e, weight: e.detail === 'personal' ? 0.88 : personalCue ? 0.8 : 0.05, what: `${e.detail === 'personal' ? 'personal ' : ''}email address`, kind: 'email' });
  }
  // a house number and a street of any name right before a postcode ("7 Kiln Brae, EH9 4XY", "12 Tan y Bryn, LL5 2AB") is
  // an address whatever its street is called; only read when the text has a postcode
  const postcodes = hasDigits ? findPostcodes(raw) : [];
  const numberedBeforePostcode = postcodes.length ? [...raw.matchAll(NUMBER_STREET_POSTCODE)].filter((m) => !contactOverlaps(m, raw, ADDRESS)) : [];
  // a member of staff's own social account: "Mr Dunn's personal insta is @…", "her own tiktok is @…" (not the school's page)
  if (raw.includes('@')) {
    for (const m of raw.matchAll(SOCIAL_HANDLE)) {
      const before = lower.slice(Math.max(0, m.index! - 70), m.index!);
      if (!OWN_ACCOUNT_BEFORE.test(before)) continue;
      if (!STAFF_ROLE.test(around(raw, m.index!, NEAR_REACH))) continue;
      contact.push({ span: { start: m.index!, end: m.index! + m[0].length }, weight: 0.8, what: 'personal social media account' });
      break;
    }
  }
  // (not the writer's own street: "Sir, I live on Chapel Lane and …")
  const livesOn = lower.includes('live') ? [...raw.matchAll(LIVES_ON_STREET)].filter((m) => !WRITER_SUBJECT_BEFORE.test(lower.slice(Math.max(0, m.index! - 16), m.index!))) : [];
  const addresses = [...(hasDigits ? raw.matchAll(ADDRESS) : []), ...numberedBeforePostcode, ...livesOn];
  // which addresses are said of a person (a member of staff, a child or a family): a postcode beside one is their home
  const personal: RegExpMatchArray[] = [];
  for (const a of addresses) {
    const span = { start: a.index!, end: a.index! + a[0].length };
    if (writersOwnAddress(lower, span)) continue;
    const ctx = lower.slice(Math.max(0, span.start - 80), span.end + 40);
    const residence = res.residence.test(ctx);
    // an address written in lower case ("31 holloway drive") is read only beside a titled person or a word that it is a home
    const lowerCase = !/[A-Z]/.test(a[0]);
    const person = lowerCase ? TITLE_NAMED.test(around(raw, span.start)) : STAFF_ROLE.test(around(raw, span.start)) || /\b(?:kid|boy|girl|lad|son|daughter|family|mum|dad)\b/.test(ctx);
    const postcodeNear = findPostcodes(raw.slice(span.end, span.end + 40)).length > 0;
    contact.push({ span, weight: residence ? 0.9 : person && postcodeNear ? 0.8 : person ? 0.55 : 0.2, what: 'home address', kind: 'address' });
    if (residence || person) personal.push(a);
  }
  // a home told by description, not by a house number first: "lives off Theaker Lane", "her hoose is the big white one on
  // Craigmillar Drive, number 27", "lives at Braeside Cottage on the Ceres road": a residence word (data: residence-cue,
  // home-word) and a named street or house within the sentence after it, said of a person (a school role, a title, a name)
  if (!contact.some((c) => c.kind === 'address' && c.weight >= 0.5)) {
    for (const cue of rawHits(doc, 'residence-cue', 'home-word')) {
      const s = sentenceSpan(raw, cue.start, NEAR_REACH);
      const street = NAMED_STREET.exec(raw.slice(cue.end, Math.min(s.end, cue.end + 70)));
      if (!street) continue;
      const near = around(raw, cue.start, NEAR_REACH);
      if (!STAFF_ROLE.test(near) && !nameWithin(s.start, s.end)) continue;
      if (OPINION_BEFORE.test(lower.slice(Math.max(0, cue.start - 30), cue.start))) continue;
      // "Sir, I live on Chapel Lane and …": the writer's own street, told to say where they see the trouble from
      if (WRITER_SUBJECT_BEFORE.test(lower.slice(Math.max(0, cue.start - 16), cue.start))) continue;
      const start = cue.end + street.index + street[0].length - street[1]!.length;
      // "lives at/off/next to …", "hoose is the big white one on …": a place word leads to the street ("lives for his
      // football, Leeds Road end" does not)
      if (!LOCATIVE.test(lower.slice(cue.start, start))) continue;
      // "stays in school on Moss Lane", "stays at the Travelodge on …", "lives for Saturdays at …": a place the person goes,
      // not their home; "lives near school and walks in past …", "home is wherever …, speaking at …": the street is in
      // another clause; "Moss Lane Church", "Leeds Road Stadium": a venue named by its street
      const between = lower.slice(cue.end, start);
      if (NOT_HOME_OBJECT.test(between) || /[,;:]|\b(?:and|but|when|while|because|then|speaking|walks?|walking|drives?|driving)\b/.test(between)) continue;
      if (STREET_VENUE.test(raw.slice(start + street[1]!.length, start + street[1]!.length + 24))) continue;
      contact.push({ span: { start, end: start + street[1]!.length }, weight: 0.8, what: 'home address', kind: 'address' });
      break;
    }
  }
  // a vehicle registration (the current UK format) beside a car word and a member of staff: it finds the person's car
  if (hasDigits) {
    for (const m of raw.matchAll(REG_PLATE)) {
      const ctx = lower.slice(Math.max(0, m.index! - 70), m.index! + m[0].length + 40);
      if (!VEHICLE.test(ctx)) continue;
      const near = around(raw, m.index!, NEAR_REACH);
      if (!(STAFF_ROLE.test(near) || HEAD_WORD_STAFF.test(near))) continue;
      // "the minibus registration is …", "the coach, reg …": the school's or a hired vehicle, not a person's own car
      if (SHARED_VEHICLE.test(ctx)) continue;
      contact.push({ span: { start: m.index!, end: m.index! + m[0].length }, weight: 0.8, what: 'vehicle registration' });
      break;
    }
  }
  for (const pc of postcodes) {
    // "Christmas market at 9 Harbour Road, PX3 9ZZ": an address with nobody in view is a venue, its postcode no one's home
    const near = personal.some((a) => pc.start >= a.index! && pc.start - (a.index! + a[0].length) < 40);
    const ctx = lower.slice(Math.max(0, pc.start - 80), pc.start);
    // "Dr Kovač, The Coach House, Mill Road, EC9 8HD": a titled person, then a house and a street, then the postcode
    // a house or flat and a street before the postcode, and a titled person in its sentence or the next ("collect from
    // Flat 9, Gorse House, PX7 3KA. Ask for Mr Rowe"): someone's home, however the sentence is ordered
    const housed = HOUSE_AND_STREET.test(raw.slice(Math.max(0, pc.start - 70), pc.start));
    const here = sentenceSpan(raw, pc.start);
    const reach = { start: here.start, end: (sentenceAfter(raw, here) ?? here).end };
    const listed = housed && (TITLED_TEST.test(raw.slice(Math.max(0, pc.start - 70), pc.start)) || (TITLED_TEST.test(raw.slice(reach.start, reach.end)) && res.residence.test(lower.slice(reach.start, reach.end))));
    if (near || listed || res.residence.test(ctx)) contact.push({ span: pc, weight: 0.85, what: 'postcode with an address', kind: 'postcode' });
  }
  for (const d of hasDigits ? findDates(raw) : []) {
    const before = lower.slice(Math.max(0, d.start - 40), d.start);
    // "birthday 09/09/2010": a birthday given with its year is a date of birth
    if (DOB_CUE.test(before) || (/\bbirthday[\s:,-]*$/.test(before) && /\d{4}\s*$|[/.-]\d{2}\s*$/.test(raw.slice(d.start, d.end)))) contact.push({ span: d, weight: 0.88, what: 'date of birth' });
  }
  if (hasDigits) for (const ni of findNiNumbers(raw)) contact.push({ span: ni, weight: 0.95, what: 'National Insurance number' });
  // a number in NI format right after "NI" or "National Insurance" is one, even with a prefix HMRC never issues (QQ 12 34 56 C)
  if (hasDigits) {
    for (const m of raw.matchAll(NI_CUED)) {
      const start = m.index! + m[0].length - m[1]!.length;
      if (!contact.some((c) => c.span.start === start)) contact.push({ span: { start, end: start + m[1]!.length }, weight: 0.9, what: 'National Insurance number' });
    }
  }
  // a number laid out as an NI number ("QQ 12 34 56 C") on a line with a titled or fully named person is theirs, whatever
  // its prefix; not an order or booking reference
  if (hasDigits) {
    for (const ni of findNiShaped(raw)) {
      if (contact.some((c) => c.span.start === ni.start) || REFERENCE_BEFORE.test(lower.slice(Math.max(0, ni.start - 30), ni.start))) continue;
      const line = lineSpan(raw, ni.start);
      if (TITLED_TEST.test(raw.slice(line.start, line.end)) || nameWithin(line.start, line.end)) contact.push({ span: ni, weight: 0.85, what: 'National Insurance number' });
    }
  }
  if (hasDigits) for (const u of findUpns(raw)) contact.push({ span: u, weight: 0.95, what: 'unique pupil number' });
  // identifiers by their format in context: a UPN-shaped number whose check letter fails (typed, invented, misread) is
  // still one after a UPN label, or on a record line (a person's full name and the number on one line: a register, a
  // spreadsheet row, "Name • School • 31/01/2014 • A8201…"); a date on such a line is the person's date of birth
  if (hasDigits) {
    // (the line is read a few hundred characters either side, and each start counted once, so a long item stays linear)
    const taken = new Set(contact.map((c) => c.span.start));
    for (const u of findUpnShaped(raw)) {
      if (taken.has(u.start)) continue;
      const line = lineSpan(raw, u.start);
      const cued = UPN_CUE.test(lower.slice(Math.max(0, u.start - 30), u.start));
      if (!cued && OTHER_REF_CUE.test(lower.slice(Math.max(0, u.start - 30), u.start))) continue;
      const record = nameWithin(line.start, line.end);
      if (!cued && !record) continue;
      contact.push({ span: u, weight: 0.9, what: 'unique pupil number' });
      taken.add(u.start);
      if (!record) continue;
      for (const d of findDates(raw.slice(line.start, line.end))) {
        const span = { start: line.start + d.start, end: line.start + d.end };
        if (!taken.has(span.start)) contact.push({ span, weight: 0.85, what: 'date of birth' });
        taken.add(span.start);
      }
    }
  }
  const strong = withoutPublicFacts(raw, contact, options.publicFacts).filter((c) => c.weight >= 0.5);
  if (strong.length) {
    const top = strong.reduce((a, b) => (b.weight > a.weight ? b : a));
    findings.push({ category: 'confidential.contact-details', confidence: noisyOr(strong.map((c) => c.weight)), raw: true, spans: strong.map((c) => c.span),
      reason: `${[...new Set(strong.map((c) => c.what))].join(', ')} ("${raw.slice(top.span.start, top.span.end)}")` });
  }

  // credentials
  const creds: Span[] = [];
  for (const m of CREDENTIAL_HINT.test(lower) ? raw.matchAll(CREDENTIAL) : []) {
    const secret = m[1] ?? '';
    if (!/\d/.test(secret) && !/[#!$%&*@]/.test(secret) && !/[a-z][A-Z]|[A-Z][a-z]+[A-Z]/.test(secret) && !/[._]/.test(secret)) continue;
    if (/^(?:is|was|the|a|on|for)$/i.test(secret) || secret.replace(/[.,;:!?]+$/, '').length < 4) continue;
    creds.push({ start: m.index!, end: m.index! + m[0].length });
  }
  for (const m of CREDENTIAL_HINT.test(lower) ? raw.matchAll(LOGIN_WITH) : []) {
    const secret = m[1] ?? '';
    if (/\d/.test(secret) && /[a-z]/i.test(secret)) creds.push({ start: m.index!, end: m.index! + m[0].length });
  }
  // "the wifi login is on a post-it: STAFF-NET / Harbour2024!": a user name and a secret after a log-in word
  if (!creds.length && CREDENTIAL_HINT.test(lower)) {
    for (const m of raw.matchAll(CREDENTIAL_PAIR)) {
      const before = lower.slice(Math.max(0, m.index! - 100), m.index!);
      const secret = m[2]!;
      if (CREDENTIAL_WORD.test(before) && /\d/.test(secret) && /[a-z]/i.test(secret)) creds.push({ start: m.index!, end: m.index! + m[0].length });
    }
  }
  // any wording: a secret-looking token near a credential word or a school system (data: credential-*)
  for (const span of credentialLeaks(doc)) if (!creds.some((c) => c.start < span.end && span.start < c.end)) creds.push(span);
  if (creds.length) findings.push({ category: 'confidential.credentials', confidence: 0.92, raw: true, spans: creds, reason: `shares log-in details ("${raw.slice(creds[0]!.start, creds[0]!.end)}")` });

  // internal matters; the school's own letter to its families (data: own-voice) publishes them, unless it says they were
  // meant to stay inside (data: secrecy-cue)
  const ownVoice = doc.lex.count(doc.clean.text, 'own-voice') > 0 && !doc.lex.count(doc.clean.text, 'secrecy-cue');
  // "cutting the ribbon", "merging with the other class for the zoo trip": a ceremony or a day's arrangement, no decision
  // round 9c: "has been fiddling the budget", "fiddled the SATs papers": the thing a person is accused of misusing (data:
  // misconduct-take, misconduct-verb, misconduct-use right before it) is the allegation, the defamation rule's, not a matter passed on
  const misused = rawHits(doc, 'misconduct-take', 'misconduct-verb', 'misconduct-use');
  const internal = ownVoice ? [] : rawHits(doc, 'internal-matter').filter((m) => !OPINION_BEFORE.test(lower.slice(Math.max(0, m.start - 30), m.start)) && !NOT_A_DECISION.test(lower.slice(m.start, m.end + 60)) &&
    !misused.some((v) => v.end <= m.start && MISUSED_OBJECT_BETWEEN.test(lower.slice(v.end, m.start))));
  // the marks of an internal document (an e-mail from leaders, minutes, a briefing; data: internal-document) and words
  // that say it was meant to stay inside (data: secrecy-cue, a different phrase): a leak, whatever the matter is
  if (!internal.length && !ownVoice) {
    const marks = rawHits(doc, 'internal-document');
    // "not a secret any more" (data: public-cue) says the opposite
    const leaks = marks.length ? rawHits(doc, 'secrecy-cue').filter((h) => !publicCues.some((p) => p.start <= h.start && h.end <= p.end)) : [];
    // a mark and a secrecy cue that are different phrases: "strictly confidential" is both a mark and a cue, and counts
    // beside another mark ("an internal email … strictly confidential"), not alone
    if (marks.length && leaks.some((l) => marks.some((d) => !(d.start < l.end && l.start < d.end)))) {
      if (!denied) findings.push({ category: 'confidential.internal', confidence: 0.7, raw: true, spans: marks, reason: `an internal document shared before it was made public ("${raw.slice(marks[0]!.start, marks[0]!.end)}")` });
    }
  }
  // a staff channel's messages passed on (rules/staff-channel-leaks.ts): a leak whatever they were about
  if (!findings.some((f) => f.category === 'confidential.internal' && f.confidence >= 0.5)) {
    const channelLeak = staffChannelLeak(doc, { publicCues, ownVoice, denied });
    if (channelLeak) findings.push(channelLeak);
  }
  // words that say a matter is not public yet (data: secrecy-cue: "not public till the letter goes out", "embargoed",
  // "you didn't hear it from me"), not inside a public cue ("not a secret"): the writer passes on what was kept inside
  // "I'm not telling anyone what to think" tells nothing kept inside: a telling cue followed by what or how is advice
  const secrecyHits = ownVoice ? [] : rawHits(doc, 'secrecy-cue').filter((h) => !publicCues.some((p) => p.start <= h.start && h.end <= p.end) && !/^\s+(?:what|how|to)\b/.test(lower.slice(h.end, h.end + 8)));
  const secrecy = secrecyHits.length > 0;
  if (internal.length) {
    const publicReport = publicCues.length > 0 && !leak && !secrecy;
    // a rumour the writer denies ("total rubbish") is not a leak
    // "what they're not telling us" accuses; it does not deny
    const denied = doc.lex.find(doc.clean.text, 'denial').some((h) => !/^\s+(?:telling|saying|admitting|sharing|publishing)\b/.test(doc.clean.text.slice(h.end, h.end + 12)));
    // the school's own response to a breach it made (data: breach-response: it apologised, reported itself to the ICO, asked
    // recipients to delete): the item reports the breach and its handling, it does not pass the document on
    const breachHandled = !secrecy && rawHits(doc, 'breach-response').length > 0;
    const conf = denied ? 0.3 : breachHandled ? 0.4 : leak || secrecy ? 0.75 : publicReport ? 0.2 : 0.4;
    const spans = internal;
    findings.push({ category: 'confidential.internal', confidence: conf, raw: true, spans, reason: `internal matter${leak ? ' shared before it was made public' : ''} ("${raw.slice(spans[0]!.start, spans[0]!.end)}")` });
  }
  // a change to the school's shape (data: change-verb beside a change-object: "the nursery is shutting", "two TA jobs are
  // going", "merge the two reception classes", "a new head") told beside words that say it is kept from parents or staff
  // (data: secrecy-cue): a decision passed on before it is public, whatever document it came from, or none
  // "they're not announcing it", "they haven't told parents" withhold; they do not deny (data: denial)
  if (secrecy && !findings.some((f) => f.category === 'confidential.internal' && f.confidence >= 0.5) && !doc.lex.find(doc.clean.text, 'denial').some((h) => !WITHHOLDING_AFTER.test(doc.clean.text.slice(h.end, h.end + 24)))) {
    // a report of the decision (the school, council or press saying it; data: public-cue) near the cue is no leak
    const cues = secrecyHits.filter((h) => !publicCues.some((p) => !(p.start < h.end && h.start < p.end) && Math.abs(p.start - h.start) <= NEAR_REACH));
    const change = cues.length ? schoolChangeNear(doc, raw, lower, cues) : undefined;
    if (change) findings.push({ category: 'confidential.internal', confidence: 0.75, raw: true, spans: [change, secrecyHits[0]!], reason: `a school decision passed on before it was made public ("${raw.slice(change.start, change.end)}")` });
  }
  // results or figures before they are published: a figure (a percentage, a score "12/50") beside a results word, in an
  // item that says they are not public yet ("results embargoed till Thursday but my cousin says 40% A*-A")
  // the school announcing its own results under an embargo ("congratulations to our Year 11s … we can share that 78%") with
  // no one passing it on (data: private-speaker) publishes them
  const schoolAnnounces = SCHOOL_WE.test(lower) && !res.privateSubject.test(lower) && !/\b(?:my|me|ma)\s+(?:\w+\s+)?(?:mate|friend|pal|cousin|sister|brother|neighbour|husband|wife|mum|dad)\b|\bheard\b|\bapparently\b/.test(lower);
  if (secrecy && hasDigits && !schoolAnnounces && !findings.some((f) => f.category === 'confidential.internal' && f.confidence >= 0.5)) {
    const results = rawHits(doc, 'results-word');
    for (const m of results.length ? raw.matchAll(FIGURE) : []) {
      const near = results.find((r) => {
        if (Math.abs(r.start - m.index!) > 120) return false;
        const a = aroundSpan(raw, r.start);
        return a.start <= m.index! && m.index! < a.end;
      });
      if (!near || denied) continue;
      // "Last year 68% got 5+": a past year's figure is already public, whatever is still to come out
      const sentence = sentenceSpan(raw, m.index!);
      if (PAST_YEAR.test(lower.slice(sentence.start, sentence.end))) continue;
      findings.push({ category: 'confidential.internal', confidence: 0.75, raw: true, spans: [near, { start: m.index!, end: m.index! + m[0].length }], reason: `results shared before they were published ("${raw.slice(near.start, near.end)}", "${m[0]}")` });
      break;
    }
  }
  return findings;
}

/** After a denial word ("they're not", "haven't"), a verb of telling: the matter is withheld, not denied. */
// round 9b: "they're not allowed to say until the council announces" withholds too
const WITHHOLDING_AFTER = /^\s+(?:yet\s+)?(?:(?:allowed|supposed|meant|permitted)\s+to\s+(?:say|tell|share|announce|mention|talk)|telling|saying|admitting|sharing|publishing|announcing|announced|told|informing|informed|letting|making\s+it\s+public|going\s+public|been\s+told)\b/;
/** A change word in a ceremony or a day's arrangement: "cutting the ribbon", "merging … for the zoo trip". */
const NOT_A_DECISION = /^[^.!?\n]*?\b(?:cut(?:ting|s)?\s+the\s+(?:ribbon|cake)|for\s+(?:the\s+|a\s+|this\s+|next\s+)?(?:[\w-]+\s+){0,2}(?:trip|visit|outing|day|afternoon|morning|assembly|concert|match|fixture|party|celebration|fair|disco|panto|nativity|play|show|residential))\b/;
/** "closing early", "shut for the snow day": a school closed for a day or an hour, not a change to its shape. */
const NOT_CHANGE_AFTER = /^\s+(?:early|at\s+\d|till\s+\d|until\s+\d|for\s+(?:the\s+)?(?:day|afternoon|morning|christmas|easter|snow|weather|inset|half[\s-]*term|holidays?|polling|election|summer|staff\s+training))\b/;
/**
 * A change-verb and a change-object (data) in one sentence within a few words of each other, in the sentences around a
 * secrecy cue (data: secrecy-cue): the span of the change, or undefined. Each cue reads at most a few sentences either
 * side, so a long item stays linear in its cues.
 */
function schoolChangeNear(doc: Doc, raw: string, lower: string, cues: readonly Span[]): Span | undefined {
  const verbs = rawHits(doc, 'change-verb').filter((v) => !NOT_CHANGE_AFTER.test(lower.slice(v.end, v.end + 30)) && !NOT_A_DECISION.test(lower.slice(v.start, v.end + 60)));
  if (!verbs.length) return undefined;
  const objects = rawHits(doc, 'change-object');
  if (!objects.length) return undefined;
  for (const c of cues.slice(0, 8)) {
    // the decision may be told a few sentences before or after the words that say it is kept quiet
    const region = { start: Math.max(0, c.start - NEAR_REACH), end: Math.min(raw.length, c.end + NEAR_REACH) };
    for (const v of verbs) {
      if (v.start < region.start || v.end > region.end) continue;
      const s = sentenceSpan(raw, v.start, NEAR_REACH);
      const o = objects.find((x) => x.start >= s.start && x.end <= s.end && Math.max(x.start - v.end, v.start - x.end) <= 40);
      if (o) return { start: Math.min(v.start, o.start), end: Math.max(v.end, o.end) };
    }
  }
  return undefined;
}

/** The writer withholding it: "not going to post it", "won't share", "I'm not posting it". */
const WONT_SHARE = /\b(?:(?:not|never)\s+going\s+to\s+(?:post|share)|won'?t\s+(?:post|share|link)|not\s+(?:posting|sharing)\s+it)\b/;
/** A plea not to share, or the writer saying they will not (WONT_SHARE): the item warns, it does not pass the picture or list on. */
const DONT_SHARE = new RegExp(String.raw`\b(?:(?:please\s+)?(?:don'?t|do\s+not|dont|stop)\s+(?:post|posting|share|sharing|send|sending|circulate|repost|spread)|delete\s+it|take\s+it\s+down)\b|${WONT_SHARE.source}`);
/** Joy after "crying" or "screaming": the picture is of a happy moment. */
const JOY = /\b(?:happy|joy|proud|winning|won|laughing|laughter|excited|excitement|cheering|celebrat\w*)\b/;
/** A list that is itself results, grades or scores. */
const RESULTS_LIST = /result|grade|score|mark|ranking|predict/;
/** A match score after the harm word ("getting battered 6-0"): a team lost a game. */
const MATCH_SCORE = /^\s*\(?\d{1,2}\s*[-–]\s*\d{1,2}\b/;
/** An office or shared mailbox named right before an address. */
const OFFICE_EMAIL = /\b(?:office|reception|admin|enquiries|school)\b[^.!?]{0,20}$/;
/** The school speaking of its own pupils and results: "congratulations to our Year 11s", "we can share", "we are proud". */
const SCHOOL_WE = /\b(?:congratulations\s+to\s+(?:all\s+)?our|well\s+done\s+to\s+(?:all\s+)?our|we\s+(?:can|are\s+(?:able|delighted|pleased|proud|thrilled)\s+to)\s+(?:share|announce|confirm|report)|we\s+are\s+(?:so\s+)?(?:proud|delighted|thrilled)\s+of\s+our)\b/;
/** A past year named beside a figure: "last year", "the year before", "two years ago". */
const PAST_YEAR = /\b(?:last\s+(?:year|summer)|previous\s+years?|the\s+year\s+before|years?\s+ago)\b/;
/** A figure: a percentage or a score out of a total ("31%", "12/50", "38 per cent"). */
const FIGURE = /\b\d{1,3}(?:\.\d)?\s?(?:%|per\s?cent\b)|\b\d{1,3}\s?\/\s?\d{2,3}\b/g;

// closures of confidentialRules made at module level (lazy.ts says why)
/** A fact named as a topic ("epilepsy awareness", "a talk on asthma", "like a diabetic"), in the lower-case text. */
function topicFactIn(lower: string): (h: Span) => boolean {
  return (h) => TOPIC_AFTER.test(lower.slice(h.end, h.end + 24)) || ABOUT_THE_TOPIC.test(lower.slice(Math.max(0, h.start - 40), h.start)) || SIMILE_BEFORE.test(lower.slice(Math.max(0, h.start - 30), h.start));
}
/** Is one of the names (sorted by start, read on first use) inside from..to? */
function namesWithin(sorted: () => readonly Span[]): (from: number, to: number) => boolean {
  return (from, to) => {
    const names = sorted();
    let lo = 0;
    let hi = names.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (names[mid]!.start < from) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < names.length && names[i]!.start < to; i++) if (names[i]!.end <= to) return true;
    return false;
  };
}
