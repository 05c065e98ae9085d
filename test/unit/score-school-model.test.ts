/**
 * The school-mode decision (lib/score/school-model.ts): the shipped model file loads, a broken or
 * stale file is refused with a message saying what to do, and the decision flags, vetoes and
 * explains as documented. Hand-made model files make each behaviour certain whatever the shipped
 * weights are.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scoreItem } from '../../lib/score';
import { encodeSparse } from '../../lib/score/classifier';
import { buildDoc } from '../../lib/score/document';
import { extractFeatures, HASH_BITS } from '../../lib/score/features';
import {
  CHOOSER_FEATURES,
  DENSE_FEATURES,
  FAMILY_SETS,
  loadSchoolModel,
  maskedClean,
  SCHOOL_FAMILIES,
  SCHOOL_PLACEHOLDER,
  SchoolModelError,
  shippedSchoolModel,
  type SchoolFamilyFile,
  type SchoolModelFile,
} from '../../lib/score/school-model';

const shippedJson = JSON.parse(readFileSync('lib/score/model/school-model.json', 'utf8')) as SchoolModelFile;

/** A family that never flags on its own: zero n-gram weights, a very negative stacker bias. */
function silentFamily(over: Partial<SchoolFamilyFile> = {}): SchoolFamilyFile {
  const q = new Int8Array(1 << HASH_BITS);
  const enc = encodeSparse(q);
  return { bias: 0, scale: 1, nonZero: enc.count, weights: enc.data, stack: DENSE_FEATURES.map(() => 0), stackBias: -20, threshold: 0.5, strong: null, ...over };
}

/** n-gram weights that are positive on every feature of `word` (so its unigram is the one evidence word), or of each of several. */
function wordFamily(word: string, ...more: string[]): Partial<SchoolFamilyFile> {
  const q = new Int8Array(1 << HASH_BITS);
  for (const w of [word, ...more]) for (const i of extractFeatures(w).idx) q[i] = 100;
  const enc = encodeSparse(q);
  const stack = DENSE_FEATURES.map((name) => (name === 'ngram:abuse' ? 10 : 0));
  return { nonZero: enc.count, weights: enc.data, scale: 0.05, stack, stackBias: -5 };
}

function fileWith(families: Partial<Record<(typeof SCHOOL_FAMILIES)[number], SchoolFamilyFile>>): SchoolModelFile {
  return {
    ...shippedJson,
    families: { abuse: silentFamily(), confidential: silentFamily(), reputation: silentFamily(), ...families },
  };
}

describe('school model file', () => {
  it('the shipped model loads and reads the features this scorer computes', () => {
    const m = shippedSchoolModel();
    expect(m.file.dense).toEqual([...DENSE_FEATURES]);
    for (const fam of SCHOOL_FAMILIES) {
      expect(m.file.families[fam].threshold).toBeGreaterThan(0);
      expect(m.file.families[fam].threshold).toBeLessThan(1);
      expect(m.file.families[fam].nonZero).toBeGreaterThan(0);
    }
    expect(m.file.trainedOn.join(' ')).toMatch(/functional suite dev templates/);
  });

  it('refuses a file trained on different rule features, naming the command that rebuilds it', () => {
    const stale = { ...shippedJson, dense: shippedJson.dense.slice(1) };
    expect(() => loadSchoolModel(stale)).toThrow(SchoolModelError);
    expect(() => loadSchoolModel(stale)).toThrow(/different rule features.*npm run train:school/);
  });

  it('refuses another version, a missing family, a bad threshold and corrupt weights', () => {
    expect(() => loadSchoolModel({ ...shippedJson, version: 99 })).toThrow(/version 99.*npm run train:school/);
    expect(() => loadSchoolModel(null)).toThrow(/not a JSON object/);
    const { reputation: _, ...two } = shippedJson.families;
    expect(() => loadSchoolModel({ ...shippedJson, families: two })).toThrow(/no "reputation" family/);
    expect(() => loadSchoolModel(fileWith({ abuse: silentFamily({ threshold: 1.5 }) }))).toThrow(/"abuse" threshold must be between 0 and 1/);
    expect(() => loadSchoolModel(fileWith({ abuse: silentFamily({ stack: [1, 2] }) }))).toThrow(/"abuse" stacker has 2 weights/);
    const abuse = shippedJson.families.abuse;
    expect(() => loadSchoolModel(fileWith({ abuse: { ...abuse, weights: abuse.weights.slice(0, 40) } }))).toThrow(/"abuse" n-gram weights are corrupt/);
  });
});

