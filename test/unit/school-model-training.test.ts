/**
 * The school model learns from what it meets when it scores: the trainer's view of an item
 * (scripts/lib-eval/school-data.ts prepare) equals the scorer's (school-model.ts schoolView with the
 * options assessForSchool passes), and the two agree on who is a named person. Also: corpus
 * discovery never opens an unread blind set.
 */
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSchoolsFile, schoolScoreOptions } from '../../lib/score/assess';
import { ruleParts } from '../../lib/score/index';
import { readFileSync } from 'node:fs';
import { DENSE_FEATURES, denseFeatures, familyThreshold, loadSchoolModel, schoolView, shippedSchoolModel, type SchoolModelFile } from '../../lib/score/school-model';
import { generateSuite, loadSuiteData } from '../../lib/functional/load';
import { functionalCorpora, prepare, schoolCorpora, trainCorpora, type Row } from '../../scripts/lib-eval/school-data';

const ashby = loadSchoolsFile([
  {
    id: 'ashbygrange',
    name: 'Ashby Grange Primary School',
    aliases: ['Ashby Grange Primary', 'Ashby Grange'],
    context: ['Thornleigh'],
    exclude: [],
    publicFacts: { phones: ['01632 960100'], addresses: ['Grange Lane, Thornleigh TL4 2AG'], postcodes: ['TL4 2AG'] },
  },
]).get('ashbygrange')!;

const row = (text: string): Row => ({ id: 'x', set: 't', group: 't:x', school: ashby, title: '', text, expect: { mentioned: true, flag: false, family: null }, weight: 1 });
const NGRAM_SLOTS = new Set(DENSE_FEATURES.flatMap((n, i) => (n.startsWith('ngram:') ? [i] : [])));

describe('school model training data', () => {
  const texts = [
    // the school's own published number, given as "her" number: a leak without the public facts, not with them
    'Ashby Grange in Thornleigh: if you want Mrs Hale, her number is 01632 960100, ring her about the trip.',
    'Mr Öztürk at Ashby Grange Primary is off sick again with his back, according to the office.',
    'Ashby Grange Primary teachers are useless idiots and someone should sort them out.',
  ];

  it('the trainer computes the rule findings with the school’s public facts, as assessForSchool does', () => {
    const p = prepare(row(texts[0]!));
    const withFacts = denseFeatures(ruleParts({ title: '', text: texts[0]! }, ashby.scoring, schoolScoreOptions(ashby)), 0, [0, 0, 0]);
    const withoutFacts = denseFeatures(ruleParts({ title: '', text: texts[0]! }, ashby.scoring, { notNames: schoolScoreOptions(ashby).notNames }), 0, [0, 0, 0]);
    const conf = DENSE_FEATURES.indexOf('max:confidential');
    // the case matters: without the facts the rules call the school's number a leak
    expect(withoutFacts[conf]).toBeGreaterThanOrEqual(0.5);
    expect(p.dense[conf]).toBe(withFacts[conf]);
    expect(p.dense[conf]).toBeLessThan(0.5);
  });

  it('the trainer’s inputs equal the scorer’s for the same item (rule findings, cues, tweet logit)', () => {
    const model = shippedSchoolModel();
    for (const text of texts) {
      const p = prepare(row(text));
      const options = schoolScoreOptions(ashby);
      const { x } = schoolView(model, ruleParts({ title: '', text }, ashby.scoring, options), options.schoolNames);
      DENSE_FEATURES.forEach((name, i) => {
        if (NGRAM_SLOTS.has(i)) return;
        expect(p.dense[i], `${name} for "${text}"`).toBeCloseTo(x[i]!, 4);
      });
    }
  });

  it('a titled name outside ASCII is a named person to the model, as it is to the severity rules', () => {
    const p = prepare(row(texts[1]!));
    expect(p.dense[DENSE_FEATURES.indexOf('named-person')]).toBe(1);
  });

  it('training corpora are found by listing data/train, and an unread blind set is never opened', () => {
    const dir = mkdtempSync(join(tmpdir(), 'train-corpora-'));
    const school = { id: 'ashbygrange', name: 'Ashby Grange Primary School', aliases: [], context: [], exclude: [] };
    for (const name of ['writer-b', 'writer-a', 'blind-2026-12-02i', 'blind-2026-12-02j', 'heldout-m', 'notes-only']) {
      mkdirSync(join(dir, name));
      if (name === 'notes-only') continue;
      writeFileSync(join(dir, name, 'schools.json'), JSON.stringify([school]));
      writeFileSync(join(dir, name, 'items.jsonl'), JSON.stringify({ id: `${name}-1`, school: 'ashbygrange', text: 'Ashby Grange Primary School fair', expect: { mentioned: true, flag: false, family: null } }) + '\n');
    }
    const corpora = trainCorpora(dir);
    expect(corpora.map((c) => c.name)).toEqual(['train/writer-a', 'train/writer-b']);
    expect(corpora.every((c) => c.kind === 'independent')).toBe(true);
    expect(corpora[0]!.rows[0]!.school.id).toBe('ashbygrange');
  });
});

