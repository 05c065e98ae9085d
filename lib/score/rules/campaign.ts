/**
 * Harassment campaigns by their structure, not their wording (data: campaign-* in threats-campaigns.tsv).
 *
 * A campaign has parts: an act of contact or pile-on aimed at a person ("DM them", "tag Mr X", "flood her
 * inbox": campaign-act followed by someone), and either a call to others to join in ("everyone", "let's",
 * "your turn", "my challenge to listeners": campaign-call) or persistence ("daily", "till they quit", "n
 * countin": campaign-persist; or a large count of contacts, "over 60 msgs", "I've done 50 already"). Any two
 * parts in one item make a campaign, whatever words carry them, so a new verb or a new way of saying "every day"
 * is one line of data. One part alone is ordinary: a parent who "emailed the school three times, no answer"
 * complains; "spread the word, walkout tomorrow" organises a protest.
 *
 * A part does not count when it is negated, reported to condemn it (structure.ts), aimed at a body outside
 * the school (the council, Ofsted), or when the group message has a kind purpose (data: campaign-kind:
 * "let's all message Mrs X to wish her a happy retirement").
 */
import { findAll, sentenceAt, type Doc, type Span } from '../document';
import type { LexHit } from '../lexicon';
import { clauseStart, externalTargetAt, negatedAt, reportedAt } from '../structure';

/** Someone a contact act is aimed at, right after the act. */
const PERSON_AFTER = /^\W{0,3}(?:(?:them|her|him|'?em|em)\b|(?:mr|mrs|ms|miss|mx|dr|sir)\b|(?:the|their|her|his|that|this)\s+(?:\w+\s+)?(?:head\w*|teachers?|principal|deputy|senco|governors?|school|academy|office|staff|trust|inbox|page|account|email|number|phone|socials)\b|[a-z]+'s\s+(?:\w+\s+)?(?:inbox|page|account|email|number|phone)\b|(?:everyone|everybody)\s+(?:at|from)\b|(?:every|each|all)\s+(?:\w+\s+)?(?:post|comment|review|photo|video)s?\s+(?:about|of|by|from)\b)/;
/** Someone an act is aimed at, just before it ("sent 30 emails to her", "Mrs X's inbox" comes after; "her, flood her"). */
const TO_PERSON = /^\s+(?:\w+\s+){0,3}?(?:to|at)\s+(?:them|her|him|the\s+(?:head\w*|school|office)|(?:mr|mrs|ms|miss|mx|dr|sir)\b)/;
/** The school itself, not a person, right after the act. */
const INSTITUTION_AFTER = /^\W{0,3}(?:the|their)\s+(?:\w+\s+)?(?:school|academy|office|trust)\b/;
/** "keep calling", "keep on messaging": persistence before an act. */
const KEEP_BEFORE = /\bkeep(?:s|ing)?\s+(?:on\s+)?$/;
/** Until someone gives in: "til Mrs X is gone", "until she resigns", "till he apologises" (not "until he answers"). */
const UNTIL_GIVES_IN = /\b(?:until|till|til|'til|untill)\s+(?:(?:mr|mrs|ms|miss|mx|dr|sir)\s+[\p{L}\p{M}'-]+|she|he|they|the\s+head\w*)(?:'s|\s+is|\s+are|'re)?\s+(?:gone|goes|leaves|quits|resigns|sacked|out|apologises|apologizes|gives\s+in|cracks|breaks|backs\s+down)\b/gu;
/** A count of 12 or more: enough to be a campaign, not a complaint ("rang four times"). */
const MIN_COUNT = 12;
/** A count that ends in a rate or quota, not a kind of contact (data: campaign-unit lines of kinds-9b-abuse.tsv). */
const RATE_END = /\b(?:a|per|each|apiece|head|day|night|week|minimum)$/;
/** A purpose in the clause right after the person contacted ("ring Mr X to help with the fete"): the rate counts something else. */
const RATE_PURPOSE = /^[^.!?\n,;:]{0,60}?\b(?:to|if|for|about|when|before|so\s+(?:she|he|they)\s+can)\b/;

export interface CampaignFinding {
  spans: Span[];
  weight: number;
}

