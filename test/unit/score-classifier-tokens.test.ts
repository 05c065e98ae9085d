/**
 * The classifier's word tokens (lib/score/features.ts matchTokens) are found by a scan of character codes, not by a
 * regular-expression run per word; the scan must give exactly the pattern's matches, or the trained model would read
 * different features. (Speed itself is measured in bench/, never here.)
 */
import { describe, expect, it } from 'vitest';
import { CLASSIFIER_TOKEN, classifierTokens, matchTokens } from '../../lib/score/features';

describe('matchTokens finds exactly the matches of CLASSIFIER_TOKEN', () => {
  it('words, apostrophes, digits and emoji', () => {
    expect(matchTokens("don't a'' 'tis dogs' x'y'z 42b \u{1F600}\u00A9 caf\u00E9")).toEqual(["don't", 'a', 'tis', 'dogs', "x'y'z", '42', 'b', '\u{1F600}', '\u00A9', 'caf']);
    expect(classifierTokens('hi user @user')).toEqual(['hi', '@user', '@user']);
  });

  it('on 5,000 random texts, including lone surrogates and letters past ASCII', () => {
    const alphabet = ['a', 'b', 'z', 'q', '0', '9', "'", "''", ' ', '-', 'A', 'Z', '\u00E9', '\u00DF', '\u00A9', '\u{1F600}', '\u{1F44D}', '\u{1F3FD}', '\u200D', '\uD83D', '\uDE00', '\u2764', '\uFE0F', '@', '\n', '_', '\u0131'];
    let seed = 5;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
    for (let t = 0; t < 5000; t++) {
      const text = Array.from({ length: rand(14) }, () => alphabet[rand(alphabet.length)]!).join('');
      expect(matchTokens(text), JSON.stringify(text)).toEqual(text.match(CLASSIFIER_TOKEN) ?? []);
    }
  });
});
