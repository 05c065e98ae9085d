/**
 * The shipped lexicon: data/lexicons/*.tsv compiled by scripts/build-lexicons.ts into
 * model/lexicons.json, loaded once here. Categories (see data/lexicons/README.md) are matched
 * against the clean (de-obfuscated) view by the token matcher of lexicon-data.ts, or turned into
 * patterns for the rules that search with one.
 */
import { fromLexiconFile, Lexicon, type CompactLexiconFile } from './lexicon-data';
import file from './model/lexicons.json';

export { Lexicon } from './lexicon-data';
export type { LexEntry, LexHit } from './lexicon-data';

/**
 * A value the rules compile from a lexicon (a regular expression of some of its categories), made on first use for each
 * lexicon and remembered: the rules run with the shipped lexicon or with a test's own.
 */
export function perLexicon<T>(make: (lex: Lexicon) => T): (lex: Lexicon) => T {
  const made = new WeakMap<Lexicon, T>();
  return (lex) => {
    let value = made.get(lex);
    if (value === undefined) {
      value = make(lex);
      made.set(lex, value);
    }
    return value;
  };
}

/** Everything in data/lexicons: what the rules read. */
export const LEXICON = new Lexicon(fromLexiconFile(file as CompactLexiconFile));

/**
 * The source whose entries the abuse classifier's lexicon features were trained with. The features
 * (features.ts, stacker.ts) count only these, so adding entries from other sources changes what the
 * rules find without moving the trained model's inputs; `npm run train` after a change to this
 * source.
 */
export const MODEL_SOURCE = 'schoolwatch-0.1';

/** Categories the classifier and the stacker count, in their trained order. */
export const FEATURE_CATEGORIES = ['profanity', 'insult-noun', 'weak-insult-noun', 'insult-adj', 'slur', 'put-down'] as const;
const FEATURE_NAMES: Record<(typeof FEATURE_CATEGORIES)[number], string> = {
  profanity: 'profanity', 'insult-noun': 'insult', 'weak-insult-noun': 'weak-insult', 'insult-adj': 'insult-adj', slur: 'slur', 'put-down': 'put-down',
};
export function featureName(category: (typeof FEATURE_CATEGORIES)[number]): string {
  return FEATURE_NAMES[category];
}

/** The entries the trained model knows (see MODEL_SOURCE). */
export const MODEL_LEXICON = LEXICON.filter((e) => e.source === MODEL_SOURCE && (FEATURE_CATEGORIES as readonly string[]).includes(e.category));
