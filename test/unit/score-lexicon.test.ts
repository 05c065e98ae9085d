import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scoreItem } from '../../lib/score';
import { LEXICON } from '../../lib/score/lexicon';
import { fromLexiconFile, Lexicon, LexiconFileError, parseLexiconTsv, toCompactLexiconFile } from '../../lib/score/lexicon-data';
import { loadLexiconDir } from '../../scripts/lib-lexicon/load';

const HEADER = 'term\tcategory\tweight\tsource\n';

describe('lexicon data files', () => {
  it('the compiled lib/score/model/lexicons.json is up to date with data/lexicons/*.tsv (run `npm run lexicons`)', () => {
    const built = JSON.stringify(toCompactLexiconFile(loadLexiconDir('data/lexicons'))) + '\n';
    expect(readFileSync('lib/score/model/lexicons.json', 'utf8') === built).toBe(true);
  });

  it('the compact form keeps every entry, in order', () => {
    const entries = loadLexiconDir('data/lexicons');
    expect(fromLexiconFile(toCompactLexiconFile(entries))).toEqual(entries);
  });

  it('every file says where its entries come from and under which licence', () => {
    for (const e of LEXICON.entries) expect(e.source).not.toBe('');
  });

  it('a bad line is reported with its file, line and what to do', () => {
    expect(() => parseLexiconTsv(`# note\n${HEADER}idiot\tinsult-noun\t2\thand\n`, 'x.tsv')).toThrow(/x\.tsv line 3: weight "2" must be a number from 0 to 1/);
    expect(() => parseLexiconTsv(`${HEADER}idiot\tinsult-noun\t0.8\n`, 'x.tsv')).toThrow(LexiconFileError);
    expect(() => parseLexiconTsv(`term,category\n`, 'x.tsv')).toThrow(/header/);
    expect(() => parseLexiconTsv(`${HEADER}Idiot\tinsult-noun\t0.8\thand\n`, 'x.tsv')).toThrow(/lower case/);
    expect(() => parseLexiconTsv(`${HEADER}re:(\tinsult-noun\t0.8\thand\n`, 'x.tsv')).toThrow(/not a valid regular expression/);
  });

  // round 13 (a found defect): a word of the text never starts or ends with an apostrophe (TOKEN), so 57 terms such as
  // "teachers' standards", "magistrates' court" or "sayin'" never matched anything; the parser now refuses them, saying
  // what to write instead, and the files hold them as they are read
  it('a term with a word starting or ending in an apostrophe is refused, with the spelling that matches', () => {
    expect(() => parseLexiconTsv(`${HEADER}teachers' standards\thr-process\t1\thand\n`, 'x.tsv')).toThrow(/x\.tsv line 2: "teachers' standards" could never match.*write "teachers standards"/);
    expect(() => parseLexiconTsv(`${HEADER}sayin'\treport-verb\t1\thand\n`, 'x.tsv')).toThrow(/write "sayin"/);
    expect(() => parseLexiconTsv(`${HEADER}go 'head\tcampaign-urge\t1\thand\n`, 'x.tsv')).toThrow(/write "go head"/);
    // an apostrophe inside a word is how the text has it, and patterns are left alone
    expect(parseLexiconTsv(`${HEADER}don't\tdenial\t1\thand\nre:kids'\tdata-identity\t1\thand\n`, 'x.tsv')).toHaveLength(2);
  });

  it('the terms that had an apostrophe at a word\'s edge match the text they were written for', () => {
    const cases: [string, string][] = [
      ["not meeting the teachers' standards", 'hr-process'],
      ["up before the magistrates' court", 'news-frame'],
      ['at the leavers\' ball', 'praise-event'],
      ["the money went into his mates' pockets", 'misconduct-manner'],
      ["I'll be waitin' at the gates", 'wait-at'],
      ["go 'head and share it", 'campaign-urge'],
      ["gi' ower, she never said that", 'denial'],
    ];
    for (const [text, category] of cases) expect(LEXICON.count(text, category), `${category}: ${text}`).toBeGreaterThan(0);
  });
});

