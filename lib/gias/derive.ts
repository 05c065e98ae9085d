import type { FeedSpec, PublicFacts, SchoolInput } from '../config/schema';
import { LIMITS } from '../config/schema';
import words from './name-words.json';
import type { GiasRecord } from './types';

/**
 * GIAS record → a school draft in the configuration's shape, for an admin to review before saving. Pure: the
 * caller picks a free id (see `schoolIdCandidates`) and names the trust. The word lists are data
 * (name-words.json, with their source); this file only compiles and applies them.
 */

const lower = (s: string) => s.toLocaleLowerCase('en-GB');
const apos = (s: string) => s.replace(/[’‘`]/g, "'");
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A phrase list as one regex over whole words (longest phrase first, so "C of E (VA)" beats "C of E"). */
function phraseRe(list: readonly string[], flags = 'gi'): RegExp {
  const alts = [...new Set(list.map((p) => apos(lower(p))))].sort((a, b) => b.length - a.length).map((p) => escapeRe(p).replace(/\\? /g, '\\s+'));
  return new RegExp(`(?<=^|[\\s,])(?:${alts.join('|')})(?=$|[\\s,])`, flags);
}

const RELIGIOUS = phraseRe(words.religiousDesignations);
const TYPE_WORDS = [...words.typeWords].map((w) => apos(lower(w))).sort((a, b) => b.length - a.length);
const CONNECTORS = new Set(words.connectors.map(lower));
const STOP = new Set(words.stopWords.map(lower));
/** Comparison form of one word or phrase: lower case, no apostrophes ("King's" and "Kings" are one word). */
const norm = (s: string) => apos(lower(s)).replace(/'/g, '');
const COMMON = new Set([...words.commonWords, ...words.typeWords, ...words.religiousDesignations].map(norm));
const ABBREVIATIONS = new Set(words.commonAbbreviations.map(lower));
const SAINT = new Set(words.saintForms.map(lower));
const ROMAN = /^(?:I{1,3}|IV|VI{0,3}|IX|X)$/;
/** Names that open with a dedication are called by it ("St Mary's"), never by initials. */
const DEDICATION = /^(?:st\.?|saint|holy|our|blessed|christ|all|sacred|the\s+holy)\b/i;
/** The initials people use are short: KGV, QEGS. Longer ones are nobody's name for the school. */
const INITIALS_MIN = 3;
const INITIALS_MAX = 5;
export const MAX_ALIASES = 30;

/** The default watch: a Google News search for the name and aliases (the admin can change it before saving). */
export const DEFAULT_FEEDS: FeedSpec[] = [{ source: 'google-news' }];

/**
 * What a school added from its URN starts with beyond what GIAS says: the CLI draft and the console's reviewed
 * rows both take these, so the two ways of adding a school save the same thing.
 */
export function urnSchoolDefaults() {
  return { exclude: [] as string[], timezone: 'Europe/London', digestHour: 7, allClear: false, feeds: DEFAULT_FEEDS.map((f) => ({ ...f })) };
}

export interface DeriveOptions {
  /** The school id to use (pick a free one from `schoolIdCandidates`). */
  id: string;
  /** The Schoolwatch trust's name, added to the context words. */
  trustName?: string;
}

/** What the draft took from GIAS, field by field, in the extract's own column names. */
export interface FilledField {
  field: string;
  from: string;
}

export interface DerivedDraft {
  school: SchoolInput & { id: string; name: string; urn: string; aliases: string[]; context: string[]; publicFacts: PublicFacts; feeds: FeedSpec[] };
  filled: FilledField[];
  /** Fields GIAS left empty for this school, to fill by hand if wanted. */
  missing: string[];
}

export function deriveSchoolDraft(record: GiasRecord, options: DeriveOptions): DerivedDraft {
  const name = squash(record.name);
  const filled: FilledField[] = [
    { field: 'name', from: 'EstablishmentName' },
    { field: 'urn', from: 'URN' },
  ];
  const missing: string[] = [];
  const places = placesOf(record);
  const aliases = deriveAliases(name, places);
  if (aliases.length) filled.push({ field: 'aliases', from: 'EstablishmentName (derived)' });

  const context = uniqueCi([record.town, record.localAuthority, record.trust, options.trustName].map((s) => squash(s ?? '')).filter((s) => s && s.length <= LIMITS.nameChars));
  const ctxFrom = [record.town && 'Town', record.localAuthority && 'LA (name)', record.trust && 'Trusts (name)'].filter(Boolean).join(', ');
  if (context.length) filled.push({ field: 'context', from: ctxFrom || 'the trust name' });

  const facts = publicFactsOf(record);
  const factFrom: Record<keyof PublicFacts, string> = {
    phones: 'TelephoneNum',
    addresses: 'Street, Locality, Address3, Town',
    postcodes: 'Postcode',
    websites: 'SchoolWebsite',
    people: 'HeadTitle (name), HeadFirstName, HeadLastName',
  };
  for (const k of Object.keys(factFrom) as (keyof PublicFacts)[]) {
    if (facts[k].length) filled.push({ field: `publicFacts.${k}`, from: factFrom[k] });
    else missing.push({ phones: 'phone number', addresses: 'address', postcodes: 'postcode', websites: 'website', people: 'headteacher’s name' }[k]);
  }
  return {
    school: {
      id: options.id,
      name,
      urn: record.urn,
      aliases,
      context,
      ...urnSchoolDefaults(),
      recipients: [],
      publicFacts: facts,
    },
    filled,
    missing,
  };
}

/** Town, locality and local authority: an alias that is only one of these would match every local story. */
function placesOf(r: GiasRecord): Set<string> {
  return new Set([r.town, r.locality, r.address3, r.localAuthority].filter((s): s is string => !!s && !!s.trim()).map(key));
}

/** Comparison key: lower case, no apostrophes, no leading "the", single spaces ("Bishop's Stortford" = "Bishops Stortford"). */
function key(s: string): string {
  return squash(norm(s).replace(/^the\s+/, '').replace(/[.,()]/g, ' '));
}

function uniqueCi(list: string[]): string[] {
  const seen = new Set<string>();
  return list.filter((s) => {
    const k = lower(apos(s));
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The name without its religious character / governance designation ("Church of England", "RC", "(VA)"). */
export function withoutDesignation(name: string): string {
  const out = apos(name).replace(RELIGIOUS, ' ');
  // What is left in brackets is a second name or a note ("The King's (The Cathedral) School"), and GIAS often
  // ends a name with ", Town" ("St Mary's … Primary School, Ashworth"): people leave both out.
  return tidy(out.replace(/\([^)]*\)/g, ' ').replace(/,[^,]*$/, ' '));
}

/** Drops connectors and stray punctuation left at either end ("St Mary's and" → "St Mary's"). */
function tidy(s: string): string {
  let toks = squash(s).split(' ').filter(Boolean);
  while (toks.length && CONNECTORS.has(lower(toks[toks.length - 1]!))) toks = toks.slice(0, -1);
  while (toks.length && CONNECTORS.has(lower(toks[0]!))) toks = toks.slice(1);
  return toks.join(' ').replace(/[,;:]+$/, '');
}

/** Drops one establishment-type word (or phrase) from the end, if there is one: "… Primary School" → "… Primary". */
function dropTypeWord(s: string): string | undefined {
  const l = lower(s);
  for (const w of TYPE_WORDS) {
    if (l === w) return undefined;
    if (l.endsWith(` ${w}`)) return tidy(s.slice(0, s.length - w.length));
  }
  return undefined;
}

/**
 * The forms of the name people write, each shorter than the last: the name without its designation, then
 * without each type word at its end: "St Mary's Church of England Primary School" → "St Mary's Primary
 * School", "St Mary's Primary", "St Mary's".
 */
export function nameLevels(name: string): string[] {
  const levels: string[] = [];
  let cur: string | undefined = withoutDesignation(name);
  while (cur) {
    levels.push(cur);
    cur = dropTypeWord(cur);
  }
  return levels;
}

/**
 * A sponsor's academy names its place after the type word ("Harris Academy Battersea", "Oasis Academy
 * Coulsdon"); people drop the type word: "Harris Battersea". Undefined when no type word is inside the name.
 */
export function withoutInnerTypeWords(level: string): string | undefined {
  const toks = level.split(' ');
  const isType = (t: string) => TYPE_WORDS.includes(norm(t)) && !/^(?:high|grammar|first|middle|lower|upper|village|county|national|learning|campus|centre)$/i.test(t);
  // only type words with a name word after them ("… Junior and Infant School" has none)
  let last = toks.length - 1;
  while (last >= 0 && (isType(toks[last]!) || CONNECTORS.has(lower(toks[last]!)))) last--;
  const inner = toks.filter((t, i) => !(i > 0 && i < last && isType(t)));
  return inner.length < toks.length ? tidy(inner.join(' ')) : undefined;
}

/** Words that carry the name (not "the", "of", "and"). */
const significant = (s: string) => key(s).split(' ').filter((w) => w && !STOP.has(w) && w !== '-');

/** An alias that is only a place, a common word, or nothing at all would match everything. */
export function acceptableAlias(alias: string, placeNames: ReadonlySet<string>): boolean {
  const places = new Set([...placeNames].map(key));
  const k = key(alias);
  if (!k || places.has(k)) return false;
  const sig = significant(alias);
  if (sig.length === 0) return false;
  if (sig.length === 1) {
    const w = sig[0]!;
    const stem = w.replace(/s$/, '');
    if (COMMON.has(w) || COMMON.has(stem) || SAINT.has(w) || places.has(w) || w.length < 3) return false;
  }
  // "St Something" where Something is a place ("St Albans" for a school in St Albans) is the place.
  return !places.has(k.replace(/^(?:saint|st\.?)\s+/, 'st ')) && !places.has(k.replace(/^(?:st\.?)\s+/, 'saint '));
}

/** Initials of the significant words; Roman numerals stay whole (King George V → KGV). */
export function initialsOf(s: string): string {
  return squash(apos(s))
    .split(' ')
    .filter((w) => w && !STOP.has(lower(w)) && /[A-Za-z]/.test(w))
    .map((w) => (ROMAN.test(w) ? w : (/[A-Za-z]/.exec(w)![0] ?? '').toUpperCase()))
    .join('');
}

/** Phase words do not appear in the initials people use (King Edward's Grammar School → KEGS, not KEPGS). */
const PHASE = new Set(['primary', 'secondary', 'infant', 'infants', "infants'", 'junior', 'juniors', "juniors'", 'nursery', 'community', 'voluntary', 'first', 'middle', 'lower', 'upper', 'special', 'village']);

function initialsAliases(levels: string[]): string[] {
  const out: string[] = [];
  const full = levels[0] ?? '';
  if (!full || DEDICATION.test(full)) return out;
  const core = levels[levels.length - 1]!;
  const noPhase = (s: string) =>
    s
      .split(' ')
      .filter((w) => !PHASE.has(lower(apos(w))))
      .join(' ');
  for (const s of [noPhase(core), noPhase(full)]) {
    const ini = initialsOf(s);
    const letters = ini.replace(/[^A-Z]/g, '').length;
    if (letters < INITIALS_MIN || ini.length > INITIALS_MAX || ABBREVIATIONS.has(lower(ini))) continue;
    out.push(ini);
  }
  return out;
}

/** "St" ↔ "Saint" ↔ "St." at word starts. */
function saintVariants(s: string): string[] {
  const m = /(^|\s)(St\.?|Saint)(?=\s)/i.exec(s);
  if (!m) return [];
  return ['St', 'Saint', 'St.'].filter((f) => f !== m[2]).map((f) => s.replace(/(^|\s)(St\.?|Saint)(?=\s)/gi, `$1${f}`));
}

/** "St Mary's" → "St Mary’s", "St Marys"; "Sir John Cass's" → "Sir John Cass"; "Infants'" → "Infants". */
function apostropheVariants(s: string): string[] {
  if (!/['’]/.test(s)) return [];
  const straight = s.replace(/’/g, "'");
  const curly = s.replace(/'/g, '’');
  const none = straight.replace(/s's\b/g, 's').replace(/(\w)'s\b/g, '$1s').replace(/s'(?=\s|$)/g, 's');
  return [s === straight ? curly : straight, none];
}

/** "&" ↔ "and" between words. */
function ampersandVariants(s: string): string[] {
  if (/\s&\s/.test(s)) return [s.replace(/\s&\s/g, ' and ')];
  if (/\sand\s/i.test(s)) return [s.replace(/\sand\s/gi, ' & ')];
  return [];
}

/**
 * Aliases from the official name: its shorter forms, the usual initials, then the spellings people use
 * (St/Saint/St., apostrophes, &/and). Deduplicated case-insensitively, never the name itself, never only a
 * place or a common word, at most MAX_ALIASES (the matcher folds spelling anyway; these also feed search queries).
 */
export function deriveAliases(name: string, places: ReadonlySet<string> = new Set()): string[] {
  const levels = nameLevels(name);
  const variants = (s: string) => [...saintVariants(s), ...apostropheVariants(s), ...ampersandVariants(s)];
  const inner = levels.flatMap((l) => withoutInnerTypeWords(l) ?? []);
  const candidates = [...levels, ...inner, ...initialsAliases(levels), ...levels.flatMap(variants), ...inner.flatMap(variants), ...variants(squash(name.replace(/,[^,]*$/, '')))];
  const seen = new Set([lower(apos(squash(name)))]);
  const out: string[] = [];
  for (const c of candidates.map(squash)) {
    const k = lower(c);
    if (seen.has(k) || !acceptableAlias(c, places) || c.length > LIMITS.nameChars) continue;
    // keep the published apostrophe style distinct from its curly twin (both are searched for)
    seen.add(k);
    out.push(c);
    if (out.length >= MAX_ALIASES) break;
  }
  return out;
}

/** What the school publishes about itself, as GIAS lists it. */
export function publicFactsOf(r: GiasRecord): PublicFacts {
  const fit = (s: string | undefined) => (s ? squash(s) : '');
  const ok = (s: string) => s.length > 0 && s.length <= LIMITS.nameChars;
  const phone = fit(r.phone);
  const lines = [r.street, r.locality, r.address3, r.town].map(fit).filter(Boolean);
  const address = lines.join(', ');
  const postcode = fit(r.postcode).toUpperCase();
  const site = fit(r.website);
  const domain = site ? websiteDomain(site) : undefined;
  return {
    phones: [phone].filter(ok),
    addresses: [ok(address) ? address : fit(r.street)].filter(ok),
    postcodes: [postcode].filter(ok),
    websites: uniqueCi([site, domain ?? ''].filter(ok)),
    people: headNames(r).filter(ok),
  };
}

/** "www.stmarys.example.sch.uk/home" → "stmarys.example.sch.uk"; undefined when it is not a web address. */
export function websiteDomain(site: string): string | undefined {
  try {
    const u = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(site) ? site : `http://${site}`);
    return /\./.test(u.hostname) ? u.hostname.replace(/^www\./, '') : undefined;
  } catch {
    return undefined;
  }
}