interface Patterns {
  count: RegExp;
  done: RegExp;
}
const cache = new WeakMap<Doc['lex'], Patterns>();
function patterns(doc: Doc): Patterns {
  let p = cache.get(doc.lex);
  if (!p) {
    const q = doc.lex.pattern('campaign-quantity');
    const unit = doc.lex.pattern('campaign-unit');
    p = {
      // "over 60 msgs", "dozens of emails", "30 times"
      // (not a comparison: "a hundred times more use")
      // (round 9b: "thirty-five", "forty-two": a tens word with its units after a hyphen)
      count: new RegExp(String.raw`\b(?:over\s+|more\s+than\s+|about\s+|nearly\s+)?(\d+|${q})(?:-(?:one|two|three|four|five|six|seven|eight|nine))?\s+(?:\w+\s+){0,2}?${unit}\b(?!\s+(?:more|less|better|worse|bigger|smaller|faster|slower|as|the))`, 'g'),
      // "I've done 50 already", "I've already done 25", "sent 40"
      // (round 9b: "I'm on 55", "I am up to 40": the writer's own tally)
      done: new RegExp(String.raw`\b(?:(?:done|sent|made|fired\s+off)\s+(?:it\s+)?(?:over\s+)?|(?:i'?m|im|i\s+am|we'?re|we\s+are)\s+(?:now\s+)?(?:on|up\s+to|at)\s+)(\d+|${q})\b`, 'g'),
    };
    cache.set(doc.lex, p);
  }
  return p;
}

function bigEnough(n: string): boolean {
  const v = Number(n);
  return Number.isNaN(v) ? true : v >= MIN_COUNT;
}

/**
 * Large counts of contact in the item. A count of "times" is a count of contact only with an act in its sentence
 * ("emailed her 40 times", not "read the same book forty times"); "messages", "emails" are contact by themselves.
 */
function counts(doc: Doc, acts: readonly Span[]): Span[] {
  const text = doc.clean.text;
  const { count, done } = patterns(doc);
  const out: Span[] = [];
  for (const re of [count, done]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (!bigEnough(m[1]!)) continue;
      const span = { start: m.index, end: m.index + m[0].length };
      if (re === count && /\btimes$/.test(m[0])) {
        const s = sentenceAt(doc, span.start);
        if (!acts.some((a) => a.start >= s.start && a.end <= s.end)) continue;
      }
      // round 9b: a rate or quota ("30 a day", "25 each", "40 a head") counts contact only beside an act in its sentence
      // that has no errand or purpose after its person ("message Mrs X to sign up, 30 a day are joining" counts sign-ups)
      if (re === count && RATE_END.test(m[0])) {
        const s = sentenceAt(doc, span.start);
        if (!acts.some((a) => a.start >= s.start && a.end <= s.end && !errandAfter(text, a) && !RATE_PURPOSE.test(afterPerson(text, a)))) continue;
      }
      out.push(span);
    }
  }
  return out;
}

const COUNTED_CROWD = /\b\d+\s+of\s+us\s+(?:did|done|have|are|were|went)\b/g;
/** "30 of us did it": a crowd counted, as a call of full weight. */
function countedCrowd(text: string): LexHit[] {
  return findAll(text, COUNTED_CROWD).map((m) => ({ ...m, weight: 1, term: text.slice(m.start, m.end) }) as LexHit);
}

