/**
 * matchSchool: is this item about *this* school, or a same-named church, shop, reserve, club, street, person or
 * another school?
 *
 * Pure. Names and aliases are compared in a normalised form (case, punctuation, possessives, "Saint"/"St",
 * diacritics, zero-width characters), also against hashtags and @handles written as one word (#StBrendans,
 * @NorthgateParkAcademy); "St B's" for a saint's name and the capital initials of the full name ("KBPS") count as
 * ambiguous aliases. An alias that does not say it is a school (no "School", "Academy", "Primary"…) is ambiguous:
 * each of its occurrences is weighed (decideAmbiguous): school vocabulary near it (pupils, Year 6, the head, PTA,
 * "Mrs Okafor at X") against the vocabulary of the places schools share names with (service times, kick-off,
 * shops, caravans, blossom, "on X" for a street), the school's context words (its town) as weak support, an
 * excluded place named elsewhere in the item as support for the place. Never a mention: a name that is part of a
 * place name ("… Nature Reserve"), another kind of school ("Ravensworth Primary" for Ravensworth High), someone's
 * surname ("Cllr Ravensworth"), or "the church, not the school". Exclusions cover only the occurrence they
 * contain, so another genuine mention in the same item still counts. The cue lists are data
 * (data/match/mention-cues.tsv, compiled into cues.json).
 *
 * Round 3 (data/match/README.md): the name without its kind words and misspellings are ambiguous aliases too; an
 * ambiguous name with no place-ness at all is taken as the school (the feed found it by that name); a capitalised
 * non-school word, an apposition or a denomination after the name, a kind before it, or a place elsewhere makes it
 * another of the same name, which then claims the item's other bare uses; an item that never names the school but
 * names one of its places with specific school vocabulary is its community talking.
 *
 * Round 4 (data/match/README.md): more short forms (the first word of "<X> Park", a saint's name alone, handles of
 * initials and town), initials spelt out as something else or written as a unit, kinds of place before the name,
 * clubs after it, appositions naming kind and town, the other senses of a name as place vocabulary, and a town's
 * parents' group speaking of a titled adult.
 *
 * Round 5 (data/match/README.md): an unnamed item speaking of school life in specific words that also names one of the
 * school's own context places and no other place or school (held to 0.9 of school-life support; without a place of its own an unnamed
 * item is never the school's: a feed returns school life from everywhere), or naming one of the school's own staff
 * (titled, capitalised) from its context; other senses of names and
 * initials by kind as data; a surname reading claims the item's other uses; kind-word-only aliases are ambiguous; the
 * full name said not to be the item's subject is skipped.
 *
 * Round 6 (data/match/README.md): a capitalised word before the name makes a longer proper name ("Port Harcourt");
 * street words after the full name only as written in a name; Welsh school words beside a Welsh-medium name; initials
 * written as a unit, or a body's after "the"; a titled person's name as an alias is the person's without school words;
 * counties as data (the school's own, or a short form among school words, is not elsewhere); a saint's initial claimed
 * by another saint named in full; an item naming no school and no place but a titled adult with school life.
 *
 * Round 7 (data/match/README.md): a name many things share (initials, "the" and one word, a generic place word alone)
 * is the school only with school life near it, weighed against its other senses (banking, clubs, pubs, theatres, work
 * teams) as data; chat abbreviations are no initials; a place's community group needs school life; clubs and activities
 * before the name are its own; a titled surname before "vs" is a title; view offsets are right after an emoji.
 */
import type { School } from '../config/schema';
import { escapeRegExp } from '../score/document';
import { cleanText, foldText, type TextView } from '../score/normalize';
import type { Evidence, MatchResult } from '../score/types';
import { CUES } from './cues';

export type MatchableSchool = Pick<School, 'name' | 'aliases' | 'context' | 'exclude'>;

/** The decision's numbers: scripts/mention-tune.ts passes others to matchSchool to try them leave-one-corpus-out. */
export interface MentionTuning {
  /** Support a decision needs at least when there is place-ness (one specific school word, or the town alone). */
  readonly minSupport: number;
  /** Place-ness below this is noise: a name with no school support is still taken as the school's. */
  readonly noiseFloor: number;
  /** Cues in the next sentence (within NEXT_CHARS) count this much; within MID_CHARS farFactor, further half that. */
  readonly nextFactor: number;
  readonly farFactor: number;
  /**
   * No longer decides anything (see MENTION_TUNING), except that Infinity skips the unnamed reading (its staff
   * included) of an item naming none of the school's places; kept so tuning scripts and their tests still run.
   */
  readonly unnamedSupport: number;
}

// Chosen by scripts/mention-tune.ts: minSupport 0.2 and noiseFloor 0.31 were picked without each held-out corpus in
// all ten folds (out-of-corpus mean 0.980 → 0.981 over data/train corpora a–j, 2026-11-30); farFactor stayed.
// unnamedSupport 0.5 (round 5): picked without each held-out corpus in all twenty folds of data/train a–t
// (out-of-corpus mean 0.978 at 0.9 → 0.979; no fold worse; 2026-11-30, `mention-tune.ts --vary unnamedSupport`), when an
// unnamed item needed no place of its own. Since the end-of-round review an unnamed item must name one of the school's own
// places, and such an item is held to UNNAMED_SUPPORT (0.9) instead, so this number no longer decides anything; it is
// kept so tuning scripts and their tests still run.
// The default of matchSchool's `tuning` parameter, frozen: a script trying other numbers passes its own, and can
// never change the decision for every other caller in the process.
export const MENTION_TUNING: MentionTuning = Object.freeze({ minSupport: 0.2, noiseFloor: 0.31, nextFactor: 0.75, farFactor: 0.5, unnamedSupport: 0.5 });

/**
 * Cues in the name's sentence count in full; in another sentence within NEXT_CHARS characters three quarters (short
 * posts: "X has gone downhill. Worst head in the county."), within MID_CHARS half, further a quarter.
 */
const NEXT_CHARS = 60;
const MID_CHARS = 200;
/** "(the church, not the school)" decides when this close to the name. */
const EXPLICIT_CHARS = 80;
/** Context words (the town, the trust): weak support, the first counts 0.35, more add up to 0.5 in all. */
const CONTEXT_FIRST = 0.35;
const CONTEXT_MAX = 0.5;
/** An excluded place named elsewhere in the item ("St Brendan's Hospice … St Brendan's has cared for"). */
const EXCLUDED_NEARBY = 0.6;
/** Round 9b: a same-named street elsewhere in the item ("not Tanner's Mead Road"): the name is a place's too, weakly. */
const STREET_CLAIM = 0.35;
/** "Fr Quill at X", "Cllr Lowe from X": place-ness of a titled person's place. */
const TITLED_AT = 0.8;
/** Cues of this weight or less are generic (kids, staff, parents; parking, residents): they count half against a specific word. */
const GENERIC = 0.3;
/** A cue straight after the name ("Hartfell kids", "Hartfell residents") counts at least this. */
const ADJACENT = 2;

interface Pattern {
  /** The configured alias (for reporting). */
  alias: string;
  /** Regex over the fold view. */
  re: RegExp;
  /** Compact form for hashtags/handles ("stbrendans"). */
  compact: string;
  ambiguous: boolean;
  /** Initials derived from the full name: only in capitals ("KBPS", not "kbps"), and context words count half. */
  acronym: boolean;
  capitalsOnly?: boolean;
  /** Found one or two edits away ("Gorsbrook"): see fuzzyOccurrences. */
  misspelt?: boolean;
  /** The first word of a two-word name alone ("Kingsmere" for Kingsmere Park Primary): never looked for misspelt. */
  partial?: boolean;
  /** For initials: capitalised words with those initials ("Hadrian Fitness Academy" for HFA), to find them spelt out. */
  spelt?: RegExp;
  /** Only kind words ("the Grammar", "Ysgol Gyfun"): the school's, unless a capitalised word after it names another ("The Grammar Bar"). */
  kindOnly?: boolean;
  /** The full name cut short after a word that is no kind ("Ysgol Bryn" for Ysgol Bryn Derw): another school's when a capitalised word follows ("Ysgol Bryn Gwyn"). */
  truncated?: boolean;
  /** A person's name ("Sir Thomas Pelham" for Sir Thomas Pelham Grammar School): the person's, unless school words say otherwise. */
  person?: boolean;
  /**
   * A name many things share (sharedName): initials ("CGS", "RBS"), "the" and one word ("the Brook", "the Phoenix": how
   * pubs, theatres and clubs are called), or one generic place word alone ("Vale"). Only school life near it makes it the
   * school; with nothing said either way it is not (a distinctive name, "Kilbrannan", still is).
   */
  shared?: boolean;
}

/** Kinds an all-through school (named so, or with "all-through" in its context) has as phases of its own. */
const ALL_THROUGH_KINDS = ['primary', 'secondary', 'infant', 'infants', 'junior', 'juniors', 'high', 'middle'];

interface Compiled {
  patterns: Pattern[];
  excludes: RegExp[];
  /** Per exclude: it is "the" and one of the school's own names ("The Tanner's Mead", a pub): see ownNameSaidOf. */
  excludeTheOwn: boolean[];
  context: RegExp | null;
  /** The same, not global: for tests that must not move a shared lastIndex. */
  contextAny: RegExp | null;
  /** Every name and alias, normalised, joined (to ask whether a word is in the school's own names). */
  names: string;
  /** Kinds of school this school's names say ("primary", "academy"). */
  ownKinds: Set<string>;
  /** Context words written as one word ("ousebridge"): a handle of an alias and one of them is the school's. */
  contextCompacts: string[];
  /** Initials of the kind and denomination words of its name ("cja" for St Luke's CofE Junior Academy): @StLukesJA. */
  kindInitials: string;
  /** Its own staff named in its context by title and surname ("Mrs Okafor"): the surname anywhere in an item. */
  staff: RegExp | null;
  /** The same surnames as written, capitalised, over the raw text; group 1 a title before one ("Mrs "), 2 a capitalised word before it, 3 the surname. */
  staffRaw: RegExp | null;
  /** Its context places written as one word ("shirleypark"): "in SP" or "in PT" (Pentre) may be short for one. */
  contextPlaces: string[];
  /** Its context words, normalised ("netherby green"): "Netherby Green's St Aidan's" names its own town before it. */
  contextNorm: string[];
  /** Its context words that are counties or regions ("lancashire", "co down"), normalised. */
  regions: string[];
}

const patternCache = new WeakMap<object, Compiled>();

