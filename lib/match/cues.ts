/**
 * The mention cues (data/match/mention-cues.tsv, compiled into cues.json by scripts/build-mention-cues.ts):
 * what matchSchool reads to decide whether an ambiguous name means this school or a same-named place.
 * The TSV is the source of truth (term, category, weight, source, as data/lexicons); this module parses
 * and checks it, and compiles the JSON form into matchers once at load time.
 */
import { entryPattern, fromLexiconFile, Lexicon, LexiconFileError, parseLexiconTsv, toLexiconFile, type LexEntry, type LexiconFile } from '../score/lexicon-data';
import cueFile from './cues.json';

/** Every category the matcher reads; a line with another category is a mistake in the data. */
export const CUE_CATEGORIES = ['school-cue', 'place-cue', 'not-this', 'is-this', 'place-next', 'school-kind', 'school-denomination', 'person-title', 'staff-title', 'street-before', 'name-next', 'first-name', 'place-before', 'name-generic', 'parents-group', 'club-next', 'denial-before', 'initials-cue', 'region', 'text-speak', 'handle-suffix', 'blame-agent'] as const;
export type CueCategory = (typeof CUE_CATEGORIES)[number];

/** Parse and check the cue TSV: the lexicon format, known categories, no term twice in a category. */
export function loadCueTsv(text: string, file = 'mention-cues.tsv'): LexEntry[] {
  const entries = parseLexiconTsv(text, file);
  const seen = new Set<string>();
  for (const e of entries) {
    if (!(CUE_CATEGORIES as readonly string[]).includes(e.category)) {
      throw new LexiconFileError(`${file}: "${e.term}" has category "${e.category}", which the matcher does not read; use one of ${CUE_CATEGORIES.join(', ')}`);
    }
    const key = `${e.category}\t${e.term}`;
    if (seen.has(key)) throw new LexiconFileError(`${file}: "${e.term}" is in category ${e.category} twice; keep one line`);
    seen.add(key);
  }
  return entries;
}

export function compileCueFile(entries: readonly LexEntry[]): LexiconFile {
  return toLexiconFile(entries);
}

