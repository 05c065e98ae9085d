/**
 * Literal gates (lib/score/literal-gate.ts): strings one of which is in every text a pattern matches, read off its
 * source, so the pattern is skipped for a text without any. The gate must never change what is found: a pattern the
 * reader cannot prove anything about gets no gate, and on random texts a text gated shut never has a match.
 * (Speed itself is measured in bench/, never here.)
 */
import { describe, expect, it } from 'vitest';
import { findAll } from '../../lib/score/document';
import { LEXICON } from '../../lib/score/lexicon';
import { literalGate, literalGateTest } from '../../lib/score/literal-gate';
import { mayMatch } from '../../lib/score/word-gate';

describe('literalGate reads the strings a pattern needs from its source', () => {
  it('literal runs, repeats, groups, alternations and look-aheads', () => {
    expect(literalGate(/\b(?:kill|death)\s+to\b/)).toEqual(['kill', 'death']);
    // a repeated letter ends a run at its first occurrence and starts one at its last: "nnniiggg" has "ni", "ig", "gg"
    expect(literalGate(/n+i+g+g+/)).toEqual(['gg']);
    expect(literalGate(/\b(?:from|to|cc)\s*:/)).toEqual([':']);
    expect(literalGate(/14\s*\/?\s*88/)).toEqual(['14']);
    expect(literalGate(/[a-z]+(?=\)\)\))/)).toEqual([')))']);
    expect(literalGate(/(?:ab|cd)+y?/)).toEqual(['ab', 'cd']);
    expect(literalGate(/a&e|visit/)).toEqual(['a&e', 'visit']);
    expect(literalGate(/ab{2,}c/)).toEqual(['bc']);
  });

  it('gives no gate when some alternative needs nothing it can prove, or a flag changes how the source reads', () => {
    expect(literalGate(/\bfoo|[a-z]+/)).toBeUndefined();
    expect(literalGate(/(?:foo)?b?ar?/)).toBeUndefined();
    expect(literalGate(/(?!foo)[a-z]/)).toBeUndefined();
    expect(literalGate(/foo/i)).toBeUndefined();
    expect(literalGate(/foo/y)).toBeUndefined();
    expect(literalGate(/(?:foo|)[a-z]/)).toBeUndefined();
    expect(literalGate(/f\w+/)).toBeUndefined();
    // a common letter is in nearly every text: not worth a look-up
    expect(literalGate(/a+b?/)).toBeUndefined();
  });
});

describe('a literal gate never hides a match', () => {
  const patterns = [
    /n+i+g+g+(?:er|a)|sand\s*n\w+|[a-z]+(?=\)\)\))/g, /\b(?:(?:mother)?f+u+c+k+(?:ing?|ed)?|c+u+n+t+s?)\b/g, /\b(?:14\s*\/?\s*88|kill\s+all\s+(?:the\s+)?\w+)\b/g,
    /ab{2,}c/g, /(?:ab|cd)+x/g, /a\.b(?=cd)/g, /x(?<=ax)y/g, /[\])]ab/g, /a{1}b{0,1}c/g, /\u{1F52A}+x/gu, /(?<n>ab)\k<n>/g,
  ];
  const vocab = ['fuck', 'fuuck', 'ffuck', 'motherfucker', 'cunt', 'ccuntts', 'nigga', 'nniigger', 'sandn', 'sand nx', 'abc)))', ')))', '14 / 88', '1488', 'kill all', 'the', 'abbc', 'abc', 'ababx', 'cdx', 'a.bcd', 'axy', ']ab', ')ab', 'ac', 'abc', '\u{1F52A}\u{1F52A}x', 'abab', ' ', '-'];
  let seed = 11;
  const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
  it('on 3,000 random texts, every pattern gated shut has no match, and findAll finds what the pattern finds', () => {
    for (let t = 0; t < 3000; t++) {
      const text = Array.from({ length: 1 + rand(6) }, () => vocab[rand(vocab.length)]!).join(['', ' ', ','][rand(3)]!);
      for (const re of patterns) {
        const gate = literalGate(re);
        re.lastIndex = 0;
        if (gate && !gate.some((l) => text.includes(l))) expect(re.test(text), `${re} on ${JSON.stringify(text)}`).toBe(false);
        expect(findAll(text, re)).toEqual([...text.matchAll(re)].map((m) => ({ start: m.index!, end: m.index! + m[0].length })));
      }
    }
  });

  it('an escape without its digits (\\x, \\u, \\c, \\k without the u flag: the letter itself) does not swallow what follows', () => {
    // without the u flag "\xg" is "xg" and "\uab" is "uab": the reader skipped "g|z" / "ab|z" as if they were hex
    // digits and read the rest as one alternative's literal, gating shut a text that matches the other alternative
    for (const [source, text] of [[String.raw`\xg|zzqj`, 'xg'], [String.raw`\uab|zzqj`, 'uab'], [String.raw`\c1|zzqj`, String.raw`\c1`], [String.raw`\k|zz<q>qj`, 'k']] as const) {
      const re = new RegExp(source);
      expect(re.test(text), `${re} matches ${text}`).toBe(true);
      expect(mayMatch(text, re), `${re} on ${text}`).toBe(true);
      const gate = literalGate(re);
      if (gate) expect(gate.some((l) => text.includes(l)), `${re}: ${gate} in ${text}`).toBe(true);
    }
    // well-formed escapes read as before
    expect(literalGate(new RegExp(String.raw`\x41zzq|\u0041zzq|\u{41}zzq`, 'u'))).toEqual(['zzq']);
    expect(literalGate(new RegExp(String.raw`\x41zzq|\u0041zzq`))).toEqual(['zzq']);
  });

  it("the lexicon's pattern categories (re: lines) still find their entries", () => {
    for (const [text, category] of [['you absolute fuuuckface', 'profanity'], ['kill all the teachers', 'extremist'], ['the 14/88 lot', 'extremist']] as const) {
      expect(LEXICON.find(text, category).length, `${category} in ${text}`).toBeGreaterThan(0);
    }
    // the strings are looked up as they are: punctuation in them is not read as pattern syntax
    const close = literalGateTest(/[a-z]+(?=\)\)\))|e\.g\.x/)!;
    expect([close('x)))'), close('e.g.x'), close('x))'), close('eXgXx')]).toEqual([true, true, false, false]);
    expect(mayMatch('nothing here', /f+u+c+k+/)).toBe(false);
    expect(mayMatch('FUCK', /f+u+c+k+/)).toBe(false);
    expect(mayMatch('oh fuuck', /f+u+c+k+/)).toBe(true);
  });
});
