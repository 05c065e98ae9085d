/**
 * Word gates (lib/score/word-gate.ts): a rule pattern is skipped for a text without any of the whole words (or word
 * beginnings) it cannot match without, read off the pattern's own source. The gate must never change what is found:
 * a gated rule still fires when its trigger appears (also through a new lexicon line, with no code change), and a
 * pattern the reader cannot prove anything about is simply run. (Speed itself is measured in bench/, never here.)
 */
import { describe, expect, it } from 'vitest';
import { scoreItem } from '../../lib/score';
import { buildDoc, findAll } from '../../lib/score/document';
import { LEXICON } from '../../lib/score/lexicon';
import { Lexicon, parseLexiconTsv } from '../../lib/score/lexicon-data';
import { abuseRules } from '../../lib/score/rules/abuse';
import { reputationRules } from '../../lib/score/rules/reputation';
import { mayMatch, wordGate } from '../../lib/score/word-gate';

describe('wordGate reads the words a pattern needs from its source', () => {
  it('whole words, word beginnings and a spaced-or-joined pair', () => {
    expect(wordGate(/\b(?:tell|give)\b/)).toEqual(['tell', 'give']);
    expect(wordGate(/\b(?:on|under)\s+fire\b/)).toEqual(['fire']);
    expect(wordGate(/\bthe\s+bomb\b|\blegends?\b/)).toEqual(['bomb', 'legend', 'legends']);
    expect(wordGate(/\b(?:murdered|tore\s+apart)\s+(?:the\s+)?x/)).toEqual(['murdered', 'apart']);
    expect(wordGate(/\bphoto\s*shoot\b/)).toEqual(['photo', 'photoshoot']);
    expect(wordGate(/\b(?:life|let'?s|e-mails)\b/)).toEqual(['life', 'let', 'lets', 'mails']);
    // any whole word of an alternative will do: its rarest shuts the gate for most texts
    expect(wordGate(/\b(?:tore[\s-]+the[\s-]+roof|top[\s-]+notch)\b/)).toEqual(['roof', 'notch']);
    expect(wordGate(/\b(?:the[\s-]+goat|bravo)\b/)).toEqual(['goat', 'bravo']);
    expect(wordGate(/\b(?:apologi[sz](?:ed|es)|apology)\b/)).toEqual(['^apol', 'apology']);
    expect(wordGate(/\b(?:is|are)\s+(?:\w+\s+){0,3}?(?:investigation|inquiry)\b/)).toEqual(['investigation', 'inquiry']);
  });

  it('gives no gate when some branch needs no provable word, or a flag changes \\b', () => {
    expect(wordGate(/\bst(?:ole|eal)/)).toBeUndefined();
    expect(wordGate(/\bfoo[\s-]*bar\b/)).toBeUndefined();
    expect(wordGate(/\bfoo.bar\b/)).toBeUndefined();
    expect(wordGate(/\bfoo[&-:]bar\b/)).toBeUndefined();
    expect(wordGate(/\bfoo\b|[\u{1F52A}]/u)).toBeUndefined();
    expect(wordGate(/\bfoo\b/i)).toBeUndefined();
    expect(wordGate(/foo\b/)).toBeUndefined();
    expect(wordGate(/\bfoo\s*bar/)).toBeUndefined();
  });
});

describe('a gate never hides a match', () => {
  const patterns = [
    /\b(?:tell|give)\b/g, /\b(?:on|under)\s+fire\b/g, /\blegends?\b/g, /\bphoto\s*shoot\b/g, /\b(?:apologi[sz](?:ed|es)|apology)\b/g,
    /\b(?:is|are)\s+(?:\w+\s+){0,3}?(?:investigation|inquiry)\b/g, /\b(?:works?|outrage\w*)\b/g, /\bdon\b/g, /\bt\b/g, /\b(?:don'?t|under[\s-]+fire)\b/g, /\btell[-,]fire\b/g, /\b(?:tell[\s-]+the[\s-]+fire|give\s+work)\b/g, /\b(?:under\s+fire|legend)s?/g,
  ];
  const vocab = ['tell', 'dont', 'under-fire', 'tell-fire', 'tell,fire', 'give', 'on', 'fire', 'legend', 'legends', 'photo', 'shoot', 'photoshoot', 'apologised', 'apology', 'is', 'are', 'an', 'investigation', 'work', 'works', 'outraged', "don't", 'x_tell', 'Fire', 'under', "fire's", 'inquiry', 'é', '-', "'", '_', 'tellfire'];
  let seed = 7;
  const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
  it('on 3,000 random texts, every pattern gated shut has no match', () => {
    for (let t = 0; t < 3000; t++) {
      const words = Array.from({ length: 1 + rand(8) }, () => vocab[rand(vocab.length)]!);
      const text = words.join([' ', '', ',', '\n'][rand(4)]!);
      for (const re of patterns) {
        re.lastIndex = 0;
        if (!mayMatch(text, re)) expect(re.test(text), `${re} on ${JSON.stringify(text)}`).toBe(false);
        expect(findAll(text, re)).toEqual([...text.matchAll(re)].map((m) => ({ start: m.index!, end: m.index! + m[0].length })));
      }
    }
  });
});

describe('gated rules still fire when their trigger appears', () => {
  it('harassment (a hint read as words), praise idioms and an investigation by an outside body', () => {
    expect(abuseRules(buildDoc('', 'Go round there and tell her, everyone')).findings.map((f) => f.category)).toContain('abuse.harassment');
    expect(abuseRules(buildDoc('', 'Nothing to see here')).findings.map((f) => f.category)).not.toContain('abuse.harassment');
    expect(buildDoc('', 'The choir absolutely smashed it, total legends').praise.length).toBeGreaterThan(0);
    expect(buildDoc('', 'A lovely day out').praise).toEqual([]);
    expect(reputationRules(buildDoc('', 'Police are investigating the school after the trip')).map((f) => f.category)).toContain('reputation.investigation');
  });

  it('a new praise-event lexicon line is praise with no code change', () => {
    const text = 'what a sick zumbathon that was';
    expect(buildDoc('', text).praise).toEqual([]);
    const lex = LEXICON.with([{ term: 'zumbathon', category: 'praise-event', weight: 1, source: 'test' }]);
    expect(buildDoc('', text, [], lex).praise.map((s) => text.slice(s.start, s.end))).toEqual(['sick zumbathon']);
  });

  it("a school's watch term (a pattern built per item) is found", () => {
    const r = scoreItem({ title: '', text: 'More about the Zorblat scheme today' }, { extraTerms: ['zorblat'] });
    expect(r.categories.map((c) => c.id)).toContain('reputation.watch-term');
    expect(scoreItem({ title: '', text: 'Nothing else today' }, { extraTerms: ['zorblat'] }).categories.map((c) => c.id)).not.toContain('reputation.watch-term');
  });
});

describe('a lexicon pattern category is gated on the words its own lines need', () => {
  const lex = new Lexicon(parseLexiconTsv('term\tcategory\tweight\tsource\nre:zorb(?:le|ling)s?\tcue\t1\tt\n'));
  const terms = (l: Lexicon, text: string) => l.find(text, 'cue').map((h) => text.slice(h.start, h.end));

  it('finds its line, and a new re: line added as data, with no code change', () => {
    expect(terms(lex, 'they were zorbling again')).toEqual(['zorbling']);
    expect(terms(lex, 'nothing here, just a zorb')).toEqual([]);
    const more = lex.with([{ term: 're:blar+gh', category: 'cue', weight: 1, source: 't' }]);
    expect(terms(more, 'blarrrgh and zorbles')).toEqual(['blarrrgh', 'zorbles']);
  });
});