describe('school model functional training data (one loader)', () => {
  it('the functional rows are the eval\'s own cases (loadSuiteData + generateSuite), for every spent half', () => {
    const data = loadSuiteData();
    for (const half of ['dev', 'heldout-c'] as const) {
      const [c] = functionalCorpora([half], 0.2);
      const cases = generateSuite(data, [half]);
      expect(c!.name).toBe(`functional-${half}`);
      expect(c!.rows.map((r) => [r.id, r.text, r.school.id, r.functionality])).toEqual(cases.map((it) => [it.id, it.text, it.school, it.functionality]));
      expect(c!.rows.every((r) => r.weight === 0.2)).toBe(true);
    }
  });

  it('a mistake in the files of a half it trains on is reported before training, as the eval reports it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'functional-'));
    for (const f of ['placeholders.json', 'templates.dev.jsonl', 'templates.heldout.jsonl', 'schools.json']) copyFileSync(join('data/functional', f), join(dir, f));
    const shared = (JSON.parse(readFileSync('data/functional/placeholders.json', 'utf8')) as { lists: Record<string, string[]> }).lists;
    const [list, values] = Object.entries(shared)[0]!;
    // a held-out half repeating a shared value: the loader refuses it; the trainer must not train past it
    writeFileSync(join(dir, 'placeholders.heldout-b.json'), JSON.stringify({ lists: { [list]: [values[0]] } }));
    expect(() => functionalCorpora(['dev', 'heldout-b'], 0.2, dir)).toThrow(/repeats values of placeholders.json/);
  });

  it('never opens the files of a half it does not train on: an unread blind half is not even validated', () => {
    const dir = mkdtempSync(join(tmpdir(), 'functional-'));
    for (const f of ['placeholders.json', 'templates.dev.jsonl', 'templates.heldout.jsonl', 'schools.json']) copyFileSync(join('data/functional', f), join(dir, f));
    // files nobody may read: were they opened, the broken JSON would stop the trainer
    writeFileSync(join(dir, 'templates.heldout-k.jsonl'), '{ not json');
    writeFileSync(join(dir, 'placeholders.heldout-k.json'), '{ not json');
    expect(functionalCorpora(['dev'], 0.2, dir).map((c) => c.name)).toEqual(['functional-dev']);
    expect(() => loadSuiteData(dir)).toThrow();
  });

  it('never trains on an unread blind half, and trains on the spent ones, heldout to heldout-l, blind-c to -g, blind-2026-12-01a to -f and blind-2026-12-02a to -h', () => {
    expect(() => functionalCorpora(['heldout-m' as 'dev'], 0.2)).toThrow(/unread blind/);
    const names = schoolCorpora({ functionalWeight: 0.2, heldoutHalves: true, newSets: true }).map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['functional-dev', 'functional-heldout', 'functional-heldout-b', 'functional-heldout-c', 'functional-heldout-d', 'functional-heldout-e', 'functional-heldout-f', 'functional-heldout-g', 'functional-heldout-h', 'functional-heldout-i', 'functional-heldout-j', 'functional-heldout-k', 'functional-heldout-l', 'blind-2026-11-30', 'blind-2026-11-30b', 'blind-2026-11-30c', 'blind-2026-11-30d', 'blind-2026-11-30e', 'blind-2026-11-30f', 'blind-2026-11-30g', 'blind-2026-12-01a', 'blind-2026-12-01b', 'blind-2026-12-01c', 'blind-2026-12-01d', 'blind-2026-12-01e', 'blind-2026-12-01f', 'blind-2026-12-02a', 'blind-2026-12-02b', 'blind-2026-12-02c', 'blind-2026-12-02d', 'blind-2026-12-02e', 'blind-2026-12-02f', 'blind-2026-12-02g', 'blind-2026-12-02h']));
    expect(names.some((n) => /heldout-m|blind-2026-12-02[ij]/.test(n))).toBe(false);
  });
});

describe('school model thresholds by rule support', () => {
  const f = { threshold: 0.5, alone: 0.85, keep: 0.4 };
  it('words alone need `alone`, a rule finding that flags on its own needs only `keep`, anything between the threshold', () => {
    expect(familyThreshold(f, 0)).toBe(0.85);
    expect(familyThreshold(f, 0.3)).toBe(0.5);
    expect(familyThreshold(f, 0.5)).toBe(0.4);
    expect(familyThreshold({ threshold: 0.5 }, 0)).toBe(0.5);
    expect(familyThreshold({ threshold: 0.5 }, 0.9)).toBe(0.5);
  });

  it('a model file whose words-alone or rule-backed threshold is out of order is refused, saying what to do', () => {
    const shipped = JSON.parse(readFileSync('lib/score/model/school-model.json', 'utf8')) as SchoolModelFile;
    const withAbuse = (over: object) => ({ ...shipped, families: { ...shipped.families, abuse: { ...shipped.families.abuse, ...over } } });
    expect(() => loadSchoolModel(withAbuse({ threshold: 0.5, alone: 0.3, keep: 0.5, aloneRobust: false }))).toThrow(/threshold for words alone must be between its threshold 0.5 and 1.*npm run train:school/);
    expect(() => loadSchoolModel(withAbuse({ threshold: 0.5, keep: 0.6, alone: 0.9, aloneRobust: false }))).toThrow(/rule-backed findings must be between 0 and its threshold 0.5.*npm run train:school/);
  });
});
