/**
 * The round-5 vocabulary (data/lexicons/vocab-0.5.tsv) at work: each case is scored with the full lexicon and with the
 * same lexicon minus the vocab-0.5 lines, so the test shows the new words (not other rules) make the difference, and an
 * innocent twin with the same word is left alone. Wording is our own, not taken from any eval set.
 */
import { describe, expect, it } from 'vitest';
import { scoreItem } from '../../lib/score';
import { Lexicon } from '../../lib/score/lexicon-data';
import { loadLexiconDir } from '../../scripts/lib-lexicon/load';

const entries = loadLexiconDir('data/lexicons');
const full = new Lexicon(entries);
const without = new Lexicon(entries.filter((e) => !e.source.startsWith('vocab-0.5')));
const families = (text: string, lexicon: Lexicon): string[] => {
  const r = scoreItem({ title: '', text }, undefined, { lexicon });
  return r.flagged ? r.families : [];
};
/** The new words make `item` flag `family` (it does not flag without them); its innocent `twin` is left alone. */
const newWordsFlag = (item: string, family: string, twin?: string): void => {
  expect(families(item, without)).toEqual([]);
  expect(families(item, full)).toContain(family);
  if (twin !== undefined) expect(families(twin, full)).toEqual([]);
};
/**
 * As newWordsFlag, for insults the trained school model (round 7: words alone judged without their two leading words)
 * now also flags on its own: without the new words the RULES do not flag `item` (their own decision, no trained model),
 * with them the shipped decision flags `family`; the innocent `twin` is left alone.
 */
const newWordsFind = (item: string, family: string, twin?: string): void => {
  const r = scoreItem({ title: '', text: item }, undefined, { lexicon: without, schoolModel: false });
  expect(r.flagged ? r.families : []).toEqual([]);
  expect(families(item, full)).toContain(family);
  if (twin !== undefined) expect(families(twin, full)).toEqual([]);
};

describe('vocab-0.5: the file', () => {
  it('names a reference on every line and adds only to categories other files already use', () => {
    const mine = entries.filter((e) => e.source.startsWith('vocab-0.5'));
    expect(mine.length).toBeGreaterThan(1000);
    const others = new Set(entries.filter((e) => !e.source.startsWith('vocab-0.5')).map((e) => e.category));
    for (const e of mine) {
      expect(others.has(e.category), `${e.term}: category ${e.category}`).toBe(true);
      expect(e.source).toMatch(/^vocab-0\.5 \(.+\)$/);
    }
  });
});

describe('vocab-0.5: abuse words', () => {
  it('Irish slang for a rough sort, said of a teacher, is an insult; denied of him, it is not', () => {
    // not "a right gurrier": since round 6 any bare noun after "a right" said of a teacher is a put-down without the entry
    newWordsFind('The PE teacher at Elm Park is such a gurrier.', 'abuse', 'The PE teacher at Elm Park is not a gurrier at all, he is lovely with the kids.');
  });

  it('a Northern slang insult is found', () => {
    // "<teacher> is a total/right <noun>" flags without knowing the word since round 9; an exclamation needs the word
    newWordsFlag("Oakfield's new head, what a shitehawk.", 'abuse', 'A shitehawk is what my gran called the gulls that nicked chips on Whitby pier.');
    expect(families('Mrs Begum at Oakfield is a total shitehawk', full)).toContain('abuse');
  });

  it('swearing beside Black Country praise slang is praise, not abuse', () => {
    const praise = 'Fucking stonking carol concert at St Mark\'s tonight.';
    // the rules' own decision (no trained model) is what the praise word changes; the retrained model agrees either way
    const rulesAlone = (lexicon: Lexicon) => {
      const r = scoreItem({ title: '', text: praise }, undefined, { lexicon, schoolModel: false });
      return r.flagged ? r.families : [];
    };
    expect(rulesAlone(without)).toContain('abuse');
    expect(rulesAlone(full)).toEqual([]);
    expect(families(praise, full)).toEqual([]);
  });
});

describe('vocab-0.5: confidential words of the four nations', () => {
  it('a Welsh individual development plan (ALN Code) of a named pupil is confidential; a council guide to IDPs is not', () => {
    newWordsFlag('Ffion Hughes in Year 5 has an IDP from the local authority now.', 'confidential', 'The council has published its guide to IDPs for all families in the county.');
  });

  it('a Scottish co-ordinated support plan (ASL Act) of a named pupil is confidential; how such plans work is not', () => {
    // round 9b: another family's child (the parent's own child's plan is theirs to tell, the blind sets' labels say)
    newWordsFlag('Isla McLeod in P5 was given a co-ordinated support plan.', 'confidential', 'The new leaflet explains how a co-ordinated support plan works and who can ask for one.');
  });

  it('an ADHD medicine by its UK brand name (BNF) beside a named pupil is confidential; a news item about supply is not', () => {
    newWordsFlag('Tom Price in Year 7 is on Medikinet now, his mum says.', 'confidential', 'Pharmacies across the county say the Medikinet shortage is easing this month.');
  });

  it('a youth court order of a named pupil is confidential; a citizenship lesson on youth justice is not', () => {
    newWordsFlag('Leah Grant in Year 9 is on a youth rehabilitation order, everyone knows.', 'confidential', 'Year 9 are learning about the youth justice system and youth rehabilitation orders in citizenship.');
  });
});

describe('vocab-0.5: identity words and exclusion cues', () => {
  it('a teacher named by her faith\'s dress and said to force her religion on pupils is discriminatory; an RE lesson on the same dress is not', () => {
    newWordsFind('The new RE teacher at Elm Park wears a jilbab and keeps forcing her religion on Year 7.', 'abuse', 'In RE, Year 7 compared the jilbab, the kippah and the dastar and why people wear them.');
  });

  it('a pupil named by a disability and said not to belong in mainstream is discriminatory; a parents\' session about it is not', () => {
    newWordsFind('That boy with ADHD in 4B is just naughty, he belongs in a special school, not with our kids.', 'abuse', 'Our SENCo ran a brilliant session for parents of kids with ADHD at Elm Park last night.');
  });
});
