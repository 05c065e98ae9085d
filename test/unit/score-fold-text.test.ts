/**
 * foldText (lib/score/normalize.ts) reads a text one code point at a time: the view of a whole text is the views of its
 * code points one after another, offsets shifted. Its faster paths (an ASCII text's identity maps, a run of ASCII
 * lower-cased whole inside a text with other characters) must keep exactly that. (Speed is measured in bench/.)
 */
import { describe, expect, it } from 'vitest';
import { foldText } from '../../lib/score/normalize';

describe('foldText is the code points folded one by one', () => {
  it('on 3,000 random texts mixing ASCII, accents, compatibility forms, quotes and zero-width characters', () => {
    const alphabet = ['a', 'Z', 'Q', ' ', '0', '!', '\n', 'é', 'É', 'ß', 'ﬁ', 'Ａ', '’', '“', '—', '\u200B', '\u00A0', 'ı', '😀', 'ø', 'Ø', 'ŉ', 'x\u0301', '\uD83D', 'Ⅻ'];
    let seed = 3;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
    for (let t = 0; t < 3000; t++) {
      const input = Array.from({ length: rand(12) }, () => alphabet[rand(alphabet.length)]!).join('');
      const want = { text: '', start: [] as number[], end: [] as number[] };
      for (let i = 0; i < input.length; ) {
        const w = (input.codePointAt(i)! > 0xffff ? 2 : 1);
        const one = foldText(input.slice(i, i + w));
        want.text += one.text;
        for (let k = 0; k < one.start.length; k++) {
          want.start.push(i + one.start[k]!);
          want.end.push(i + one.end[k]!);
        }
        i += w;
      }
      const got = foldText(input);
      expect({ text: got.text, start: Array.from(got.start), end: Array.from(got.end) }, JSON.stringify(input)).toEqual(want);
    }
  });
});

describe('foldText keeps one offset pair per character of its text', () => {
  // an emoji is two UTF-16 units: with one pair for both, every offset after it pointed one character early, and the
  // evidence quoted for a word after an emoji was shifted (found by the round-7 mention engineer)
  it('after an emoji, each character of the view maps back to the same character of the input', () => {
    for (const [input, word] of [['😀 Mr Hale is a liar', 'liar'], ['Great day 🎉🎉 at Elm Park, thanks Miss Ó Briain', 'Park'], ['👍🏽 ok 𝕏 SHE is a joke', 'joke']] as const) {
      const v = foldText(input);
      expect(v.start.length, input).toBe(v.text.length);
      expect(v.end.length, input).toBe(v.text.length);
      const at = v.text.indexOf(word.toLowerCase());
      expect(input.slice(v.start[at]!, v.end[at + word.length - 1]!), input).toBe(word);
    }
  });
});
