/**
 * Discrimination by co-occurrence, not by sentence shape: a word for someone's religion, ethnicity,
 * national origin, accent, disability, sexuality or gender identity (data: identity, group,
 * identity-word) near something said to keep them out or belittle them (data: identity-exclusion).
 * Blunt ("send them all back") and polite ("people like her shouldn't be teaching our kids") remarks
 * are found alike because the cue, not the wording around it, carries the meaning; a festival, an RE
 * lesson, EAL support or praise of a diverse staff names an identity with no such cue.
 *
 * A cue counts when it is not negated ("she belongs here") and not someone else's words reported to
 * condemn them ("whoever wrote that she should go back should be ashamed"). Strong cues (weight ≥ 0.7)
 * flag with an identity word in the same or a neighbouring sentence; weak ones only when two different
 * ones are there.
 */
import { findAll, overlaps, type Doc, type Span } from '../document';
import { clauseStart, negatedAt, reportedAt } from '../structure';
import { gatedTest } from '../word-gate';

const IDENTITY_CATEGORIES = ['identity', 'group', 'identity-word', 'identity-disclaimer'] as const;
/** "a lesbian like Miss X": a person named as an example of their identity, a weak cue by itself. */
const EXAMPLE_OF = /^\s+like\s+(?:mr|mrs|ms|miss|mx|dr|sir)\b/;
const STRONG = 0.7;
/** A school-subject word after a language or nationality word: "English dept", "French lessons", "Welsh GCSE", "the English teacher". */
const SUBJECT_AFTER = /^\s+(?:dept|department|lessons?|class(?:es)?|homework|exams?|gcses?|literature|language|results?|papers?|set|mocks?|a-levels?|coursework|curriculum|faculty|staffroom)\b/;

/** Languages taught as school subjects: "the English teacher" teaches English ("a Hindu teacher" is a person's faith). */
const SCHOOL_LANGUAGE = /^(?:english|french|german|spanish|welsh|italian|latin|greek|mandarin|chinese|urdu|gaelic|irish|arabic|russian|japanese|portuguese|polish)$/;

/**
 * The two sentences before and after the one at `pos`: a remark often names the person in one sentence and excludes
 * them a sentence or two later ("Muslim in charge of our kids?? 🤢 School X wake up. Mrs Y back to where they belong").
 */
const WINDOW = 2;
function windowAt(doc: Doc, pos: number): Span {
  const ss = doc.sentences;
  let i = ss.findIndex((s) => pos >= s.start && pos < s.end);
  if (i < 0) return { start: 0, end: doc.clean.text.length };
  return { start: ss[Math.max(0, i - WINDOW)]!.start, end: ss[Math.min(ss.length - 1, i + WINDOW)]!.end };
}

export interface IdentityFinding {
  spans: Span[];
  weight: number;
}

/** The person a removal verb acts on, right after it ("sack him", "get rid of the lot of them", "deport Mrs X"). */
const REMOVED_PERSON = /^\s+(?:(?:him|her|them|'em|em|the\s+lot(?:\s+of\s+them)?|all\s+of\s+them|the\s+(?:teacher|ta|head|family|families)|(?:mr|mrs|ms|miss|mx|dr)\s+[\p{L}'-]+)\b)/u;

/** "sack him", "deport the lot of them": a removal verb (data: removal-verb) with a person as its object, as a strong cue. */
function removals(doc: Doc): { start: number; end: number; weight: number }[] {
  const text = doc.clean.text;
  const out: { start: number; end: number; weight: number }[] = [];
  for (const v of doc.lex.find(text, 'removal-verb')) {
    const m = REMOVED_PERSON.exec(text.slice(v.end, v.end + 40));
    if (m) out.push({ start: v.start, end: v.end + m[0].length, weight: 0.7 });
  }
  // "Mr X needs booting out", "she should be sacked": removal said as due, with the person before it (data: removal-due)
  for (const v of doc.lex.find(text, 'removal-due')) {
    if (DUE_PERSON_BEFORE.test(text.slice(Math.max(0, v.start - 40), v.start))) out.push({ start: v.start, end: v.end, weight: 0.7 });
  }
  return out;
}