describe('lexicon matching', () => {
  const lex = new Lexicon(parseLexiconTsv(`${HEADER}idiot\tinsult-noun\t0.85\tt\nwaste of space\tinsult-noun\t0.85\tt\ndiabet*\tcondition\t1\tt\ntwo-faced\tinsult-adj\t0.3\tt\nre:f+u+c+k+\tprofanity\t0.6\tt\n`));
  const terms = (text: string, cat: string) => lex.find(text, cat).map((h) => text.slice(h.start, h.end));

  it('finds words, phrases across spaces or hyphens, possessives, prefixes and patterns', () => {
    expect(terms("what an idiot's idea, a total waste  of space", 'insult-noun')).toEqual(['idiot', 'waste  of space']);
    expect(terms('she is diabetic and has diabetes', 'condition')).toEqual(['diabetic', 'diabetes']);
    expect(terms('two faced and two-faced', 'insult-adj')).toEqual(['two faced', 'two-faced']);
    expect(terms('fuuuck that', 'profanity')).toEqual(['fuuuck']);
  });

  it('does not join a phrase across a sentence break or match inside a word', () => {
    expect(terms('what a waste. of space', 'insult-noun')).toEqual([]);
    expect(terms('idiotic', 'insult-noun')).toEqual([]);
  });

  it('credits a `re:` entry written with a lookahead or lookbehind with its own weight and term, not its category\'s first pattern\'s', () => {
    const withLookaround = new Lexicon(parseLexiconTsv(`${HEADER}re:z+o+r+p+\tslur\t0.92\tfirst\nre:[a-z]+(?=\\)\\)\\))\tslur\t0.9\techo\nre:(?<=#)blorp\tslur\t0.7\ttag\n`));
    const hit = (text: string) => withLookaround.find(text, 'slur').map((h) => ({ term: h.term, weight: h.weight, source: h.source, matched: text.slice(h.start, h.end) }));
    expect(hit('the (((glorpers))) again')).toEqual([{ term: 're:[a-z]+(?=\\)\\)\\))', weight: 0.9, source: 'echo', matched: 'glorpers' }]);
    expect(hit('tagged #blorp today')).toEqual([{ term: 're:(?<=#)blorp', weight: 0.7, source: 'tag', matched: 'blorp' }]);
    // (contrast: the category's first pattern keeps its own weight)
    expect(hit('a zorp there')).toEqual([{ term: 're:z+o+r+p+', weight: 0.92, source: 'first', matched: 'zorp' }]);
  });

  it('several lexicons reading the same words in turn each find their own entries (a word remembers two lexicons at a time)', () => {
    const [one, two, three] = ['insult-noun', 'condition', 'slur'].map((cat) => new Lexicon(parseLexiconTsv(`${HEADER}zibbet\t${cat}\t0.5\tt\nzibbet crumb\t${cat}\t0.7\tt\n`)));
    const weights = (lex: Lexicon, text: string, cat: string) => lex.find(text, cat).map((h) => h.weight);
    for (let round = 0; round < 3; round++) {
      expect(weights(one!, `a zibbet crumb ${round}`, 'insult-noun')).toEqual([0.7]);
      expect(weights(two!, `the zibbet ${round}`, 'condition')).toEqual([0.5]);
      expect(weights(three!, `zibbet crumb, zibbet ${round}`, 'slur')).toEqual([0.7, 0.5]);
      // (contrast: another lexicon's category is not found)
      expect(weights(three!, `zibbet crumb ${round}!`, 'insult-noun')).toEqual([]);
    }
  });

  it('has() looks up a single word or phrase', () => {
    expect(lex.has('insult-adj', 'two-faced')).toBe(true);
    expect(lex.has('condition', 'diabetes')).toBe(true);
    expect(lex.has('condition', 'diet')).toBe(false);
  });
});

describe('a one-line lexicon change changes a result', () => {
  const text = { title: 'Northgate Park Academy', text: 'The new head of maths is a complete blorpwit.' };

  it('an insult the lexicon does not know is not flagged; adding one line flags it', () => {
    expect(scoreItem(text, undefined, { classifier: false }).flagged).toBe(false);
    const added = LEXICON.with(parseLexiconTsv(`${HEADER}blorpwit\tinsult-noun\t0.85\ttest: one added line\n`));
    const r = scoreItem(text, undefined, { classifier: false, lexicon: added });
    expect(r.flagged).toBe(true);
    expect(r.categories.map((c) => c.id)).toEqual(['abuse.disparaging']);
    expect(r.evidence[0]!.text).toBe('blorpwit');
  });

  it('a condition the lexicon does not know is not sensitive; adding one line makes a named pupil with it confidential', () => {
    const leak = { title: '', text: 'Jacob Morris in Year 5 has grumbleitis, his mum told the whole class group.' };
    expect(scoreItem(leak, undefined, { classifier: false }).families).not.toContain('confidential');
    const added = LEXICON.with(parseLexiconTsv(`${HEADER}grumbleitis\tcondition\t1\ttest: one added line\n`));
    expect(scoreItem(leak, undefined, { classifier: false, lexicon: added }).families).toContain('confidential');
  });
});
