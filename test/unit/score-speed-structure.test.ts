/**
 * The speed work's structural pieces keep behaviour: what a lexicon finds is decided by its data lines alone (a new
 * line with punctuation, searched as a pattern, is found without a code change even though the pattern pass is skipped
 * for texts that cannot hold it), and the n-gram extractor's per-text table gives the same features whatever text came
 * before. (Speed itself is measured in bench/, never asserted here.)
 */
import { describe, expect, it } from 'vitest';
import { scoreItem } from '../../lib/score';
import { extractFeatures } from '../../lib/score/features';
import { LEXICON } from '../../lib/score/lexicon';
import { Lexicon, parseLexiconTsv, tokens, TOKEN } from '../../lib/score/lexicon-data';
import { foldText } from '../../lib/score/normalize';

const HEADER = 'term\tcategory\tweight\tsource\n';

describe('lexicon pattern categories are skipped only when no data line can match', () => {
  const lex = new Lexicon(parseLexiconTsv(`${HEADER}report, block\tcondemnation\t1\tt\nme/cfs\tcondition\t1\tt\nre:f+u+c+k+\tprofanity\t0.6\tt\nidiot\tinsult-noun\t0.85\tt\n`));
  const terms = (l: Lexicon, text: string, cat: string) => l.find(text, cat).map((h) => text.slice(h.start, h.end));

  it('finds a punctuated data line when its first word is in the text, and nothing when it is not', () => {
    expect(terms(lex, 'please report, block and move on', 'condemnation')).toEqual(['report, block']);
    expect(terms(lex, 'please report it and block them', 'condemnation')).toEqual([]);
    expect(terms(lex, 'she has me/cfs', 'condition')).toEqual(['me/cfs']);
    expect(terms(lex, 'what the fuuuck', 'profanity')).toEqual(['fuuuck']);
  });

  it('a punctuated term ending in * is found by its prefix, in a phrase or alone', () => {
    const more = new Lexicon(parseLexiconTsv(`${HEADER}sent to the 1:1 un*\tpupil-sensitive\t1\tt\nme/cf*\tcondition\t1\tt\n`));
    expect(terms(more, 'he was sent to the 1:1 unit today', 'pupil-sensitive')).toEqual(['sent to the 1:1 unit']);
    expect(terms(more, 'she has me/cfs', 'condition')).toEqual(['me/cfs']);
  });

  it('a new data line of that kind is found with no code change', () => {
    const text = 'honestly, a total waste/of/space that man';
    expect(terms(lex, text, 'insult-noun')).toEqual([]);
    const more = lex.with(parseLexiconTsv(`${HEADER}waste/of/space\tinsult-noun\t0.85\tnew line\n`));
    expect(terms(more, text, 'insult-noun')).toEqual(['waste/of/space']);
    // through the scorer too: the shipped lexicon plus one line makes an item flag that did not before
    const item = { title: '', text: 'Mr Brown is a total zorblat/gronk, everyone knows it' };
    expect(scoreItem(item, undefined, { schoolModel: false }).categories.map((c) => c.id)).not.toContain('abuse.disparaging');
    const withLine = LEXICON.with(parseLexiconTsv(`${HEADER}zorblat/gronk\tinsult-noun\t0.85\tnew line\n`));
    expect(scoreItem(item, undefined, { schoolModel: false, lexicon: withLine }).categories.map((c) => c.id)).toContain('abuse.disparaging');
  });
});

describe('n-gram features', () => {
  it('are the same whatever was extracted before (the per-text table is sized to each text)', () => {
    const short = 'you absolute idiot, the head is useless';
    const fresh = extractFeatures(short);
    extractFeatures(Array.from({ length: 3000 }, (_, i) => `word${i} another${i % 97} zz${i} ${'abcdefghij'.slice(i % 7)}`).join(' '));
    const after = extractFeatures(short);
    expect([...after.idx]).toEqual([...fresh.idx]);
    expect([...after.val]).toEqual([...fresh.val]);
  });

  it('keep every distinct feature of a long text up to the cap', () => {
    const word = (i: number) => `q${i.toString(26).replace(/./g, (c) => String.fromCharCode(97 + parseInt(c, 26)))}z`;
    const long = extractFeatures(Array.from({ length: 6000 }, (_, i) => word(i)).join(' '));
    expect(long.idx.length).toBe(1 << 14);
    expect(new Set(long.idx).size).toBe(long.idx.length);
  });
});

describe('normalisation shortcuts', () => {
  it('an ASCII text maps every view offset to itself, and reads undefined past its end as an array would', () => {
    const v = foldText('Hello There');
    expect(v.text).toBe('hello there');
    expect(Array.from({ length: 11 }, (_, i) => [v.start[i], v.end[i]])).toEqual(Array.from({ length: 11 }, (_, i) => [i, i + 1]));
    expect(v.start[11]).toBeUndefined();
    expect(v.end[11]).toBeUndefined();
    expect(v.start.length).toBe(11);
  });
});

describe('word tokens', () => {
  it('are exactly the matches of TOKEN, with the stem before the first apostrophe', () => {
    const alphabet = ['a', 'b', 'z', '0', '9', "'", "'", ' ', '-', '_', 'A', 'é', '\u{1F921}', '.'];
    let seed = 11;
    const rand = (k: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % k;
    };
    for (let k = 0; k < 100_000; k++) {
      const len = rand(12);
      let s = '';
      for (let i = 0; i < len; i++) s += alphabet[rand(alphabet.length)];
      const want = [...s.matchAll(TOKEN)].map((m) => {
        const q = m[0].indexOf("'");
        return { start: m.index!, end: m.index! + m[0].length, word: m[0], stem: q > 0 ? m[0].slice(0, q) : undefined };
      });
      const got = tokens(s).map(({ start, end, word, stem }) => ({ start, end, word, stem }));
      if (JSON.stringify(got) !== JSON.stringify(want)) throw new Error(`tokens(${JSON.stringify(s)}) differs from TOKEN's matches`);
    }
    expect(tokens("the idiot's ex-head's car' '9").map((t) => [t.word, t.stem])).toEqual([['the', undefined], ["idiot's", 'idiot'], ['ex', undefined], ["head's", 'head'], ['car', undefined], ['9', undefined]]);
  });
});