/** "Mrs Jane Smith", "Jane Smith", "Mrs Smith": the forms a head's name is written in. */
export function headNames(r: Pick<GiasRecord, 'headTitle' | 'headFirstName' | 'headLastName'>): string[] {
  const title = squash(r.headTitle ?? '');
  const t = /^(?:not applicable|not recorded|unknown|n\/a)$/i.test(title) ? '' : title;
  const first = squash(r.headFirstName ?? '');
  const last = squash(r.headLastName ?? '');
  if (!last) return [];
  return uniqueCi([t && first ? `${t} ${first} ${last}` : '', first ? `${first} ${last}` : '', t ? `${t} ${last}` : ''].filter(Boolean));
}

/** Ids to try, best first: from the name's short form, then with the town, then with the URN (always unique). */
export function schoolIdCandidates(record: Pick<GiasRecord, 'name' | 'town' | 'urn'>): string[] {
  const levels = nameLevels(record.name);
  // the form without "School"/"Academy"/"College" but keeping the phase ("st-marys-primary")
  const base = slug(levels.find((l) => !/\b(?:school|academy|college)$/i.test(l)) ?? levels[0] ?? record.name) || 'school';
  const town = slug(record.town ?? '');
  const fit = (s: string) => (s.length <= 64 ? s : s.slice(0, 64).replace(/-[^-]*$/, ''));
  const short = fit(base).slice(0, 56).replace(/-+$/, '');
  return [...new Set([fit(base), town && !base.endsWith(town) ? fit(`${short}-${town}`) : '', `${short.slice(0, 57).replace(/-+$/, '')}-${record.urn}`].filter(Boolean))];
}

/** A safe id: lower-case ASCII letters, digits and hyphens ("St Mary's" → "st-marys", "Cass's" → "cass"). */
export function slug(s: string): string {
  return apos(s)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    // letters NFKD does not split
    .replace(/æ/g, 'ae').replace(/œ/g, 'oe').replace(/ø/g, 'o').replace(/ß/g, 'ss').replace(/ł/g, 'l').replace(/đ/g, 'd')
    .replace(/&/g, ' and ')
    .replace(/s's\b/g, 's')
    .replace(/'/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
