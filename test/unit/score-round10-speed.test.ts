/**
 * Round 10 (speed): words are looked up by their characters in the text, not by a string cut out of it and hashed by a
 * Map (lexicon-data.ts tokens(): the word records; features.ts collect: each classifier token's features). The look-ups
 * must give exactly what the string look-ups gave, or the rules and the trained model would read different words.
 * (Speed itself is measured in bench/ and scripts/bench-score.ts, never here; the whole scorer's output is checked
 * byte-identical by bench/dump-assessments.ts.)
 */
import { describe, expect, it } from 'vitest';
import { classifierTokens, classifierWordFeatures, wordFeaturesOf } from '../../lib/score/features';
import { TOKEN, tokens } from '../../lib/score/lexicon-data';

const ALPHABET = ['a', 'b', 'e', 'r', 's', 'u', 'z', 'q', '0', '9', "'", "''", ' ', '-', 'A', '\u00E9', '\u{1F600}', '\u2764', '@', '\n', '_', 'user', 'use', 'http://x.y/a', 'www.', "don't", 'the'];

function randomTexts(count: number, seed: number): string[] {
  let s = seed;
  const rand = (n: number) => ((s = (s * 1103515245 + 12345) % 2147483648) % n);
  return Array.from({ length: count }, () => Array.from({ length: rand(16) }, () => ALPHABET[rand(ALPHABET.length)]!).join(''));
}

describe('tokens(): word records found by the characters of the word', () => {
  it('gives the matches of TOKEN, each with its stem (the part before the first apostrophe) and the shared record', () => {
    for (const text of randomTexts(3000, 10)) {
      const toks = tokens(text);
      const want = [...text.matchAll(TOKEN)];
      expect(toks.map((t) => [t.start, t.word]), JSON.stringify(text)).toEqual(want.map((m) => [m.index, m[0]]));
      for (const t of toks) {
        expect(t.rec.word).toBe(t.word);
        expect(t.end).toBe(t.start + t.word.length);
        const q = t.word.indexOf("'");
        expect(t.stem).toBe(q > 0 ? t.word.slice(0, q) : undefined);
        if (t.stem !== undefined) expect(t.stemRec!.word).toBe(t.stem);
      }
    }
  });

  it('one record per word: the same word in another text (or as a stem) is the same record; a near miss is not', () => {
    const a = tokens("the head's office");
    const headA = a[1]!.stemRec!;
    const b = tokens('head heads');
    expect(b[0]!.rec).toBe(headA);
    expect(b[1]!.rec).not.toBe(headA);
    expect(b[1]!.rec.word).toBe('heads');
  });
});

describe('collect: classifier tokens looked up by their characters', () => {
  it('are the features of classifierTokens, in order ("user" read as "@user", links and handles replaced first)', () => {
    for (const text of [...randomTexts(3000, 7), 'hi user @someone see https://t.co/abc', "users use user's", '42 4242 x9']) {
      const got = classifierWordFeatures(text);
      const want = classifierTokens(text).map(wordFeaturesOf);
      expect(got.length, JSON.stringify(text)).toBe(want.length);
      for (let i = 0; i < want.length; i++) expect(got[i], `${JSON.stringify(text)} token ${i}`).toBe(want[i]);
    }
  });

  it('a word and its near miss ("user" and "users") get different features', () => {
    const [user, users] = classifierWordFeatures('user users');
    expect(user).toBe(wordFeaturesOf('@user'));
    expect(users).toBe(wordFeaturesOf('users'));
    expect(users).not.toBe(user);
  });
});