export function campaign(doc: Doc, usable: (span: Span) => boolean): CampaignFinding | undefined {
  const text = doc.clean.text;
  const acts = doc.lex.find(text, 'campaign-act');
  // "30 of us did it last week": the crowd counted (in code: the word matcher reads no digits)
  const calls = text.includes(' of us ') ? [...doc.lex.find(text, 'campaign-call'), ...countedCrowd(text)] : doc.lex.find(text, 'campaign-call');
  const persists = doc.lex.find(text, 'campaign-persist');
  const pile = doc.lex.find(text, 'campaign-pile');
  // at least two kinds of part must be there before anything is checked closely; without an act or a pile-on
  // (nothing aimed), a call is needed, and a count needs an act anyway
  if (!acts.length && !pile.length && !calls.length) return undefined;
  const crowd = acts.length > 0 && doc.lex.count(text, 'campaign-audience') > 0;
  // (round 9b: a count in words, "sixty-odd", "a good fifty", is a count too: data campaign-quantity)
  const kinds = (acts.length || pile.length ? 1 : 0) + (calls.length || crowd ? 1 : 0) + (persists.length || (acts.length && (/\d|dozen|hundred|umpteen|countless|loads/.test(text) || doc.lex.count(text, 'campaign-quantity') > 0)) ? 1 : 0);
  if (kinds < 2) return undefined;
  const live = (s: Span) => usable(s) && !negatedAt(doc, s) && !reportedAt(doc, s);
  const kind = doc.lex.find(text, 'campaign-kind');
  const kindNear = (s: Span) => {
    const sen = sentenceAt(doc, s.start);
    return kind.some((k) => k.start >= sen.start && k.end <= sen.end);
  };
  // a weak call ("everyone", "let's") is a call only with an act just after or before it: "everyone tag her", "give them 1 star
  // everyone"; not "let's see"
  // ("let's" leads what it calls for: "emailed her, let's see" calls for nothing)
  const actNear = (c: LexHit) => {
    const sen = sentenceAt(doc, c.start);
    const leads = c.term.startsWith('let');
    return [...acts, ...pile].some((a) => a.start >= sen.start && a.end <= sen.end && (a.start >= c.end ? a.start - c.end <= 60 : !leads && c.start - a.end <= 30));
  };
  const called = calls.filter((c) => live(c) && !kindNear(c) && !externalTargetAt(doc, c) && (c.weight >= 1 || actNear(c)));
  // counts are read only when an act is there to be counted ("times" needs one in its sentence; "msgs" are acts themselves)
  const persisting = [...persists.filter((p) => live(p) && !externalTargetAt(doc, p)), ...(acts.length ? counts(doc, acts).filter(live) : [])];
  // persistence by grammar, whatever the verb: "keep calling", "keep on messaging" (an act with "keep" before it), and
  // contact "until she gives in / is gone / resigns"
  // ("keep emailing Mrs X your photos for the yearbook" is a request: an errand after the person)
  for (const a of acts) if (KEEP_BEFORE.test(text.slice(Math.max(0, a.start - 12), a.start)) && live(a) && !errandAfter(text, a)) persisting.push(a);
  if (acts.length || pile.length) {
    UNTIL_GIVES_IN.lastIndex = 0;
    for (let m = UNTIL_GIVES_IN.exec(text); m; m = UNTIL_GIVES_IN.exec(text)) {
      const span = { start: m.index, end: m.index + m[0].length };
      if (live(span) && !externalTargetAt(doc, span)) persisting.push(span);
    }
  }
  const aimed = acts.filter((a) => {
    if (!live(a) || kindNear(a) || externalTargetAt(doc, a)) return false;
    const after = text.slice(a.end, a.end + 40);
    if (!PERSON_AFTER.test(after) && !TO_PERSON.test(after)) return false;
    // "sent an email to the office": one message, named as a thing, is not an act of a campaign
    if (/\b(?:a|an|the|my|our|his|her|their|this|that)\s*$/.test(text.slice(Math.max(0, a.start - 8), a.start))) return false;
    // "everyone, email Mrs X to book a place", "tag Mr X in your sports day photos": an errand, unless it persists
    if (errandAfter(text, a) && !persisting.length) return false;
    // "everyone ring the office to check it's open": contact with the school itself is a campaign only when it persists
    return !INSTITUTION_AFTER.test(after.replace(/^\s*(?:to|at)\s+/, '')) || persisting.length > 0;
  });
  // "Gwan, ring Mr X. All yous lot.": an act given as an order (nothing but urging before it in its clause) to readers
  // addressed as a crowd (data: campaign-audience) is a call to join in, when it is urged (campaign-urge) or has no
  // ordinary purpose after it ("folks, email Mrs X to book a slot" asks for nothing hostile)
  if (aimed.length && !called.length) called.push(...crowdOrders(doc, aimed, live, kindNear));
  // pile-on acts ("1 star each", "boo every time he speaks", "all leave at once") are aimed by their nature
  aimed.push(...pile.filter((a) => live(a) && !kindNear(a) && !externalTargetAt(doc, a)));
  const parts = [aimed, called, persisting].filter((p) => p.length).length;
  if (parts < 2) return undefined;
  // without an act aimed at someone, a call and persistence need someone at the school in view
  if (!aimed.length && !/\b(?:mr|mrs|ms|miss|mx|dr|sir|head\w*|teachers?|principal|deputy|her|him|them|staff)\b/.test(text)) return undefined;
  const weight = parts === 3 ? 0.9 : aimed.length ? 0.85 : 0.75;
  return { spans: [...aimed.slice(0, 2), ...called.slice(0, 2), ...persisting.slice(0, 2)].sort((x, y) => x.start - y.start), weight };
}

/** What may stand before an order in its clause: urging, the crowd addressed, fillers. */
const ORDER_LEAD = /^(?:\s|[,.!:;-]|\b(?:all|just|now|right|so|then|pls|please|plz|and|quick|everyone|everybody|u|you|ya|yous|youse|lot|of|ye)\b)*$/;
/** An ordinary purpose after the person an order is aimed at: "to book", "if you need", "for a form", "about the trip". */
const PURPOSE_AFTER = /^[^.!?\n]{0,60}?\b(?:to|if|for|about|when|before|by|with\s+your|so\s+(?:she|he|they)\s+can)\b/;
/**
 * An errand after the person that even urging does not turn hostile: tagging them in the readers' photos, ringing with
 * questions, messaging them directly, booking, ordering, signing up, thanking or wishing them well.
 */