/** The person a removal is said to be due to, right before it: a titled name (one or two words), a pronoun, "the teacher". */
const DUE_PERSON_BEFORE = /(?:\b(?:mr|mrs|ms|miss|mx|dr)\s+[\p{L}\p{M}'-]+(?:\s+[\p{L}\p{M}'-]+)?|\b(?:he|she|they|the\s+(?:teacher|ta|head|headteacher|principal|deputy)))\s+(?:(?:really|just|honestly|seriously|clearly)\s+)?$/u;

type Cue = { start: number; end: number; weight: number; own?: boolean };

/** "no Muslims near kids", "no Sikhs in charge": an identity banned from a place or a role. */
const BANNED_BEFORE = /\bno\s+$/;
/** "there are no X", "we have no X", "(have) got no X": a plain statement of who is there, not a ban. */
const FACT_BEFORE = /\b(?:there\s+(?:is|are|was|were)|there'?s|there\s+re|we\s+(?:have|had)|(?:have|has|'ve|we've)\s+got|got)\s+no\s+$/;
/** After the identity: a role or place it is kept from; bare "in/at/with" only before a role or place word. */
const BANNED_FROM = /^\s+(?:near|around|teaching|allowed|working|in\s+charge|on\s+the\s+staff|(?:in|at(?!\s+all\b)|with)\s+(?:(?:our|my|the|a|any|this|that|their|his|her)\s+)?(?:schools?|class(?:es|rooms?)?|kids|children|pupils|staff|jobs?|teaching|charge|playgrounds?|nurser(?:y|ies))\b)/;
/** A copula after a group word, with room for an article and one word: "are vermin", "'s a cancer", "is a total joke". */
const COPULA_AFTER = /^(?:\s+(?:are|is|were|was|r)|'s|'re|s)\s+(?:(?:a|an|the|all|just|nothing\s+but|basically|total|absolute)\s+)*(?:[\w-]+\s+)?$/;
/** A negative modal after a group word: "can't", "shouldn't be allowed to", "aren't fit to". */
const UNABLE_AFTER = /^(?:\s+(?:people|teachers|staff|women|men|folk))?\s+(?:can'?t|cannot|can\s+not|couldn'?t|shouldn'?t|should\s+not|aren'?t\s+(?:fit|able)\s+to|are\s+(?:not\s+fit|unfit|unable)\s+to|never)\s+(?:be\s+allowed\s+to\s+|even\s+|properly\s+)?$/;
const FEMALE_TITLE = /\b(?:mrs|miss|ms)\s+[\p{L}'-]+/gu;
const MALE_TITLE = /\bmr\s+[\p{L}'-]+/gu;
/** After the title and name: a copula, then "clearly/really/actually/just" and an article. */
const CALLED = /^(?:\s+(?!(?:is|was)\b)[\p{L}'-]+)?(?:\s+(?:at|from|in|of)\s+[^.!?\n]{0,60}?)?(?:\s+(?:is|was)|'s)\s+(?:(?:clearly|really|actually|obviously|just|basically|still|defo|definitely|so\s+obviously)\s+)*(?:a|an)\s+$/u;

/**
 * What is predicated of an identity group, by structure (data: dehumanising, role-capability, group-noun, male-noun,
 * female-noun): a ban ("no <group> near kids"), a group word as subject of a dehumanising noun ("their religion's a
 * cancer"), a group said to be unable to do a role ("<group> can't teach"), and a woman by title called a man or the
 * reverse ("Mrs X is clearly a bloke"). Each is a strong cue; `own` marks cues whose "no" or "can't" is part of the
 * hostility, not a negation of it.
 */
function predications(doc: Doc, ids: readonly Span[]): Cue[] {
  const text = doc.clean.text;
  const out: Cue[] = [];
  const dehumanising = doc.lex.find(text, 'dehumanising');
  const capability = doc.lex.find(text, 'role-capability');
  const subjects = [...ids, ...doc.lex.find(text, 'group-noun')];
  for (const id of subjects) {
    const isId = ids.includes(id);
    if (isId && BANNED_BEFORE.test(text.slice(Math.max(0, id.start - 4), id.start)) && !FACT_BEFORE.test(text.slice(Math.max(0, id.start - 24), id.start)) && BANNED_FROM.test(text.slice(id.end, id.end + 24))) {
      out.push({ start: id.start, end: id.end, weight: 0.85, own: true });
      continue;
    }
    const d = dehumanising.find((h) => h.start >= id.end && h.start - id.end <= 40 && COPULA_AFTER.test(text.slice(id.end, h.start)));
    // a group noun ("their religion", "that lot") counts only with an identity word near it, which the window checks
    if (d) out.push({ start: id.start, end: d.end, weight: 0.85, own: true });
    const c = isId ? capability.find((h) => h.start >= id.end && h.start - id.end <= 48 && UNABLE_AFTER.test(text.slice(id.end, h.start))) : undefined;
    if (c) out.push({ start: id.start, end: c.end, weight: 0.85, own: true });
  }
  return out;
}

/** Before children as a group: keeping someone or something away from them ("keep that lifestyle away from our bairns"). */
const KEEP_AWAY_BEFORE = /\b(?:keep|keeps|kept|keeping|stay|stays|get|move)\s+(?:[\w'-]+\s+){0,4}?(?:well\s+|far\s+)?away\s+from\s+$/;
/** Sent back where they came from, as an order: "take that rubbish back home", "pack your bags and go back home". */
const SENT_BACK = /\b(?:take|taking|go|get|send|pack|clear\s+off|piss\s+off|fuck\s+off|bugger\s+off|sod\s+off|head|ship|shipped|shipping)\s+(?:[\w'-]+\s+){0,4}?back\s+(?:home|to\s+(?:where|wherever)|where|to\s+(?:your|their|his|her)\s+own)\b/g;

/** Kept out of sight or out of school: "keep his religion at home", "keep it out of our classrooms", "… to herself". */
const KEEP_OUT = /\b(?:keep|keeps|kept|keeping)\s+(?:[\w'-]+\s+){0,4}?(?:at\s+home|behind\s+closed\s+doors|to\s+(?:him|her|them|your|my)sel(?:f|ves)|out\s+of\s+(?:our|the|this|my)\s+(?:\w+\s+)?(?:schools?|classrooms?|class(?:es)?|playgrounds?|lessons|kids'?\s+lives))\b/g;
/** What is kept out, when it is a person or a way of life. */
const KEPT_PERSON = /^\w+\s+(?:(?:him|her|them|'em|that\s+lot|those\s+people)\b|(?:his|her|their|your|that|those|the)\s+(?:\w+\s+)?(?:religion|faith|beliefs?|lifestyle|agenda|culture|customs|ways|prayers?|god|mosque|church|temple|synagogue|gurdwara)\b)/;
/** Not wanted where children are: "nobody wants his turban in our school", "we don't want that lot near our kids". */
const UNWANTED = /\b(?:nobody|no\s+one|no-one|we\s+don'?t|parents\s+don'?t|i\s+don'?t)\s+wants?\s+(?:[\w'-]+\s+){1,4}?(?:in|at|near|around|teaching|running)\s+(?:our|the|my|this)\b/g;

/** Before an order: nothing (the clause starts there), a name or pronoun addressed, or a modal of obligation. */
const ORDER_BEFORE = /(?:^|(?:^|\s)(?:(?:mr|mrs|ms|miss|mx|dr|sir)\s+[\p{L}\p{M}'-]+|you|yous|youse|u|ye|just|now|so|and)|\b(?:should|must|can|could|ought\s+to|needs?\s+to|has\s+to|have\s+to|had\s+better|better|told\s+(?:\w+\s+)?to|tell\s+(?:\w+\s+)?to|want\s+(?:\w+\s+)?to))[\s\W]*$/u;

/** Is the verb at `pos` given as an order or a demand (ORDER_BEFORE in its clause)? */
export function orderedAt(doc: Doc, pos: number): boolean {
  // the last 80 characters of the clause are enough for the pattern; a clipped clause starts with a word, so "^" reads
  // no clause start there (a long unpunctuated text would otherwise be read whole at every verb)
  const from = clauseStart(doc, pos);
  const clipped = pos - from > 80;
  return ORDER_BEFORE.test(`${clipped ? 'x ' : ''}${doc.clean.text.slice(clipped ? pos - 80 : from, pos)}`);
}

/** An errand after going home: "to get the forms", "for a funeral", "with a temperature", "early". */
const ERRAND_AFTER = /^\s*(?:to\s+(?:get|fetch|collect|pick|grab|change|see|visit|attend|help|look\s+after|care\s+for|rest)\b|for\s+(?:a|an|the|her|his|their|your|some|lunch|tea|dinner|christmas|eid|diwali|the\s+holidays)\b|with\s+(?:a|an)\b|early\b|ill\b|sick\b)/;

/**
 * Is "go back home" / "go home" at `start`–`end` an order to leave (ORDER_BEFORE before it), not news ("had to go back
 * home") or an errand ("told to go back home to get the forms", "for a funeral")?
 */
export function sentHomeAt(doc: Doc, start: number, end: number): boolean {
  return orderedAt(doc, start) && !ERRAND_AFTER.test(doc.clean.text.slice(end, end + 30));
}

/**
 * Exclusion by structure, whatever the words around it: children as a group (data: child-group) kept away from someone
 * or their "lifestyle", and an order to go or take something "back home". Each is a strong cue; it needs an identity word
 * in the window like any other cue, so "keep your dog away from the kids" or "go back home for your PE kit" is nothing.
 */
function exclusions(doc: Doc): Cue[] {
  const text = doc.clean.text;
  const out: Cue[] = [];
  for (const c of doc.lex.find(text, 'child-group')) {
    const m = KEEP_AWAY_BEFORE.exec(text.slice(Math.max(0, c.start - 60), c.start));
    if (m) out.push({ start: c.start - m[0].length, end: c.end, weight: 0.85 });
  }
  for (const re of [KEEP_OUT, UNWANTED]) {
    if (!gatedTest(re === KEEP_OUT ? /\bkeep/ : /\bwants?\b/, text)) continue;
    re.lastIndex = 0;
    // UNWANTED's own "nobody"/"don't" is the hostility, not a negation of it
    for (let m = re.exec(text); m; m = re.exec(text)) {
      // what is kept out is a person, a faith or a way of life, or names an identity ("keep his turban at home"); not
      // "keep the gifts at home"
      const kept = { start: m.index, end: m.index + m[0].length };
      // "our Jewish pupils keep kosher at home": what people do, not an order or demand that they keep it there
      if (re === KEEP_OUT && !orderedAt(doc, m.index)) continue;
      if (re === KEEP_OUT && !KEPT_PERSON.test(m[0]) && !doc.lex.find(text, 'identity-word').some((h) => h.start >= kept.start && h.end <= kept.end && /^\s+(?:at|behind|to|out)\b/.test(text.slice(h.end, h.end + 8)))) continue;
      out.push({ ...kept, weight: 0.85, own: re === UNWANTED });
    }
  }
  if (text.includes('back')) {
    SENT_BACK.lastIndex = 0;
    for (let m = SENT_BACK.exec(text); m; m = SENT_BACK.exec(text)) {
      // an order or a demand ("… take that rubbish back home", "they should go back home"), not news of a trip home
      if (sentHomeAt(doc, m.index, m.index + m[0].length)) out.push({ start: m.index, end: m.index + m[0].length, weight: 0.85 });
    }
  }
  return out;
}

/** "Mrs X is clearly a bloke": a titled person called the other sex, with the title's span as the identity word. */
function misgendered(doc: Doc): { id: Span; cue: Cue }[] {
  const text = doc.clean.text;
  const out: { id: Span; cue: Cue }[] = [];
  for (const [re, cat] of [[FEMALE_TITLE, 'male-noun'], [MALE_TITLE, 'female-noun']] as const) {
    const nouns = doc.lex.find(text, cat);
    if (!nouns.length) continue;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const end = m.index + m[0].length;
      const n = nouns.find((h) => h.start >= end && h.start - end <= 90 && CALLED.test(text.slice(end, h.start)));
      // "a man of her word", "a lady who lunches": an idiom, not a sex
      if (n && !/^\s+(?:of|who|that)\b/.test(text.slice(n.end, n.end + 6))) out.push({ id: { start: m.index, end }, cue: { start: n.start, end: n.end, weight: 0.85, own: true } });
    }
  }
  return out;
}

/** Round 9b: a sex named as a whole group, with no determiner before it ("women can't coach", not "the women can't come"). */
const SEX_GROUP = /\b(?:women|woman|females|ladies|girls|men|blokes|males)\b/g;
const DETERMINED = /\b(?:the|our|my|your|their|his|her|these|those|some|two|three|four|few|several|\d+)\s+$/;

/**
 * Round 9b: sexism as an identity remark. A sex named as a whole group and said to be unable to do a role ("women can't
 * coach", data: role-capability after it), or a sex-role put-down (data: sex-role: "stick to the kitchen", "a man's job")
 * with a woman or a titled woman in the sentence or the one before. The group or title is the identity word; the
 * predicate or put-down a strong cue. "The women can't make Saturday" (a determiner: particular people) and "women can
 * coach" are nothing.
 */
function sexRoles(doc: Doc): { id: Span; cue: Cue }[] {
  const text = doc.clean.text;
  const out: { id: Span; cue: Cue }[] = [];
  const capability = doc.lex.find(text, 'role-capability');
  const groups = findAll(text, SEX_GROUP);
  for (const g of groups) {
    if (DETERMINED.test(text.slice(Math.max(0, g.start - 12), g.start))) continue;
    const c = capability.find((h) => h.start >= g.end && h.start - g.end <= 48 && UNABLE_AFTER.test(text.slice(g.end, h.start)));
    if (c) out.push({ id: g, cue: { start: g.start, end: c.end, weight: 0.85, own: true } });
  }
  const idioms = doc.lex.find(text, 'sex-role');
  if (idioms.length) {
    FEMALE_TITLE.lastIndex = 0;
    const women = [...groups, ...findAll(text, FEMALE_TITLE)];
    for (const i of idioms) {
      const s = doc.sentences.findIndex((x) => i.start >= x.start && i.start < x.end);
      const from = s > 0 ? doc.sentences[s - 1]!.start : 0;
      const w = women.find((x) => x.start >= from && x.end <= i.end);
      if (w) out.push({ id: w, cue: { start: i.start, end: i.end, weight: 0.85 } });
    }
  }
  return out;
}

/**
 * Cues with a variable middle, in code so the word matcher keeps its literal gate (a pattern entry would run on every text),
 * each gated by a literal: "only got (the job) cos …" (strong), "since (the refugee families) came" (weak), "nothing
 * against (travellers) but" (a weak disclaimer).
 */
const GATED_CUES: readonly { gate: string; re: RegExp; weight: number }[] = [
  { gate: 'only got', re: /\bonly\s+got\s+(?:[a-z'-]+\s+){0,4}?(?:cos|coz|because|cause|cuz)\b/g, weight: 0.85 },
  { gate: 'since ', re: /\bsince\s+(?:the\s+|all\s+the\s+|they\s+|them\s+)?(?:[a-z'-]+\s+){0,2}?(?:came|arrived|moved\s+in|turned\s+up)\b/g, weight: 0.4 },
  { gate: 'nothing against', re: /\bnothing\s+against\s+(?:[a-z'-]+\s+){1,2}but\b/g, weight: 0.4 },
];
function gatedCues(text: string): Cue[] {
  const out: Cue[] = [];
  for (const { gate, re, weight } of GATED_CUES) {
    if (text.includes(gate)) for (const m of findAll(text, re)) out.push({ ...m, weight });
  }
  return out;
}

/** An expletive used as an adjective right before a word ("bloody", "fucking", "sodding"), with at most one word between. */
const EXPLETIVE_BEFORE = /\b(?:bloody|blooming|bleeding|bleedin|fucking|fuckin|effing|sodding|flaming|frigging|friggin|damn|damned|feckin|fecking)\s+(?:([\p{L}'-]+)\s+)?$/u;
/** The word after an identity word, when it is a plural noun ("Catholic converts", "Polish builders"). */
const PLURAL_AFTER = /^\s+(?!(?:this|was|has|his|does|yes|is|as|us)\b)[a-z]{2,}s\b/;

/**
 * Round 13: a group cursed by name, "Bloody Hindus everywhere now", "fucking Catholic converts": an expletive as an
 * adjective right before an identity word said of many (the word or the noun after it plural), or before a plural
 * identity word with one word between ("bloody Reform Jews"). A strong cue of its own; "bloody brilliant Diwali assembly"
 * (no group, one word between a singular) and "Bloody hell, the Sikh festival was lovely" (not before the word) are not.
 */
function cursedGroups(doc: Doc, ids: readonly Span[]): Cue[] {
  const text = doc.clean.text;
  const out: Cue[] = [];
  for (const id of ids) {
    const m = EXPLETIVE_BEFORE.exec(text.slice(Math.max(0, id.start - 30), id.start));
    if (!m) continue;
    const plural = /s$/.test(text.slice(id.start, id.end));
    if (m[1] ? plural && !doc.lex.has('praise-word', m[1]) : plural || PLURAL_AFTER.test(text.slice(id.end, id.end + 24))) {
      out.push({ start: id.start - m[0].length, end: id.end, weight: 0.85, own: true });
    }
  }
  return out;
}

/** Identity words with an exclusion cue near them, or undefined. */
export function identityExclusion(doc: Doc, counterSpeech: (span: Span) => boolean): IdentityFinding | undefined {
  const text = doc.clean.text;
  const ids: Span[] = [];
  for (const c of IDENTITY_CATEGORIES) for (const h of doc.lex.find(text, c)) ids.push(h);
  const called = [...misgendered(doc), ...sexRoles(doc)];
  for (const m of called) ids.push(m.id);
  if (!ids.length) return undefined;
  // hostility predicated of the group by class (data: identity-hostility), removal of a person, and what is predicated
  // of the group by structure count as cues too
  const predicates: Cue[] = [...doc.lex.find(text, 'identity-hostility'), ...removals(doc), ...predications(doc, ids), ...called.map((m) => m.cue), ...exclusions(doc), ...gatedCues(text), ...cursedGroups(doc, ids)];
  // no cue from the data: an example ("a … like Mrs X") alone is one weak cue, never enough
  if (!doc.lex.find(text, 'identity-exclusion').length && !doc.lex.find(text, 'identity-disclaimer').length && !predicates.length) return undefined;
  // "not racist but …" announces the topic and is a weak cue too; so is a person named as an example
  // "go back home", "go home": an order to leave, not news ("had to go back home") or an errand ("… for a funeral")
  const excluding = doc.lex.find(text, 'identity-exclusion').filter((c) => !/^go\s+(?:back\s+)?home\b/.test(text.slice(c.start, c.end)) || sentHomeAt(doc, c.start, c.end));
  const cues: Cue[] = [...excluding, ...doc.lex.find(text, 'identity-disclaimer'), ...predicates];
  for (const id of ids) if (EXAMPLE_OF.test(text.slice(id.end, id.end + 12))) cues.push({ start: id.end, end: id.end + 5, weight: 0.4 });
  if (!cues.length) return undefined;
  const live = cues.filter((c) => !overlaps(c, doc.quoted) && !overlaps(c, doc.ignored) && (c.own || !negatedAt(doc, c)) && !reportedAt(doc, c) && !counterSpeech(c));
  if (!live.length) return undefined;
  for (const id of ids) {
    if (overlaps(id, doc.quoted) || overlaps(id, doc.ignored)) continue;
    // "the English department", "French homework": a school subject, not a person's identity
    if (SUBJECT_AFTER.test(text.slice(id.end, id.end + 16)) || (SCHOOL_LANGUAGE.test(text.slice(id.start, id.end)) && /^\s+(?:teachers?|tutors?)\b/.test(text.slice(id.end, id.end + 10)))) continue;
    const w = windowAt(doc, id.start);
    const near = live.filter((c) => c.start >= w.start && c.end <= w.end);
    if (!near.length) continue;
    const strong = near.filter((c) => c.weight >= STRONG);
    // different cues: overlapping hits ("not being funny but" as a disclaimer and a cue) count once
    const distinct = new Set(near.filter((c, i) => !near.some((o, j) => j < i && o.start < c.end && c.start < o.end)).map((c) => text.slice(c.start, c.end))).size;
    if (strong.length || distinct >= 2) return { spans: [id, ...(strong.length ? strong : near)], weight: strong.length ? 0.85 : 0.7 };
  }
  return undefined;
}