export interface MentionCues {
  /**
   * school-cue, place-cue, not-this, is-this, initials-cue (what initials also stand for: a blood-sugar reading, a
   * research society; place-ness for initials only, since a school named in full may well mention a GP): found
   * anywhere in an item by one pass over its words.
   */
  vocabulary: Lexicon;
  /** Right after the name: another place or organisation ("… Rovers", "'s Church"). */
  placeNext: RegExp;
  /** Right after the name, an apposition saying what it is: ", the village in the Cotswolds", ", a three-arched crossing". */
  placeApposition: RegExp;
  /** A school kind word (for "is this alias a school's name?" and "is that another school?"). */
  schoolKind: RegExp;
  /** Kind and denomination words, as a test anywhere in a phrase (an alias "St Brendan's RC" says school). */
  schoolWord: RegExp;
  /** A phrase that is wholly kind or denomination words' one entry ("high", "church of england", "gynradd"). */
  schoolWordExact: RegExp;
  /** Words that may stand between a name and its kind ("St Aidan's Catholic High"). */
  denomination: RegExp;
  /** The denominations a church has (weight 1 in the data; "community", "voluntary aided" are only schools'). */
  churchDenomination: RegExp;
  /** Before the name: a title making it a surname ("Cllr Hartfell"). */
  personTitle: RegExp;
  /** Person titles that are also common words in lower case ("fr" = "for real"): they count only with a capital (weight < 1 in the data). */
  capitalTitles: Set<string>;
  /** Before the name: a title and a first name ("councillor Ruth Hartfell"; group 1 = the first name, checked for a capital). */
  personTitleName: RegExp;
  /** The same kinds straight before the name ("ysgol gynradd Bryn Celyn"; group 1 = the kind). */
  distinctKindBefore: RegExp;
  /** Kinds that name a different school when none of this school's names has them (weight 1 in the data). */
  distinctKinds: RegExp;
  /** Before the name: "Mrs Okafor at", "Mr Lee's class at" (group 1 = the title). */
  staffAt: RegExp;
  staffWeight: Map<string, number>;
  /** Before the name: "Fr Quill at", "Rev Ann Lowe from": a titled person (priest, councillor) at a place that is not a school. */
  titledAt: RegExp;
  /** Straight before the name, a kind of place: "yng Nghapel X", "the wine bar X" (group 1 = the word). */
  placeBefore: RegExp;
  /** Before the name: "on", "along" (group 1 = the word). */
  streetBefore: RegExp;
  streetWeight: Map<string, number>;
  /**
   * Right after the name in capitals, words that leave it the school's name ("Gorsebrook Maths", "St Walstan's
   * Advent concert"); any other capitalised word makes it part of another proper name ("Bryn Hafod Quarry").
   */
  nameNext: RegExp;
  /** The name-next words alone (subjects, days, festivals, clubs: "in PE", "at Chess Club"): after "in" or "at", no place. */
  nameNextWord: RegExp;
  /** Common given names ("Adrian Kingsmead": the word before the name, checked for a capital). */
  firstNames: Set<string>;
  /** Last words of two-word names whose first word people write alone ("Kingsmere Park" → "Kingsmere"; weight 1). */
  nameGenericLast: Set<string>;
  /** Words that name nothing on their own ("North", "Church"): never the short form, nor generics themselves. */
  nameGeneric: Set<string>;
  /** Right after the school's own full name, a club named after it ("Thornleigh Juniors FC"). */
  clubNext: RegExp;
  /** Right after a town: its parents' group ("Tamsford Parents", "Thornley Mums & Dads"). */
  parentsGroup: RegExp;
  /** Straight before a name, words saying the item is not about it ("not connected to", "not to be confused with"). */
  denialBefore: RegExp;
  /** Counties and regions with their short forms ("lancs", "co down"), a whole phrase: where a school is "in" says little. */
  region: RegExp;
  /** Their short forms (weight under 1 in the data): how people who live there write them. */
  regionShort: RegExp;
  /** Chat abbreviations ("cba", "idk"): a school's initials written so in lower case are the abbreviation, not the school. */
  textSpeak: Set<string>;
  /** Words a school's handle adds after its initials ("@kvaofficial", "@FHSnews"): the handle is still the school's. */
  handleSuffix: Set<string>;
  /** "the council", "the parents": a body blamed instead of the school ("it's the council, not X"): X is still the item's subject. */
  blameAgent: RegExp;
}

function alternation(entries: readonly LexEntry[], category: CueCategory): string {
  const parts = entries.filter((e) => e.category === category).map((e) => entryPattern(e.term));
  parts.sort((a, b) => b.length - a.length);
  return parts.length ? `(?:${parts.join('|')})` : '(?!)';
}

function weights(entries: readonly LexEntry[], category: CueCategory): Map<string, number> {
  return new Map(entries.filter((e) => e.category === category).map((e) => [e.term, e.weight]));
}