const ERRAND_AFTER = /^[^.!?\n]{0,60}?\b(?:in\s+(?:your|the|their|our|my)\s+(?:[\w'-]+\s+){0,3}?(?:photos?|pics?|pictures?|snaps|videos?|selfies?)|with\s+(?:any|your)\s+(?:questions?|queries|query|worries|concerns)|directly|to\s+(?:book|order|sign\s+up|register|buy|get\s+(?:tickets|a\s+form|a\s+place)|thank|wish|say\s+(?:thanks|thank\s+you|well\s+done|congrat\w*|happy))|for\s+(?:tickets|a\s+form|forms|a\s+place|details|info)|until\s+(?:she|he|they|someone|somebody|the\s+office)\s+(?:answers|replies|picks\s+up|gets\s+back)|(?:your|the\s+kids'?|the\s+children's)\s+(?:[\w'-]+\s+){0,3}?(?:photos?|pics?|pictures?|forms?|slips?|totals?|money|entries|votes?|ideas|stories|drawings|questions|answers|coursework|homework|essays?|assignments?|projects?|work))\b/;

/** What follows the person an act is aimed at ("Mrs X" or one word after the act). */
function afterPerson(text: string, a: Span): string {
  const person = /^\W{0,3}(?:(?:mr|mrs|ms|miss|mx|dr|sir)\s+[\p{L}\p{M}'-]+|\S+)/u.exec(text.slice(a.end, a.end + 40));
  return text.slice(a.end + (person?.[0].length ?? 0), a.end + 80);
}

/** An ordinary errand after the person the act is aimed at (ERRAND_AFTER). */
export function errandAfter(text: string, a: Span): boolean {
  return ERRAND_AFTER.test(afterPerson(text, a));
}

/**
 * Orders to a crowd: an aimed act with only urging before it in its clause (data: campaign-urge, removed first), and readers
 * addressed as a crowd in the item (data: campaign-audience). It counts with urging, or with no purpose after the person.
 * Returns the audience and urging hits as the call's spans.
 */
function crowdOrders(doc: Doc, aimed: readonly Span[], live: (s: Span) => boolean, kindNear: (s: Span) => boolean): LexHit[] {
  const text = doc.clean.text;
  const audience = doc.lex.find(text, 'campaign-audience').filter((a) => live(a) && !kindNear(a));
  if (!audience.length) return [];
  const urge = doc.lex.find(text, 'campaign-urge').filter((u) => live(u) && !kindNear(u));
  for (const a of aimed) {
    const from = clauseStart(doc, a.start);
    let lead = text.slice(from, a.start);
    for (const u of urge) if (u.start >= from && u.end <= a.start) lead = lead.replace(text.slice(u.start, u.end), ' ');
    for (const c of audience) if (c.start >= from && c.end <= a.start) lead = lead.replace(text.slice(c.start, c.end), ' ');
    if (!ORDER_LEAD.test(lead)) continue;
    const urged = urge.some((u) => u.end <= a.start && a.start - u.end <= 40);
    if (errandAfter(text, a)) continue;
    if (urged || !PURPOSE_AFTER.test(afterPerson(text, a))) return [...audience.slice(0, 1), ...urge.slice(0, 1)];
  }
  return [];
}

/** A phone number or a street address in the clean view (runs of digits survive cleaning). */
const CONTACT_NUMBER = /\b0\d{3,4}[\s-]?\d{3}[\s-]?\d{3,4}\b|\b\d{1,3}[a-z]?,?\s+(?:[a-z'-]+\s+){1,3}(?:road|rd|street|st|close|avenue|ave|lane|crescent|drive|way|terrace|park|place|gardens|grove|rise|court|view|row|walk|hill|mews)\b|\b(?:number|no\.?)\s+\d{1,3}\b/;
/** A UK postcode, in the raw text (the clean view reads its digits as letters: "LL9 7RT" → "llg trt"). */
const POSTCODE = /\b[A-Z]{1,2}\d[A-Z\d]?\s+\d[A-Z]{2}\b/i;

/**
 * Exposure (data: dox-cue, dox-call): where someone lives or how to reach them privately, with an invitation to go
 * there or contact them ("her number's 07700 900123 if yer want to tell her what you think", "lives on Mill Close, go
 * round and let her know"). The leak itself is the confidential rules' finding; the invitation makes it harassment too.
 * A kind purpose (campaign-kind: "drop off a card") or a negated or condemned invitation does not count.
 */
export function exposure(doc: Doc, usable: (span: Span) => boolean): Span[] {
  const text = doc.clean.text;
  const calls = doc.lex.find(text, 'dox-call');
  if (!calls.length) return [];
  const cues = doc.lex.find(text, 'dox-cue');
  if (!cues.length && !CONTACT_NUMBER.test(text) && !POSTCODE.test(doc.raw)) return [];
  if (doc.lex.count(text, 'campaign-kind') > 0) return [];
  return calls.filter((c) => usable(c) && !negatedAt(doc, c) && !reportedAt(doc, c) && !externalTargetAt(doc, c)).map((c) => ({ start: c.start, end: c.end }));
}