describe('school-mode decision', () => {
  const item = (text: string) => ({ title: '', text });

  it('vetoes a rule finding the model turns down: not flagged, the score stays below the threshold', () => {
    const model = loadSchoolModel(fileWith({}));
    const text = 'The reception teacher at Brook Primary is a useless idiot.';
    expect(scoreItem(item(text), undefined, { schoolModel: false }).flagged).toBe(true);
    const r = scoreItem(item(text), undefined, { schoolModel: model });
    expect(r.flagged).toBe(false);
    expect(r.score).toBeLessThan(0.5);
    expect(r.score).toBeGreaterThan(0);
  });

  it('flags a family the rules found nothing for, with its general category, the model\'s reason and the words it weighed', () => {
    const model = loadSchoolModel(fileWith({ abuse: silentFamily(wordFamily('flumpwit')) }));
    const text = 'That new deputy at Brook Primary is a total flumpwit, honestly.';
    const before = scoreItem(item(text), undefined, { schoolModel: loadSchoolModel(fileWith({})) });
    expect(before.flagged).toBe(false);
    const r = scoreItem(item(text), undefined, { schoolModel: model });
    expect(r.families).toEqual(['abuse']);
    const abuse = r.categories.find((c) => c.family === 'abuse')!;
    expect(abuse.reason).toMatch(/judged abusive by the trained model/);
    expect(abuse.reason).toMatch(/"flumpwit"/);
    expect(r.evidence.map((e) => e.text)).toContain('flumpwit');
  });

  it('with aloneRobust, words alone do not flag when one or two words carry them, and do when the rest still say so', () => {
    const text = 'That new deputy at Brook Primary is a total flumpwit, honestly.';
    expect(scoreItem(item(text), undefined, { schoolModel: loadSchoolModel(fileWith({ abuse: silentFamily(wordFamily('flumpwit')) })) }).flagged).toBe(true);
    const robust = loadSchoolModel(fileWith({ abuse: silentFamily({ ...wordFamily('flumpwit', 'snozzler', 'blorpwick'), aloneRobust: true }) }));
    expect(scoreItem(item(text), undefined, { schoolModel: robust }).flagged).toBe(false);
    expect(scoreItem(item('That new deputy at Brook Primary is a total flumpwit and a snozzler, honestly.'), undefined, { schoolModel: robust }).flagged).toBe(false);
    const r = scoreItem(item('That new deputy at Brook Primary is a total flumpwit, a snozzler and a blorpwick, honestly.'), undefined, { schoolModel: robust });
    expect(r.families).toEqual(['abuse']);
    expect(r.categories.find((c) => c.family === 'abuse')!.reason).toMatch(/judged abusive by the trained model/);
    expect(() => loadSchoolModel(fileWith({ abuse: silentFamily({ aloneRobust: 'yes' as unknown as boolean }) }))).toThrow(/"abuse" aloneRobust must be true or false/);
  });

  it('keeps the rules\' categories and evidence when the model agrees with them', () => {
    const always = silentFamily({ stackBias: 20 });
    const model = loadSchoolModel(fileWith({ abuse: always }));
    const r = scoreItem(item('The reception teacher at Brook Primary is a useless idiot.'), undefined, { schoolModel: model });
    expect(r.families).toEqual(['abuse']);
    expect(r.categories.map((c) => c.id)).toContain('abuse.disparaging');
    expect(r.evidence.some((e) => /idiot/.test(e.text))).toBe(true);
  });

  it('lets strong rule findings decide when the file says so, and only then', () => {
    const text = 'Staff wifi password for Brook Primary is Brook2026! if anyone needs it';
    const vetoing = loadSchoolModel(fileWith({}));
    expect(scoreItem(item(text), undefined, { schoolModel: vetoing }).flagged).toBe(false);
    const strong = loadSchoolModel(fileWith({ confidential: silentFamily({ strong: 0.9 }) }));
    const r = scoreItem(item(text), undefined, { schoolModel: strong });
    expect(r.families).toEqual(['confidential']);
    expect(r.categories[0]!.id).toBe('confidential.credentials');
  });

  it('reads the school\'s names as one placeholder token, so it learns about schools rather than which school', () => {
    const doc = buildDoc('St Brendan\'s news', 'Parents at St Brendan\'s RC Primary and St Brendans say the head of St Brendan\'s is great.');
    const masked = maskedClean(doc, ["St Brendan's RC Primary", "St Brendan's", 'St Brendans']);
    expect(masked).not.toMatch(/brendan/);
    expect(masked.split(SCHOOL_PLACEHOLDER).length - 1).toBe(4);
    expect(maskedClean(doc)).toBe(doc.clean.text);
  });

  it('is used by default for items scored with a school, and never for text alone', () => {
    const text = 'The reception teacher at Brook Primary is a useless idiot.';
    // the shipped model is the default; text alone keeps its own stacker (TweetEval path)
    expect(scoreItem(item(text))).toEqual(scoreItem(item(text), undefined, { schoolModel: shippedSchoolModel() }));
    const vetoing = loadSchoolModel(fileWith({}));
    expect(scoreItem(item(text), undefined, { textAlone: true, schoolModel: vetoing }).flagged).toBe(true);
  });

  // the eval's labels are one family or "both" (abuse + confidential): never confidential + reputation, a published
  // report of a suspension is reputation, a leaked one confidential (leave-one-corpus-out, round 4: 46 news reports
  // came back confidential + reputation)
  it('answers one of the label sets (abuse, confidential, reputation, abuse + confidential), chosen by the file\'s chooser', () => {
    const always = silentFamily({ stackBias: 20 });
    const text = 'Brook Primary head suspended pending council inquiry, the Gazette reports.';
    const noChooser = loadSchoolModel({ ...fileWith({ abuse: always, confidential: always, reputation: always }), chooser: undefined });
    const chooser = (best: number) => ({ labels: FAMILY_SETS.map((s) => s.join('+')), weights: FAMILY_SETS.map(() => CHOOSER_FEATURES.map(() => 0)), bias: FAMILY_SETS.map((_, k) => (k === best ? 5 : 0)) });
    for (const [best, want] of [[2, ['reputation']], [3, ['abuse', 'confidential']], [1, ['confidential']]] as const) {
      const model = loadSchoolModel({ ...fileWith({ abuse: always, confidential: always, reputation: always }), chooser: chooser(best) });
      expect(scoreItem(item(text), undefined, { schoolModel: model }).families).toEqual(want);
    }
    // abuse + reputation stands: a news report quoting a parent's insult of the head keeps the insult (the page-text
    // capture adds it), only confidential + reputation (a published report is no leak) is resolved
    const abuseAndNews = loadSchoolModel({ ...fileWith({ abuse: always, reputation: always }), chooser: chooser(2) });
    expect(scoreItem(item(text), undefined, { schoolModel: abuseAndNews }).families).toEqual(['abuse', 'reputation']);
    // only an invalid set is resolved: a valid one stands whatever the chooser prefers
    const two = loadSchoolModel({ ...fileWith({ abuse: always, confidential: always }), chooser: chooser(2) });
    expect(scoreItem(item(text), undefined, { schoolModel: two }).families).toEqual(['abuse', 'confidential']);
    // without a chooser (older files) the per-family decisions stand
    expect(scoreItem(item(text), undefined, { schoolModel: noChooser }).families).toEqual(['abuse', 'confidential', 'reputation']);
  });

  it('refuses a chooser of the wrong shape, saying what to do', () => {
    expect(() => loadSchoolModel({ ...shippedJson, chooser: { labels: ['abuse'], weights: [[1]], bias: [0] } })).toThrow(/chooser.*npm run train:school/);
  });

  it('the shipped model resolves family sets with a chooser', () => {
    expect(shippedSchoolModel().file.chooser?.labels).toEqual(FAMILY_SETS.map((s) => s.join('+')));
  });
});