export function compileCues(entries: readonly LexEntry[]): MentionCues {
  const kinds = alternation(entries, 'school-kind');
  const denom = alternation(entries, 'school-denomination');
  const staff = alternation(entries, 'staff-title');
  return {
    vocabulary: new Lexicon(entries.filter((e) => ['school-cue', 'place-cue', 'not-this', 'is-this', 'initials-cue'].includes(e.category))),
    placeNext: new RegExp(`^(?:'?s\\s+)?${alternation(entries, 'place-next')}(?![a-z0-9])`),
    // up to two describing words ("the old", "a three-arched"), never "the one beside the chapel" or "the church one"
    placeApposition: new RegExp(`^\\s*(?:,|:|\\s[–—-])\\s+(?:the|a|an)\\s+(?:(?!(?:one|beside|by|near|next|on|in|at|of|opposite|with|behind|up|down)\\b)[a-z'-]+\\s+){0,4}?${alternation(entries, 'place-next')}(?![a-z0-9])(?!\\s+(?:one|school)\\b)`),
    schoolKind: new RegExp(`^${kinds}(?![a-z0-9])`),
    schoolWord: new RegExp(`(?<![a-z0-9])(?:${kinds}|${denom})(?![a-z0-9])`),
    denomination: new RegExp(`^${denom}(?![a-z0-9])`),
    churchDenomination: new RegExp(`^${alternation(entries.filter((e) => e.weight >= 1), 'school-denomination')}(?![a-z0-9])`),
    schoolWordExact: new RegExp(`^(?:${kinds}|${denom})$`),
    personTitle: new RegExp(`(?<![a-z0-9])(${alternation(entries, 'person-title')}|${staff})\\.?\\s+$`),
    capitalTitles: new Set(entries.filter((e) => e.category === 'person-title' && e.weight < 1).map((e) => e.term)),
    personTitleName: new RegExp(`(?<![a-z0-9])(?:${alternation(entries, 'person-title')}|${staff})\\.?\\s+([a-z][a-z'-]+)\\s+$`),
    distinctKindBefore: new RegExp(`(?<![a-z0-9])(${alternation(entries.filter((e) => e.weight >= 1), 'school-kind')}) +$`),
    distinctKinds: new RegExp(`(?<![a-z0-9])${alternation(entries.filter((e) => e.weight >= 1), 'school-kind')}(?![a-z0-9])`, 'g'),
    staffAt: new RegExp(`(?<![a-z0-9])(${staff})\\.?\\s+[a-z][a-z'-]+(?:'s\\s+class)?\\s+(?:at|from|in)\\s+(?:the\\s+)?$`),
    staffWeight: weights(entries, 'staff-title'),
    titledAt: new RegExp(`(?<![a-z0-9])(?:${alternation(entries, 'person-title')})\\.?\\s+(?:[a-z][a-z'-]+\\s+){1,2}(?:at|from|of)\\s+(?:the\\s+)?$`),
    placeBefore: new RegExp(`(?<![a-z0-9])(${alternation(entries, 'place-before')})\\s+$`),
    streetBefore: new RegExp(`(?<![a-z0-9])(${alternation(entries, 'street-before')})\\s+$`),
    streetWeight: weights(entries, 'street-before'),
    firstNames: new Set(entries.filter((e) => e.category === 'first-name').map((e) => e.term)),
    nameGenericLast: new Set(entries.filter((e) => e.category === 'name-generic' && e.weight >= 1).map((e) => e.term)),
    nameGeneric: new Set(entries.filter((e) => e.category === 'name-generic').map((e) => e.term)),
    clubNext: new RegExp(`^(?:'s)?\\s+${alternation(entries, 'club-next')}(?![a-z0-9])`),
    denialBefore: new RegExp(`(?<![a-z0-9])${alternation(entries, 'denial-before')}\\s+(?:the\\s+)?$`),
    region: new RegExp(`^${alternation(entries, 'region')}$`),
    regionShort: new RegExp(`^${alternation(entries.filter((e) => e.weight < 1), 'region')}$`),
    textSpeak: new Set(entries.filter((e) => e.category === 'text-speak').map((e) => e.term)),
    handleSuffix: new Set(entries.filter((e) => e.category === 'handle-suffix').map((e) => e.term)),
    blameAgent: new RegExp(`(?<![a-z0-9])(?:the|their|those|some)\\s+(?:[a-z'-]+\\s+)?${alternation(entries, 'blame-agent')}(?![a-z0-9])`),
    parentsGroup: new RegExp(`^\\s*${alternation(entries, 'parents-group')}(?![a-z0-9])`),
    nameNextWord: new RegExp(`^${alternation(entries, 'name-next')}(?![a-z0-9])`),
    nameNext: new RegExp(`^(?:${alternation(entries, 'name-next')}|${kinds}|${denom}|${alternation(entries, 'school-cue')})(?![a-z0-9])`),
  };
}

export const CUES: MentionCues = compileCues(fromLexiconFile(cueFile as LexiconFile));
