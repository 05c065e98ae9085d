/**
 * Abuse rules: disparaging/defamatory, harassment, threats, obscene language, discrimination and
 * extremism, found in the clean view so obfuscated spellings count. Hits inside praise idioms,
 * attributed quotes (a school's own statement) or per-school ignore words are dropped, and a
 * negation just before an insult ("not lazy at all") cancels it.
 */
import { findAll, overlaps, sentenceAt, sentenceTest, type Doc, type Span } from '../document';
import { noisyOr, type Finding } from '../findings';
import type { LexHit, Lexicon } from '../lexicon';
import { tokens } from '../lexicon-data';
import { gatedTest, mayMatch } from '../word-gate';
import { campaign, errandAfter, exposure } from './campaign';
import { courtNews, misconductClaims, stoleIdiomAt } from './defamation';
import { identityExclusion, sentHomeAt } from './identity';
import { sexualRemarks } from './sexual-remarks';
import { mutedSpans } from './muted';
import { exposureThreats } from './exposure-threat';
import { aimedAtOffenderAt, clauseBefore, clauseStart, externalTargetAt, lastMatch, negatedAt as negated, reportedAt } from '../structure';

const TARGET = /\b(?:teachers?|staff|officer|bursar|manager|coach|librarian|technician|nurse|head(?:teacher|master|mistress|s)?|head\s+of\s+\w+|principal|deputy|senco|tas?|teaching\s+assistants?|governors?|caretaker|chaplain|dinner\s+ladies|receptionist|slt|management|trust|school|academy|college|primary|he|she|they|him|her|them|you|your|ur|u|mr|mrs|ms|miss|dr|sir|people|lot|kids|parents|pupils|students|department|team|lads?|girls?|boys?|family|families)\b/;
const COPULA_OR_INTENSIFIER = /\b(?:is|are|was|were|be|being|been|like|become|becoming|(?:he|she|it|that|this|who|what|there|school|place)'s|'re|by|(?:bunch|load|pack|full|lot|set|gang|herd)\s+of|you|ur|u|such|absolute|absolutely|total|totally|complete|completely|utter|utterly|proper|right|real|old|little|lil|wee|finest|biggest|resident|bunch|load|pack|full|so|really|just|bloody|fucking|fkn|nothing\s+but|nowt\s+but)\b/;
const ACCUSATION = /\b(?:nick(?:ed|s|ing)|st(?:ole|eals?|ealing)|fiddl(?:ed|es|ing)\s+(?:the\s+)?(?:budget|books|money|funds|figures|results)|pocket(?:ed|ing)\s+(?:the\s+)?(?:money|funds)|embezzl\w+|lining\s+(?:his|her|their)\s+(?:own\s+)?pockets|cover(?:ed|s|ing)?\s+(?:it\s+)?up|covers?\s+for\s+each\s+other|watch(?:es|ing)?\s+the\s+girls|touch(?:es|ed|ing)\s+(?:the\s+)?(?:kids|children|pupils|girls|boys)|shouldn'?t\s+be\s+allowed\s+near\s+(?:kids|children)|keep\s+your\s+kids\s+away)\b/;
/** A word every ACCUSATION match starts with, tested first. */
const ACCUSATION_HINT = /\b(?:nick|st(?:ole|eal)|fiddl|pocket|embezzl|lining|cover|watch|touch|shouldn|keep)/;
const REPORTED = /\b(?:accused\s+of|alleged(?:ly)?|allegations?|charged|court|trial|police\s+(?:are|were|say)|investigat\w+)\b/;

const THREATS: { re: RegExp; reason: string; weight: number }[] = [
  {
    reason: 'threat of violence',
    weight: 0.92,
    re: /\b(?:i'?ll|i\s+will|i'?m\s+(?:going\s+to|gonna)|im\s+(?:going\s+to|gonna)|i\s+am\s+going\s+to|we'?ll|we\s+will|gonna|i\s+swear\s+i'?ll|i'?d\s+(?:happily|love\s+to)|someone\s+(?:should|needs\s+to|will|is\s+going\s+to|ought\s+to|oughta)|somebody\s+(?:should|needs\s+to|will)|people\s+should|hope\s+(?:someone|somebody)|wish\s+someone\s+would)\s+(?:\w+\s+){0,3}?(?:kill|murder|stab|shoot|hurt|batter|beat\s+(?:\w+\s+)?up|smash|knock|punch|slap|kick|burn|torch|fire-?bomb|petrol\s*bomb|bomb|blow\s+up|strangle|throttle|glass|deck|lamp|run\s+(?:him|her|them)\s+over|put\s+(?:\w+\s+){0,3}through|break\s+(?:his|her|their|your)|wait\s+for|sort\s+(?:him|her|them|you)|deal\s+with|find\s+out\s+where|find\s+(?:him|her|them)|get\s+(?:him|her|them|you)|come\s+(?:for|after)|pay\s+(?:\w+\s+)?a\s+visit)\b/,
  },
  {
    reason: 'wish of violence',
    weight: 0.88,
    re: /\b(?:should|deserves?|needs?|ought)\s+(?:to\s+)?(?:all\s+)?(?:be\s+)?(?:shot|hanged|hung|strung\s+up|burned|burnt|stabbed|killed|beaten|battered|lynched|put\s+down|a\s+(?:slap|smack|kicking|beating|good\s+hiding|punch))\b|\bhope\s+(?:they|you|he|she|it)\s+(?:all\s+)?(?:rot|die|dies|burn|burns|gets?\s+(?:cancer|hurt|what))\b/,
  },
  {
    reason: 'threat to burn or bomb',
    weight: 0.92,
    re: /\b(?:burn|torch|fire-?bomb|petrol\s*bomb|blow\s+up)(?:s|ed|ing)?\s+(?:\w+\s+){0,5}?(?:down|to\s+the\s+ground|inside)\b|\b(?:burn|torch)\s+(?:the\s+place|the\s+school|it\s+all)|\bfire-?bombs?\b|\bwith\s+the\s+(?:teachers|staff|kids)\s+(?:still\s+)?inside\b/,
  },
  {
    reason: 'intimidation',
    weight: 0.85,
    re: /\bwatch\s+(?:your|his|her|their)\s+backs?\b|\b(?:i|we)\s+know\s+where\s+(?:[\w'-]+\s+){0,6}?(?:lives?|parks?|works?|drops?)\b|\bwon'?t\s+be\s+walking\s+home\b|\b(?:she|he|they|you)(?:'?ll|\s+will)\s+(?:regret|pay\s+for|be\s+sorry|get\s+what'?s\s+coming)\b|\bmake\s+(?:sure\s+)?(?:she|he|they|you|her|him|them)\s+regrets?\b|\b(?:having|have|had)\s+(?:a\s+few\s+|some\s+)?words?\s+with\s+(?:her|him|them|you)\s+(?:in|at|outside|after)\b|\blove\s+a\s+word\s+with\s+(?:him|her|them)\b|\bwait(?:ing)?\s+(?:for|outside)\s+(?:\w+\s+){0,5}?(?:car\s*park|after\s+school|gates?|outside|tomorrow|tonight|home\s+time|pick\s*-?\s*up)\b|\b(?:i'?ll|i\s+will|i'?m|someone\s+should)\s+(?:be\s+)?wait(?:ing)?\s+(?:outside|for)\b|\bnice\s+surprise\s+(?:one|tomorrow|waiting|for)\b|\bpay(?:ing)?\s+(?:him|her|them|\w+)\s+a\s+visit\b|\b(?:coming|come|go)\s+in\s+with\s+a\s+(?:baseball\s+bat|bat|knife|hammer|machete|gun|crowbar)\b|\bsort\s+(?:him|her|them|you)\s+out\b|\bbricks?\s+through\s+(?:his|her|their|the)\s+window\b|\bneeds?\s+a\s+(?:slap|smack|kicking|beating|good\s+hiding)\b|\bwants?\s+(?:a\s+)?(?:slap|smack|kicking)\b|\b(?:kill|murder|stab|shoot)\s+(?:him|her|them|you|that\s+\w+|every|all\s+of)\b|[\u{1F52A}\u{1F52B}\u{1F4A3}]/u,
  },
];

/**
 * Each pattern has a hint: a word every match contains, tested first with one short alternation (a long pattern
 * tried at every position of every item cost more than the rest of the harassment rules together).
 */
const HARASSMENT: { re: RegExp; weight: number; hint: RegExp }[] = [
  { hint: /\bgo\b/, weight: 0.8, re: /\bgo\s+(?:round|over|down)\s+(?:there\s+)?(?:\w+\s+){0,2}?(?:and|to)\s+(?:give|tell|have|sort|see)\b|\bgo\s+and\s+(?:tell|give|see|visit|have\s+a\s+word|sort)\b/ },
  { hint: /\b(?:tell|give)\b/, weight: 0.8, re: /\btell\s+(?:her|him|them)\s+what\s+(?:you|we|u)\s+(?:think|reckon)\b|\bgive\s+(?:her|him|them)\s+a\s+piece\s+of\s+(?:your|their|our|my)\s+minds?\b/ },
  { hint: /\b(?:yourselves|text|ring|call|phone|message|email|dm|tweet|tag|spam)\b/, weight: 0.75, re: /\b(?:text|ring|call|phone|message|email|dm|tweet|tag|spam)\s+(?:her|him|them|the\s+head)\s+(?:and|to)\s+(?:tell|say|let|ask|give)\b|\btry\s+it\s+yourselves\b|\b(?:ring|call|text)\s+(?:her|him)\s+yourselves\b/ },
  { hint: /\b(?:life|hound|harass|hunt|target|until|shame|flood|lock|sacked|works?|expose|let'?s)\b/, weight: 0.8, re: /\bmake\s+(?:her|his|their|your|him|them)\s+life\s+(?:hell|a\s+misery|a\s+living\s+hell)\b|\b(?:hound|harass|hunt\s+down|target)\s+(?:her|him|them)\b|\buntil\s+(?:she|he|they)\s+(?:quits?|resigns?|leaves?|goes)\b|\bname\s+and\s+shame\b|\bflood\s+(?:their|her|his|the)\s+(?:\w+\s+)?(?:page|inbox|reviews?|comments)\b|\block\s+and\s+report\b|\bget\s+(?:her|him|them)\s+sacked\b|\bmake\s+sure\s+(?:he|she|they)\s+never\s+works?\s+again\b|\bexpose\s+(?:them|him|her)\b|\blet'?s\s+(?:all\s+)?(?:flood|report|email|go\s+round)\b/ },
  // "all the yr 8 girls … rate em 1-10", "8/10 face": pupils or staff rated for their looks, a sexualised pile-on
  { hint: /\brate\b/, weight: 0.8, re: /\b(?:girls|boys|lads|year\s+\d+s?|yr\s*\d+s?)\b[^.!?\n]{0,80}?\brate\s+(?:em|them|her|him)\s+(?:1\s*-\s*10|1\s+to\s+10|out\s+of\s+(?:10|ten))/ },
  { hint: /\b(?:face|body|legs|bum|arse|ass|tits|boobs|figure)\b/, weight: 0.85, re: /\b\d{1,2}\s*\/\s*10\s+(?:face|body|legs|bum|arse|ass|tits|boobs|figure)\b/ },
  { hint: /\btimes\b/, weight: 0.8, re: /\b(?:emailed|e-mailed|messaged|rung|rang|called|phoned|texted|dm'?d|written\s+to|wrote\s+to|reported)\s+(?:her|him|them|the\s+head|(?:mrs?|ms|miss|mr|mx|dr|sir)\s+[\w-]+)\s+(?:[\w'-]+\s+){0,10}?(?:\d+|dozens\s+of|hundreds\s+of|twenty|thirty|forty|fifty)\s+times\b/ },
  { hint: /\b(?:emails|e-mails|messages|texts|letters|complaints|dms)\b/, weight: 0.6, re: /\b(?:sent|fired\s+off|written)\s+(?:her|him|them|the\s+head\s+)?\s*(?:\d+|dozens\s+of|hundreds\s+of|twenty|thirty|forty|fifty)\s+(?:emails|e-mails|messages|texts|letters|complaints|dms)\b/ },
  { hint: /\b(?:share|repost|report|steer|everyone|pick)\b/, weight: 0.45, re: /\b(?:share|repost)\s+this\s+(?:so|everywhere|far|until|to)\b|\beveryone\s+(?:should\s+)?(?:report|email|complain\s+about|message)\s+(?:him|her|them)\b|\breport\s+(?:him|her|them|everyone)\b|\bsteer\s+clear\b|\beveryone\s+knows\s+it\b|\bpick\s+on\b/ },
];

interface LexPatterns {
  praiseWord: RegExp;
  /** An indefinite subject just before a threat idiom (data: warning-subject): what happens to "someone" or "a child" is a warning. */
  warningSubject: RegExp;
  groupNegative: RegExp;
  identityRole: RegExp;
}
const patternCache = new WeakMap<Lexicon, LexPatterns>();
/** Patterns built from a lexicon's categories, once per lexicon. */
function lexPatterns(lex: Lexicon): LexPatterns {
  let p = patternCache.get(lex);
  if (!p) {
    const GROUPS = lex.pattern('group');
    p = {
      praiseWord: new RegExp(String.raw`\b${lex.pattern('praise-word')}\b`),
      warningSubject: new RegExp(String.raw`\b${lex.pattern('warning-subject')}(?:'s|\s+is|\s+are|\s+will|\s+'ll)?(?:\s+(?:going\s+to|gonna|gonnae))?$`),
      groupNegative: new RegExp(
        String.raw`\b(?:too\s+many|those|these|bloody|dirty|filthy|smelly|stupid|fucking|fkn|all\s+the|all)\s+${GROUPS}\b|\b${GROUPS}\s+(?:\w+\s+){0,4}?(?:are\s+all|all|should|shouldn'?t|need\s+to|must|want|ought|are)\s+(?:\w+\s+){0,3}?(?:thieves|criminals|scum|rapists|terrorists|dirty|filthy|smelly|animals|vermin|out|back|banned|deported|kicked|thrown|leave|go|parasites|scroungers|disgusting|vile|breeding|invading|gassed|shot)\b|\b(?:kick|throw|chuck|send|get)\s+(?:all\s+)?(?:the\s+)?${GROUPS}\s+(?:out|back|home)\b`,
      ),
      identityRole: new RegExp(
        String.raw`\b(?:take\s+off|remove|ditch|lose|get\s+rid\s+of)\s+(?:that|the|her|his|their)\s+(?:hijab|headscarf|turban|crucifix|kippah|yarmulke|burka|burqa|niqab|cross|patka)\b|\btypical\s+${lex.pattern('identity')}\b|\b(?:is|are|'s|'re)\s+${lex.pattern('identity')}\s+(?:so|which\s+is\s+why|that'?s\s+why)\b|\b(?:only|just)\s+because\s+(?:she|he|they)(?:'s|\s+is|\s+are|'re)\s+${lex.pattern('identity')}\b|\b(?:no|any)\s+${lex.pattern('identity')}\s+(?=should|shouldn'?t|can|deserves)|\b${lex.pattern('identity')}\s+(?:teachers|staff|people|men|women|heads)\s+like\b|\b(?:a|an|that|the|this|their|our|your|of)\s+${lex.pattern('identity')}\s+(?:like|such\s+as)\b|\b(?:woman|man|teacher|person|lady|bloke|head|ta)\s+(?:in\s+a\s+wheelchair|with\s+a\s+(?:headscarf|hijab|turban|stammer|walking\s+stick)|in\s+a\s+(?:hijab|headscarf|turban|burka|burqa))\b|\b(?:a|an|that|the|this|their|our|your|of)\s+${lex.pattern('identity')}\s+(?:teacher|teachers|head|headteacher|ta|teaching\s+assistant|woman|man|lady|bloke|governor|deputy|senco|caretaker|cook|person|family|families|kid|kids|child|children|lad|girl|boy|parent|parents|mum|dad|staff)\b|\ba\s+${lex.pattern('identity')}\s+(?:teach|teaching|run|running|in\s+charge|look\s+after|looking\s+after)\b|\b(?:full\s+of|overrun\s+with|swamped\s+with)\s+(?:\w+\s+(?:and|&)\s+)?${lex.pattern('identity')}\b`,
      ),
    };
    patternCache.set(lex, p);
  }
  return p;
}
/**
 * Cheap pre-check: every threat pattern contains a word that starts with one of these (at a word
 * boundary, so "brother" or "audience" no longer count as "rot" or "die").
 */
const THREAT_HINT = /\b(?:kill|murder|stab|shoot|shot|hurt|batter|beat|smash|knock|punch|slap|kick|burn|torch|fire|petrol|bomb|blow|strangl|throttl|glass|deck|lamp|run|put|break|wait|sort|deal|find|get|come|visit|hang|hung|strung|lynch|rot|die|inside|watch|know|walking|regret|pay|sorry|word|surprise|bat|knife|hammer|machete|gun|crowbar|brick|smack|hiding)|[\u{1F52A}\u{1F52B}\u{1F4A3}]/u;
/** A word GO_BACK cannot match without (one pattern object: a literal in the loop was a new object, and a new gate look-up, per item). */
const GO_BACK_HINT = /\b(?:back|home|deport)\b/;
const GO_BACK = /\bgo\s+back\s+(?:to\s+(?:your|their|his|her)\s+own\s+(?:country|countries)|(?:to\s+)?wher(?:e|ever)\s+(?:you|they|he|she)\s+(?:came|come)\s+from|home)\b|\bsend\s+(?:them|him|her|'em)\s+(?:all\s+)?(?:back|home)\b|\bdeport\s+(?:them|him|her)\b/;
const GO_BACK_TO_PLACE = /\bgo\s+back\s+to\s+([a-z]+)/g;
const NOT_A_COUNTRY = new Set(['school', 'work', 'bed', 'class', 'the', 'sleep', 'normal', 'basics', 'lessons', 'it', 'a', 'my', 'your', 'his', 'her', 'their', 'our', 'being', 'how', 'what', 'where', 'when', 'sleep', 'college', 'uni', 'university', 'nursery', 'wales', 'england', 'town']);

/** Words for what a person wears or uses that the identity pattern also reads. */
const VISIBLE_IDENTITY = /wheelchair|headscarf|hijab|turban|burka|burqa|niqab|crucifix|kippah|yarmulke|patka|stammer|walking\s+stick/;
/** Hazards people warn each other about. */
const HAZARD = /\b(?:ice|icy|slippery|black\s+ice|path|pavement|traffic|lorries|cars|puddles?|roadworks|potholes?|lethal|flood\w*|snow|mud|wet\s+floor)\b/;
/** "get hurt", "get badly hurt", "get run over": harm that comes to someone, right after a threat's words. */
const GETS_HURT = /\bget\s+(?:\w+ly\s+)?(?:hurt|killed|injured|run\s+over|hit)\b/;
/** Ordinary reasons to be at the gates. */
const BENIGN_ERRAND = /\b(?:to\s+(?:collect|pick\s+up|meet|drop\s+off|hand\s+in|give\s+(?:her|him|them)\s+(?:the|a|their))|for\s+(?:pick\s*-?\s*up|home\s+time|the\s+(?:kids|children))|with\s+(?:the\s+)?(?:pram|buggy|dog|kids)|let\s+(?:\w+\s+){1,3}know)\b/;
/** A praise word between `from` and `to` that is not denied ("zero stars", "not brilliant"). */
const globalPraise = new WeakMap<RegExp, RegExp>();
function praiseIn(text: string, from: number, to: number, praise: RegExp): boolean {
  let g = globalPraise.get(praise);
  if (!g) globalPraise.set(praise, (g = new RegExp(praise.source, 'g')));
  g.lastIndex = 0;
  const part = text.slice(from, to);
  for (let m = g.exec(part); m; m = g.exec(part)) if (!/\b(?:zero|no|not|never|0|nil)\s+$/.test(part.slice(Math.max(0, m.index - 8), m.index))) return true;
  return false;
}

/**
 * An ordinary reason (data: watch-benign) in the sentence of `span`, or a phrase of one in the next sentence ("I know
 * where she lives. She's my neighbour."). A single mild word after the threat ("… lives. Lovely house.") clears nothing.
 */
function benignNear(doc: Doc, span: Span): boolean {
  const s = sentenceAt(doc, span.start);
  const end = s.end < doc.clean.text.length ? sentenceAt(doc, s.end).end : s.end;
  const text = doc.clean.text;
  return doc.lex.find(text, 'watch-benign').some((b) => b.start >= s.start && (b.end <= s.end || (b.end <= end && /\s/.test(text.slice(b.start, b.end)))));
}
/**
 * Who harm may befall: a titled name, a role at the school (with "every", "all the", "that"), a third-person pronoun or
 * "you"; the last one before the harm is the subject. Not the writer ("I'll get a hiding off my mum if I'm late").
 */
const HARM_SUBJECT = /\b(?:(?:mr|mrs|ms|miss|mx|dr|sir|yer\s+man|yer\s+woman|man\s+like)\s+[\p{L}\p{M}'-]+(?:'(?:ll|d|s))?|(?:every|each|all\s+the|the|that|this|their|[\p{L}\p{M}-]+'s)\s+(?:\w+\s+){0,2}?(?:teachers?|head(?:teacher|master|mistress)?|deputy|principal|senco|tas?|staff|governors?|caretaker|receptionist|bursar)|he|she|they|hes|shes|theyre|you|i|we)\b/gu;
/**
 * Between the subject and the harm: a future, a wish or a "due" frame (grammar, so in code): "'ll be getting", "is gonna end
 * up with", "is going to get", "deserves", "hope … gets", "is due". A plain past ("got a kicking") is news, not a threat.
 */
const HARM_FUTURE = /^(?:'ll|'d|'s)?(?:\s+(?:at|from|in)\s+[\w'-]+(?:\s+[\w'-]+)?(?=\s))?\s*(?:(?:\w+\s+){0,2}?(?:will|'ll|shall|is\s+gonna|are\s+gonna|gonna|is\s+going\s+to|are\s+going\s+to|going\s+to|'s\s+gonna|'s\s+going\s+to|is\s+due|are\s+due|due|deserves?|needs?|is\s+getting|are\s+getting|'s\s+getting|getting|gettin|is\s+in\s+for|are\s+in\s+for|in\s+for|could\s+do\s+with|wants?|(?:(?:is|are|'s)\s+)?(?:only\s+|just\s+)?one\s+(?:\w+\s+){0,2}?(?:away\s+)?from|asking\s+for|heading\s+for)\b)[^.!?]{0,40}$/;
/** Giving harm to a person just before it: "give Mrs X (at Y) a slap", "gie him a doing". */
const GIVE_TO_PERSON = /\b(?:give|gie|gi'|giving|gives)\s+(?:him|her|them|'?em|(?:mr|mrs|ms|miss|mx|dr|sir)\s+[\p{L}\p{M}'-]+)(?:\s+(?:at|from|in)\s+[\w'-]+)?\s+$/u;
/** Leaving or going home, up to three words before an ambulance: "be leaving (that building) in an ambulance". */
const LEFT_IN = /\b(?:leav(?:e|es|ing|in'?)|go(?:es|ing|in'?)?\s+home|(?:carried|come|coming|comin'?)\s+out)\s+(?:[\w'-]+\s+){0,3}$/;
/** A wish that takes the harm: "hope he gets cancer", "wish every teacher there would get run over", "pray she …". */
const HARM_WISH = /\b(?:hope|hoping|hopes|wish|wishing|pray|praying|deserves?|deserve)\b[^.!?]{0,60}$/;
/** "a hiding with Miss Y's name on it": the person named after the harm. */
const NAME_ON_IT = /^\s+with\s+(?:[\p{L}\p{M}'-]+\s+){1,3}?name\s+on\s+it\b/u;

/** Harm foretold or wished for a person (data: harm-outcome, harm-wish), not negated, reported, a warning or past news. */
function harmBefalls(doc: Doc): Span[] {
  const text = doc.clean.text;
  const harms = doc.lex.find(text, 'harm-outcome');
  const wishes = doc.lex.find(text, 'harm-wish');
  if (!harms.length && !wishes.length) return [];
  const out: Span[] = [];
  // "jumped at the chance", "decked out in tinsel", "will be done in" (worn out), "a slap on the wrist" (data: harm-idiom)
  const idioms = harms.length ? doc.lex.find(text, 'harm-idiom') : [];
  const hazards = new Map<number, boolean>();
  for (const h of [...harms, ...wishes]) {
    const wish = wishes.includes(h);
    if (idioms.some((i) => i.start < h.end && h.start < i.end)) continue;
    // "leaving in an ambulance", "go home in an ambulance": the ambulance is harm only after leaving or going home in it
    if (/ambulance$/.test(text.slice(h.start, h.end)) && (!LEFT_IN.test(text.slice(Math.max(0, h.start - 40), h.start)) || /^\s+(?:convoy|crew|service|station|driver|run|ride|trip|team|charity|staff|worker)\b/.test(text.slice(h.end, h.end + 12)))) continue;
    // the costlier checks (negation, a report condemned) come last, for the few hits the frames below keep
    const live = () => usable(doc, h) && !negated(doc, h) && !reportedAt(doc, h);
    const s = sentenceAt(doc, h.start);
    // a hazard in the sentence makes it a warning; read once per sentence (a long unpunctuated text is one sentence)
    let hazard = hazards.get(s.start);
    if (hazard === undefined) hazards.set(s.start, (hazard = HAZARD.test(text.slice(s.start, s.end)) || lexWithin(doc, 'road-safety', s)));
    // "picking your teeth up off the pavement": the place the harm lands on is part of it, not a hazard warned of
    if (hazard && (HAZARD.test(text.slice(s.start, h.start)) || HAZARD.test(text.slice(Math.min(s.end, h.end + 25), s.end)) || doc.lex.find(text, 'road-safety').some((r) => r.start >= s.start && r.end <= s.end && (r.end <= h.start || r.start >= h.end + 25)))) continue;
    const before = text.slice(Math.max(s.start, h.start - 120), h.start);
    if (!wish && NAME_ON_IT.test(text.slice(h.end, h.end + 50))) {
      if (live()) out.push(h);
      continue;
    }
    // "someone needs to give Mrs X a slap", "gonna gie him a doing": harm given to a person is the act itself
    if (!wish && GIVE_TO_PERSON.test(before)) {
      if (live()) out.push(h);
      continue;
    }
    const subject = lastMatch(HARM_SUBJECT, before);
    if (!subject || /^(?:i|we)$/.test(subject[0])) continue;
    // "someone's going to get hurt": what happens to anyone is a warning (data: warning-subject)
    if (lexPatterns(doc.lex).warningSubject.test(clauseBefore(doc, h.start, 3))) continue;
    const between = before.slice(subject.index + subject[0].length);
    // the wish is someone else's about the subject ("I hope she gets …"), not the subject's own ("she hopes to beat cancer")
    const wished = HARM_WISH.test(before.slice(0, subject.index));
    if (wish ? !wished : !HARM_FUTURE.test(between) && !wished) continue;
    if (live()) out.push(h);
  }
  return out;
}

/**
 * Before a precaution (data: precaution): a modal of advice or expectation, "'d want to", "might want to start", "had
 * better", "should". Grammar, so in code; what the precaution is lives in the data.
 */
const ADVICE_BEFORE = /(?:'d|\bwants?\s+tae|\bwould|\bmight|\bmay|\bshould|\bbetter|\bought\s+to|\bwants?\s+to|\bneeds?\s+to|'ll\s+want\s+to|\bwill\s+want\s+to)\s+(?:(?:want\s+to|wanna|be|start|starting|to|really|probably|definitely|maybe)\s+)*$/;

/**
 * "Mr X would want to check under his car", "that head might want to start looking over her shoulder": a precaution
 * against harm urged on a person at the school (a titled name, a role, a third-person pronoun before the modal) is menace by
 * what they "would want to" do, with no threat word. Not the writer's own care ("I'd want to check under the car"), not
 * negated, reported or beside a hazard or an ordinary reason (data: watch-benign).
 */
function precautionUrged(doc: Doc): Span[] {
  const text = doc.clean.text;
  const found = doc.lex.find(text, 'precaution');
  if (!found.length) return [];
  const out: Span[] = [];
  const hazardIn = sentenceTest(HAZARD, text);
  const benignIn = sentenceLex(doc, 'watch-benign');
  for (const h of found) {
    const s = sentenceAt(doc, h.start);
    const before = text.slice(Math.max(s.start, h.start - 120), h.start);
    const advice = ADVICE_BEFORE.exec(before);
    // "check under his car for hedgehogs", "look over her shoulder at the budget": an ordinary purpose or a look at something
    if (!advice || PRECAUTION_PURPOSE.test(text.slice(h.end, h.end + 30))) continue;
    const lead = before.slice(0, advice.index);
    const subject = lastMatch(HARM_SUBJECT, lead);
    // the subject is the person, up to the modal: "Mr X at Elmfield would", "that head at X might", "he'd"
    if (!subject || /^(?:i|we|you)$/.test(subject[0]) || !/^(?:'(?:ll|d|s))?(?:\s+(?:at|from|in|of)\s+[^.!?,\n]{1,40}?)?\s*$/.test(lead.slice(subject.index + subject[0].length))) continue;
    if (hazardIn(s) || benignIn(s) || !usable(doc, h) || negated(doc, h) || reportedAt(doc, h)) continue;
    out.push(h);
  }
  return out;
}

/** After a precaution: a purpose ("for hedgehogs", "to find the ball") or what is looked at ("at the budget"). */
const PRECAUTION_PURPOSE = /^\s+(?:for|at|to\s+(?:find|get|fix|see|look|check))\b/;
/** A first-person future or present just before a violence verb: "im", "ima", "i'll", "we're gonna", "ah'm". */
const VIOLENT_AGENT = /(?:^|\s)(?:i'?m|im|i\s+am|i'?ll|i\s+will|imma|ima|i'?ma|ah'?m|ah'?ll|a'?ll|ahm\s+gonnae|am\s+gonnae|am\s+gonna|am\s+gunna|we'?re|we'?ll|we\s+will|we\s+are)\s+(?:(?:gonna|gunna|going\s+to|goin\s+to|about\s+to|finna|boutta|literally|actually|defo|deffo|proper|just|so|gonnae|gaunae)\s+)*$/;
/** The person the verb acts on, right after it. */
const VIOLENT_OBJECT = /^\s+(?:him|her|you|yous|youse|ye|u|(?:mr|mrs|ms|miss|mx|dr|sir)\s+[\p{L}\p{M}'-]+)\b/u;
/** After the object: a particle or a game that makes the verb something else ("slap him on the back", "batter him at FIFA"). */
const NOT_VIOLENT_AFTER = /^\s*(?:out|off|up|on|in(?!\s+(?:the|his|her|their|ur|your)\s+(?:mouth|face|head|teeth|gob|jaw|nose|eye|ribs|stomach|belly|balls|neck|back)\b)|into|to|round|over|back|some|a|an|the|at\s+(?:fifa|fortnite|chess|pool|darts|tennis|cards|monopoly|mario|cod|ping\s*pong|table\s+tennis|badminton|football|footy|rounders|uno|scrabble|the\s+(?:game|match|race)))\b/;

/**
 * "im banging him outside the gates", "ima merk her after school": a verb of assault in youth or regional speech (data:
 * violence-verb) after a first-person future or present, with a person as its object. Not a game, a particle verb ("deck him
 * out", "slap him on the back"), negated or reported.
 */
function youthViolence(doc: Doc): Span[] {
  const text = doc.clean.text;
  const verbs = doc.lex.find(text, 'violence-verb');
  if (!verbs.length) return [];
  const out: Span[] = [];
  for (const v of verbs) {
    const obj = VIOLENT_OBJECT.exec(text.slice(v.end, v.end + 40));
    if (!obj || NOT_VIOLENT_AFTER.test(text.slice(v.end + obj[0].length, v.end + obj[0].length + 30)) || RECORD_AFTER.test(text.slice(v.end, v.end + 40))) continue;
    if (!VIOLENT_AGENT.test(text.slice(Math.max(0, v.start - 60), v.start))) continue;
    const span = { start: v.start, end: v.end + obj[0].length };
    if (!usable(doc, span) || negated(doc, span) || reportedAt(doc, span)) continue;
    out.push(span);
  }
  return out;
}

/**
 * Before a noun that calls someone a bad thing: "is a", "'s an absolute", "such a", "what a", or a bare "a walking" that
 * starts its clause as a label ("Dr X. A walking disaster.", "Mrs X, an absolute fiasco, …"). A bare "a" after a verb
 * is its object, a thing not a label ("made a mistake", "is dealing with a crisis", "has a headache").
 */
const CALLED_A = /(?:\b(?:is|was|are|were|'s|'re|being|such|what)\s+(?:(?:a|an)\s+)?|(?:^|[,;:!?(\u2013\u2014-])\s*(?:a|an)\s+)(?:(?:walking|complete|total|absolute|utter|right|proper|bloody|real|living|fucking|massive|huge|literal|human)\s+){0,2}$/;
/**
 * A copula at the end of the text before the noun, with its subject's last words: "the new timetable is a", "Hale's an
 * absolute". A comma before the copula ends a relative clause ("Mr X, who runs PE, is a"): no subject is read then.
 */
const COPULA_SUBJECT = /(?:^|[^,\s])\s*((?:[a-z'-]+\s+){0,5}?[a-z-]+)(?:\s+(?:really|honestly|just|still|always|actually|truly|basically|literally))?(?:'s|\s+(?:is|was|are|were|being))\s+(?:(?:a|an)\s+)?(?:[a-z]+\s+){0,2}$/;
/** A subject that is a person: a pronoun, a role, "that man", a titled name, optionally with where they work after it. */
const PERSON_SUBJECT = /(?:^|\s)(?:he|she|they|you|u|i|we|who|head(?:teacher|master|mistress|s)?|teachers?|deputy|principal|senco|tas?|caretaker|bursar|governors?|receptionist|staff|man|woman|bloke|one|guy|lady|fella|chap|lad|girl|boy|coach|manager|lot|(?:mr|mrs|ms|miss|mx|dr|sir)\s+[a-z'-]+)(?:\s+(?:at|from|in|of)\s+(?:the\s+)?[a-z'-]+(?:\s+(?:primary|school|academy|high|college|juniors|infants|maths|english|science|pe))?)?$/;
/** Is the copula at the end of `before` said of a thing ("the field is a proper", "it's a right"), not of a person? */
function thingSubject(before: string): boolean {
  const subj = COPULA_SUBJECT.exec(before);
  return !!subj && !PERSON_SUBJECT.test(` ${subj[1]!}`);
}
/** The noun is the head of its phrase: punctuation, the end, "and", "of a …", "that one/man", "who", "if ever …" after it. */
const HEAD_END = /^(?:\s*(?:[.,!?;:)\n]|$)|\s+(?:and|of\s+(?:a|an)|(?:that|this)\s+(?:one|man|woman|bloke)|who|if\s+ever|on\s+legs|in\s+human\s+form|waiting\s+to\s+happen)\b|\s*[\u{1F300}-\u{1FAFF}\u2600-\u27BF])/u;
/** Someone at the school the noun is said of, in its clause: a titled name, a staff role, a personal pronoun. */
const CALLED_PERSON = /\b(?:(?:mr|mrs|ms|miss|mx|dr|sir)\s+[\p{L}\p{M}'-]+|head(?:teacher|master|mistress)?|teachers?|deputy|principal|senco|tas?|caretaker|bursar|governors?|receptionist|he|she|they|him|her|that\s+(?:man|woman|one|bloke))\b/u;

/** A finite verb or auxiliary: the sentence says something happened, it does not just name someone. */
const FINITE = /\b(?:is|was|are|were|has|had|have|will|did|does|do|can|could|would|'ll|'re|'ve|\w+ed)\b|\b(?:he|she|it|they)'s\b/;

/**
 * "Dr X. A walking disaster.": a short label fragment (four words at most, not an exclamation such as "What a shame!" or
 * "Such a pain") after a sentence that only names a person ("Dr X.", "Elmfield's new deputy?"); after news of the person
 * ("Mrs X is leaving. What a shame!") the exclamation is about what happened.
 */
function labelAfterPerson(doc: Doc, s: Span, h: Span): boolean {
  const text = doc.clean.text;
  if (s.start === 0) return false;
  const lead = text.slice(s.start, h.start).trim();
  if (lead.split(/\s+/).length > 4 || /^(?:what|such)\b/.test(lead)) return false;
  const prev = text.slice(sentenceAt(doc, s.start - 1).start, s.start);
  return CALLED_PERSON.test(prev) && prev.trim().split(/\s+/).length <= 6 && !FINITE.test(prev);
}

/**
 * A person at the school called a bad thing (data: negative-noun, from AFINN-165: "a walking disaster", "an absolute
 * fiasco", "what a menace that man is"): the noun is the head of a predicate or an exclamation with a person in its
 * clause. A bad thing that happened ("it was a disaster", "the trip was a fiasco") has no person in its clause.
 */
function calledBadThing(doc: Doc): Span[] {
  const text = doc.clean.text;
  const nouns = doc.lex.find(text, 'negative-noun');
  const out: Span[] = [];
  for (const h of nouns) {
    if (!usable(doc, h) || !HEAD_END.test(text.slice(h.end, h.end + 24))) continue;
    const s = sentenceAt(doc, h.start);
    const before = text.slice(Math.max(s.start, h.start - 60), h.start);
    if (!CALLED_A.test(before)) continue;
    // "Mrs X said the timetable is a disaster": the copula's subject is a thing, whoever else the sentence names; a subject
    // that is a name ("Mrs Kerr is", "Hale's") has its title before it
    if (thingSubject(before)) continue;
    // the person in the clause, or in a short sentence's neighbour ("Dr X. A walking disaster.")
    const clause = text.slice(Math.max(s.start, h.start - 120), h.start);
    const after = text.slice(h.end, s.end);
    if (!CALLED_PERSON.test(clause) && !(/^\s*(?:that|this)\s+(?:man|woman|one|bloke)\b|^\W*that\s+one\b/.test(after)) && !labelAfterPerson(doc, s, h)) continue;
    // "it was a disaster", "that's a travesty": the thing said of a situation
    if (/\b(?:it|that|this|which|there)(?:'s|\s+is|\s+was|\s+were)\s+(?:\w+\s+){0,3}$/.test(before)) continue;
    if (negated(doc, h) || discounted(doc, h) || rebutted(doc, h, 'negative-noun')) continue;
    out.push(h);
  }
  return out;
}

/**
 * "a right X", "a proper X", "pure X so he is": British intensifiers that, before a bare noun said of a person, make it a
 * put-down whatever the noun ("a right dinlo", "a proper plank", "pure jessie so they are"), unless the noun is said fondly
 * or in praise (data: fond-label, praise-word: "a right laugh", "a proper gent"). The noun ends its phrase.
 */
const INTENSIFIED = /\b(?:(?:is|'s|was|are|'re|were|being|such)\s+(?:a|an)\s+(?:right|proper)|(?:is|'s|was|are|'re|were)\s+pure|^pure|,\s*pure)\s+([a-z][a-z'-]{2,})(?=\s*(?:[.,!?;:]|$)|\s+(?:so\s+(?:he|she|they)\s+(?:is|are)|that\s+one|an\s+all|and\s+all|bab|mate|like|la|lad|mun|hen|pal|innit|tbh|lol|lmao|mind|to\s+be\s+fair|an\s+that)\b)/g;

function intensifiedLabels(doc: Doc): Span[] {
  const text = doc.clean.text;
  if (!/\b(?:right|proper|pure)\s/.test(text)) return [];
  const out: Span[] = [];
  INTENSIFIED.lastIndex = 0;
  for (let m = INTENSIFIED.exec(text); m; m = INTENSIFIED.exec(text)) {
    const word = m[1]!;
    const start = m.index + m[0].length - word.length;
    const span = { start, end: start + word.length };
    if (doc.lex.has('fond-label', word) || doc.lex.has('praise-word', word) || doc.lex.has('praise-event', word) || doc.lex.has('insult-adj', word) === false && /(?:ly|ing|ed)$/.test(word)) continue;
    if (!usable(doc, span) || negated(doc, span) || discounted(doc, span)) continue;
    const s = sentenceAt(doc, start);
    const clause = text.slice(Math.max(s.start, start - 120), start);
    // "it's a right mess", "the field is a proper bog", "the panto was pure gold": said of a thing
    if (thingSubject(clause)) continue;
    const prev = s.start > 0 ? text.slice(sentenceAt(doc, s.start - 1).start, s.start) : '';
    if (!CALLED_PERSON.test(clause) && !CALLED_PERSON.test(text.slice(span.end, s.end)) && !CALLED_PERSON.test(prev)) continue;
    out.push(span);
  }
  return out;
}

/**
 * A sexual slur by its parts (data: sexual-availability, indiscriminate): availability ("puts it about", "kit off for", "been
 * round") with "anyone" or a count in its sentence ("for anyone who asks", "more times than the minibus", "half the dads"),
 * said of a person at the school (a titled name, a role or a pronoun in the sentence). Not negated or reported.
 */
/** Between availability and "anyone": nothing, or a preposition and fillers ("with", "for", "a bit with"). */
const SLUR_GAP = /^\s*(?:(?:with|for|by|to|than|a\s+bit|like|an\s+all|and\s+all)\s+){0,2}$/;
/** Auxiliaries and adverbs between a subject and the availability ("has been", "'s always"). */
const SLUR_AUX = /(?:'s|(?:\s+|^)(?:has|have|had|is|was|got|gets|been|being|will|would|just|always|even|really|definitely|apparently|clearly|obviously|already|reportedly|literally))*\s*$/;

/** Where the clause that holds `pos` ends (the next clause break or sentence end after it). */
function clauseEndAfter(text: string, pos: number): number {
  const m = /[,;:.!?\n]|\s-+\s|\bbut\b/.exec(text.slice(pos));
  return m ? pos + m.index : text.length;
}

function sexualSlurs(doc: Doc): Span[] {
  const text = doc.clean.text;
  const avail = doc.lex.find(text, 'sexual-availability');
  if (!avail.length) return [];
  const any = doc.lex.find(text, 'indiscriminate');
  const travel = doc.lex.find(text, 'travel-means');
  const out: Span[] = [];
  for (const a of avail) {
    const s = sentenceAt(doc, a.start);
    // "anyone" or the count right after the availability, with only a preposition between ("puts it about with half the
    // dads"); not "passed round the sweets for everyone", "been round every classroom with anyone who asks"
    if (!any.some((x) => x.start >= a.end && x.end <= s.end && SLUR_GAP.test(text.slice(a.end, x.start)))) continue;
    // "gets around with everyone on her bike": a way of getting about in the clause is travel (data: travel-means)
    // (it starts after the availability, so after its clause's start; the clause's end is found once per hit, if needed)
    const later = travel.filter((m) => m.start >= a.end && m.end <= s.end);
    if (later.length) {
      const clauseEnd = clauseEndAfter(text, a.end);
      if (later.some((m) => m.start < clauseEnd)) continue;
    }
    const lead = text.slice(Math.max(s.start, a.start - 120), a.start);
    if (!CALLED_PERSON.test(lead) || !usable(doc, a) || negated(doc, a) || discounted(doc, a)) continue;
    // the subject is the person, not a thing of theirs ("Mrs X's cake got passed round"); after a comma it is not read
    const subject = lead.replace(SLUR_AUX, '');
    if (!/,\s*$/.test(subject) && !PERSON_SUBJECT.test(` ${subject.trimEnd()}`)) continue;
    out.push(a);
  }
  return out;
}

/** A person a threat may be aimed at, in its sentence, including the staff as a group ("Teachers at X: watch your backs"). */
const PERSON_TARGET = /\b(?:she|he|her|him|his|herself|himself|mr|mrs|ms|miss|mx|dr|sir|head(?:teacher)?s?|teachers?|deput(?:y|ies)|principals?|staff|governors?|heads|teaching\s+assistants?|tas|senco|senior\s+leadership|slt)\b/;

/** A hit of lexicon category `c` lying wholly inside `a`. */
function lexWithin(doc: Doc, c: string, a: Span): boolean {
  return doc.lex.find(doc.clean.text, c).some((h) => h.start >= a.start && h.end <= a.end);
}

/**
 * A warning, not a threat: its sentence or the one before names a hazard (data: hazard, and HAZARD), or the words warn
 * "you" and their own sentence addresses everyone (data: audience: "watch your backs, everyone"); and neither sentence
 * names a person the words could be aimed at.
 */
function warningToAll(doc: Doc, span: Span): boolean {
  const text = doc.clean.text;
  const own = sentenceAt(doc, span.start);
  // the sentence before counts for a hazard ("The hill is treacherous. Watch your backs."), when it names no one either;
  // round 10: so does the one after, for a harm foretold and then explained ("Mark my words, a bairn's getting flattened
  // one of these mornings - tractors coming round the blind bend"), the dash splitting the two
  const after = own.end < text.length ? sentenceAt(doc, own.end).end : own.end;
  const s = { start: own.start > 0 ? sentenceAt(doc, own.start - 1).start : own.start, end: after };
  // what the two sentences say is read once per sentence, however many threat words it holds
  let bySentence = warningCache.get(doc);
  if (!bySentence) warningCache.set(doc, (bySentence = new Map()));
  let read = bySentence.get(own.start);
  if (!read) {
    const sentence = text.slice(s.start, s.end);
    read = { person: PERSON_TARGET.test(sentence), hazard: lexWithin(doc, 'hazard', s) || HAZARD.test(sentence), audience: lexWithin(doc, 'audience', own) };
    bySentence.set(own.start, read);
  }
  if (read.person) return false;
  return read.hazard || (read.audience && /\byou(?:r|rs|rselves)?\b/.test(text.slice(span.start, span.end)));
}
/** Words of waiting or being somewhere: the threats an errand can explain. */
const BEING_THERE = /\b(?:wait\w*|be\s+at|be\s+outside|be\s+there|outside|gates?|see\s+you)\b/;

/**
 * "I'll be waiting at the gates from 3 with her PE bag if anyone needs it": a routine errand (data: routine-errand) in the
 * sentence or the one before, and no menace (data: menace) in either, makes waiting at a place an errand, not a threat.
 */
function errandAt(doc: Doc, span: Span): boolean {
  const text = doc.clean.text;
  if (!BEING_THERE.test(text.slice(span.start, span.end))) return false;
  const own = sentenceAt(doc, span.start);
  const s = { start: own.start > 0 ? sentenceAt(doc, own.start - 1).start : own.start, end: own.end };
  // menace may follow ("I'll be at the gates. We'll have it out then."), and a titled person addressed is a target
  const wide = { start: s.start, end: own.end < text.length ? sentenceAt(doc, own.end).end : own.end };
  // a titled person told or asked something ("tell Mr X not to release him") is an addressee, not a target
  const titled = text.slice(own.start, own.end).replace(ADDRESSEE, ' ');
  return lexWithin(doc, 'routine-errand', s) && !lexWithin(doc, 'menace', wide) && !/\b(?:mr|mrs|ms|miss|mx|dr|sir)\b/.test(titled);
}
/** A titled person as the one told, asked or thanked: "tell Mr X", "ask Mrs Y to", "let Miss Z know". */
const ADDRESSEE = /\b(?:tell|ask|let|inform|remind|message|text|email|thank)\s+(?:mr|mrs|ms|miss|mx|dr|sir)\b/g;
const warningCache = new WeakMap<Doc, Map<number, { person: boolean; hazard: boolean; audience: boolean }>>();

/** After "getting it": a participle or particle that makes it getting a thing done ("getting it done", "getting it back"). */
const GOT_DONE_AFTER = /^\s+(?:done|sorted|fixed|checked|back|from|for|off|ready|right|wrong|made|cut|repaired|printed|signed|marked|framed|cleaned|changed|replaced|now|today|tomorrow|in\s+writing)\b/;
/** A record, score or time of someone's after the verb: "smash her record", "beat Mr X's time". */
const RECORD_AFTER = /^\s+(?:(?:mr|mrs|ms|miss|mx|dr|sir)\s+)?[\p{L}'-]*'s\s+(?:\w+\s+)?(?:record|time|score|pb|personal\s+best|high\s+score|lap|total)\b|^\s+(?:his|her|their)\s+(?:\w+\s+)?(?:record|time|score|pb|personal\s+best|high\s+score|lap|total)\b/u;
/** Someone who will do the waiting: a threat, not a description of people waiting. */
const THREAT_AGENT = /\b(?:i|i'?ll|i'?m|im|we|we'?ll|we'?re|someone|somebody|people|i\s+will|we\s+will|gonna|going\s+to)\b/;
/** A negation inside a group statement ("are not terrorists", "aren't all thieves"). */
const GROUP_NEGATED = /\b(?:not|never|no|aren'?t|isn'?t|don'?t|doesn'?t|shouldn'?t\s+be\s+(?:called|labelled))\b|n't\b/;
/** Exclusion or stereotype said around a person named by their identity ("her sort shouldn't be near our kids"). */
const EXCLUSION = /\b(?:shouldn'?t\s+be\s+(?:allowed|teaching|near|working|in\s+charge|around|here)|should\s+not\s+be\s+(?:allowed|teaching|near|working)|(?:her|his|their|your|that)\s+(?:sort|kind|lot|type)|people\s+like\s+(?:her|him|them)|typical|what\s+do\s+you\s+expect|go\s+back|not\s+one\s+of\s+us|(?:doesn|don)'?t\s+belong|why\s+is\s+(?:a|an|that|the)|shouldn'?t\s+let|should\s+not\s+let|or\s+get\s+out|should\s+go\s+home|go\s+home|don'?t\s+need|do\s+not\s+need|(?:christian|british|english|white)\s+country|barely\s+(?:walk|speak|see|hear)|how\s+(?:are|is|can)\s+(?:they|she|he)\s+(?:supposed|meant|expected)\s+to|of\s+course\s+(?:she|he|they)\s+got|got\s+promoted|got\s+the\s+job|own\s+lot|their\s+own\s+kind|should\s+be\s+(?:running|teaching|in\s+charge)|get\s+(?:her|him|them|(?:mrs?|ms|miss|mr|dr)\s+[\w-]+)\s+out|teach\s+our\s+(?:kids|children)|tick\s+a\s+box|ticking\s+(?:a\s+)?box(?:es)?|diversity\s+hire|token|can'?t\s+(?:control|manage|cope|handle)|only\s+(?:hired|got\s+the\s+job)|get\s+rid\s+of|don'?t\s+want\s+(?:her|him|them|a|an|one)|near\s+our\s+(?:kids|children)|ramming|shoving|forcing|agenda|brainwash\w*|counting\s+the\s+pennies|tight-?fisted|stingy|can'?t\s+(?:even\s+)?speak\s+english|smells?|stinks?)\b/;
const EXCLUSION_ALL = new RegExp(EXCLUSION.source, 'g');
/**
 * An exclusion cue in text[from, to): "go back" and "go home" count only as an order to leave (identity.ts sentHomeAt),
 * not "the family had to go back home for a funeral" or "told to go home to get the forms".
 */
function exclusionNear(doc: Doc, from: number, to: number, seen: Map<string, boolean>): boolean {
  const key = `${from}:${to}`;
  const known = seen.get(key);
  if (known !== undefined) return known;
  const found = exclusionIn(doc, from, to);
  seen.set(key, found);
  return found;
}

function exclusionIn(doc: Doc, from: number, to: number): boolean {
  const near = doc.clean.text.slice(from, to);
  if (!EXCLUSION.test(near)) return false;
  EXCLUSION_ALL.lastIndex = 0;
  for (let m = EXCLUSION_ALL.exec(near); m; m = EXCLUSION_ALL.exec(near)) {
    if (!/^go\s+(?:back|home)/.test(m[0])) return true;
    const end = /^go\s+back$/.test(m[0]) ? (/^\s+home\b/.exec(near.slice(m.index + m[0].length))?.[0].length ?? 0) : 0;
    if (sentHomeAt(doc, from + m.index, from + m.index + m[0].length + end)) return true;
  }
  return false;
}

interface Hit extends Span {
  weight: number;
  text: string;
}

function usable(doc: Doc, span: Span): boolean {
  return !overlaps(span, doc.praise) && !overlaps(span, doc.quoted) && !overlaps(span, doc.ignored) && !insideBenignCompound(doc, span);
}

/**
 * Round 10: "it's the rat-run past the side gate", "the Year 3 guinea pigs", "dog mess by the gate": an insult word inside
 * an everyday compound (data: benign-compound) names a road, a pet or a mess, not a person.
 */
function insideBenignCompound(doc: Doc, span: Span): boolean {
  const text = doc.clean.text;
  if (!doc.lex.count(text, 'benign-compound')) return false;
  return doc.lex.find(text, 'benign-compound').some((c) => c.start <= span.start && span.end <= c.end);
}

/**
 * A hit that is not the writer's own abuse of the school community: someone else's words reported in
 * order to condemn or deny them, or a remark aimed at a body outside the school (structure.ts).
 */
function discounted(doc: Doc, span: Span, target = true): boolean {
  return reportedAt(doc, span) || (target && ((externalTargetAt(doc, span) && !bodiesOnlyTold(doc, span)) || aimedAtOffenderAt(doc, span)));
}

/** A clause about the body told starting right after it: "told the council (that) they are …", "… it is a joke". */
const BODY_AS_SUBJECT = /^\s+(?:that\s+)?(?:they|it|you)\b/;
/** Between a verb of telling and the body told: nothing, or an article ("told the council", "complained to our MP"). */
const TOLD_GAP = /^\s+(?:(?:the|our|my|your|a|an)\s+)?$/;

/**
 * "She's a nasty bitch and I've told the council": every outside body in the sentence is the one told or complained to
 * (data: tell-a-body), so the remark is not aimed at it.
 */
function bodiesOnlyTold(doc: Doc, span: Span): boolean {
  const text = doc.clean.text;
  const s = sentenceAt(doc, span.start);
  const bodies = doc.lex.find(text, 'external-body').filter((b) => b.start >= s.start && b.end <= s.end);
  if (!bodies.length) return false;
  const told = doc.lex.find(text, 'tell-a-body');
  // "I've told the council they are clowns": the body told is also the one the clause after it is about
  return bodies.every((b) => told.some((t) => t.end <= b.start && b.start - t.end <= 8 && TOLD_GAP.test(text.slice(t.end, b.start))) && !BODY_AS_SUBJECT.test(text.slice(b.end, b.end + 12)));
}

/**
 * A label the writer denies elsewhere in the item: "Are the teachers really 'useless'? They're not
 * useless at all." Every use of the word is the label being rebutted, not the writer's insult.
 */
function rebutted(doc: Doc, span: Span, category: string): boolean {
  const word = doc.clean.text.slice(span.start, span.end);
  return (negatedOccurrences(doc, category).get(word) ?? []).some((start) => start !== span.start);
}

/**
 * Per document and category: each word's occurrences that are negated (their starts). Worked out once, so an item
 * repeating a word a thousand times costs a thousand negation checks, not a million.
 */
const negatedCache = new WeakMap<Doc, Map<string, Map<string, number[]>>>();
function negatedOccurrences(doc: Doc, category: string): Map<string, number[]> {
  let byCategory = negatedCache.get(doc);
  if (!byCategory) negatedCache.set(doc, (byCategory = new Map()));
  let byWord = byCategory.get(category);
  if (byWord) return byWord;
  byWord = new Map();
  for (const o of doc.lex.find(doc.clean.text, category)) {
    if (!negated(doc, o)) continue;
    const w = doc.clean.text.slice(o.start, o.end);
    const starts = byWord.get(w);
    if (starts) starts.push(o.start);
    else byWord.set(w, [o.start]);
  }
  byCategory.set(category, byWord);
  return byWord;
}

const OWN_CHILD_PREDICATE = /\b(?:my|our)\s+(?:son|daughter|child|kid|lad|girl|boy|twins|little\s+one|youngest|eldest)\s+(?:is|was|can\s+be|gets|got|'s)\b/;

/** "had it covered up", "painted over": the school removing graffiti, not covering up wrongdoing (data: condemnation). */
function removal(doc: Doc, span: Span): boolean {
  return doc.lex.find(doc.clean.text, 'condemnation').some((c) => c.start < span.end + 3 && span.start < c.end + 3);
}

/** Wrongdoing as a topic of training or policy ("how to spot a colleague who turns up drunk"), not a claim about anyone. */
const TOPIC_FRAME = /\b(?:training|how\s+to\s+(?:spot|report|recognise|deal\s+with)|policy\s+on|guidance\s+on|what\s+to\s+do\s+if|signs\s+of|awareness)\b/;
/** An indefinite person and a relative clause reaching the word: "a colleague who turns up …", "any pupil that is …". */
const GENERIC_RELATIVE = /\b(?:a|an|any|every|each)\s+(?:[a-z'-]+\s+){1,2}?(?:who|that)\s+(?:[a-z'-]+\s+){0,3}$/;

/** lexWithin(doc, c, s) for a sentence `s` (a span sentenceAt gave), remembered per sentence. */
function sentenceLex(doc: Doc, c: string): (s: Span) => boolean {
  const found = doc.lex.find(doc.clean.text, c);
  const seen = new Map<Span, boolean>();
  return (s) => {
    let v = seen.get(s);
    if (v === undefined) seen.set(s, (v = found.some((h) => h.start >= s.start && h.end <= s.end)));
    return v;
  };
}

/** "being told their kid was rude": someone else's verdict, reported in the clause before the word. */
function toldAt(doc: Doc, span: Span): boolean {
  return /\b(?:being|been|get|got|was|were)\s+told\b/.test(doc.clean.text.slice(sentenceAt(doc, span.start).start, span.start));
}

/**
 * Is the noun at `h` used as a label for someone, in an insulting construction: "that clown Mrs X", "Mr X = melt", "what a
 * weapon", "Mr X, the weapon", "melt, that one", a verdict sentence, after a copula or intensifier ("is a", "a right",
 * "nowt but a") or an insulting adjective ("crusty lil goblin")? Not a judgement of a situation ("it's a disgrace"), a
 * costume or a parent's fond name. Shared by weak insults and ambiguous slurs ("A spade. In front of six-year-olds.").
 */
function labelConstruction(doc: Doc, h: Span): boolean {
  const text = doc.clean.text;
  const before = clauseBefore(doc, h.start, 3);
  // "it's a disgrace what they wrote": a judgement of what happened, not a name for a person
  if (SITUATION_SUBJECT.test(clauseBefore(doc, h.start, 5))) return false;
  // "came as a little goblin for book day", "my wee monster": a costume or a parent's fond name, not a label
  if (playedOrFond(doc, h)) return false;
  const lastWord = before.split(/\s+/).pop() ?? '';
  // "that clown Mrs Adeyemi": a weak insult used as a label for a named person
  const label = /\b(?:that|this)$/.test(before) && /^\s+(?:mr|mrs|ms|miss|mx|dr|sir)\b/.test(text.slice(h.end, h.end + 8));
  // "Mr X = melt", "what a weapon they are", "which melt came up with this?"
  const pointed = /(?:=|\bwhat\s+(?:a|an)|^which)$/.test(text.slice(Math.max(0, h.start - 8), h.start).trim()) || /^which$/.test(before.trim()) || /\b(?:nowt|nothing|naught)\s+but\s+(?:a|an)\s+$/.test(text.slice(Math.max(0, h.start - 20), h.start));
  // "Mr X, the weapon", "melt, that one", "the county's top weapon", "X. Elm School. melt.": a label or a verdict
  const labelled = WEAK_LABEL_BEFORE.test(text.slice(Math.max(0, h.start - 40), h.start)) || WEAK_LABEL_AFTER.test(text.slice(h.end, h.end + 12)) || weakVerdict(doc, h);
  return label || pointed || labelled || COPULA_OR_INTENSIFIER.test(before) || doc.lex.has('insult-adj', lastWord) || (/\b(?:a|an)$/.test(before) && /\b(?:is|are|'s|was|such)\b/.test(clauseBefore(doc, h.start, 5)));
}

/** A parent's own child named just before: "my wee monster", "our little horror". */
const OWN_BEFORE = /\b(?:my|our)\s+(?:[a-z'-]+\s+){0,2}$/;
/**
 * A noun that is a part played or a fond name, not a label: a costume or role (data: role-play: "came as a little goblin",
 * "dressed up as a troll") up to 30 characters before it in its clause, "my"/"our" before it, or fondness beside it in its
 * sentence (data: fond-aside: "love him", "bless her").
 */
function playedOrFond(doc: Doc, h: Span): boolean {
  const text = doc.clean.text;
  const from = Math.max(clauseStart(doc, h.start), h.start - 30);
  if (OWN_BEFORE.test(text.slice(from, h.start))) return true;
  // "a proper little goblin when he's tired, love him": fondness said beside it in its sentence (data: fond-aside)
  const s = sentenceAt(doc, h.start);
  if (doc.lex.find(text, 'fond-aside').some((f) => f.start >= s.start && f.end <= s.end && Math.abs(f.start - h.start) <= 80)) return true;
  return doc.lex.find(text, 'role-play').some((r) => r.start >= from && r.end <= h.start);
}

/** Lexicon hits of one category that the rules may count (not in praise, attributed quotes or ignored words). */
function hits(doc: Doc, category: string): Hit[] {
  const out: Hit[] = [];
  for (const h of doc.lex.find(doc.clean.text, category)) {
    if (!usable(doc, h)) continue;
    out.push({ start: h.start, end: h.end, weight: h.weight, text: doc.clean.text.slice(h.start, h.end) });
  }
  return out;
}

export interface AbuseSignals {
  findings: Finding[];
  /** Any lexical sign of hostility (used to decide whether praise can discount the classifier). */
  hostile: boolean;
  praised: boolean;
  /**
   * Abusive words are present but are someone else's, reported to condemn them, or aimed outside the
   * school community: the classifier, which reads the words, is discounted too.
   */
  discounted: boolean;
}

/** Does the item contain abusive words that are all negated, reported or aimed outside the school? */
function isDiscounted(doc: Doc): boolean {
  let any = false;
  let muted: Span[] | undefined;
  // violent words in a quote ("KILL" sprayed on a wall) are counted only as quoted
  for (const h of doc.lex.find(doc.clean.text, 'put-down')) if (overlaps(h, doc.quoted)) any = true;
  for (const cat of ['slur', 'insult-noun', 'profanity', 'insult-adj', 'weak-insult-noun', 'accusation', 'threat-idiom']) {
    for (const h of doc.lex.find(doc.clean.text, cat)) {
      if (!usable(doc, h)) {
        // words inside an attributed quote are someone else's; inside a praise idiom ("sh*t hot") they praise
        if (overlaps(h, doc.quoted) || overlaps(h, doc.praise)) any = true;
        continue;
      }
      if (cat === 'insult-adj' && toldAt(doc, h)) {
        any = true;
        continue;
      }
      if (cat === 'accusation' && removal(doc, h)) continue;
      // "I know which car she drives because she gives me a lift": a watch cue beside an everyday reason (muted.ts)
      if (cat === 'threat-idiom' && overlaps(h, (muted ??= mutedSpans(doc)))) {
        any = true;
        continue;
      }
      // "it's a disgrace what they wrote": a judgement of what happened condemns it, it is not hostility
      if (cat === 'weak-insult-noun' && SITUATION_SUBJECT.test(clauseBefore(doc, h.start, 5))) {
        any = true;
        continue;
      }
      if (!negated(doc, h) && !discounted(doc, h, cat !== 'slur') && !rebutted(doc, h, cat) && !(cat === 'insult-adj' && doc.lex.has('condemnation', doc.clean.text.slice(h.start, h.end)))) return false;
      any = true;
    }
  }
  for (const span of ACCUSATION_HINT.test(doc.clean.text) ? findAll(doc.clean.text, ACCUSATION) : []) {
    if (!usable(doc, span) || removal(doc, span)) continue;
    if (!negated(doc, span) && !discounted(doc, span)) return false;
    any = true;
  }
  // "Funny how Ofsted always turn up … Draw your own conclusions": an insinuation aimed at a body outside the school
  // is no abuse of the school community; said so, the model reads the words (the n-grams) as discounted too
  if (!any) for (const h of doc.lex.find(doc.clean.text, 'insinuation')) if (externalTargetAt(doc, h)) any = true;
  // "I know which car she drives because she gives me a lift", "Look who really runs the governors. Parents again.":
  // words the rules read as benign (muted.ts), kept from the model's n-grams and counted as discounted
  if (!any && (muted ??= mutedSpans(doc)).length) any = true;
  return any;
}

/** "it's a", "that was an absolute": a situation, not a person, is the subject. */
const SITUATION_SUBJECT = /(?:^|\s)(?:it'?s|it\s+is|it\s+was|that'?s|that\s+is|that\s+was|this\s+is|which\s+is)\s+(?:a|an)(?:\s+(?:absolute|utter|total|complete|bloody|real))?$/;
/** A weak insult put after a name as its label ("Mrs X, the dweeb"; "the county's top weapon"; "prize specimen of a troll"). */
const WEAK_LABEL_BEFORE = /(?:\b(?:mr|mrs|ms|miss|mx|dr|sir)\s+[\p{L}\p{M}'-]+[^,.!?\n]{0,30},\s*the|\b(?:top|prize|resident|chief|head|number\s+one|biggest|absolute|total|bleedin'?|bloody)|\bspecimen\s+of\s+(?:a|an))\s*$/u;
/** A weak insult with a pointer after it: "melt, that one", "weapon of a man". */
const WEAK_LABEL_AFTER = /^[,\s]+(?:that\s+one|that\s+man|that\s+woman|so\s+(?:he|she)\s+is|of\s+a\s+(?:man|woman|teacher|head))\b/;
/** The weak insult is the whole sentence (one to three words) after a sentence naming someone: "Dr X. Elm School. melt." */
function weakVerdict(doc: Doc, h: Span): boolean {
  const s = sentenceAt(doc, h.start);
  // three words fit in well under 80 characters: a longer sentence is not split at every hit in it (a long text
  // without full stops is one sentence)
  if (s.end - s.start > 80 || s.start === 0) return false;
  const words = doc.clean.text.slice(s.start, s.end).trim().split(/\s+/).length;
  if (words > 3) return false;
  const back = doc.clean.text.slice(Math.max(0, s.start - 120), s.start);
  return /\b(?:mr|mrs|ms|miss|mx|dr|sir|head\w*|teacher|deputy|principal|senco)\b/.test(back);
}

/** An ambiguous slur used as a label for a person: as sure as an unambiguous one. */
const AMBIGUOUS_SLUR_LABEL = 0.85;
/**
 * Someone at the school named near an ambiguous slur: in its sentence up to 160 characters before it or 80 after, or in the
 * sentence before when it is short ("Mrs X. A spade."). Bounded, so a long text without full stops is not read whole per hit.
 */
function slurSaidOfPerson(doc: Doc, h: Span): boolean {
  const text = doc.clean.text;
  const s = sentenceAt(doc, h.start);
  const from = s.start > 0 && h.start - s.start < 160 ? Math.max(0, s.start - 120) : Math.max(s.start, h.start - 160);
  return CALLED_PERSON.test(text.slice(from, Math.min(s.end, h.end + 80)));
}

/** A veiled threat aimed at a named person's property: no less plain than the explicit threats (THREATS, up to 0.92), and it names its target and the thing. */
const AIMED_VEILED_THREAT = 0.97;
/** "…happened to it / them": the threat points back at a thing. */
const POINTS_BACK = /^[^.!?\n]{0,40}?\b(?:to|with)\s+(?:it|them)\b/;
/** A titled person's thing in the sentence before: "Mr X has a (lovely) new van", "Mrs Y's car". */
const NAMED_PROPERTY = /\b(?:mr|mrs|ms|miss|mx|dr|sir)\s+[\p{L}'-]+(?:'s\s+(?:[\p{L}-]+\s+){0,3}[\p{L}-]+|(?:\s+[^.!?\n]{0,50}?)?\s+(?:has|had|have|has\s+got|'s\s+got|got|drives|bought|owns|parks)\s+(?:a|an|the|her|his|their)\s+)/u;

/** Does the veiled threat at `h` point back ("…to it") at a named person's thing in its sentence or the one before? */
function aimedAtNamedProperty(doc: Doc, h: Span): boolean {
  const text = doc.clean.text;
  const s = sentenceAt(doc, h.start);
  if (!POINTS_BACK.test(text.slice(h.end, s.end))) return false;
  const from = s.start > 0 ? sentenceAt(doc, s.start - 1).start : s.start;
  return NAMED_PROPERTY.test(text.slice(from, h.start));
}

/** Emoji that mock a person (clown, snake, pig, vomit, litter, poo, nauseated face), in the clean view. */
const INSULT_EMOJI = /[\u{1F921}\u{1F40D}\u{1F437}\u{1F416}\u{1F92E}\u{1F6AE}\u{1F4A9}\u{1F922}]/u;
const INSULT_EMOJI_ALL = new RegExp(INSULT_EMOJI.source, 'gu');
/** Of those, the ones often meant literally (a reptile visit, a farm trip, a tummy bug): they insult only as a noun. */
const LITERAL_EMOJI = /^[\u{1F40D}\u{1F437}\u{1F416}\u{1F92E}\u{1F922}]$/u;
/**
 * A mocking emoji in a sentence that names someone at the school: an insult. As a noun ("is a 🐷") or repeated
 * ("🤡🤡🤡") it counts more. A sentence that praises, or an emoji about food or an outside body, does not count.
 */
function emojiInsults(doc: Doc): { spans: Span[]; weight: number } | undefined {
  const text = doc.clean.text;
  const spans: Span[] = [];
  let weight = 0;
  INSULT_EMOJI_ALL.lastIndex = 0;
  for (let m = INSULT_EMOJI_ALL.exec(text); m; m = INSULT_EMOJI_ALL.exec(text)) {
    const span = { start: m.index, end: m.index + m[0].length };
    const s = sentenceAt(doc, span.start);
    const sentence = text.slice(s.start, s.end);
    if (!TARGET.test(sentence) || !usable(doc, span) || externalTargetAt(doc, span) || reportedAt(doc, span)) continue;
    if (doc.lex.count(sentence, 'praise-word') > 0 || /\b(?:food|dinner|lunch|canteen|smell|smells|toilets?|loos?)\b/.test(sentence)) continue;
    const noun = /\b(?:a|an|is|are|=)\s*$/.test(text.slice(Math.max(0, span.start - 6), span.start));
    if (!noun && LITERAL_EMOJI.test(m[0])) continue;
    const repeated = INSULT_EMOJI.test(text.slice(span.end, span.end + 3));
    spans.push(span);
    weight = Math.max(weight, noun || repeated ? 0.7 : 0.5);
  }
  return spans.length ? { spans, weight } : undefined;
}

/** Cues of number ("full of", "overrun", "taken over") exclude only when people follow: "full of food and music" does not. */
const OF_NUMBER = /^(?:full of|overrun|swamped|taking over|taken over)$/;
function fullOfPeople(doc: Doc, cue: LexHit): boolean {
  if (!OF_NUMBER.test(cue.term)) return true;
  const text = doc.clean.text;
  const after = { start: cue.end, end: Math.min(text.length, cue.end + 30) };
  if (/^\s+(?:with\s+|by\s+)?(?:them|those|these|foreigners|immigrants)\b/.test(text.slice(after.start, after.end))) return true;
  return ['identity', 'group', 'identity-word'].some((c) => doc.lex.find(text, c).some((h) => h.start >= after.start && h.start <= after.end));
}

/** Someone at the school, by role, title or pronoun. */
// round 11: and the school's other staff by role ("the business manager", "the bursar", "the chaplain")
const STAFF_REF = /\b(?:mr|mrs|ms|miss|mx|dr|sir|teachers?|staff|head(?:teacher|master|mistress)?|principal|deputy|senco|tas?|governors?|caretaker|coach|bursar|business\s+manager|office\s+manager|finance\s+manager|chaplain|receptionist|he|she|him|her)\b/;

/** A condition or an offer to be corrected before a denial in its clause: "if it's not true", "happy to be told it's false". */
const HYPOTHETICAL_BEFORE = /\b(?:if|unless|in\s+case|happy\s+to\s+be\s+(?:told|corrected)|correct\s+me\s+if)\b[^.!?;:]{0,20}$/;
/** Is the denial at `d` only supposed ("if it's not true ignore me"), not made? */
function hypothetical(doc: Doc, d: Span): boolean {
  return HYPOTHETICAL_BEFORE.test(doc.clean.text.slice(Math.max(0, d.start - 40), d.start));
}

/**
 * Insinuation (data: insinuation): strong cues ("no smoke without fire", "I'm sure there's an innocent
 * explanation") count alone, weak ones ("just asking", "not saying anything") only together, and only
 * when someone at the school is in view. Said of Ofsted or the council, or denied, it is not defamation.
 */
function insinuation(doc: Doc): { spans: Span[]; weight: number } | undefined {
  const text = doc.clean.text;
  const found = hits(doc, 'insinuation').filter((h) => !externalTargetAt(doc, h));
  if (!found.length) return undefined;
  const strong = found.filter((h) => h.weight >= 0.6);
  const distinct = new Set(found.map((h) => h.text)).size;
  if (!strong.length && distinct < 2) return undefined;
  if (!gatedTest(STAFF_REF, text) || doc.lex.find(text, 'denial').some((d) => !hypothetical(doc, d))) return undefined;
  return { spans: found, weight: strong.length ? 0.7 : 0.6 };
}

/**
 * Surveillance (data: watch-verb, watch-object, watch-benign): "I know what car she drives", "I'll
 * remember his face and his reg plate": the writer knows someone's car, home or routine, in one
 * sentence, with no ordinary reason (a lift share, a neighbour, a thank-you card) in view.
 */
function surveillance(doc: Doc): Span[] {
  const text = doc.clean.text;
  const verbs = doc.lex.find(text, 'watch-verb');
  if (!verbs.length) return [];
  const objects = doc.lex.find(text, 'watch-object');
  if (!objects.length || doc.lex.count(text, 'watch-benign') > 0) return [];
  const out: Span[] = [];
  for (const v of verbs) {
    const s = sentenceAt(doc, v.start);
    const o = objects.find((x) => x.start >= v.end && x.end <= s.end && x.start - v.end <= 60);
    if (!o || negated(doc, v) || !usable(doc, v)) continue;
    out.push({ start: v.start, end: o.end });
  }
  return out;
}

/** A wh-word right after a verb of knowing: what the writer knows is a place, a time or a route ("I know which fell", "where"). */
const KNOWN_WH = /^\s+(?:exactly\s+)?(?:which|what|where|when|what\s+time|the\s+(?:route|path|road|way))\b/;
/** A person as the subject of the routine ("he runs", "she walks"), so the knowledge is of someone's movements. */
const ROUTINE_SUBJECT = /\b(?:he|she|they|(?:mr|mrs|ms|miss|mx|dr|sir)\s+[\p{L}'-]+)\s+(?:[\p{L}'-]+\s+){0,1}$/u;
/** A person anywhere between the wh-word and a time of habit ("where she'll be every Sunday"). */
const ROUTINE_PERSON = /\b(?:he|she|they|(?:mr|mrs|ms|miss|mx|dr|sir)\s+[\p{L}'-]+)\b/u;
/** How far after the wh-word the person's routine verb may be ("which fell he runs up"). */
const ROUTINE_REACH = 50;

/**
 * A writer's knowledge of someone's routine joined to a hostile stance (data: watch-verb, routine-verb, routine-time,
 * exposure-remark): "I know which fell he runs up every Sunday at 7. Lonely spot, that. Easy to slip." The writer knows
 * where or when a person goes (a verb of knowing, a wh-word, then a person and a verb of habitual movement) and the item
 * remarks that the place or moment leaves them exposed (or carries menace). Knowing a routine alone is ordinary ("I know
 * which route she walks, we go the same way"): the hostile remark is what makes it a veiled threat, and an everyday
 * reason in view (data: watch-benign) clears it.
 */
function knownRoutine(doc: Doc): Span[] {
  const text = doc.clean.text;
  const verbs = doc.lex.find(text, 'watch-verb');
  if (!verbs.length || doc.lex.count(text, 'watch-benign') > 0) return [];
  if (doc.lex.count(text, 'exposure-remark') === 0 && doc.lex.count(text, 'menace') === 0) return [];
  const routines = doc.lex.find(text, 'routine-verb');
  // "I know where she'll be every Sunday morning": a time of habit after the person stands for the verb of movement
  const habits = doc.lex.find(text, 'routine-time');
  if (!routines.length && !habits.length) return [];
  const out: Span[] = [];
  for (const v of verbs) {
    if (!KNOWN_WH.test(text.slice(v.end, v.end + 24)) || negated(doc, v) || !usable(doc, v)) continue;
    const s = sentenceAt(doc, v.start);
    const within = (x: Span) => x.start > v.end && x.end <= s.end && x.start - v.end <= ROUTINE_REACH;
    const r = routines.find((x) => within(x) && ROUTINE_SUBJECT.test(text.slice(v.end, x.start))) ?? habits.find((x) => within(x) && ROUTINE_PERSON.test(text.slice(v.end, x.start)));
    if (r) out.push({ start: v.start, end: r.end });
  }
  return out;
}

/** Agentive endings a slur takes in slang ("spaz" → "spazzer", "spazza"). */
const SLUR_ENDINGS = new Set(['er', 'ers', 'zer', 'zers', 'za', 'zas', 'ka', 'kas', 'o', 'os']);

/**
 * Insults and slurs made from parts (data: insult-stem + insult-suffix, slur): British insult compounds are a
 * vulgar stem and an agentive or object suffix ("knobjockey", "arsewipe", "twatwaffle"), slang slurs take agentive
 * endings ("spazzer"), and an insulting adjective keeps its sense in its degrees ("the thickest", "rankest"). So a
 * new compound or ending needs no new line. Returns spans with their category.
 */
function derivedInsults(doc: Doc): { span: Span; category: DerivedCategory }[] {
  const out: { span: Span; category: DerivedCategory }[] = [];
  const w = wordSets(doc.lex);
  for (const t of tokens(doc.clean.text)) {
    if (t.word.length < 6) continue;
    let found = w.memo.get(t.word);
    if (found === undefined) {
      found = derivedCategory(t.word, w);
      if (w.memo.size > 50_000) w.memo.clear();
      w.memo.set(t.word, found);
    }
    if (found) out.push({ span: { start: t.start, end: t.end }, category: found });
  }
  return out;
}

type DerivedCategory = 'insult-noun' | 'slur' | 'insult-adj';

/**
 * A degree of an insulting adjective said of a person: before a person word ("the thickest kid"), after a copula
 * ("is thicker than mince"), or standing for one ("or just the thickest?"). Not "the thickest snow", "thicker coats".
 */
function degreeSaidOfPerson(text: string, span: Span): boolean {
  const after = text.slice(span.end, span.end + 30);
  if (/^\s+(?:kids?|child(?:ren)?|pupils?|students?|teachers?|staff|lot|ones?|people|ppl|peeps|folk|class|form|boys?|girls?|lads?|man|woman|person|head\w*|deputy|tas?|mums?|dads?|parents?)\b/.test(after)) return true;
  const before = text.slice(Math.max(0, span.start - 20), span.start);
  if (/\b(?:is|are|was|were|be|'s|'re)\s+(?:the\s+|even\s+|much\s+|way\s+|so\s+much\s+)?$/.test(before)) return true;
  return /\bthe\s+$/.test(before) && /^\s*(?:[?.!,;]|$|of\b)/.test(after);
}

/** What a word not in the lexicon is made of, or null (the answer is remembered per word). */
function derivedCategory(word: string, w: WordSets): DerivedCategory | null {
  if (w.known.has(word)) return null;
  // most words start with no stem or slur: one look-up of their first three letters rules them out
  if (w.heads.has(word.slice(0, 3))) {
    for (let k = 3; k <= Math.min(7, word.length - 3); k++) {
      const tail = word.slice(k);
      if (w.suffix.has(tail) && w.stem.has(word.slice(0, k))) return 'insult-noun';
      if (k >= 4 && SLUR_ENDINGS.has(tail) && w.slur.has(word.slice(0, k))) return 'slur';
    }
  }
  if (word.endsWith('est') || word.endsWith('er')) {
    const base = word.slice(0, word.endsWith('est') ? -3 : -2);
    // "thickest" → thick, "rankest" → rank, "lazier" → lazy, "nastiest" → nasty, "fattest" → fat
    for (const b of [base, `${base}e`, base.replace(/i$/, 'y'), base.replace(/(.)\1$/, '$1')]) if (b.length >= 3 && w.adj.has(b)) return 'insult-adj';
  }
  return null;
}

interface WordSets {
  stem: Set<string>;
  suffix: Set<string>;
  slur: Set<string>;
  adj: Set<string>;
  /** Words the lexicon already lists as insults, slurs or insulting adjectives. */
  known: Set<string>;
  /** First three letters of every stem and slur. */
  heads: Set<string>;
  memo: Map<string, DerivedCategory | null>;
}
const wordSetCache = new WeakMap<Lexicon, WordSets>();
/** One-word entries of the categories derivedInsults reads, as sets, once per lexicon. */
function wordSets(lex: Lexicon): WordSets {
  let w = wordSetCache.get(lex);
  if (!w) {
    const words = (c: string) => new Set(lex.list(c).map((e) => e.term).filter((t) => /^[a-z']+$/.test(t)));
    const slur = words('slur');
    const adj = words('insult-adj');
    const stem = words('insult-stem');
    const heads = new Set([...stem, ...slur].map((x) => x.slice(0, 3)));
    w = { stem, suffix: words('insult-suffix'), slur, adj, known: new Set([...words('insult-noun'), ...words('weak-insult-noun'), ...slur, ...adj]), heads, memo: new Map() };
    wordSetCache.set(lex, w);
  }
  return w;
}

export function abuseRules(doc: Doc): AbuseSignals {
  const text = doc.clean.text;
  const { praiseWord: PRAISE_WORD_RE, groupNegative: GROUP_NEGATIVE, identityRole, warningSubject } = lexPatterns(doc.lex);
  const findings: Finding[] = [];

  // threats
  const threatSpans: Span[] = [];
  let threatWeight = 0;
  let threatReason = '';
  for (const t of gatedTest(THREAT_HINT, text) ? THREATS : []) {
    for (const span of findAll(text, t.re)) {
      // a threat quoted in order to condemn it ("…'I'll be waiting for her'. I've reported it") is someone else's
      if (!usable(doc, span) || reportedAt(doc, span)) continue;
      // "watch your back on the ice", "someone will get hurt by a car": a warning about a hazard
      const hazard = HAZARD.test(text.slice(sentenceAt(doc, span.start).start, sentenceAt(doc, span.start).end));
      if (hazard && (/^watch/.test(text.slice(span.start, span.end)) || GETS_HURT.test(text.slice(span.start, span.end + 12)))) continue;
      // "someone is going to get hurt": harm that may come to anyone is a warning, whatever the hazard
      if (/^(?:someone|somebody)\b/.test(text.slice(span.start, span.end)) && GETS_HURT.test(text.slice(span.start, span.end + 12))) continue;
      // "I know where she lives, she's my neighbour": an ordinary reason next to it (data: watch-benign)
      if (t.reason === 'intimidation' && benignNear(doc, span)) continue;
      // "slippy at the gates, watch your backs, everyone": a warning to all about a hazard
      if (t.reason === 'intimidation' && warningToAll(doc, span)) continue;
      // an errand at a place: any intimidation, and of the other threats "I'll wait for Dylan at the gate, tell Mr X not to
      // release him to anyone else" (waiting at pick-up)
      if ((t.reason === 'intimidation' || /\bwait\s+for$/.test(text.slice(span.start, span.end))) && errandAt(doc, span)) continue;
      // "gonna smack Mr X's record in the sprint": a record or a score, not the person
      if (RECORD_AFTER.test(text.slice(span.end, span.end + 40))) continue;
      // "waiting outside at pick-up" describes people waiting; a threat needs someone who will wait
      if (/^wait/.test(text.slice(span.start, span.end)) && !THREAT_AGENT.test(clauseBefore(doc, span.start, 6))) continue;
      threatSpans.push(span);
      if (t.weight > threatWeight) {
        threatWeight = t.weight;
        threatReason = t.reason;
      }
    }
  }
  // what a sentence says is read once per sentence, not once per idiom in it: a long text without full stops is one
  // sentence with hundreds of idioms (review 7: 200 KB of repeated idioms took 2.6 s)
  const roads = doc.lex.find(text, 'road-safety');
  const errandIn = sentenceTest(BENIGN_ERRAND, text);
  const hazardIn = sentenceTest(HAZARD, text);
  const personIn = sentenceTest(/\b(?:her|him|his|mr|mrs|ms|miss|mx|dr|sir)\b/, text);
  const roadIn = sentenceLex(doc, 'road-safety');
  const benignIn = sentenceLex(doc, 'watch-benign');
  const hazardWordIn = sentenceLex(doc, 'hazard');
  const defeats = doc.lex.find(text, 'defeat-word');
  const sportIn = sentenceLex(doc, 'sport-context');
  for (const h of hits(doc, 'threat-idiom')) {
    if (negated(doc, h) || reportedAt(doc, h)) continue;
    // "I'll be waiting at the gates at 3:15 to collect Niamh": an errand, not a threat
    const s = sentenceAt(doc, h.start);
    if (errandIn(s)) continue;
    // a warning about a hazard on the road, not a threat to anyone (data: road-safety)
    // "watch yourself on that ladder": a hazard named in the sentence (data: hazard) makes it a warning
    if (hazardIn(s) || roadIn(s) || hazardWordIn(s)) continue;
    if (roads.length && !personIn(s)) continue;
    // "someone's going to get hurt": a warning about anyone, not a threat to a person
    if (warningSubject.test(clauseBefore(doc, h.start, 3))) continue;
    // "look over her shoulder at the budget": a look at something, not a warning to watch her back
    if (/shoulder$/.test(h.text) && /^\s+at\b/.test(text.slice(h.end, h.end + 6))) continue;
    // "she is getting it done after school", "they're getting it fixed": getting a thing done, not "getting it" (a beating)
    if (/\bgetting\s+it$/.test(h.text) && GOT_DONE_AFTER.test(text.slice(h.end, h.end + 20))) continue;
    // "these staff need burning out", not "the bonfire wood needs burning": a wish needs a person as its subject
    if (/^(?:needs?|wants?)\b/.test(h.text) && !PERSON_TARGET.test(text.slice(Math.max(s.start, h.start - 80), h.start))) continue;
    if (warningToAll(doc, h) || errandAt(doc, h)) continue;
    // "I know her car because she gives me a lift": an ordinary reason in the same sentence (data: watch-benign)
    if (benignIn(s)) continue;
    // "the rugby lads are getting a hiding from Moorside": a defeat in a match, not a beating (data: defeat-word, sport-context)
    if (defeats.some((d) => d.start >= h.start && d.end <= h.end) && sportIn(s)) continue;
    threatSpans.push(h);
    // "Mr X has a new van. Be a shame if anything happened to it.": the "it" is a named person's thing, so the threat is
    // aimed at that person, as plainly as an explicit one
    const aimed = aimedAtNamedProperty(doc, h);
    const w = aimed ? Math.max(h.weight, AIMED_VEILED_THREAT) : h.weight;
    if (w > threatWeight) {
      threatWeight = w;
      threatReason = aimed ? 'veiled threat (at a named person\'s property)' : 'veiled threat';
    }
  }
  // "I know what car she drives", "I'll remember his reg plate": the writer watches someone's car, home or routine
  for (const span of [...surveillance(doc), ...knownRoutine(doc)]) {
    if (threatSpans.some((t) => t.start === span.start)) continue;
    threatSpans.push(span);
    if (0.8 > threatWeight) {
      threatWeight = 0.8;
      threatReason = 'veiled threat (knows where someone goes)';
    }
  }
  // round 11: "be a shame if the Daily Mail found out what your chaplain gets up to" (rules/exposure-threat.ts)
  for (const span of exposureThreats(doc)) {
    if (!usable(doc, span) || negated(doc, span) || reportedAt(doc, span)) continue;
    threatSpans.push(span);
    if (0.8 > threatWeight) {
      threatWeight = 0.8;
      threatReason = 'veiled threat (to expose someone)';
    }
  }
  // "Mr X'll be getting a hiding", "there's a hiding with Miss Y's name on it", "hope every teacher there gets cancer": harm
  // that befalls a person at the school, foretold or wished (data: harm-outcome, harm-wish); "Mr X would want to check under
  // his car": a precaution urged on someone; "im banging him after school": youth violence
  for (const [spans, reason] of [[harmBefalls(doc), 'threat (harm foretold for someone)'], [precautionUrged(doc), 'veiled threat (a precaution urged on someone)'], [youthViolence(doc), 'threat of violence']] as const) {
    if (!spans.length) continue;
    threatSpans.push(...spans);
    if (0.85 > threatWeight) {
      threatWeight = 0.85;
      threatReason = reason;
    }
  }
  if (threatSpans.length) {
    findings.push({ category: 'abuse.threat', confidence: threatWeight, reason: `${threatReason} ("${quote(doc, threatSpans[0]!)}")`, spans: threatSpans });
  }

  // harassment / incitement
  const harSpans: Span[] = [];
  const harWeights: number[] = [];
  for (const h of HARASSMENT) {
    // the hint's words looked up in the item's words (word-gate.ts) before the hint is run: the same answer, sooner
    if (!mayMatch(text, h.hint) || !h.hint.test(text)) continue;
    for (const span of findAll(text, h.re)) {
      if (!usable(doc, span)) continue;
      harSpans.push(span);
      harWeights.push(h.weight);
    }
  }
  for (const h of hits(doc, 'harassment-cue')) {
    // "everyone email the council every day until…": pressure on a body outside the school is not abuse of it
    if (negated(doc, h) || reportedAt(doc, h) || externalTargetAt(doc, h)) continue;
    // "keep emailing Mrs X your photos", "keep ringing Mr X until he answers": a request with an errand after the person
    if (/^keep\b/.test(h.text) && errandAfter(text, h)) continue;
    harSpans.push(h);
    harWeights.push(h.weight);
  }
  // a campaign by its parts: contact aimed at someone plus a call to join in or persistence (campaign.ts)
  const camp = campaign(doc, (span) => usable(doc, span));
  if (camp) {
    harSpans.push(...camp.spans);
    harWeights.push(camp.weight);
  }
  // where someone lives or their private number, with an invitation to go there or get in touch (campaign.ts)
  const exposed = exposure(doc, (span) => usable(doc, span));
  if (exposed.length) {
    harSpans.push(...exposed);
    harWeights.push(0.8);
  }
  if (harSpans.length) {
    findings.push({ category: 'abuse.harassment', confidence: noisyOr(harWeights), reason: `urges others to target someone ("${quote(doc, harSpans[0]!)}")`, spans: harSpans });
  }

  // discriminatory
  const discSpans: Span[] = [];
  const discWeights: number[] = [];
  for (const h of hits(doc, 'slur')) {
    if (negated(doc, h) || discounted(doc, h, false)) continue;
    discSpans.push(h);
    // an ambiguous slur (below 0.5: also a garden tool, a puppet) counts in full only as a label said of someone at the
    // school: "Mrs X is nowt but a spade", "Mrs X. A spade.", "that sooty Mr Y"
    discWeights.push(h.weight < 0.5 && labelConstruction(doc, h) && slurSaidOfPerson(doc, h) ? AMBIGUOUS_SLUR_LABEL : h.weight);
  }
  const derived = derivedInsults(doc).filter((d) => usable(doc, d.span) && !negated(doc, d.span) && !discounted(doc, d.span, d.category !== 'slur'));
  for (const d of derived) {
    if (d.category !== 'slur') continue;
    discSpans.push(d.span);
    discWeights.push(0.9);
  }
  const groupSpans = doc.lex.count(text, 'group') > 0 ? findAll(text, GROUP_NEGATIVE) : [];
  for (const span of [...groupSpans, ...(gatedTest(GO_BACK_HINT, text) ? findAll(text, GO_BACK) : [])]) {
    // "Muslims are not terrorists": the negation inside the statement reverses it
    if (!usable(doc, span) || GROUP_NEGATED.test(text.slice(span.start, span.end)) || reportedAt(doc, span)) continue;
    // "the family had to go back home when their gran died": news of a trip, not an order (identity.ts sentHomeAt)
    if (/^(?:go|send|deport)/.test(text.slice(span.start, span.end)) && !sentHomeAt(doc, span.start, span.end)) continue;
    discSpans.push(span);
    discWeights.push(0.85);
  }
  for (const m of text.includes('go back') ? text.matchAll(GO_BACK_TO_PLACE) : []) {
    const place = m[1]!;
    const start = m.index! + m[0].length - place.length;
    const original = doc.raw[doc.clean.start[start]!] ?? '';
    if (!NOT_A_COUNTRY.has(place) && original >= 'A' && original <= 'Z') {
      const span = { start: m.index!, end: m.index! + m[0].length };
      if (usable(doc, span)) {
        discSpans.push(span);
        discWeights.push(0.85);
      }
    }
  }
  // identity words are found by the token matcher first: the pattern only runs when one is there
  if ((doc.lex.count(text, 'identity') > 0 || VISIBLE_IDENTITY.test(text)) && gatedTest(identityRole, text)) {
    // spans in one sentence share its window: read each window once
    const windows = new Map<string, boolean>();
    for (const span of findAll(text, identityRole)) {
      if (!usable(doc, span) || reportedAt(doc, span)) continue;
      const s = sentenceAt(doc, span.start);
      const from = Math.max(0, s.start - 120);
      const to = Math.min(text.length, s.end + 120);
      if (!exclusionNear(doc, from, to, windows) && !doc.lex.find(text, 'exclusion-cue').some((c) => c.start >= from && c.end <= to && fullOfPeople(doc, c))) continue;
      discSpans.push(span);
      discWeights.push(0.85);
    }
  }
  // an identity word near a cue of exclusion or stereotype (data: identity-word, identity-exclusion)
  const excluded = identityExclusion(doc, (span) => discounted(doc, span));
  if (excluded) {
    discSpans.push(...excluded.spans);
    discWeights.push(excluded.weight);
  }
  if (discSpans.length) {
    findings.push({ category: 'abuse.discriminatory', confidence: noisyOr(discWeights), reason: `discriminatory language ("${quote(doc, discSpans[0]!)}")`, spans: discSpans });
  }

  // extremist
  const ext: Span[] = hits(doc, 'extremist');
  if (ext.length) findings.push({ category: 'abuse.extremist', confidence: 0.9, reason: `extremist language ("${quote(doc, ext[0]!)}")`, spans: ext });

  // disparaging / defamatory
  const dispSpans: Span[] = [];
  const dispWeights: number[] = [];
  for (const h of hits(doc, 'insult-noun')) {
    if (negated(doc, h) || discounted(doc, h) || rebutted(doc, h, 'insult-noun')) continue;
    // "charged with fraud", "accused of theft": the name of an offence in a report, not a name for a person
    if (/\b(?:with|of|for|over|into|alleged|suspected|suspicion\s+of)$/.test(clauseBefore(doc, h.start, 2)) && REPORTED.test(text.slice(sentenceAt(doc, h.start).start, sentenceAt(doc, h.start).end))) continue;
    dispSpans.push(h);
    dispWeights.push(h.weight);
  }
  for (const h of hits(doc, 'weak-insult-noun')) {
    if (negated(doc, h) || discounted(doc, h) || rebutted(doc, h, 'weak-insult-noun')) continue;
    if (!labelConstruction(doc, h)) continue;
    dispSpans.push(h);
    dispWeights.push(h.weight);
  }
  // what a sentence's frame says, read once per sentence: a long item without full stops is one sentence with
  // hundreds of hits in it (once per hit was quadratic)
  const topicFrame = sentenceTest(TOPIC_FRAME, text);
  // per sentence, read once (review 7: 100 KB of one repeated adjective without full stops took 12 s): whether it names
  // someone, its word count up to four, and where the first "my son is" ends in it
  const targetIn = sentenceTest(TARGET, text);
  const shortIn = new Map<Span, boolean>();
  const ownChildEnd = new Map<Span, number>();
  for (const h of hits(doc, 'insult-adj')) {
    if (negated(doc, h) || discounted(doc, h) || rebutted(doc, h, 'insult-adj')) continue;
    const s = sentenceAt(doc, h.start);
    const before = clauseBefore(doc, h.start, 3);
    // "that's disgusting", "it was vile": a judgement of what happened, not of a person
    if (/^(?:that'?s|that\s+is|that\s+was|it'?s|it\s+is|it\s+was|this\s+is|which\s+is|which\s+was|so|absolutely|just)$/.test(before.split(/\s+/).slice(-2).join(' ').replace(/^(?:and|but)\s+/, '')) || /\b(?:that'?s|that\s+(?:is|was)|it'?s|it\s+(?:is|was)|this\s+is)\s+(?:\w+\s+)?$/.test(before + ' ')) {
      if (doc.lex.has('condemnation', h.text)) continue;
    }
    const after = text.slice(h.end, Math.min(s.end, h.end + 40));
    const predicate = /\b(?:is|are|was|were|'s|'re|being|so|too|such)\b/.test(before);
    const attributive = /^[\s,-]*(?:\w+[\s,-]+){0,2}?(?:teachers?|staff|head(?:teacher)?|principal|deputy|senco|tas?|cows?|bitch(?:es)?|people|lot|teacher|woman|man|bloke|git|sod|witch|pig|scroungers?|parasites?|kids|parents|families|slag|bully|liar|snake|scumbag|idiots?|twat|prat|muppets?|clowns?|hypocrites?|creeps?|nationalist)\b/.test(after);
    const target = targetIn(s);
    // "being told their kid was rude": someone else's verdict, reported
    const told = toldAt(doc, h) || topicFrame(s);
    // "my daughter is bossy": a parent describing their own child
    let ownEnd = ownChildEnd.get(s);
    if (ownEnd === undefined) {
      const m = OWN_CHILD_PREDICATE.exec(text.slice(s.start, s.end));
      ownChildEnd.set(s, (ownEnd = m ? s.start + m.index + m[0].length : Number.POSITIVE_INFINITY));
    }
    if (ownEnd <= h.start) continue;
    // "training on how to spot a colleague who turns up drunk": a kind of person described in a topic, nobody in particular
    if (topicFrame(s) && GENERIC_RELATIVE.test(text.slice(Math.max(s.start, h.start - 80), h.start))) continue;
    // "Their attendance officer? Honestly incompetent.": a verdict of two or three words on someone named just before
    let short = shortIn.get(s);
    if (short === undefined) shortIn.set(s, (short = text.slice(s.start, s.end).trim().split(/\s+/, 4).length <= 3));
    const verdict = !predicate && !doc.lex.has('condemnation', h.text) && short && s.start > 0 && TARGET.test(text.slice(sentenceAt(doc, s.start - 1).start, s.start));
    dispSpans.push(h);
    dispWeights.push(told ? 0.3 : attributive || verdict ? 0.5 : predicate && target ? 0.5 : predicate ? 0.42 : target ? 0.3 : 0.2);
  }
  // compounds ("knobjockey") insult on their own; degrees of an insulting adjective ("the thickest kid") when said of someone
  for (const d of derived) {
    if (d.category === 'insult-noun') {
      dispSpans.push(d.span);
      dispWeights.push(0.85);
    } else if (d.category === 'insult-adj' && degreeSaidOfPerson(text, d.span)) {
      dispSpans.push(d.span);
      dispWeights.push(0.5);
    }
  }
  // "Mrs X is a walking disaster", "what a fiasco that man is": a person at the school called a bad thing (data:
  // negative-noun); "Mr X is a right dinlo", "pure jessie so she is": a label after a British intensifier
  for (const span of [...calledBadThing(doc), ...intensifiedLabels(doc)]) {
    if (dispSpans.some((d) => d.start < span.end && span.start < d.end)) continue;
    dispSpans.push(span);
    dispWeights.push(0.5);
  }
  // "Mrs X is a 🐷 and a 🤡", "Elm School teachers 🤡🤡🤡": a mocking emoji said of someone at the school
  const mocked = INSULT_EMOJI.test(text) ? emojiInsults(doc) : undefined;
  if (mocked) {
    dispSpans.push(...mocked.spans);
    dispWeights.push(mocked.weight);
  }
  // insinuation: a damaging suggestion about someone at the school made without saying it
  const hint = insinuation(doc);
  if (hint) {
    dispSpans.push(...hint.spans);
    dispWeights.push(hint.weight);
  }
  const polite = hits(doc, 'politeness').length > 0;
  const accusations: Span[] = [...(ACCUSATION_HINT.test(text) ? findAll(text, ACCUSATION) : []), ...hits(doc, 'accusation')];
  let court: boolean | undefined;
  for (const span of accusations) {
    if (!usable(doc, span) || negated(doc, span) || discounted(doc, span) || removal(doc, span) || stoleIdiomAt(text, span)) continue;
    const s = sentenceAt(doc, span.start);
    const sentence = text.slice(s.start, s.end);
    if (REPORTED.test(sentence) || topicFrame(s)) continue;
    // "cleared by the tribunal of stealing", "the jury will decide whether Mr X stole": news of a case, or an open question
    if ((court ??= courtNews(doc)) || /\bwhether\s+(?:[\p{L}'-]+\s+){0,4}$/u.test(text.slice(Math.max(s.start, span.start - 60), span.start))) continue;
    if (dispSpans.some((d) => d.start === span.start)) continue;
    // a claim of wrongdoing is damaging when it is about someone at the school
    if (!TARGET.test(sentence)) continue;
    dispSpans.push(span);
    // "I'll say it politely: ..." prefaces a claim; it does not soften it
    dispWeights.push(polite ? 0.7 : 0.6);
  }
  // a person at the school as the subject of a verb of wrongdoing, stated as fact (defamation.ts), however politely
  for (const span of misconductClaims(doc, (s) => usable(doc, s))) {
    if (dispSpans.some((d) => d.start < span.end && span.start < d.end)) continue;
    dispSpans.push(span);
    dispWeights.push(0.75);
  }
  const mild = hits(doc, 'mild-profanity').filter((h) => !negated(doc, h));
  const dispScore = noisyOr([...dispWeights, ...mild.map(() => (dispWeights.length ? 0.15 : 0))]);
  if (dispSpans.length) {
    findings.push({ category: 'abuse.disparaging', confidence: dispScore, reason: `insulting or damaging words (${listQuoted(doc, dispSpans)})`, spans: dispSpans });
  }

  // "Mrs X has been round more times than the school minibus": a sexual slur with no swear word in it
  const slurred = sexualSlurs(doc);
  // "Ms X wanks off in the stock cupboard": a sexual remark about someone at the school, obscene with no swear word in it
  const remarks = sexualRemarks(doc, (span) => usable(doc, span) && !negated(doc, span) && !discounted(doc, span));
  if (slurred.length) findings.push({ category: 'abuse.obscene', confidence: 0.7, reason: `sexual slur about someone (${listQuoted(doc, slurred)})`, spans: [...slurred, ...remarks] });
  else if (remarks.length) findings.push({ category: 'abuse.obscene', confidence: 0.7, reason: `sexual remark about someone (${listQuoted(doc, remarks)})`, spans: remarks });

  // obscene
  // "nobody should call a teacher a bitch": a negated act of name-calling is not swearing at anyone
  const prof = hits(doc, 'profanity').filter((h) => !discounted(doc, h) && !(negated(doc, h) && /\bcall(?:ed|ing|s)?\s+(?:[\w']+\s+){0,3}(?:a|an)$/.test(clauseBefore(doc, h.start, 6))));
  // round 12: "= NOT a moron … gtfo wiv that", "isnt a creep ffs": a swear said as an exclamation at a claim (data:
  // exasperation), in an item whose insults are all denied and that holds nothing hostile, is aimed at no one
  if (prof.length && !dispSpans.length && !threatSpans.length) {
    const sighs = doc.lex.find(text, 'exasperation');
    if (sighs.length && deniesAnInsult(doc)) {
      const kept = prof.filter((h) => !sighs.some((x) => x.start <= h.start && h.end <= x.end));
      prof.splice(0, prof.length, ...kept);
    }
  }
  const praised = doc.praise.length > 0 || gatedTest(PRAISE_WORD_RE, text);
  if (prof.length) {
    // "Holy sh*t, what a show. F***ing brilliant.": swearing next to praise, in its sentence or a neighbouring one
    const positive = prof.every((h) => {
      const s = sentenceAt(doc, h.start);
      const prev = s.start > 0 ? sentenceAt(doc, s.start - 1).start : s.start;
      const next = s.end < text.length ? sentenceAt(doc, s.end).end : s.end;
      return praiseIn(text, prev, next, PRAISE_WORD_RE);
    });
    const hostileElsewhere = dispSpans.length > 0 || threatSpans.length > 0;
    const conf = positive && !hostileElsewhere ? 0.3 : noisyOr([0.6, ...prof.slice(1).map(() => 0.2), ...mild.map(() => 0.1)]);
    findings.push({ category: 'abuse.obscene', confidence: conf, reason: `obscene language (${listQuoted(doc, prof)})`, spans: prof });
  }

  const hostile = findings.some((f) => f.confidence >= 0.4);
  return { findings, hostile, praised, discounted: !hostile && isDiscounted(doc) };
}

/** Round 12: does the item deny an insult ("isn't a creep", "= NOT a moron")? Some insult word in it is negated. */
function deniesAnInsult(doc: Doc): boolean {
  return ['insult-noun', 'weak-insult-noun', 'insult-adj', 'put-down'].some((c) => hits(doc, c).some((h) => negated(doc, h)));
}

function quote(doc: Doc, span: Span): string {
  return doc.raw.slice(doc.clean.start[span.start]!, doc.clean.end[span.end - 1]!).replace(/\s+/g, ' ').slice(0, 60);
}

function listQuoted(doc: Doc, spans: readonly Span[]): string {
  const seen = new Set<string>();
  for (const s of spans) {
    seen.add(`"${quote(doc, s)}"`);
    if (seen.size === 3) break;
  }
  return [...seen].join(', ');
}

export { quote as quoteSpan };
