/**
 * Round 13 (speed, no behaviour change): the caches under the lexicon matcher must be invisible.
 *
 * - text-table.ts: the table keyed by a word's characters starts small and doubles as words come (a short run's words
 *   then sit in a few kilobytes, not megabytes, of slots); growing, and emptying past its limit, must never lose or
 *   mix up a word's value.
 * - lexicon-data.ts: a word's record remembers what four lexicons worked out about it (the rules', the model's and the
 *   school matcher's read every item assessItem scores for a school); a lexicon's answers must stay its own however
 *   many lexicons take turns.
 * - Lexicon.find reads the last text's hits by category without building matchText's map; both must agree.
 * - school-words.ts: the set of a school's own words (names the name finders skip) is made once per list, not per item.
 *
 * (Speed itself is measured in bench/ and scripts/bench-score.ts, never here; the whole scorer's output is checked
 * byte-identical by bench/dump-assessments.ts.)
 */
import { describe, expect, it } from 'vitest';
import { LEXICON } from '../../lib/score/lexicon';
import { Lexicon } from '../../lib/score/lexicon-data';
import { notNameWords } from '../../lib/score/school-words';
import { fnvOf, TextKeyedTable } from '../../lib/score/text-table';

describe('TextKeyedTable: grows from a small table without losing a word', () => {
  it('gives each word its own value through every doubling, by the characters where they stand in a text', () => {
    let made = 0;
    const table = new TextKeyedTable<{ word: string; n: number }>(14, 100_000, (word) => ({ word, n: made++ }));
    const words = Array.from({ length: 5000 }, (_, i) => `w${i.toString(36)}`);
    const first = words.map((w) => table.get(`  ${w}  `, 2, 2 + w.length));
    expect(made).toBe(5000);
    // asked again, in another text and with the hash given: the same values, none made anew
    const text = words.join(' ');
    let at = 0;
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      const v = table.get(text, at, at + w.length, fnvOf(text, at, at + w.length));
      expect(v).toBe(first[i]);
      expect(v.word).toBe(w);
      at += w.length + 1;
    }
    expect(made).toBe(5000);
  });

  it('empties itself past its limit and then makes values again (the same words, new values)', () => {
    let made = 0;
    const table = new TextKeyedTable<number>(12, 300, () => made++);
    const words = Array.from({ length: 1000 }, (_, i) => `x${i}`);
    for (const w of words) table.get(w, 0, w.length);
    expect(made).toBe(1000);
    const last = words[words.length - 1]!;
    const v = table.get(last, 0, last.length);
    expect(v).toBeLessThan(1000);
    const early = words[0]!;
    expect(table.get(early, 0, early.length)).toBeGreaterThanOrEqual(1000);
  });
});

describe('Lexicon word records: each lexicon keeps its own answers when several take turns', () => {
  const lexicons = [
    new Lexicon([{ term: 'idiot', category: 'insult', weight: 0.9, source: 't' }]),
    new Lexicon([{ term: 'idiot', category: 'other', weight: 0.5, source: 't' }, { term: 'head teacher', category: 'role', weight: 1, source: 't' }]),
    new Lexicon([{ term: 'head*', category: 'lead', weight: 1, source: 't' }]),
    new Lexicon([{ term: 'teacher', category: 'role', weight: 1, source: 't' }]),
    new Lexicon([{ term: 'idiots', category: 'insult', weight: 1, source: 't' }]),
  ];
  const texts = ['the head teacher is an idiot', 'idiots', 'headteacher and teacher'];

  it('five lexicons in turn over the same words find what each finds alone', () => {
    const alone = lexicons.map((lex) => texts.map((t) => [...new Lexicon(lex.entries).matchText(t)].map(([c, hits]) => [c, hits.map((h) => [h.start, h.end, h.term])])));
    for (let round = 0; round < 3; round++) {
      for (let ti = 0; ti < texts.length; ti++) {
        for (let li = 0; li < lexicons.length; li++) {
          const got = [...lexicons[li]!.matchText(`${texts[ti]!} `.trimEnd())].map(([c, hits]) => [c, hits.map((h) => [h.start, h.end, h.term])]);
          expect(got, `lexicon ${li}, text ${ti}, round ${round}`).toEqual(alone[li]![ti]);
        }
      }
    }
  });

  it('find and count agree with matchText, category by category, also for a category without hits or unknown', () => {
    const text = "she's a liar and an idiot, the head teacher said; sick leave again";
    const map = LEXICON.matchText(text);
    for (const cat of [...LEXICON.categories(), 'no-such-category']) {
      expect(LEXICON.find(text, cat)).toEqual(map.get(cat) ?? []);
      expect(LEXICON.count(text, cat)).toBe((map.get(cat) ?? []).length);
    }
    // find first (no map made yet), then matchText: the same hits, in the order their first hit was found
    const other = 'what an idiot';
    const hits = LEXICON.find(other, 'insult-noun');
    expect(LEXICON.matchText(other).get('insult-noun')).toBe(hits);
  });
});

describe('notNameWords: a school word list made into its set once', () => {
  const direct = (list: readonly string[]) => new Set(list.flatMap((n) => n.toLowerCase().split(/[^a-z\u00C0-\u024F]+/)).filter(Boolean));
  it('is the set confidentialRules made per item, for a new array with the same words too', () => {
    const lists: string[][] = [[], [''], ['St Mary’s C of E Primary', 'St Marys', 'Mary-Le-Bow'], ['Ysgol Gymraeg Aberdâr', 'Ysgol\u0000Aber'], ['A', 'a', 'Ó Briain']];
    for (const list of lists) {
      expect([...notNameWords(list)].sort()).toEqual([...direct(list)].sort());
      expect(notNameWords([...list])).toBe(notNameWords(list));
    }
    expect(notNameWords(undefined).size).toBe(0);
  });
});