/** Normalised comparison form: folded, "saint" → "st", possessive 's dropped, punctuation → space. */
function normalise(s: string): string {
  return foldText(s)
    .text.replace(/['’]/g, "'")
    // Welsh writes the saint "Sant" (a woman "Santes"): "Ysgol Sant Elfan" is St Elfan's
    .replace(/\b(?:saint|sant|santes)\b/g, 'st')
    .replace(/\bst\./g, 'st')
    .replace(/&/g, ' and ')
    .replace(/'s\b/g, 's')
    .replace(/[^a-z0-9']+/g, ' ')
    .replace(/'/g, '')
    .trim();
}

/** Regex source matching a normalised phrase in the fold view, tolerant of punctuation and possessives. */
function phraseSource(norm: string): string {
  return norm
    .split(' ')
    .map((w) => {
      if (w === 'st') return "(?:st\\.?|saint|sant|santes)";
      // a street in the name is written short ("Fenwick St", "Moor Rd")
      // (never its full stop, which may end the sentence: "on Fenwick St. He said")
      if (w === 'street') return '(?:street|st\\b)';
      if (w === 'road') return '(?:road|rd\\b)';
      if (w === 'avenue') return '(?:avenue|ave\\b)';
      if (w === 'and') return '(?:and|&)';
      // "brendans" also matches "brendan's", "brendan’s", "brendan s"
      // and "bs" (from "St B's") also matches "b's"
      if (w.length >= 2 && w.endsWith('s') && w !== 'ss') return `${escapeRegExp(w.slice(0, -1))}(?:'?s|s'|\\s?'s)?`;
      return `${escapeRegExp(w)}(?:'s|')?`;
    })
    .join("[\\s\\-–—.,']*");
}


function compile(school: MatchableSchool): Compiled {
  const cached = patternCache.get(school);
  if (cached) return cached;
  const names = [school.name, ...(school.aliases ?? [])];
  const seen = new Set<string>();
  const patterns: Pattern[] = [];
  const ownKinds = new Set<string>();
  const namesNorm = names.map(normalise);
  for (const [i, alias] of names.entries()) {
    const norm = namesNorm[i]!;
    if (!norm || seen.has(norm)) continue;
    seen.add(norm);
    // matchAll starts where the shared pattern's last exec left off (the "names another school" check): reset it, or a school compiled after
    // another's item misses its own kinds, and which items mention it depends on what was matched before
    CUES.distinctKinds.lastIndex = 0;
    for (const k of norm.matchAll(CUES.distinctKinds)) ownKinds.add(k[0]);
    // an all-through school has primary and secondary phases of its own ("Millbeck Park's primary phase")
    if (/\ball through\b/.test(norm)) for (const k of ALL_THROUGH_KINDS) ownKinds.add(k);
    const isAcronym = /^[A-Z0-9]{2,6}$/.test(alias.trim());
    // "the Grammar", "Ysgol Gyfun": kind words alone are the school's as people say it, but name nothing in particular
    // when another proper word follows ("The Grammar Bar", "Ysgol Gyfun Bro Nant")
    const kindOnly = kindWordsOnly(norm.replace(/^the /, ''));
    const ambiguous = alias !== school.name && (!CUES.schoolWord.test(norm) || isAcronym);
    patterns.push({
      alias,
      re: new RegExp(`(?<![a-z0-9])${phraseSource(norm)}(?![a-z0-9])`, 'g'),
      compact: norm.replace(/\s+/g, ''),
      ambiguous: ambiguous || (alias === school.name && !CUES.schoolWord.test(norm) && isAcronym),
      acronym: isAcronym,
      spelt: isAcronym ? speltOut(norm) : undefined,
      kindOnly: kindOnly && alias !== school.name,
      truncated: alias !== school.name && !ambiguous && truncatedName(norm, namesNorm[0]!),
    });
  }
  const core = coreName(school.name);
  if (core && !seen.has(core)) {
    // "Bryn Derwen" for Ysgol Gynradd Bryn Derwen, "Craigbank" for Craigbank High School: what people write
    seen.add(core);
    patterns.push({ alias: core.replace(/\b[a-z]/g, (c) => c.toUpperCase()), re: new RegExp(`(?<![a-z0-9])${phraseSource(core)}(?![a-z0-9])`, 'g'), compact: core.replace(/\s+/g, ''), ambiguous: true, acronym: false });
  }
  // "Kingsmere" for Kingsmere Park Primary School, "Harebell" for Harebell Bank School: the first word of a name
  // whose second word is generic, unless that word is the school's town or names nothing on its own
  const two = (core ?? '').split(' ');
  const ctx = (school.context ?? []).map((c) => normalise(c)).filter(Boolean);
  if (two.length === 2 && CUES.nameGenericLast.has(two[1]!) && two[0]!.length >= 5 && !CUES.nameGeneric.has(two[0]!) && !CUES.firstNames.has(two[0]!) && !ctx.includes(two[0]!) && !seen.has(two[0]!)) {
    seen.add(two[0]!);
    patterns.push({ alias: two[0]!.replace(/^[a-z]/, (c) => c.toUpperCase()), re: new RegExp(`(?<![a-z0-9])${phraseSource(two[0]!)}(?![a-z0-9])`, 'g'), compact: two[0]!, ambiguous: true, acronym: false, partial: true });
  }
  for (const p of derivedPatterns(school.name, namesNorm, seen)) patterns.push(p);
  // "Sir Thomas Pelham" (configured, or the name without its kind words): a titled person's name, not a possessive
  // nickname ("Sir Tom's")
  for (const p of patterns) {
    const words = normalise(p.alias).split(' ');
    if (p.ambiguous && !p.acronym && words.length >= 2 && CUES.personTitle.test(`${words[0]} `) && !/['’]s$/.test(p.alias.trim())) p.person = true;
  }
  for (const p of patterns) if (p.ambiguous && !p.kindOnly && sharedName(p)) p.shared = true;
  // longer names first so "Northgate Park Academy" wins over "Northgate Park"
  patterns.sort((a, b) => b.compact.length - a.compact.length);
  if ((school.context ?? []).some((c) => /\ball[\s-]through\b/i.test(c))) for (const k of ALL_THROUGH_KINDS) ownKinds.add(k);
  // "Ashgrove Bank Nurseries" also covers "Ashgrove Bank nursery"
  const excludeNorms = (school.exclude ?? []).map((e) => normalise(e)).filter(Boolean);
  const excludeTheOwn = excludeNorms.map((n) => n.startsWith('the ') && namesNorm.includes(n.slice(4)));
  const excludes = excludeNorms
    .map((n) => new RegExp(`(?<![a-z0-9])(?:${[n, ...numberVariants(n)].map(phraseSource).join('|')})(?![a-z0-9])`, 'g'));
  const context = ctx.length ? new RegExp(`(?<![a-z0-9])(?:${ctx.map(phraseSource).join('|')})(?![a-z0-9])`, 'g') : null;
  const contextCompacts = ctx.map((c) => c.replace(/\s+/g, '')).filter((c) => c.length >= 4);
  const kindInitials = normalise(school.name).split(' ').filter((w) => w && CUES.schoolWordExact.test(w)).map((w) => w[0]).join('');
  const staff = staffNames(school.context ?? []);
  const staffRaw = staffWritten(school.context ?? []);
  const contextPlaces = ctx.map((c) => c.replace(/[^a-z]/g, '')).filter(Boolean);
  const regions = ctx.filter((c) => CUES.region.test(c));
  const compiled = { patterns, excludes, excludeTheOwn, context, contextAny: context && new RegExp(context.source), ownKinds, names: namesNorm.join(' | '), contextCompacts, kindInitials, staff, staffRaw, contextPlaces, regions, contextNorm: ctx };
  patternCache.set(school, compiled);
  return compiled;
}

/**
 * A name that many things share: initials (a bank, a unit, a newspaper, a game show), "the" and one word (a pub, a
 * theatre, a club: "the Phoenix", "the Marlowe", "the Brook"), or a generic place word alone ("Vale", "Grange").
 */
function sharedName(p: Pick<Pattern, 'alias' | 'acronym'>): boolean {
  if (p.acronym) return true;
  const words = normalise(p.alias).split(' ').filter(Boolean);
  if (words.length === 2 && words[0] === 'the') return true;
  return words.length === 1 && CUES.nameGeneric.has(words[0]!);
}

/** Every word of the phrase is a kind or denomination word, one to three at a time ("ysgol gyfun", "sixth form college"). */
function kindWordsOnly(norm: string): boolean {
  const words = norm.split(' ').filter(Boolean);
  for (let i = 0; i < words.length; ) {
    let k = Math.min(3, words.length - i);
    while (k && !CUES.schoolWordExact.test(words.slice(i, i + k).join(' '))) k--;
    if (!k) return false;
    i += k;
  }
  return words.length > 0;
}

/** A teacher's title before a name in a school's context ("Mrs Okafor", "Dr Bhattacharya"; not "Fr", a priest). */
const STAFF_CONTEXT = /^(?:mr|mrs|ms|miss|mx|dr|sir)\.?\s+(.+)$/i;

/**
 * The surnames of staff the school names in its context ("Mr ap Gwyn" → "ap gwyn"), as one pattern over the fold
 * view; given names alone ("Fr Declan", "Mr Tom") say too little. Null when there are none.
 */
function staffNames(context: readonly string[]): RegExp | null {
  const out: string[] = [];
  for (const c of context) {
    const m = STAFF_CONTEXT.exec(c.trim());
    if (!m) continue;
    const words = normalise(m[1]!).split(' ').filter(Boolean);
    // "Mrs Jane Okafor" → "okafor"; "Mr ap Gwyn" keeps its particle
    const surname = words.length > 1 && !/^(?:ap|ab|van|von|de|del|da|di|le|la|mac|mc|o)$/.test(words[words.length - 2]!) ? words.slice(-1) : words.slice(-2);
    const phrase = surname.join(' ');
    if (phrase.replace(/\s/g, '').length < 4 || CUES.firstNames.has(phrase)) continue;
    out.push(phraseSource(phrase));
  }
  return out.length ? new RegExp(`(?<![a-z0-9])(?:${out.join('|')})(?![a-z0-9])`) : null;
}

/**
 * The surnames of staffNames as a person's name is written: capitalised ("Green", not "green deals"), with the title
 * before it caught in group 1 when there is one ("Mrs Green"). Null when there are none.
 */
function staffWritten(context: readonly string[]): RegExp | null {
  const out: string[] = [];
  for (const c of context) {
    const m = STAFF_CONTEXT.exec(c.trim());
    if (!m) continue;
    const words = m[1]!.trim().split(/\s+/).filter(Boolean);
    const surname = words.length > 1 && !/^(?:ap|ab|van|von|de|del|da|di|le|la|mac|mc|o)$/i.test(words[words.length - 2]!) ? words.slice(-1) : words.slice(-2);
    const phrase = surname.join(' ');
    const folded = normalise(phrase);
    if (folded.replace(/\s/g, '').length < 4 || CUES.firstNames.has(folded)) continue;
    const last = surname[surname.length - 1]!;
    surname[surname.length - 1] = last[0]!.toUpperCase() + last.slice(1);
    out.push(surname.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'));
  }
  return out.length ? new RegExp(`(?<![\\p{L}])((?:Mrs|Mr|Ms|Miss|Mx|Dr|Sir)\\.?\\s+(?:[\\p{Lu}][\\p{L}'’-]*\\s+)?)?(?:([\\p{Lu}][\\p{Ll}'’-]+)\\s+)?(${out.join('|')})(?![\\p{L}])`, 'u') : null;
}

/**
 * The name without its kind and denomination words, front and back ("ysgol gynradd bryn derwen" → "bryn derwen",
 * "st oswins catholic high school" → "st oswins"); undefined when nothing is left to tell it by (under 4 letters).
 */
function coreName(name: string): string | undefined {
  const words = normalise(name).split(' ').filter(Boolean);
  const strip = (fromEnd: boolean) => {
    for (let again = true; again && words.length; ) {
      again = false;
      for (let k = Math.min(3, words.length - 1); k >= 1; k--) {
        const part = fromEnd ? words.slice(-k) : words.slice(0, k);
        if (CUES.schoolWordExact.test(part.join(' '))) {
          words.splice(fromEnd ? words.length - k : 0, k);
          again = true;
          break;
        }
      }
    }
  };
  const welsh = words[0] === 'ysgol';
  strip(true);
  // "Kingsley Moor Infant and Nursery School": a joining word left between kinds goes with them
  while (words.length > 1 && /^(?:and|of)$/.test(words[words.length - 1]!)) {
    words.pop();
    strip(true);
  }
  strip(false);
  // "Ysgol Bro Penrhos": bro (district) belongs with ysgol; people write "Penrhos"
  if (welsh && words[0] === 'bro' && words.length > 1) words.shift();
  const core = words.join(' ');
  return core.replace(/\s/g, '').length >= 4 && core !== normalise(name) ? core : undefined;
}

/** The phrase with its last word in the other number: "nurseries" ↔ "nursery", "lodges" ↔ "lodge". */
function numberVariants(phrase: string): string[] {
  const m = /^(.* )?([a-z]{4,})$/.exec(phrase);
  if (!m) return [];
  const [head, last] = [m[1] ?? '', m[2]!];
  if (last.endsWith('ies')) return [`${head}${last.slice(0, -3)}y`];
  if (last.endsWith('y')) return [`${head}${last.slice(0, -1)}ies`];
  if (last.endsWith('s') && !last.endsWith('ss')) return [];
  return [`${head}${last}s`];
}

const INITIALS_SKIP = new Set(['of', 'the', 'and', 'for', 'a']);

/**
 * Capitalised words whose initials are these letters, joined as names are ("Kitchen & Home Appliances", "Our Lady
 * and St Anselm's"): initials spelt out in the item. Over the raw text (capitals matter).
 */
function speltOut(letters: string): RegExp | undefined {
  if (!/^[a-z]{2,6}$/.test(letters)) return undefined;
  const word = (ch: string) => `${ch.toUpperCase()}[\\p{Ll}'’]+`;
  const join = `(?:\\s*[&+]\\s*|\\s+(?:(?:and|of|for|the|de|du)\\s+)?|-)`;
  return new RegExp(`(?<![\\p{L}])${[...letters].map(word).join(join)}(?![\\p{L}])`, 'gu');
}

/** Initials spelt out in the item as something that is none of this school's names: what they stand for, or undefined. */
function speltAsAnother(raw: string, occ: Occurrence, compiled: Compiled): string | undefined {
  const re = occ.pattern.spelt;
  if (!re) return undefined;
  // once per item and initials, however often they occur in it
  if (speltMemo.raw !== raw) speltMemo = { raw, found: new Map() };
  if (speltMemo.found.has(re)) return speltMemo.found.get(re);
  let found: string | undefined;
  for (const m of raw.matchAll(re)) {
    const n = normalise(m[0]);
    if (!compiled.names.split(' | ').some((name) => name === n || name.startsWith(`${n} `))) {
      found = m[0];
      break;
    }
  }
  speltMemo.found.set(re, found);
  return found;
}
let speltMemo: { raw: string; found: Map<RegExp, string | undefined> } = { raw: '', found: new Map() };

/** A saint of that initial named in full in the item ("St Bartholomew's") that is none of the school's: the name, or undefined. Once per item, initial and school. */
function saintNamed(raw: string, initial: string, compiled: Compiled): string | undefined {
  if (saintMemo.raw !== raw) saintMemo = { raw, found: new Map() };
  const key = `${initial}\t${compiled.names}`;
  if (saintMemo.found.has(key)) return saintMemo.found.get(key);
  let found: string | undefined;
  MATCH_WORK.saintChars += raw.length;
  for (const full of raw.matchAll(new RegExp(`(?<![\\p{L}])(?:St|Saint)\\.? ${initial}\\p{Ll}{2,}(?:['’]s)?(?![\\p{L}])`, 'gu'))) {
    // the opponent in a fixture ("St B's beat St Benedict's 12-3") is another school, not what the initial stands for
    if (OPPONENT_BEFORE.test(raw.slice(Math.max(0, full.index! - 16), full.index!))) continue;
    if (!compiled.names.includes(normalise(full[0]).replace(/s$/, ''))) {
      found = full[0];
      break;
    }
  }
  saintMemo.found.set(key, found);
  return found;
}
/** Words before a school's name that make it the other side of a fixture. */
const OPPONENT_BEFORE = /(?<![\p{L}])(?:beat|beats|beating|v|vs|versus|against|lost to|losing to|drew with|draw with|played|playing|face|faced|facing)\.?\s+(?:the\s+)?$/iu;
let saintMemo: { raw: string; found: Map<string, string | undefined> } = { raw: '', found: new Map() };

/**
 * Short forms people write that nobody configures: "St B's" for a saint's name (any name or alias starting
 * "St <name>"), and the capital initials of the full name ("KBPS" for Kestrel Brook Primary School). Both are
 * ambiguous: they count only with school vocabulary or context, like any alias that does not say "school".
 */
function derivedPatterns(name: string, norms: string[], seen: Set<string>): Pattern[] {
  const out: Pattern[] = [];
  for (const norm of norms) {
    const saint = /^st ([a-z])[a-z]+/.exec(norm);
    if (!saint) continue;
    const key = `st ${saint[1]}s`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ alias: `St ${saint[1]!.toUpperCase()}'s`, re: new RegExp(`(?<![a-z0-9])(?:st\\.?|saint)\\s+${saint[1]}'s(?![a-z0-9])`, 'g'), compact: '', ambiguous: true, acronym: false });
  }
  // "the wee Brigid's principal", "from anselms": the saint's name alone, possessive, when it is no common given name
  // (then "Michael's" is more often a person's)
  for (const norm of norms) {
    const saint = /^st ([a-z]{4,})s\b/.exec(norm);
    if (!saint || CUES.firstNames.has(saint[1]!) || seen.has(`${saint[1]}s`)) continue;
    seen.add(`${saint[1]}s`);
    out.push({ alias: `${saint[1]!.replace(/^[a-z]/, (c) => c.toUpperCase())}'s`, re: new RegExp(`(?<![a-z0-9])(?<!st\\.? |saint )${saint[1]}(?:'s|s)(?![a-z0-9])`, 'g'), compact: `${saint[1]}s`, ambiguous: true, acronym: false, partial: true });
  }
  const words = normalise(name).split(' ').filter((w) => w && !INITIALS_SKIP.has(w));
  const initials = words.map((w) => w[0]).join('');
  if (words.length >= 3 && initials.length <= 6 && /^[a-z]+$/.test(initials) && !seen.has(initials)) {
    seen.add(initials);
    out.push({ alias: initials.toUpperCase(), re: new RegExp(`(?<![a-z0-9])${initials}(?![a-z0-9])`, 'g'), compact: '', ambiguous: true, acronym: true, capitalsOnly: true, spelt: speltOut(initials) });
  }
  return out;
}

interface Occurrence {
  pattern: Pattern;
  start: number;
  end: number;
  via: 'text' | 'tag';
  /** For a tag, what follows the name in it ("fc" in #HartfellFC). */
  tagExtra?: string;
}

const TAG = /[#@][\p{L}\p{N}_]+/gu;

/** Letters of `part` appear in `whole` in order ("ja" in "cja"). */
function subsequence(part: string, whole: string): boolean {
  let i = 0;
  for (const ch of whole) if (ch === part[i]) i++;
  return i === part.length;
}

/** Straight after a name, a score and a side named by capitalised words (group 1), in either order ("22 Treharris 17", "22 – 17 Llandeilo"). */
const SCORELINE = /^\s+\d{1,3}\s*(?:[-–—]\s*\d{1,3}\s+(\p{Lu}[\p{L}'’.]*(?:\s+\p{Lu}[\p{L}'’.]*){0,3})|,?\s+(?=\p{Lu})(\p{Lu}[\p{L}'’.]*(?:\s+\p{Lu}[\p{L}'’.]*){0,3})\s+\d{1,3}(?![\p{L}\p{N}:]))/u;
const MONTH = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;

/** "Ysgol Bryn" of "Ysgol Bryn Derw": the first words of the full name, ending on a word that is no kind of school. */
function truncatedName(alias: string, name: string): boolean {
  const a = alias.split(' ');
  const n = name.split(' ');
  return a.length >= 2 && a.length < n.length && a.every((w, i) => w === n[i]) && !CUES.schoolWordExact.test(a[a.length - 1]!);
}

/** A body named "<Name> <Kind> of <Capitalised>" ("Kinbrae Academy of Dance"; not "School of the Year"): group 1 its kind. */
const KIND_OF_BODY = /[\p{Lu}][\p{L}'’]+\s+(Academy|College|School|Grammar)\s+of\s+(?!the\b)[\p{Lu}][\p{L}]+/u;

/** A possessive determiner straight before initials ("my TA", "our HT"). */
const POSSESSIVE_BEFORE = /(?<![a-z0-9])(?:my|our|your|his|her|their)\s+$/;

/** Initials as a school's acronym pattern writes them ("KGS" → "kgs"); none for other patterns. */
function initialsOf(x: Pattern): string {
  return x.acronym ? x.alias.toLowerCase().replace(/[^a-z0-9]/g, '') : '';
}

/**
 * Round 9: a tag (lower case, `word`; as typed, `typed`) written as schools write their handles, when it does not start
 * with a name: "the" dropped ("@GrangeLowfold" for "The Grange Lowfold"); the kinds' initials first ("@YGCwmTawelan" for
 * Ysgol Gyfun Cwm Tawelan; `handle`: it is the school's own); initials, configured or derived, alone in capitals
 * ("#KGS") or with a handle word after them ("@kvaofficial": `handle-suffix`). `consumed`: how much of the word the name takes.
 */
function handleWritten(word: string, typed: string, patterns: readonly Pattern[], kindInitials: string): { pattern: Pattern; consumed: number; handle: boolean } | undefined {
  const theDropped = patterns.find((x) => /^the\s/i.test(x.alias) && x.compact.length >= 9 && word.startsWith(x.compact.slice(3)) && word.length - x.compact.length + 3 <= 12);
  if (theDropped) return { pattern: theDropped, consumed: theDropped.compact.length - 3, handle: false };
  if (kindInitials.length >= 2 && word.startsWith(kindInitials)) {
    const rest = word.slice(kindInitials.length);
    const named = patterns.find((x) => !x.acronym && x.compact.length >= 6 && rest.startsWith(x.compact) && rest.length - x.compact.length <= 12);
    if (named) return { pattern: named, consumed: kindInitials.length + named.compact.length, handle: true };
  }
  const initials = patterns.find((x) => {
    const i = initialsOf(x);
    return i.length >= 2 && ((word === i && typed === typed.toUpperCase()) || (word.startsWith(i) && CUES.handleSuffix.has(word.slice(i.length))));
  });
  return initials && { pattern: initials, consumed: word.length, handle: false };
}

/** Text before initials ends in a quantity ("968 ", "30") and not a year group or room ("Year 11 ", "Y7 "). */
function afterQuantity(before: string): boolean {
  const num = /(?<![a-z0-9])(\d+)\s?$/.exec(before) ?? /(?<=[a-z])(\d+)\s?$/.exec(before);
  return num !== null && !/(?:year|yr|y|years|class|room|form|set|group)\s*$/.test(before.slice(0, num.index));
}

function findOccurrences(view: TextView, patterns: Pattern[], raw: string, compiled: Pick<Compiled, 'contextCompacts' | 'kindInitials'>): Occurrence[] {
  const { contextCompacts, kindInitials } = compiled;
  const out: Occurrence[] = [];
  const taken: [number, number][] = [];
  const free = (s: number, e: number) => !taken.some(([a, b]) => s < b && a < e);
  for (const p of patterns) {
    // initials written as a unit anywhere in the item ("850 kPa") are that unit throughout ("quoted KPA in the spec")
    let unit = false;
    const mine: Occurrence[] = [];
    for (const m of view.text.matchAll(p.re)) {
      const s = m.index!;
      const e = s + m[0].length;
      if (!free(s, e)) continue;
      // inside a hashtag/handle word it is handled below, unless the name goes on past it with spaces ("replying to
      // @Bryn Hafod School:" is the school's handle written out)
      if (s > 0 && /[#@]/.test(view.text[s - 1]!) && !/\s/.test(m[0])) continue;
      // derived initials only in capitals: "KBPS" is the school, "kbps" a download speed
      if (p.capitalsOnly && raw.slice(view.start[s]!, view.end[e - 1]!) !== raw.slice(view.start[s]!, view.end[e - 1]!).toUpperCase()) continue;
      // initials that are also a chat abbreviation, written as one in lower case ("cba with school tmrw": can't be
      // bothered), are the abbreviation
      if (p.acronym && CUES.textSpeak.has(m[0]) && raw.slice(view.start[s]!, view.end[e - 1]!) === m[0]) continue;
      // initials written as a unit are not a name: "968 hPa", "30 kVA"
      // written as a unit ("kPa") it is that unit throughout the item; after a count only there ("the 12 FNA pupils … FNA
      // is the best": a count of the school's pupils, not a unit)
      if (p.acronym && /\p{Ll}\p{Lu}/u.test(raw.slice(view.start[s]!, view.end[e - 1]!))) {
        unit = true;
        continue;
      }
      if (p.acronym && afterQuantity(view.text.slice(Math.max(0, s - 16), s))) continue;
      // round 9: initials after a possessive are a role or a thing of someone's ("my TA", "our HT", "her GP"), not a
      // school: people say "my school", not "my <initials>"
      if (p.acronym && POSSESSIVE_BEFORE.test(view.text.slice(Math.max(0, s - 8), s))) continue;
      mine.push({ pattern: p, start: s, end: e, via: 'text' });
    }
    if (unit) continue;
    for (const o of mine) {
      if (!free(o.start, o.end)) continue;
      taken.push([o.start, o.end]);
      out.push(o);
    }
  }
  for (const m of view.text.matchAll(TAG)) {
    const word = m[0].slice(1).replace(/_/g, '');
    const s = m.index!;
    const e = s + m[0].length;
    // the tag must start with the name; a known suffix (RC, Ashworth, School…) may follow. Initials of two or three
    // letters only with the school's town after them (@OLSABrindlecote, @BFAOusebridge)
    // initials may share their last letter with the town's first ("@HHSaddlebridge" for HHS of Saddlebridge)
    const withTown = (x: Pattern) => x.compact.length >= 2 && word.length > x.compact.length && (contextCompacts.includes(word.slice(x.compact.length)) || (x.acronym === true && contextCompacts.includes(word.slice(x.compact.length - 1))));
    const found = patterns.find((x) => x.compact.length >= 4 && word.startsWith(x.compact) && word.length - x.compact.length <= 12) ?? patterns.find((x) => word.startsWith(x.compact) && withTown(x));
    const written = found ? undefined : handleWritten(word, raw.slice(view.start[s + 1]!, view.end[e - 1]!), patterns, kindInitials);
    const p = found ?? written?.pattern;
    const consumed = found ? found.compact.length : (written?.consumed ?? 0);
    const handle = written?.handle ?? false;
    if (p && free(s, e)) {
      taken.push([s, e]);
      const extra = word.slice(consumed);
      // a tag that adds a school word or the school's town is unambiguous: #NorthgateParkAcademy, @OLSABrindlecote
      const upgraded = p.ambiguous && (handle || withTown(p) || (extra.length >= 2 && subsequence(extra, kindInitials)) || CUES.schoolWord.test(extra.replace(/(academy|school|college|primary|high|infants?|juniors?|rc|ce|cofe|sch|schl)/, ' $1 ')));
      out.push({ pattern: upgraded ? { ...p, ambiguous: false } : p, start: s, end: e, via: 'tag', tagExtra: extra });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** How far the clause of another school or place of the same name reaches after it (characters). */
const OTHER_CLAUSE = 80;
/** School vocabulary an item that never names the school needs, besides one of its places (specific words only). */
const UNNAMED_SUPPORT = 0.9;
/** Its town's parents' group, and a titled adult named by surname in it ("Miss" is how children name a teacher). */
const GROUP_SUPPORT = 0.5;
const TITLED_PERSON = 0.2;
const TITLED_MISS = 0.4;
/** What a titled adult by surname adds to school life, by title ("Miss" is how children name a teacher). */
function titledWeight(title: string | undefined): number {
  return title === 'Miss' ? TITLED_MISS : TITLED_PERSON;
}
/** One of the school's staff named in its context ("Mrs Okafor"), by surname in an item: as strong as the name. */
const STAFF_NAMED = 1;
const TITLED_SURNAME = /(?<![\p{L}])(Miss|Mrs|Mr|Ms|Mx|Sir)\.? [\p{Lu}][\p{Ll}'’-]+/u;
/** After a titled surname, what makes it a work's title ("Mr Bates vs the Post Office", "Mrs Brown v the Taxman"): no teacher. */
const TITLE_OF_WORK_AFTER = /^\s+(?:vs\.?|v\.?|versus)\s/iu;
const TITLED_SURNAMES = new RegExp(TITLED_SURNAME.source, 'gu');

/**
 * A titled surname as pupils type it, all in lower case ("mr hollis", "mrs bellamy-shaw"): only the titles that are no
 * other word ("miss" is a verb, "sir" an answer), and not a couple ("mr and mrs").
 */
const TITLED_SURNAME_LOWER = /(?<![\p{L}])(?<!(?:and|&) )(mrs|mr|ms)\.? (?!(?:and|or|n)(?![\p{L}]))\p{Ll}[\p{Ll}'’-]+/u;
const TITLED_SURNAMES_LOWER = new RegExp(TITLED_SURNAME_LOWER.source, 'gu');

/** The first titled adult by surname that is a person, not a TV or film title ("Mr Bates vs the Post Office"). */
function titledPerson(raw: string): RegExpExecArray | undefined {
  for (const [one, all] of [[TITLED_SURNAME, TITLED_SURNAMES], [TITLED_SURNAME_LOWER, TITLED_SURNAMES_LOWER]] as const) {
    // cheap test first: most items name no titled adult
    if (!one.test(raw)) continue;
    for (const t of raw.matchAll(all)) {
      if (!TITLE_OF_WORK_AFTER.test(raw.slice(t.index! + t[0].length, t.index! + t[0].length + 12))) return t as RegExpExecArray;
    }
  }
  return undefined;
}

/** Place hits not inside a longer school phrase ("carers" in "parents and carers"). */
function uncovered<T extends { start: number; end: number }>(place: T[], school: readonly { start: number; end: number }[]): T[] {
  return place.filter((p) => !school.some((s) => s.start <= p.start && p.end <= s.end && s.end - s.start > p.end - p.start));
}
/** "St Mary's Primary", "Kirkvale High School": another school named in the item. */
const OTHER_SCHOOL = /\b[A-Z][\p{L}'’-]+(?: [A-Z][\p{L}'’-]+){0,5} (?:Primary|High|Academy|School|College|Grammar|Infants?|Juniors?)\b/u;

/**
 * An item that never names the school but names one of its places or its trust (a context word that is not school
 * vocabulary: "Quarry Lane Parents | the Year 8 letter…", "Kirkvale Mums & Dads | … the head won't answer") and
 * speaks of school life in specific words, with no place-ness and no other school named: the school's community
 * talking about it. The town alone, or generic words (kids, staff), are not enough.
 */
function unnamed(item: { title: string; text: string }, view: TextView, compiled: Compiled, textOffset: number, tuning: MentionTuning): MatchResult | undefined {
  // cheap tests first: most items that do not name the school name none of its places either
  const placed = compiled.contextAny?.test(view.text) ?? false;
  if (!placed && tuning.unnamedSupport === Infinity) return undefined;
  // without one of its places only its staff, or a titled adult by surname (titledUnnamed), can make the item the school's
  if (!placed && !compiled.staff?.test(view.text) && !titledPerson(joinFields(item))) return undefined;
  // what the item says whatever the school, read once for all the schools it is matched against
  const said = schoolLife(item, view);
  if (said.otherSchool || namesElsewhere(item, compiled)) return undefined;
  // one of its own staff by surname ("Okafor fumbled the phone ban"): the school's person, unless place words outweigh
  const staff = compiled.staff?.exec(view.text);
  // written as a person's name (capitalised), and either titled ("Mrs Green") or among specific school words: "green
  // deals all week long" is no Mrs Green or Mr Long
  const written = staff ? compiled.staffRaw?.exec(joinFields(item)) : undefined;
  // a known given name before it ("Olumide Okonjo-Price") or a double-barrelled surname is a person's name too
  const person = written && (written[1] || (written[2] && CUES.firstNames.has(normalise(written[2]))) || written[3]!.includes('-'));
  if (staff && written && (person || said.support > 0) && STAFF_NAMED + said.support > said.against) {
    const occ: Occurrence = { pattern: { alias: staff[0], re: /$^/, compact: '', ambiguous: true, acronym: false }, start: staff.index, end: staff.index + staff[0].length, via: 'text' };
    return { mentioned: true, reason: `not named, but one of its staff ("${staff[0]}") is`, evidence: evidenceOf(item, view, occ, textOffset, item.title.length) };
  }
  let ctx: { start: number; end: number } | undefined;
  // its own places are no place-ness ("Market Rasen", "Haydock" are racing venues too)
  const own: { start: number; end: number }[] = [];
  if (placed) {
    for (const m of view.text.matchAll(compiled.context!)) {
      const start = m.index!;
      const end = start + m[0].length;
      own.push({ start, end });
      // "special school", "EHCP", "S1" in a context list are school words, not places
      if (ctx || CUES.schoolWord.test(m[0]) || said.school.some((h) => h.start < end && start < h.end)) continue;
      ctx = { start, end };
    }
  }
  let against = said.against;
  if (own.length && said.place.some((h) => insideAny(own, h))) {
    against = termSum(said.place.filter((h) => !insideAny(own, h)), 0);
  }
  // none of its own places named: school life alone is any school's (an alert or a paper's education feed returns
  // "pupils in Sheffield were given detentions" for every school), so the item is not this one's
  if (!ctx) return titledUnnamed(item, view, said, tuning, textOffset);
  let support = said.support;
  // its town's parents' group ("Ambridge Mums & Dads |") speaking of a titled adult by surname ("Miss Hartley"):
  // neither is enough alone (a group asks about plumbers; Mr Hartley may be one), together with a little more they are
  if (CUES.parentsGroup.test(view.text.slice(ctx.end, ctx.end + 40))) support += GROUP_SUPPORT + (said.titled ? titledWeight(said.titled) : 0);
  if (support < UNNAMED_SUPPORT || against >= tuning.noiseFloor) return undefined;
  const where = view.text.slice(ctx.start, ctx.end);
  const occ: Occurrence = { pattern: { alias: where, re: /$^/, compact: '', ambiguous: true, acronym: false }, start: ctx.start, end: ctx.end, via: 'text' };
  const reason = `not named, but its place "${where}" with school vocabulary (${fmt(support)})`;
  return { mentioned: true, reason, evidence: evidenceOf(item, view, occ, textOffset, item.title.length) };
}

/** Parents in a group's name ("Lindenmoor Mums", "Hatton Parents"): the school's parents, not the place's community. */
const PARENTS_WORD = /(?<![a-z])(?:mums|mams|mammies|mummies|mommies|mamas|parents|dads|families)(?![a-z])/;

/** Right after the name, a community group that is not its parents' ("Kinbrae Community Chat", "Kinbrae Matters"). */
function communityGroupAfter(view: TextView, occ: Occurrence): boolean {
  const g = CUES.parentsGroup.exec(view.text.slice(occ.end, occ.end + 40));
  return (g !== null && !PARENTS_WORD.test(g[0])) || districtGroup(view, occ);
}

/**
 * Round 9b: right after the name, a place word that is no street and then a community group ("Brantwick Bay Residents",
 * "Kinbrae Harbour Chat"): the district's page. Not a street's residents ("Royal Oak Close residents": an address), nor
 * the name's own page ("St Oswin's Facebook page").
 */
function districtGroup(view: TextView, occ: Occurrence, anyWord = false): boolean {
  const next = view.text.slice(occ.end, occ.end + 50);
  const place = /^\s+([a-z][a-z'-]*)/.exec(next);
  // anyWord: properNameAfter's capitalised word ("Brantwick Bay Residents"), whatever place it names
  if (!place || STREET_AFTER.test(next) || (!anyWord && !CUES.placeNext.test(next.slice(place[0].length - place[1]!.length)))) return false;
  const g = CUES.parentsGroup.exec(next.slice(place[0].length));
  return g !== null && !PARENTS_WORD.test(g[0]);
}

/** Whether a span lies inside one of spans (sorted by start, not overlapping), by binary search. */
function insideAny(spans: readonly { start: number; end: number }[], h: { start: number; end: number }): boolean {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.start <= h.start) lo = mid + 1;
    else hi = mid;
  }
  const o = spans[lo - 1];
  return o !== undefined && h.end <= o.end;
}

/**
 * School life (its titled adult included) an item naming no place at all needs: the bar of an item naming one of its
 * places (UNNAMED_SUPPORT), not tuned (0.5 and 0.7 were no worse on the sets read for it, blind-2026-11-30f/g and the
 * corpora a–u).
 */
const UNNAMED_TITLED = UNNAMED_SUPPORT;
/** First or second person, "anyone", an emoji: the writer speaks as one of a community, not as a reporter or a narrator. */
const COMMUNITY_VOICE = /(?<![\p{L}'’])(?:i|i'm|i've|i'll|i'd|me|my|we|we're|we've|us|our|you|your|you're|you've|anyone|anybody)(?![\p{L}'’])|\p{Extended_Pictographic}/iu;
/** A form group written as schools write it ("9W", "10B"). */
const FORM_GROUP = /(?<![\p{L}\p{N}])(?:[7-9]|1[0-3])[A-Z](?![\p{L}\p{N}])/u;

/**
 * An item that names neither the school nor any place (its own or another: namesElsewhere has been read) but a
 * titled adult by surname ("Mrs Pryce deserves a medal for putting up with 9W", "Mr Hale gave our lad a detention for
 * a missing tie"): a teacher of the feed's school spoken of by its community. News from everywhere names its
 * places and schools; a titled surname with specific school life, no place-ness and no other school does not.
 */
function titledUnnamed(item: { title: string; text: string }, view: TextView, said: SchoolLife, tuning: MentionTuning, textOffset: number): MatchResult | undefined {
  if (!said.titled || said.against >= tuning.noiseFloor) return undefined;
  const support = said.support + titledWeight(said.titled);
  if (support < UNNAMED_TITLED) return undefined;
  const raw = joinFields(item);
  // someone of its community speaking (I, my, we, our, you: "I've emailed her", "ring Mr Prys if you have to") or a form
  // group: news quoting a minister, union leader or head, and a teacher in a book ("Miss Trunchbull") say none of them
  if (!COMMUNITY_VOICE.test(raw) && !FORM_GROUP.test(raw)) return undefined;
  const t = titledPerson(raw)!;
  // the titled surname as the evidence: its place in the fold view
  const at = view.start.findIndex((r) => r >= t.index);
  const occ: Occurrence = { pattern: { alias: t[0], re: /$^/, compact: '', ambiguous: true, acronym: false }, start: Math.max(0, at), end: Math.max(0, at) + t[0].length, via: 'text' };
  return { mentioned: true, reason: `not named, nor any place, but a titled adult ("${t[0]}") with school vocabulary (${fmt(support)})`, evidence: evidenceOf(item, view, occ, textOffset, item.title.length) };
}

/** Another place or school, or the nation: "in Sheffield", "from Northgate", "Ysgol Glan Clwyd", "St Mary's", "Nationally", "the DfE said". */
const ELSEWHERE_AT = /(?<![\p{L}])(?:in|at|from|near) ((?:[\p{Lu}][\p{L}'’-]+)(?: [\p{Lu}][\p{L}'’-]+){0,3})/gu;
const ELSEWHERE_NAMED = /(?<![\p{L}])(?:Ysgol [\p{Lu}]|(?:St|Saint)\.? [\p{Lu}][\p{L}]+(?:'s|’s)?|Nationally|nationwide|across the (?:country|UK)|(?:the )?DfE|Department for Education|Education Secretary)(?![\p{L}])/u;

/** Capitalised words after "in"/"at" that are times, year groups or the like, not places. */
const NOT_A_PLACE = /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Year|Years|Reception|Key Stage|KS\d|Christmas|Easter|Half Term|Sixth Form|Nursery|Assembly|Parents|English|Maths|Science|Mrs|Mr|Ms|Miss|Mx|Dr|Sir|I|The School|School|Our|My|Your|This|That)\b/;

/** Whether letters ("pt", "kb") could be short for a place ("pentre", "kingsbromley"): its first letter, then the rest in order. */
function abbreviates(letters: string, place: string): boolean {
  if (!letters || letters[0] !== place[0]) return false;
  let i = 1;
  for (let j = 1; j < place.length && i < letters.length; j++) if (place[j] === letters[i]) i++;
  return i === letters.length;
}

/** Whether an item names a place or school that is not one of the school's own context places, or national news. */
function namesElsewhere(item: { title: string; text: string }, compiled: Compiled): boolean {
  const raw = joinFields(item);
  if (ELSEWHERE_NAMED.test(raw)) return true;
  for (const m of raw.matchAll(ELSEWHERE_AT)) {
    const name = normalise(m[1]!);
    // a subject or the like ("the boys in PE", "at Chess Club") is school life, not a place
    if (NOT_A_PLACE.test(m[1]!) || CUES.nameNextWord.test(name)) continue;
    const own = (compiled.contextAny?.test(name) ?? false) || compiled.names.includes(name);
    if (!own) return true;
  }
  return false;
}

interface SchoolLife {
  /** Another school named ("St Mary's Primary"): the item is about that one. */
  otherSchool: boolean;
  school: readonly { start: number; end: number; term: string; weight: number }[];
  /** Specific school vocabulary, each term once. */
  support: number;
  /** Place-ness, each term once. */
  against: number;
  /** The place words behind it (fold-view positions). */
  place: readonly { start: number; end: number; term: string; weight: number }[];
  /** The title of an adult named by surname ("Mrs" in "Mrs Pendry"), if any. */
  titled: string | undefined;
}

/** Hits weighing more than min, each term once at its best weight, summed ("Year 7 maths" 1.6, "behaviour" 0.5). */
function termSum(hits: readonly { term: string; weight: number }[], min: number): number {
  const best = new Map<string, number>();
  for (const h of hits) if (h.weight > min) best.set(h.term, Math.max(best.get(h.term) ?? 0, h.weight));
  return [...best.values()].reduce((a, b) => a + b, 0);
}

/** The last item read by schoolLife: matchSchool runs for every school on the same item. */
let lifeMemo: { text: string; raw: string; life: SchoolLife } | undefined;

/** What an item says of school life and of places, whichever school it is matched against. */
function schoolLife(item: { title: string; text: string }, view: TextView): SchoolLife {
  // keyed on the raw text too: another school and a titled adult are read on its capitals, which the fold view drops
  const raw = joinFields(item);
  if (lifeMemo?.text === view.text && lifeMemo.raw === raw) return lifeMemo.life;
  const otherSchool = OTHER_SCHOOL.test(raw);
  const hits = otherSchool ? new Map() : CUES.vocabulary.matchText(view.text);
  const school = hits.get('school-cue') ?? [];
  const place = uncovered([...(hits.get('place-cue') ?? []), ...(hits.get('not-this') ?? [])], school);
  const life = { otherSchool, school, support: termSum(school, GENERIC), against: termSum(place, 0), place, titled: titledPerson(raw)?.[1] };
  lifeMemo = { text: view.text, raw, life };
  return life;
}

/** Names this long may be misspelt by one edit and still be found; this long, by two. */
const FUZZY_ONE = 7;
const FUZZY_TWO = 12;
const FUZZY_WORD = /[a-z0-9]+(?:'[a-z]+)?/g;

/**
 * Misspellings of a configured name or alias (not initials): a run of one to n+1 words (n = the name's words)
 * whose letters, spaces dropped, are within one edit (Damerau: a swap counts one) of the name's, two for names of
 * FUZZY_TWO letters or more, same first letter. Run only when no exact name is found, so it costs nothing on
 * the usual item. Each is ambiguous.
 */
function fuzzyOccurrences(view: TextView, patterns: Pattern[]): Occurrence[] {
  const targets = patterns.filter((p) => !p.acronym && !p.partial && p.compact.length >= FUZZY_ONE && /^[a-z]+$/.test(p.compact));
  if (!targets.length) return [];
  const words = [...view.text.matchAll(FUZZY_WORD)].map((m) => ({ start: m.index!, end: m.index! + m[0].length, w: m[0].replace(/'/g, '') }));
  const out: Occurrence[] = [];
  let next = 0;
  for (let i = 0; i < words.length; i++) {
    if (words[i]!.start < next) continue;
    found: for (const p of targets) {
      const k = p.compact.length >= FUZZY_TWO ? 2 : 1;
      if (words[i]!.w[0] !== p.compact[0]) continue;
      let cand = '';
      const maxWords = p.alias.split(/\s+/).length + 1;
      for (let n = 0; n < maxWords && i + n < words.length; n++) {
        // words of one name are next to each other
        if (n && !/^[\s\-'.]{1,2}$/.test(view.text.slice(words[i + n - 1]!.end, words[i + n]!.start))) break;
        cand += words[i + n]!.w;
        if (cand.length > p.compact.length + k) break;
        if (cand.length < p.compact.length - k) continue;
        if (withinEdits(cand, p.compact, k)) {
          out.push({ pattern: { ...p, alias: `${p.alias} (misspelt)`, ambiguous: true, misspelt: true }, start: words[i]!.start, end: words[i + n]!.end, via: 'text' });
          next = words[i + n]!.end;
          break found;
        }
      }
    }
  }
  return out;
}

/** Optimal-string-alignment distance of a and b is at most k (a swap of neighbours counts one). */
function withinEdits(a: string, b: string, k: number): boolean {
  if (a === b) return false; // exact forms are the regex's; here only misspellings
  const n = a.length;
  const m = b.length;
  let prev2: number[] = [];
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  for (let i = 1; i <= n; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > k) return false;
    prev2 = prev;
    prev = cur;
  }
  return prev[m]! <= k;
}

function evidenceOf(item: { title: string; text: string }, view: TextView, occ: Occurrence, textOffset: number, titleLen: number): Evidence {
  const start = view.start[occ.start]!;
  const end = view.end[occ.end - 1]!;
  const raw = joinFields(item);
  if (textOffset >= 0 && start >= textOffset) return { field: 'text', start: start - textOffset, end: end - textOffset, text: raw.slice(start, end), category: 'match' };
  return { field: 'title', start, end: Math.min(end, titleLen), text: raw.slice(start, Math.min(end, titleLen)), category: 'match' };
}

function joinFields(item: { title: string; text: string }): string {
  const t = item.title ?? '';
  const x = item.text ?? '';
  return t && x ? `${t}\n${x}` : t || x;
}

export function matchSchool(item: { title: string; text: string }, school: MatchableSchool, tuning: MentionTuning = MENTION_TUNING): MatchResult {
  const compiled = compile(school);
  const { patterns, excludes } = compiled;
  const title = item.title ?? '';
  const text = item.text ?? '';
  const raw = joinFields({ title, text });
  const textOffset = text ? (title ? title.length + 1 : 0) : -1;
  let view = foldText(raw);
  let occurrences = findOccurrences(view, patterns, raw, compiled);
  if (!occurrences.length) {
    // leetspeak and masked spellings of the name ("K3str3l Br00k")
    const clean = cleanText(view);
    if (clean.text !== view.text) {
      occurrences = findOccurrences(clean, patterns, raw, compiled);
      view = clean;
    }
  }
  if (!occurrences.length) {
    // a misspelt name ("Gorsbrook", "Priory Meade"): weighed like any ambiguous alias
    occurrences = fuzzyOccurrences(view, patterns);
  } else if (occurrences.every((o) => o.pattern.partial)) {
    // "Larkspur Hil": the first word alone is found, but the whole name misspelt says more
    const fuzzy = fuzzyOccurrences(view, patterns);
    if (fuzzy.length) occurrences = [...fuzzy, ...occurrences.filter((o) => !fuzzy.some((f) => f.start < o.end && o.start < f.end))].sort((a, b) => a.start - b.start);
  }
  if (!occurrences.length) return unnamed({ title, text }, view, compiled, textOffset, tuning) ?? { mentioned: false, reason: 'no name or alias found' };

  const excluded: Span[] = [];
  for (const [i, re] of excludes.entries())
    for (const m of view.text.matchAll(re)) {
      // round 9b: an exclusion that is "the" and the school's own name ("The Tanner's Mead", a pub) does not take "the
      // Tanner's Mead newsletter": a school word straight after says the name is the school's, "the" is the newsletter's
      if (compiled.excludeTheOwn[i] && schoolWordNext(view, m.index! + m[0].length)) continue;
      excluded.push({ start: m.index!, end: m.index! + m[0].length, phrase: m[0] });
    }

  let evidence: ItemEvidence | undefined;
  let lastReason = '';
  // the same name already read as another place or school in this item ("Marshfield Church of England Primary …
  // the village of Marshfield"): it claims the bare name later on, as a configured exclusion would
  let claimed: string | undefined;
  let streetClaim: string | undefined;
  const read = new Map<Occurrence, { away: string | undefined; hard: Decision | undefined }>();
  let firstAway: string | undefined;
  // the school's full name read as a club's once ("Thornleigh Juniors FC | … Thornleigh Juniors 2-2 Wellbrook"):
  // the same words are the club's throughout the item
  const clubbed = new Set<string>();
  // each club word read once: the main pass below takes them from here
  const clubs = new Map<Occurrence, RegExpExecArray>();
  for (const occ of occurrences) {
    const club = occ.pattern.ambiguous ? null : CUES.clubNext.exec(view.text.slice(occ.end, occ.end + 30));
    if (!club) continue;
    clubs.set(occ, club);
    clubbed.add(view.text.slice(occ.start, occ.end));
  }
  for (const occ of occurrences) {
    if (excluded.some((x) => !x.other && x.start <= occ.start && x.end >= occ.end)) continue;
    const after = view.text.slice(occ.end, occ.end + 40).replace(/^[\s,.'’-]+/, '');
    const away = elsewhere(view, raw, occ, compiled);
    if (away) firstAway ??= view.text.slice(occ.start, occ.end);
    const hard = !away && occ.pattern.ambiguous ? anotherNamed(view, raw, occ, after, compiled) : undefined;
    // read once: the main pass below takes them from here
    read.set(occ, { away, hard });
    const other = away ? `${view.text.slice(occ.start, occ.end)} in ${away}` : hard?.other;
    if (!other) continue;
    // round 9b: a same-named street ("… not Tanner's Mead Road") is an address: it says the name is a place's too, but
    // claims the item's other uses only weakly (STREET_CLAIM: school life near them outweighs it)
    if (hard && streetNamed(view, occ)) streetClaim ??= other;
    else claimed ??= other;
    // what the clause naming the other school or place says is about it ("Hartfell Primary School in Stirling has
    // been rated …"), not school vocabulary for this one
    const stop = /[.;:!?\n|]/.exec(view.text.slice(occ.end, occ.end + OTHER_CLAUSE));
    excluded.push({ start: occ.start, end: occ.end + (stop ? stop.index : OTHER_CLAUSE), phrase: other, other: true });
  }
  let weighed = 0;
  for (const occ of occurrences) {
    const cover = excluded.find((x) => !x.other && x.start <= occ.start && x.end >= occ.end);
    if (cover) {
      lastReason = `excluded by "${cover.phrase}"`;
      continue;
    }
    const after = view.text.slice(occ.end, occ.end + 40).replace(/^[\s,.'’-]+/, '');
    const how = occ.via === 'tag' ? `tag "${view.text.slice(occ.start, occ.end)}"` : `${occ.pattern.alias === school.name ? 'name' : 'alias'} "${occ.pattern.alias}"`;
    // straight after it (a comma before "St Aidan's" starts another name, not a street)
    const next = view.text.slice(occ.end, occ.end + 30);
    const streetWord = occ.pattern.ambiguous ? null : /^(?:'s)?\s+(?:street|st(?!\.?\s+[a-z]+'s\b)|road|rd|lane|avenue|close|drive|church|chapel|parish)\b/.exec(next);
    // written as a name ("… College Close"), or in text written all in lower case: "… College close its sixth form" is a verb
    if (streetWord && namesLikeName(raw, view, occ.start, occ.end + streetWord[0].search(/[a-z]+$/))) {
      lastReason = `${how} is part of a street or church name`;
      continue;
    }
    // "Thornleigh Juniors FC": a club named after the school's name is not the school
    const club = clubs.get(occ);
    if (club || (!occ.pattern.ambiguous && clubbed.has(view.text.slice(occ.start, occ.end)))) {
      lastReason = `${how} is part of a club's name ("${view.text.slice(occ.start, occ.end)}${club?.[0] ?? ''}")`;
      claimed ??= view.text.slice(occ.start, occ.end);
      continue;
    }
    // "Wenlow Bridge Academy of Dance", "… College of Art": a longer name of another body (the school's own longer
    // name would have matched as itself)
    if (!occ.pattern.ambiguous && occ.via === 'text' && CUES.schoolKind.test(occ.pattern.alias.toLowerCase().split(/\s+/).pop() ?? '')) {
      const of = /^\s+of\s+(?:the\s+)?([\p{Lu}][\p{L}'’-]+)(\s+[\p{Lu}][\p{Ll}'’-]+)?/u.exec(raw.slice(view.end[occ.end - 1]!, view.end[occ.end - 1]! + 40));
      // not a person photographed there ("a pic through the fence at X Academy of Tyler Winstanley")
      const person = of && (CUES.firstNames.has(of[1]!.toLowerCase()) || (of[2] !== undefined && PHOTO_BEFORE.test(view.text.slice(Math.max(0, occ.start - 60), occ.start))));
      if (of && !person && !compiled.contextAny?.test(normalise(of[1]!))) {
        lastReason = `${how} is part of another name ("${raw.slice(view.start[occ.start]!, view.end[occ.end - 1]!)} of ${of[1]}")`;
        claimed ??= view.text.slice(occ.start, occ.end);
        continue;
      }
    }
    // "The school is not connected to X", "(the girls' one, not X)": named to say the item is not about it
    const denial = denied(view, occ);
    if (denial) {
      lastReason = `${how} is named to say the item is not about it ("${denial}")`;
      continue;
    }
    const known = read.get(occ);
    // one use placed in another town ("Pupils at X Academy in Kirkby") claims the item's other uses of the same words
    // (a shorter form of it too: "St Aidan's pupils shine | … St Aidan's Catholic Primary School, Billingham, took …")
    const sameAway = firstAway && firstAway.startsWith(view.text.slice(occ.start, occ.end)) ? 'the same name placed elsewhere in the item' : undefined;
    const away = known ? (known.away ?? sameAway) : elsewhere(view, raw, occ, compiled);
    if (away) {
      lastReason = `${how} is placed in "${away}", not one of this school's places`;
      claimed ??= view.text.slice(occ.start, occ.end);
      continue;
    }
    // round 9: "the academy" in an item naming "Kinbrae Academy of Dance": that academy
    if (occ.pattern.kindOnly) {
      const kindWord = occ.pattern.alias.toLowerCase().split(/\s+/).pop() ?? '';
      const found = CUES.schoolKind.test(kindWord) ? KIND_OF_BODY.exec(raw) : null;
      if (found && found[1]!.toLowerCase() === kindWord) {
        lastReason = `${how} is the other body the item names ("${found[0]}")`;
        claimed ??= view.text.slice(occ.start, occ.end);
        continue;
      }
    }
    if (occ.pattern.kindOnly || occ.pattern.truncated) {
      const proper = properNameAfter(view, raw, occ, compiled);
      if (proper) {
        lastReason = `${how} is part of another name ("${view.text.slice(occ.start, occ.end)} ${proper}")`;
        claimed ??= view.text.slice(occ.start, occ.end);
        continue;
      }
    }
    if (!occ.pattern.ambiguous) {
      // "'Kingsmead Academy' trending: it's the martial arts place, not the school": said in its sentence to be another
      const notThis = saidNotThis(view, occ);
      if (notThis) {
        lastReason = `${how} is said not to be the school ("${notThis}")`;
        continue;
      }
      return { mentioned: true, alias: occ.pattern.alias, reason: how, evidence: evidenceOf({ title, text }, view, occ, textOffset, title.length) };
    }
    // each weighing reads every cue of the item: past MAX_WEIGHED undecided uses of the name (a 50 KB paste of one line)
    // the rest would say the same and cost occurrences × cues
    if (!known?.hard && ++weighed > MAX_WEIGHED) continue;
    // the whole item's vocabulary is read once, and only when a hard rule has not already decided
    const d = known?.hard ?? decideAmbiguous(view, raw, occ, after, compiled, () => (evidence ??= itemEvidence(view, raw, compiled, occurrences, excluded)), tuning, claimed, known !== undefined, streetClaim);
    if (d.mentioned) return { mentioned: true, alias: occ.pattern.alias, reason: `${how} ${d.why}`, evidence: evidenceOf({ title, text }, view, occ, textOffset, title.length) };
    if (d.other && streetNamed(view, occ)) streetClaim ??= d.other;
    else if (d.other) claimed ??= d.other;
    lastReason = `${d.prefix ?? 'ambiguous '}${how} ${d.why}`;
  }
  // every use of the name was a same-named street's ("the crash on the Drumlough Road", "Heol Bryn Teg flats"): an address,
  // not the item's subject, so the item may still speak of the school unnamed (not so for a same-named surgery or
  // nursery, which is what the item is about)
  if (occurrences.every((o) => STREET_AFTER.test(view.text.slice(o.end, o.end + 20)) || STREET_BEFORE.test(view.text.slice(Math.max(0, o.start - 12), o.start))))
    return unnamed({ title, text }, view, compiled, textOffset, tuning) ?? { mentioned: false, reason: lastReason || 'no usable mention' };
  return { mentioned: false, reason: lastReason || 'no usable mention' };
}

/**
 * Whether the word at view position `word` is written as part of a name: capitalised, or the name before it
 * (view positions start…) is written in lower case too (a post written all in lower case capitalises nothing).
 */
function namesLikeName(raw: string, view: TextView, start: number, word: number): boolean {
  const ch = raw[view.start[word]!] ?? '';
  if (ch !== ch.toLowerCase()) return true;
  const first = raw[view.start[start]!] ?? '';
  return first === first.toLowerCase();
}

/** Round 9b: a fixture's other side, after "X v" or before "v X", named by a town (no school word, saint or "the"). */
const SIDE_AFTER = /^\s+(?:v|vs|versus)\.?\s+(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3})/u;
const SIDE_BEFORE = /(?<![\p{L}'’])(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3})\s+(?:v|vs|versus)\.?\s+$/u;
const TOWN_SIDE = 0.5;
function townSide(view: TextView, raw: string, occ: Occurrence): string | undefined {
  const startRaw = view.start[occ.start]!;
  const endRaw = view.end[occ.end - 1]!;
  const side = SIDE_AFTER.exec(raw.slice(endRaw, endRaw + 60))?.[1] ?? SIDE_BEFORE.exec(raw.slice(Math.max(0, startRaw - 60), startRaw))?.[1];
  if (!side || side === side.toUpperCase() || CUES.schoolWord.test(normalise(side)) || /^(?:St\.?|Saint|The|Year|Y\d)\b/.test(side)) return undefined;
  return side;
}

/** Round 9b: between a name and "not the village", a "the/a …" phrase with no school word ("— the old sunken lane,"). */
function otherPhraseBetween(between: string): boolean {
  const m = /(?<![a-z0-9])(?:the|a|an)\s+((?:[a-z'-]+\s*){1,4})/.exec(between);
  return m !== null && !CUES.schoolWord.test(m[1]!) && !/(?<![a-z])(?:school|one)(?![a-z])/.test(m[1]!);
}

/** Round 9b: a school word (school-cue or name-next) straight after view position `end`, and no place word there. */
function schoolWordNext(view: TextView, end: number): boolean {
  const after = view.text.slice(end, end + 40);
  const lead = /^\s+/.exec(after)?.[0].length ?? -1;
  if (lead < 1) return false;
  if (CUES.nameNextWord.test(after.slice(lead)) && !CUES.placeNext.test(after)) return true;
  const hits = CUES.vocabulary.matchText(after);
  return (hits.get('school-cue') ?? []).some((h) => h.start === lead) && !(hits.get('place-cue') ?? []).some((h) => h.start === lead);
}

/** Round 9b: this use of the name is a street's ("Tanner's Mead Road", "Heol Bryn Teg"). */
function streetNamed(view: TextView, occ: Occurrence): boolean {
  return STREET_AFTER.test(view.text.slice(occ.end, occ.end + 20)) || STREET_BEFORE.test(view.text.slice(Math.max(0, occ.start - 12), occ.start));
}

/** A street word after a name, or a Welsh one before it: the name is an address. */
const STREET_AFTER = /^(?:'s)?\s+(?:road|rd|street|st|lane|avenue|ave|close|drive|way|crescent|terrace|grove|flats|estate)\b/;
const STREET_BEFORE = /(?:heol|stryd|ffordd|lon)\s+$/;

/** "…, not the school" in the occurrence's sentence, within EXPLICIT_CHARS of it: the phrase, or undefined. */
function saidNotThis(view: TextView, occ: Occurrence): string | undefined {
  const from = Math.max(0, occ.start - EXPLICIT_CHARS);
  // (a phrase starting within EXPLICIT_CHARS is read whole)
  const window = view.text.slice(from, occ.end + EXPLICIT_CHARS + 40);
  // cheap test first: the vocabulary is read only when a denial may be there
  if (!/\bnot\b|nothing to do|no relation/.test(window)) return undefined;
  for (const c of CUES.vocabulary.matchText(window).get('not-this') ?? []) {
    const [start, end] = [from + c.start, from + c.end];
    if ((start < occ.end && occ.start < end) || start - occ.end > EXPLICIT_CHARS) continue;
    if (!(start >= occ.end ? endsBetween(view, occ.end, start) : endsBetween(view, end, occ.start)) && !blameMoved(view, start)) return c.term;
  }
  return undefined;
}

/**
 * Round 9b: "It's the council that cut the bus, not X", "it's the parents, not the school": before the "not" (view position
 * `at`), in its sentence, a body the blame is moved to (CUES.blameAgent). The school is still what the item is about.
 */
function blameMoved(view: TextView, at: number): boolean {
  const before = view.text.slice(Math.max(0, at - 120), at);
  const cut = before.search(/[.!?\n|][^.!?\n|]*$/);
  return CUES.blameAgent.test(cut < 0 ? before : before.slice(cut + 1));
}

/** Words before an occurrence saying the item is not about it (CUES.denialBefore), or ", not X)" closing an aside. */
function denied(view: TextView, occ: Occurrence): string | undefined {
  if (occ.via === 'tag') return undefined;
  const before = view.text.slice(Math.max(0, occ.start - 50), occ.start);
  const d = CUES.denialBefore.exec(before);
  if (d) return d[0].trim();
  // ", not X)", "? Not X, the other one": "not" opening a clause, the name closing it or said to be the other one
  if (/(?:^|[,(.?!;:\n-]\s*)not\s+$/.test(before) && /^(?:'s)?\s*(?:\)|,\s*the other (?:one|school)\b|[.?!\n]|$)/.test(view.text.slice(occ.end, occ.end + 24)) && !blameMoved(view, occ.start)) return 'not';
  return undefined;
}

/** Before a name, a photo or video taken there: "of <Given> <Surname>" after it is who is in it. */
const PHOTO_BEFORE = /\b(?:pic|pics|picture|pictures|photo|photos|snap|video|footage|selfie|image)\b/;

interface Span {
  start: number;
  end: number;
  phrase: string;
  /** The clause of another school or place of the same name (not a configured exclusion). */
  other?: boolean;
}

interface Cue {
  start: number;
  end: number;
  term: string;
  weight: number;
}

/** What the whole item says, gathered once: vocabulary hits and context words outside the names and exclusions. */
interface ItemEvidence {
  school: Cue[];
  place: Cue[];
  /** What initials also stand for (a blood-sugar reading, a research society): place-ness for initials only. */
  initials: Cue[];
  notThis: Cue[];
  isThis: Cue[];
  context: Cue[];
  excludedNamed: string | undefined;
}

/** A place word that ends another proper name ("Hallam Lodge", "Heron Close") names that place, not the school's name. */
const OTHER_PLACE_FACTOR = 0.25;

function inOtherName(view: TextView, raw: string, h: { start: number; end: number }, occurrences: readonly Occurrence[]): boolean {
  const at = view.start[h.start]!;
  if (!/^\p{Lu}/u.test(raw.slice(at, at + 1))) return false;
  const before = /([\p{Lu}][\p{L}'’-]*)\s+$/u.exec(raw.slice(Math.max(0, at - 30), at));
  if (!before) {
    // "Heron Close": the place word starts the other name; not at a sentence's start
    const end = view.end[h.end - 1]!;
    if (!/^ [\p{Lu}][\p{Ll}]/u.test(raw.slice(end, end + 3)) || /(?:^|[.!?:|"“(]\s*|\n\s*)$/.test(raw.slice(Math.max(0, at - 3), at))) return false;
    return !occurrences.some((o) => view.start[o.start]! >= end && view.start[o.start]! <= end + 2);
  }
  // right after one of the names it is that name's ("Larkspur Lodge" is the matcher's other rules' business)
  const wordStart = at - before[0].length;
  if (occurrences.some((o) => view.end[o.end - 1]! >= wordStart - 2 && view.start[o.start]! <= wordStart)) return false;
  // a sentence's first word or a Title Case line says nothing
  return !/(?:^|[.!?:|"“(]\s*|\n\s*)$/.test(raw.slice(Math.max(0, wordStart - 3), wordStart));
}

function itemEvidence(view: TextView, raw: string, compiled: Compiled, occurrences: Occurrence[], excluded: Span[]): ItemEvidence {
  const blocked = [...occurrences, ...excluded];
  const free = (h: { start: number; end: number }) => !blocked.some((b) => h.start < b.end && b.start < h.end);
  const hits = CUES.vocabulary.matchText(view.text);
  const pick = (cat: string): Cue[] => (hits.get(cat) ?? []).filter(free).map((h) => ({ start: h.start, end: h.end, term: h.term, weight: h.weight }));
  const context: Cue[] = [];
  if (compiled.context) for (const m of view.text.matchAll(compiled.context)) if (free({ start: m.index!, end: m.index! + m[0].length })) context.push({ start: m.index!, end: m.index! + m[0].length, term: m[0], weight: 1 });
  // a school word inside a longer saying or other sense ("every day's a school day", "school district") is not school
  // life, as a place word inside a longer school phrase is not place-ness
  const placeAll = pick('place-cue');
  const school = uncovered(pick('school-cue'), placeAll);
  const place = uncovered(placeAll, school).map((c) => (inOtherName(view, raw, c, occurrences) ? { ...c, weight: c.weight * OTHER_PLACE_FACTOR } : c));
  return { school, place, initials: uncovered(pick('initials-cue'), school), notThis: pick('not-this'), isThis: pick('is-this'), context, excludedNamed: excluded.find((x) => !x.other)?.phrase };
}

const SENTENCE_END = /[.!?](?:\s|$)|\n/;

/** Work counters for tests that bound the matcher's work (not its time): characters read looking for sentence ends, for a saint named in full (saintNamed), and for the school's own places when a name seems placed elsewhere (ownPlaceNamed). */
export const MATCH_WORK = { sentenceChars: 0, saintChars: 0, contextChars: 0, weighedCues: 0 };
/** Undecided uses of an ambiguous name weighed per item, at most (each weighing reads every cue of the item). */
const MAX_WEIGHED = 64;

/** Where a sentence ends in a view's text ("." before a space or the end, or a line break), read once per view. */
const sentenceEnds = new WeakMap<TextView, number[]>();

/**
 * Whether SENTENCE_END matches inside text.slice(a, b), by binary search over the view's sentence ends (a "." at b - 1
 * counts, as the slice's end is the pattern's "$"). Once per occurrence × cue the slice itself cost quadratic time.
 */
function endsBetween(view: TextView, a: number, b: number): boolean {
  if (b <= a) return false;
  let ends = sentenceEnds.get(view);
  if (!ends) {
    ends = [];
    const t = view.text;
    MATCH_WORK.sentenceChars += t.length;
    for (let i = 0; i < t.length; i++) {
      const ch = t[i]!;
      if (ch === '\n' || ((ch === '.' || ch === '!' || ch === '?') && (i + 1 === t.length || /\s/.test(t[i + 1]!)))) ends.push(i);
    }
    sentenceEnds.set(view, ends);
  }
  if ('.!?'.includes(view.text[b - 1]!)) return true;
  let lo = 0;
  let hi = ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ends[mid]! < a) lo = mid + 1;
    else hi = mid;
  }
  return lo < ends.length && ends[lo]! < b;
}

/** Full weight when the cue is near the occurrence or in its sentence, half in the next sentences, a quarter further away. */
function nearness(view: TextView, occ: Occurrence, cue: { start: number; end: number }, tuning: MentionTuning): number {
  const [a, b] = cue.start >= occ.end ? [occ.end, cue.start] : [cue.end, occ.start];
  if (!endsBetween(view, a, b)) return 1;
  if (b - a <= NEXT_CHARS) return tuning.nextFactor;
  return b - a <= MID_CHARS ? tuning.farFactor : tuning.farFactor / 2;
}

/**
 * Sum of distinct terms' weights, each at its nearest; generic terms (weight ≤ GENERIC) count half when
 * `halveGeneric`. The strongest term for the reason.
 */
function weigh(view: TextView, occ: Occurrence, cues: Cue[], tuning: MentionTuning, halveGeneric = false): { total: number; top: string | undefined } {
  const best = new Map<string, number>();
  MATCH_WORK.weighedCues += cues.length;
  for (const c of cues) {
    const w = c.weight * nearness(view, occ, c, tuning) * (halveGeneric && c.weight <= GENERIC ? 0.5 : 1);
    if (w > (best.get(c.term) ?? 0)) best.set(c.term, w);
  }
  let total = 0;
  let top: string | undefined;
  let max = 0;
  for (const [t, w] of best) {
    total += w;
    if (w > max) [max, top] = [w, t];
  }
  return { total, top };
}

interface Decision {
  mentioned: boolean;
  why: string;
  prefix?: string;
  /** Read as another place or school of the same name: the phrase that names it. */
  other?: string;
}

const fmt = (x: number) => x.toFixed(2);

/**
 * Hard readings of one occurrence as another place or school of the same name (its handle, "… Rovers", "…
 * Primary" for a high school, "Ysgol Gynradd …", "… Methodist", "… Lifeboat Station"): the decision, or
 * undefined. Read for every occurrence before any is weighed, so one such reading claims the bare name elsewhere
 * in the item (matchSchool).
 */
function anotherNamed(view: TextView, raw: string, occ: Occurrence, after: string, compiled: Compiled): Decision | undefined {
  const named = view.text.slice(occ.start, occ.end);
  // "Meridian Fund Services (MFS)", "HFA gym … Hadrian Fitness Academy": the initials stand for something else here
  const spelt = speltAsAnother(raw, occ, compiled);
  if (spelt) return { mentioned: false, why: `stands for "${spelt}" here`, prefix: '', other: named };
  // "a case brought by the CPS.", "reported to the HSE,": initials after "the" that end their clause name a body; a school's
  // initials after "the" go on to say what of it ("the KMA staff wifi", "the HDA website"); among specific school words
  // ("teaching Year 7 maths at the KMA.") they are the school's
  if (occ.pattern.acronym && occ.via === 'text' && /(?<![a-z0-9])the\s+$/.test(view.text.slice(Math.max(0, occ.start - 5), occ.start)) && /^\s*(?:[.,;:!?)]|$)/.test(raw.slice(view.end[occ.end - 1]!, view.end[occ.end - 1]! + 3)) && schoolSupportNear(view, occ) < UNNAMED_SUPPORT)
    return { mentioned: false, why: `is a body's initials ("the ${named}" ending its clause)`, prefix: '', other: named };
  // "St B's netball girls … St Bartholomew's Exeter are flying": a saint's initial stands for the saint the item names in
  // full, when that saint is none of this school's
  const saintInitial = /^St ([A-Z])'s$/.exec(occ.pattern.alias);
  const saint = saintInitial ? saintNamed(raw, saintInitial[1]!, compiled) : undefined;
  if (saint) return { mentioned: false, why: `stands for "${saint}" here`, prefix: '', other: named };
  // "yng Nghapel Bryn Hebog", "the new wine bar Brackley Fen": a kind of place written straight before it
  const placeBefore = occ.via === 'tag' ? null : CUES.placeBefore.exec(view.text.slice(Math.max(0, occ.start - 30), occ.start));
  if (placeBefore) return { mentioned: false, why: `is a place's name ("${placeBefore[1]} ${named}")`, prefix: '', other: named };
  // round 9: "Cwm Derwen 22 Treharris 17", "Glasfryn 22 – 17 Llandeilo": a result against a side named by its town is a
  // club's (a school's fixtures name a school: "… 3 St Mary's 1", "… 2 Kelso High 1")
  const score = occ.via === 'text' ? SCORELINE.exec(raw.slice(view.end[occ.end - 1]!, view.end[occ.end - 1]! + 60)) : null;
  const side = score ? (score[1] ?? score[2] ?? '') : '';
  if (score && !CUES.schoolWord.test(normalise(side)) && !/^(?:st\.?|saint|the)\s/i.test(side) && !MONTH.test(side)) return { mentioned: false, why: `is a side in a result ("${named}${score[0]}")`, prefix: '', other: named };
  const tagPlace = occ.tagExtra ? CUES.placeNext.exec(occ.tagExtra) : null;
  if (tagPlace) return { mentioned: false, why: `is another's handle ("${named}")`, prefix: '', other: named };
  // "Harrowfield, the village in the Cotswolds", "Bryn Derw, the old farmhouse"
  const apposition = CUES.placeApposition.exec(view.text.slice(occ.end, occ.end + 60));
  if (apposition) return { mentioned: false, why: `is said to be a place ("${named}${apposition[0]}")`, prefix: '', other: named };
  let place = CUES.placeNext.exec(after);
  // round 9: "Ravensgill Village Noticeboard": the place's community group, which speaks of its school or of anything
  // (decideAmbiguous reads it as a shared name); "the beaconhurst gc": a chat abbreviation in lower case (a group
  // chat), not a golf club
  if (place && place.index === 0 && CUES.parentsGroup.test(view.text.slice(occ.end, occ.end + 40))) place = null;
  // round 9b: "Brantwick Bay Residents", "Kinbrae Harbour Chat": a district's community page, read as the place's community
  // group (decideAmbiguous: school life makes it the school), not another place claiming the item's uses of the name
  if (place && place.index === 0 && districtGroup(view, occ)) place = null;
  if (place && CUES.textSpeak.has(place[0].trim()) && /^[\s,.'’-]*\p{Ll}/u.test(raw.slice(view.end[occ.end - 1]!, view.end[occ.end - 1]! + 6))) place = null;
  // "Holy Trinity church schools employ…": the place word says what kind of school
  if (place && !CUES.schoolWord.test(after.slice(0, 12)) && !(/^(?:church|chapel)$/.test(place[0].replace(/^'?s\s+/, '')) && /^\s+schools?\b/.test(after.slice(place.index + place[0].length)))) return { mentioned: false, why: `is part of another name ("${named} ${place[0]}")`, prefix: '', other: `${named} ${place[0]}` };
  let rest = after;
  let denomination = '';
  for (let i = 0; i < 3; i++) {
    const d = CUES.denomination.exec(rest);
    if (!d) break;
    denomination ||= d[0];
    rest = rest.slice(d[0].length).replace(/^[\s,.-]+/, '');
  }
  CUES.distinctKinds.lastIndex = 0;
  const kind = CUES.distinctKinds.exec(rest);
  if (kind && kind.index === 0 && !compiled.ownKinds.has(kind[0])) return { mentioned: false, why: `names another school ("${named} ${after.slice(0, after.length - rest.length + kind[0].length)}")`, prefix: '', other: named };
  // "Ashworth Vale Methodist are doing their jumble sale": a denomination with no kind after it is a church's,
  // unless the school's own name has that denomination ("St Aidan's Catholic" for St Aidan's Catholic Primary)
  if (denomination && CUES.churchDenomination.test(denomination) && !CUES.schoolKind.test(rest) && !new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(denomination)}(?![\\p{L}\\p{N}])`, 'u').test(compiled.names)) return { mentioned: false, why: `names a church ("${named} ${denomination}")`, prefix: '', other: `${named} ${denomination}` };
  // Welsh puts the kind first: "Ysgol Gynradd Bryn Celyn" is not Ysgol Gyfun Bryn Celyn
  const kindBefore = CUES.distinctKindBefore.exec(view.text.slice(Math.max(0, occ.start - 30), occ.start));
  if (kindBefore && !compiled.ownKinds.has(kindBefore[1]!)) return { mentioned: false, why: `names another school ("${kindBefore[1]} ${named}")`, prefix: '', other: named };

  const proper = properNameAfter(view, raw, occ, compiled);
  if (proper) return { mentioned: false, why: `is part of another name ("${named} ${proper}")`, prefix: '', other: `${named} ${proper}` };
  const properBefore = properNameBefore(view, raw, occ, compiled);
  if (properBefore) return { mentioned: false, why: `is part of another name ("${properBefore} ${named}")`, prefix: '', other: `${properBefore} ${named}` };
  return surnameReading(view, raw, occ, named);
}


/**
 * "Cllr Hartfell", "councillor Ruth Hartfell", "Adrian Kingsmead", "Kingsmead, 42,": a person of that surname. Read
 * in matchSchool's first pass (anotherNamed), so one such use claims the item's other bare uses of the name
 * ("Megan Tarren sang tonight. Tarren was brilliant").
 */
function surnameReading(view: TextView, raw: string, occ: Occurrence, named: string): Decision | undefined {
  const before = view.text.slice(Math.max(0, occ.start - 40), occ.start);
  const title = CUES.personTitle.exec(before);
  if (title && (!CUES.capitalTitles.has(title[1]!) || /^\p{Lu}/u.test(raw.slice(view.start[occ.start - before.length + title.index + (title[0].length - title[0].trimStart().length)]!))))
    return { mentioned: false, why: `is someone's surname ("${before.trim().split(/\s+/).pop()} ${named}")`, prefix: '', other: named };
  const firstName = CUES.personTitleName.exec(before);
  // "Mr Doherty St Oswin's": a saint's name is nobody's surname; a teacher and his school
  if (firstName && !/^st\b/.test(named)) {
    // "councillor Ruth Hartfell": the word between must be a capitalised first name in the raw text
    const nameStart = occ.start - before.length + firstName.index + firstName[0].search(/[a-z][a-z'-]+\s+$/);
    const ch = raw[view.start[nameStart]!] ?? '';
    if (ch !== ch.toLowerCase()) return { mentioned: false, why: `is someone's surname ("${firstName[0].trim()} ${named}")`, prefix: '', other: named };
  }

  // "Adrian Kingsmead", "Kingsmead, 42, of Bolton": a person of that surname
  const given = /(?<![a-z0-9'])([a-z]+)\s+$/.exec(before);
  if (given && CUES.firstNames.has(given[1]!)) {
    const ch = raw[view.start[occ.start - before.length + given.index]!] ?? '';
    if (ch !== ch.toLowerCase()) return { mentioned: false, why: `is someone's surname ("${given[1]} ${named}")`, prefix: '', other: named };
  }
  if (/^,\s*(?:aged\s+)?\d{1,3},/.test(view.text.slice(occ.end, occ.end + 14))) return { mentioned: false, why: `is someone's surname ("${named}, age")`, prefix: '', other: named };

  return undefined;
}

/**
 * A configured acronym written as a school's: in capitals, not after "the" (an authority: "the NPA") or a number (a
 * unit: "30 KVA"). Initials nobody configured never are.
 */
function acronymAsName(view: TextView, raw: string, occ: Occurrence, before: string): boolean {
  if (occ.pattern.capitalsOnly || occ.via === 'tag') return false;
  const written = raw.slice(view.start[occ.start]!, view.end[occ.end - 1]!);
  return written === written.toUpperCase() && !/(?:\bthe|\d)\s*$/.test(before);
}

const CAPITAL_RUN = /^([\p{Lu}][\p{L}'’-]+(?:[ -](?:upon|on|le|under|in|[\p{Lu}][\p{L}'’-]+))*)/u;

/**
 * "Hollins Lane Primary School in Accrington", "Marshfield, Gloucestershire": the name (and any kind words after
 * it) placed in a capitalised place that is none of this school's context words, in an item that names none of
 * them anywhere: a school or place of the same name elsewhere. Only for a school with context configured; months,
 * school words and given names after a comma are not places. Returns the place, or undefined.
 */
function elsewhere(view: TextView, raw: string, occ: Occurrence, compiled: Compiled): string | undefined {
  if (!compiled.context || occ.via === 'tag') return undefined;
  let at = view.end[occ.end - 1]!;
  const apos = /^['’]s\b/.exec(raw.slice(at, at + 3));
  if (apos) at += apos[0].length;
  // its kind words, one to three at a time ("Sixth Form College", "C of E Primary")
  let kinds = !occ.pattern.ambiguous;
  for (let i = 0; i < 4; i++) {
    const w = /^(\s+[\p{L}-]+)(\s+[\p{L}-]+)?(\s+[\p{L}-]+)?/u.exec(raw.slice(at, at + 40));
    if (!w) break;
    const parts = [w[1]!, w[2], w[3]].filter((x): x is string => x !== undefined);
    let n = parts.length;
    while (n && !CUES.schoolWordExact.test(parts.slice(0, n).join('').trim().toLowerCase().replace(/[\s-]+/g, ' '))) n--;
    if (!n) break;
    at += parts.slice(0, n).join('').length;
    kinds = true;
  }
  // "X, the small Welsh-medium primary in Bryncelyn": an apposition saying what kind of school and where
  const link = /^(?:\s*,\s+(?:the|a|an)\s+(?:[\p{L}-]+\s+){0,3}?(?:primary|secondary|school|academy|high school|comprehensive|grammar|infants|juniors|prep|special school)\s+(?:school\s+)?(?:in|at|near)\s+|\s*,\s+(?:near|outside)\s+|\s*,\s*|\s+(?:here\s+|over\s+|down\s+|up\s+)?(?:in|near)\s+)/u.exec(raw.slice(at, at + 80));
  if (!link) return undefined;
  const linkStart = at;
  at += link[0].length;
  const run = CAPITAL_RUN.exec(raw.slice(at, at + 60));
  if (!run) return undefined;
  const place = run[1]!.replace(/['’]s$/, '').replace(/\s+(?:upon|on|le|under|in)$/, '');
  // shouting ("AT NORTHGATE PARK ACADEMY, ALWAYS COUNTING THE PENNIES") has no places by capitals
  // and the short form of one of its own places ("St M's in KB" for Kings Bromley, "in PT" for Pentre) is the
  // writer's; other short capitals are another place ("in NYC")
  if (place === place.toUpperCase() && (place.length > 4 || compiled.contextPlaces.some((c) => abbreviates(place.toLowerCase().replace(/[^a-z]/g, ''), c)))) return undefined;
  const low = place.toLowerCase();
  // "Hollinsbrook in Lancs", "Kingsmead, West Yorks": a county or region is another place only against the school's own
  // county; its own (or its short form) is the school's
  const region = normalise(place);
  if (CUES.region.test(region)) {
    // a short form by its letters ("Lancs" for Lancashire), never a full county ("Essex" is no short "East Sussex")
    const short = CUES.regionShort.test(region);
    if (compiled.regions.some((r) => r.includes(region) || region.includes(r) || (short && abbreviates(region.replace(/ /g, ''), r.replace(/ /g, ''))))) return undefined;
    // not knowing the school's county: a county written short, as the people who live there write it, among school words
    // ("my son's infant school (X in Lancs)"), says nothing against it; "X, Gloucestershire. The prettiest village" does
    if (!compiled.regions.length && short && schoolSaidNear(view, occ)) return undefined;
  }
  const first = `${low.split(/[ -]/)[0]} `;
  if (/^the\b/.test(low) || CUES.nameNext.test(raw.slice(at, at + 30).toLowerCase()) || CUES.firstNames.has(first.trim()) || CUES.personTitle.test(first)) return undefined;
  // after a comma only a place that ends its sentence ("Marshfield, Gloucestershire."), not an appositive person
  // ("Linnet Brook, Sunita Mehra, has…"); or, after a school's full name, one word set off by commas before the
  // sentence goes on in lower case, as news places a school ("Children from X Primary School, Billingham, took …")
  const placeEnd = raw.slice(at + run[1]!.length, at + run[1]!.length + 5);
  const newsPlacing = kinds && !/\s/.test(run[1]!) && /^,\s+\p{Ll}/u.test(placeEnd) && !NOT_A_PLACE.test(run[1]!);
  if (/^\s*,\s*$/.test(link[0]) && !newsPlacing && !/^\s*(?:[.;:!?)\n]|$|(?:vs|v|or)\b)/.test(placeEnd)) return undefined;
  // "Mrs Pritchard from Bryn Derwen in Swansea": the person is in Swansea, the school is hers
  if (CUES.staffAt.test(view.text.slice(Math.max(0, occ.start - 40), occ.start))) return undefined;
  // its own places named anywhere say it is this school, except inside "not the Wendham one" (read last: the
  // item's vocabulary is the costly part)
  if (ownPlaceNamed(view, compiled)) {
    const denied = CUES.vocabulary.matchText(view.text).get('not-this') ?? [];
    for (const m of view.text.matchAll(compiled.context)) {
      // "…, the small Welsh-medium primary in Bryncelyn": its own words inside the apposition place nothing
      const rawAt = view.start[m.index!]!;
      if (rawAt >= linkStart && rawAt < linkStart + link[0].length) continue;
      if (!denied.some((d) => d.start <= m.index! && m.index! + m[0].length <= d.end)) return undefined;
    }
  }
  return place;
}

/** Whether one of the school's own places is named anywhere in the view: read once per view and school (once per occurrence was quadratic). */
function ownPlaceNamed(view: TextView, compiled: Compiled): boolean {
  let bySchool = ownPlaceMemo.get(view);
  if (!bySchool) ownPlaceMemo.set(view, (bySchool = new WeakMap()));
  let named = bySchool.get(compiled);
  if (named === undefined) {
    MATCH_WORK.contextChars += view.text.length;
    named = compiled.contextAny!.test(view.text);
    bySchool.set(compiled, named);
  }
  return named;
}
const ownPlaceMemo = new WeakMap<TextView, WeakMap<Compiled, boolean>>();

/** How far either side of a name schoolSaidNear reads. */
const NEAR_CHARS = 100;

/** Specific school words within NEAR_CHARS of the name, each term once, summed ("Year 7 maths" 1.6, "behaviour" 0.5). */
function schoolSupportNear(view: TextView, occ: Occurrence): number {
  return termSum(CUES.vocabulary.matchText(view.text.slice(Math.max(0, occ.start - NEAR_CHARS), occ.end + NEAR_CHARS)).get('school-cue') ?? [], GENERIC);
}

/** Specific school words (not generic ones) within NEAR_CHARS of the name, and no specific place word there. */
function schoolSaidNear(view: TextView, occ: Occurrence): boolean {
  const hits = CUES.vocabulary.matchText(view.text.slice(Math.max(0, occ.start - NEAR_CHARS), occ.end + NEAR_CHARS));
  const specific = (cat: string) => (hits.get(cat) ?? []).some((h) => h.weight > GENERIC);
  return specific('school-cue') && !specific('place-cue');
}

const WORD = /[\p{L}][\p{L}'’-]*/gu;

/** How far either side of a name its line is read for Title Case. */
const LINE_REACH = 300;

/**
 * Whether the line a name (raw startRaw…endRaw) stands in is in Title Case (a headline): most of its longer words
 * capitalised, not counting a sentence's first word, days, months and festivals in any sentence (CUES.nameNext), and
 * the words `skip` leaves out. At most LINE_REACH characters either side: a 20,000-character one-line item is read
 * near the name only.
 */
function titleCaseLine(raw: string, startRaw: number, endRaw: number, skip: (word: string) => boolean): boolean {
  const lineStart = Math.max(raw.lastIndexOf('\n', startRaw - 1) + 1, startRaw - LINE_REACH);
  const nl = raw.indexOf('\n', endRaw);
  const line = raw.slice(lineStart, Math.min(nl < 0 ? raw.length : nl, endRaw + LINE_REACH));
  let words = 0;
  let caps = 0;
  for (const w of line.matchAll(WORD)) {
    const isFirst = /(?:^|[.!?:|"“(]\s*|\n\s*)$/.test(line.slice(Math.max(0, w.index! - 4), w.index!));
    if (isFirst || w[0].length < 4 || skip(w[0]) || CUES.nameNext.test(w[0].toLowerCase())) continue;
    words++;
    if (w[0][0] !== w[0][0]!.toLowerCase()) caps++;
  }
  return words >= 2 && caps / words > 0.5;
}

/**
 * "Bryn Hafod Quarry", "Harbourside Lifeboat Station": a capitalised word straight after the name (a space, no
 * punctuation) that is not school vocabulary (kinds, school words, subjects, festivals: CUES.nameNext) makes the
 * name part of another proper name, whatever that place is. Not in Title Case lines (headlines) or shouting,
 * where every word has a capital. Returns the word, or undefined.
 */

function properNameAfter(view: TextView, raw: string, occ: Occurrence, compiled: Compiled): string | undefined {
  if (occ.via === 'tag') return undefined;
  const endRaw = view.end[occ.end - 1]!;
  let at = endRaw;
  let word = '';
  // a denomination may stand in between: "Millford Vale Methodist Chapel"
  for (let i = 0; i < 3; i++) {
    const m = /^ {1,2}([\p{Lu}][\p{L}’'-]+)/u.exec(raw.slice(at, at + 40));
    if (!m) return undefined;
    word = m[1]!;
    at += m[0].length;
    if (!CUES.denomination.test(word.toLowerCase())) break;
  }
  // PTA, SEN, and shouting ("rang them AGAIN"): proper names are not written in capitals (FC, CC are in place-next)
  if (word === word.toUpperCase() && word.length > 1) return undefined;
  // "the SENCO at BFA Priya Shah": a person's name (a given name and a capitalised word) after the school's
  if (CUES.firstNames.has(word.toLowerCase()) && /^ [\p{Lu}][\p{Ll}'’-]+/u.test(raw.slice(at, at + 30)) && !CUES.placeNext.test(raw.slice(at + 1, at + 30).toLowerCase())) return undefined;
  if (/^I['’]/.test(word)) return undefined; // "at Marlowe Fields I'm often asked"
  // "Kinbrae Community Chat", "Kinbrae Mums": the place's community group, which speaks of its school or of anything
  // (decideAmbiguous reads it as a shared name: only school life makes it the school)
  if (CUES.parentsGroup.test(view.text.slice(occ.end, occ.end + 40))) return undefined;
  // round 9b: "Kinbrae Quay Residents": a district's community page (as anotherNamed reads a place word before one)
  if (districtGroup(view, occ, true)) return undefined;
  // the school's own town after its name ("St Brigid's Netherfold")
  if (compiled.contextAny) {
    // only what follows at once matters: a bounded look keeps long single-line items linear
    const c = compiled.contextAny.exec(view.text.slice(occ.end, occ.end + 120));
    if (c && /^[\s,]*$/.test(view.text.slice(occ.end, occ.end + c.index))) return undefined;
  }
  if (CUES.nameNext.test(raw.slice(at - word.length, at + 30).toLowerCase())) return undefined;
  // the line it stands in: Title Case (most longer words capitalised) says nothing
  const nameRaw = raw.slice(view.start[occ.start]!, endRaw);
  if (titleCaseLine(raw, view.start[occ.start]!, endRaw, (w) => nameRaw.includes(w) || w === word)) return undefined;
  if (nameRaw === nameRaw.toUpperCase() && /[A-Z]{3}/.test(nameRaw) && word === word.toUpperCase()) return undefined;
  return word;
}

/**
 * "Port Fenwell", "Pennant Fenwell": a capitalised word straight before the name (one space), inside a sentence, makes
 * it part of another proper name. Not a sentence's first word ("Congrats Fenwell"), a title or given name (the surname
 * reading's business), a school, kind or denomination word, one of the school's own names or places, shouting or
 * initials, nor in a Title Case line (a headline). Returns the word, or undefined.
 */
function properNameBefore(view: TextView, raw: string, occ: Occurrence, compiled: Compiled): string | undefined {
  if (occ.via === 'tag') return undefined;
  const startRaw = view.start[occ.start]!;
  const m = /(?<![\p{L}'’-])([\p{Lu}][\p{Ll}'’-]+) $/u.exec(raw.slice(Math.max(0, startRaw - 30), startRaw));
  if (!m) return undefined;
  const word = m[1]!;
  const low = word.toLowerCase().replace(/['’]s$/, '');
  const wordAt = startRaw - m[0].length;
  // a sentence's (or line's, or title's) first word is capitalised in any text
  // (an emoji ends a sentence as a full stop does: "poor mite 😢 Tbh Fenwell should have…")
  if (/(?:^|[.!?:;|"“(\[—–>-]\s*|\n\s*|\p{Extended_Pictographic}\s*)$/u.test(raw.slice(Math.max(0, wordAt - 4), wordAt))) return undefined;
  // a name written in lower case after a capitalised word ("Nadia Rashid glenarnock chemistry") is not one name with it
  const first = raw[startRaw] ?? '';
  if (first === first.toLowerCase()) return undefined;
  // "Mr Doherty St Oswin's", "Carys Morgan Pen-y-Dderwen": a person (title or given name before the word) and their school
  const person = /([\p{L}]+)\.? $/u.exec(raw.slice(Math.max(0, wordAt - 20), wordAt));
  if (person && (CUES.firstNames.has(person[1]!.toLowerCase()) || CUES.personTitle.test(`${person[1]!.toLowerCase()} `))) return undefined;
  // greetings, campaigns and the like written with a capital ("the Save X poster", "Welcome X")
  if (low.length < 3 || CUES.firstNames.has(low) || CUES.personTitle.test(`${low} `) || CUES.schoolWord.test(low) || /^(?:st|saint|the|our|my|your|and|dear|go|team|love|thanks|congrats|well|done|save|support|vote|visit|join|welcome|hello|poor|proud|old|new|little|big|wee|good|great|considering|would|at|from|in)$/.test(low)) return undefined;
  if (CUES.nameNext.test(low) || compiled.names.split(/[ |]+/).includes(low) || compiled.contextAny?.test(low)) return undefined;
  // its own town (of one or more words) before it, possessive or not: "Netherby Green's St Aidan's", "Kelby St Mary's"
  const townBefore = normalise(raw.slice(Math.max(0, startRaw - 40), startRaw)).replace(/s$/, '');
  if (compiled.contextNorm.some((c) => townBefore === c || townBefore.endsWith(` ${c}`) || `${townBefore}s`.endsWith(c))) return undefined;
  // school vocabulary before the name says school ("Reception Fenwell", "PTA Fenwell"), and a strong school word straight
  // after it makes the word before describe the school's own ("the Chess Fenwell team", "the Robotics Fenwell pupils")
  if (CUES.vocabulary.matchText(low).get('school-cue')?.length) return undefined;
  if (CUES.vocabulary.matchText(view.text.slice(occ.end, occ.end + 24)).get('school-cue')?.some((h) => h.start <= 1 && h.weight >= 0.9)) return undefined;
  // the line it stands in: Title Case (most longer words capitalised) says nothing
  if (titleCaseLine(raw, startRaw, view.end[occ.end - 1]!, (w) => w === word)) return undefined;
  return word;
}

/**
 * One occurrence of an ambiguous name: is it this school? Hard answers first (part of another name, another kind
 * of school, a surname, "not the school"), then school support (vocabulary, "Mrs X at", context words) against
 * place-ness (place vocabulary, "on X", an excluded place named in the item): support must reach tuning.minSupport and
 * outweigh place-ness.
 */
function decideAmbiguous(view: TextView, raw: string, occ: Occurrence, after: string, compiled: Compiled, readItem: () => ItemEvidence, tuning: MentionTuning, claimed?: string, hardRead = false, streetClaim?: string): Decision {
  const named = view.text.slice(occ.start, occ.end);
  // another thing named (#HartfellFC, a proper name after it, …: anotherNamed), already read in matchSchool's first
  // pass when hardRead
  const other = hardRead ? undefined : anotherNamed(view, raw, occ, after, compiled);
  if (other) return other;

  const before = view.text.slice(Math.max(0, occ.start - 40), occ.start);
  const ev = readItem();
  const near = (c: Cue) => (c.start >= occ.end ? c.start - occ.end : occ.start - c.end) <= EXPLICIT_CHARS;
  // "(the church, not the school)" is said beside the name: in another sentence "…, not the school" moves blame
  // ("The transport contract is the scandal here, not the school"), it does not say which place is meant
  const sameSentence = (c: Cue) => !(c.start >= occ.end ? endsBetween(view, occ.end, c.start) : endsBetween(view, c.end, occ.start));
  const notThis = ev.notThis.find((c) => near(c) && sameSentence(c) && !blameMoved(view, c.start));
  if (notThis) return { mentioned: false, why: `is said not to be the school ("${notThis.term}")`, prefix: '' };
  // round 9b: "(the school, not the village)" is said of the name; "X itself — the old sunken lane, not the village" says
  // which place, another than the school: a "the …" phrase in between with no school word makes it not about the school
  const isThis = ev.isThis.find((c) => near(c) && !(c.start >= occ.end && otherPhraseBetween(view.text.slice(occ.end, c.start))));
  if (isThis) return { mentioned: true, why: `said to be the school ("${isThis.term}")` };

  const street = CUES.streetBefore.exec(before);
  const staff = CUES.staffAt.exec(before);
  // a word straight after the name is said of it: a specific one decides ("Hartfell pupils", "Hartfell tenants"),
  // a generic one outweighs most of the item ("Hartfell kids", "Hartfell residents")
  const follows = (c: Cue) => c.start >= occ.end && /^\s?$/.test(view.text.slice(occ.end, c.start));
  const schoolNext = ev.school.find((c) => follows(c) && c.weight > GENERIC);
  if (schoolNext) return { mentioned: true, why: `with school vocabulary "${schoolNext.term}" straight after it` };
  const placeNextCue = ev.place.find((c) => follows(c) && c.weight > GENERIC);
  if (placeNextCue) return { mentioned: false, why: `is followed by place word "${placeNextCue.term}"`, prefix: '' };
  const adjacent = (cues: Cue[]) => cues.map((c) => (follows(c) ? { ...c, weight: Math.max(c.weight, ADJACENT) } : c));
  const schoolCues = adjacent(ev.school);
  const placeCues = adjacent(occ.pattern.acronym ? [...ev.place, ...ev.initials] : ev.place);
  // generic words ("kids", "staff", "parking", "residents") are said of schools and places alike: each side's
  // count half when the other side has a specific word
  const schoolSpecific = staff !== null || schoolCues.some((c) => c.weight > GENERIC);
  const excludedNamed = ev.excludedNamed ?? claimed;
  const placeSpecific = street !== null || CUES.titledAt.test(before) || excludedNamed !== undefined || placeCues.some((c) => c.weight > GENERIC);
  const placeW = weigh(view, occ, placeCues, tuning, schoolSpecific);
  let against = placeW.total;
  let againstWhy = placeW.top ? `"${placeW.top}"` : '';
  if (street) {
    against += CUES.streetWeight.get(street[1]!) ?? 0;
    againstWhy ||= `"${street[1]} ${named}"`;
  }
  // "Fr Quill at St Aidan's": a priest's or councillor's place (a teacher is "Mr Quill at")
  const titled = staff === null && CUES.titledAt.test(before);
  if (titled) {
    against += TITLED_AT;
    againstWhy ||= `a titled person "at" it`;
  }
  // round 9b: "Sallowmere v Dunford Moor": a fixture against a side named by its town is a club's; school life near it (a
  // year group, the girls) or a school as the other side makes it the school's team
  const side = occ.via === 'text' ? townSide(view, raw, occ) : undefined;
  if (side) {
    against += TOWN_SIDE;
    againstWhy ||= `a fixture against "${side}"`;
  }
  if (excludedNamed) {
    against += EXCLUDED_NEARBY;
    againstWhy ||= `"${excludedNamed}" named in the item`;
  } else if (streetClaim) {
    against += STREET_CLAIM;
    againstWhy ||= `the street "${streetClaim}" named in the item`;
  }

  const school = weigh(view, occ, schoolCues, tuning, placeSpecific);
  let support = school.total;
  let supportWhy = support ? `school vocabulary "${school.top}"` : '';
  if (staff) {
    support += CUES.staffWeight.get(staff[1]!) ?? 0;
    supportWhy ||= `school vocabulary "${staff[0].trim()}"`;
  }
  const ctxTerms = new Set(ev.context.map((c) => c.term));
  let ctx = ctxTerms.size ? Math.min(CONTEXT_MAX, CONTEXT_FIRST + 0.15 * (ctxTerms.size - 1)) : 0;
  // initials nobody configured are the most shared names of all: the town alone says little
  if (occ.pattern.capitalsOnly) ctx /= 2;
  const ctxWhy = ctx ? `context "${[...ctxTerms][0]}"` : '';

  const total = support + ctx;
  const sayFor = [supportWhy, ctxWhy].filter(Boolean).join(' and ');
  // nothing says place either: the name the feed found is taken as the school's (never initials, configured or
  // not: "QA", "NPA" are shared by too much)
  // a person's name ("Sir Thomas Pelham, who held Stanmer") is the person's when nothing says school
  // ("Sir Roger Hale are through to the final": a plural verb is the school's, as no one man is "are")
  const personal = occ.pattern.person && total < tuning.minSupport && !/^(?:'s)?\s+(?:are|were|have|'ve)\b/.test(view.text.slice(occ.end, occ.end + 8));
  // a name many things share ("CGS", "the Phoenix"), or the name of a place's community group ("Kinbrae Community
  // Chat |"), which speaks of plumbers and bin days as often as of its school: school life near it, not the town alone,
  // makes it the school's
  if (occ.pattern.shared || (occ.via === 'text' && communityGroupAfter(view, occ))) {
    // a titled adult by surname in the item ("Mr Kowalczyk", "Miss Dobson"): how pupils and parents name the school's
    // own people, as much as the unnamed rule allows it (a bank's "Mr Smith" is outweighed by its banking words)
    const t = titledPerson(raw);
    if (t) {
      support += titledWeight(t[1]);
      supportWhy ||= `a titled adult "${t[0]}"`;
    }
    const all = support + ctx;
    const why = [supportWhy, ctxWhy].filter(Boolean).join(' and ');
    if (support >= tuning.minSupport && all > against) return { mentioned: true, why: `, a name shared with other things, with ${why}${against ? ` (outweighing place words ${againstWhy})` : ''}` };
    return { mentioned: false, why: support ? `, a name shared with other things, with ${why} (${fmt(all)}) ${against ? `outweighed by other-sense words ${againstWhy} (${fmt(against)})` : 'too little school life'}` : `is a name shared with other things, with no school life near it${against ? ` and other-sense words ${againstWhy}` : ''}`, prefix: '' };
  }
  if (against < tuning.noiseFloor && !personal && (!occ.pattern.acronym || acronymAsName(view, raw, occ, before))) return { mentioned: true, why: total ? `with ${sayFor} and no place words` : 'with no place words either (taken as the school)' };
  if (total >= tuning.minSupport && total > against) return { mentioned: true, why: `with ${sayFor}${against ? ` (outweighing place words ${againstWhy})` : ''}` };
  if (total >= tuning.minSupport) return { mentioned: false, why: `with ${sayFor} (${fmt(total)}) outweighed by place words ${againstWhy} (${fmt(against)})` };
  return { mentioned: false, why: 'without school context' };
}
