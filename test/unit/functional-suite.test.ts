/**
 * The school functional test suite's generator and data (data/functional/): deterministic, big
 * enough, every placeholder used, dev and held-out templates disjoint and both covering every
 * functionality; the same for the blind second held-out half (heldout-b), which also keeps clear of
 * the first held-out half's templates and vocabulary, and for the blind third to tenth halves (heldout-c,
 * heldout-d, heldout-e, heldout-f, heldout-g, heldout-h, heldout-i, heldout-j), each keeping clear of every earlier half. Scorer accuracy on the suite is reported by `npm run eval`, not asserted here.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expand, FunctionalDataError, HALVES, SCHOOL_SLOTS, slotsOf, validate, type ExpectedFamily, type FunctionalItem, type Placeholders, type SuiteHalf, type Template } from '../../lib/functional/expand';
import { generateSuite, loadSuiteData, placeholdersFor } from '../../lib/functional/load';
import { loadSchoolsFile, type Assessment } from '../../lib/score/assess';
import type { Family } from '../../lib/score/types';
import { caseCorrect, formatFunctional, functionalRows } from '../../scripts/lib-eval/functional';

const data = loadSuiteData();
const { placeholders, templates } = data;

function generateWithDraws() {
  const draws = new Map<string, Set<string>>();
  const devDraws = new Map<string, Set<string>>();
  const heldoutDraws = new Map<string, Set<string>>();
  const heldoutBDraws = new Map<string, Set<string>>();
  const heldoutCDraws = new Map<string, Set<string>>();
  const heldoutDDraws = new Map<string, Set<string>>();
  const heldoutEDraws = new Map<string, Set<string>>();
  const heldoutFDraws = new Map<string, Set<string>>();
  const heldoutGDraws = new Map<string, Set<string>>();
  const heldoutHDraws = new Map<string, Set<string>>();
  const heldoutIDraws = new Map<string, Set<string>>();
  const heldoutJDraws = new Map<string, Set<string>>();
  const heldoutKDraws = new Map<string, Set<string>>();
  const heldoutLDraws = new Map<string, Set<string>>();
  const heldoutMDraws = new Map<string, Set<string>>();
  const record = (into: Map<string, Set<string>>[]) => (list: string, value: string) => {
    for (const m of into) {
      if (!m.has(list)) m.set(list, new Set());
      m.get(list)!.add(value);
    }
  };
  const dev = expand(placeholdersFor(data, 'dev'), templates.dev, { half: 'dev', onDraw: record([draws, devDraws]) });
  const heldout = expand(placeholdersFor(data, 'heldout'), templates.heldout, { half: 'heldout', onDraw: record([draws, heldoutDraws]) });
  const heldoutB = expand(placeholdersFor(data, 'heldout-b'), templates['heldout-b'], { half: 'heldout-b', onDraw: record([draws, heldoutBDraws]) });
  const heldoutC = expand(placeholdersFor(data, 'heldout-c'), templates['heldout-c'], { half: 'heldout-c', onDraw: record([draws, heldoutCDraws]) });
  const heldoutD = expand(placeholdersFor(data, 'heldout-d'), templates['heldout-d'], { half: 'heldout-d', onDraw: record([draws, heldoutDDraws]) });
  const heldoutE = expand(placeholdersFor(data, 'heldout-e'), templates['heldout-e'], { half: 'heldout-e', onDraw: record([draws, heldoutEDraws]) });
  const heldoutF = expand(placeholdersFor(data, 'heldout-f'), templates['heldout-f'], { half: 'heldout-f', onDraw: record([draws, heldoutFDraws]) });
  const heldoutG = expand(placeholdersFor(data, 'heldout-g'), templates['heldout-g'], { half: 'heldout-g', onDraw: record([draws, heldoutGDraws]) });
  const heldoutH = expand(placeholdersFor(data, 'heldout-h'), templates['heldout-h'], { half: 'heldout-h', onDraw: record([draws, heldoutHDraws]) });
  const heldoutI = expand(placeholdersFor(data, 'heldout-i'), templates['heldout-i'], { half: 'heldout-i', onDraw: record([draws, heldoutIDraws]) });
  const heldoutJ = expand(placeholdersFor(data, 'heldout-j'), templates['heldout-j'], { half: 'heldout-j', onDraw: record([draws, heldoutJDraws]) });
  const heldoutK = expand(placeholdersFor(data, 'heldout-k'), templates['heldout-k'], { half: 'heldout-k', onDraw: record([draws, heldoutKDraws]) });
  const heldoutL = expand(placeholdersFor(data, 'heldout-l'), templates['heldout-l'], { half: 'heldout-l', onDraw: record([draws, heldoutLDraws]) });
  const heldoutM = expand(placeholdersFor(data, 'heldout-m'), templates['heldout-m'], { half: 'heldout-m', onDraw: record([draws, heldoutMDraws]) });
  return { dev, heldout, heldoutB, heldoutC, heldoutD, heldoutE, heldoutF, heldoutG, heldoutH, heldoutI, heldoutJ, heldoutK, heldoutL, heldoutM, draws, devDraws, heldoutDraws, heldoutBDraws, heldoutCDraws, heldoutDDraws, heldoutEDraws, heldoutFDraws, heldoutGDraws, heldoutHDraws, heldoutIDraws, heldoutJDraws, heldoutKDraws, heldoutLDraws, heldoutMDraws };
}

const { dev, heldout, heldoutB, heldoutC, heldoutD, heldoutE, heldoutF, heldoutG, heldoutH, heldoutI, heldoutJ, heldoutK, heldoutL, heldoutM, draws, devDraws, heldoutDraws, heldoutBDraws, heldoutCDraws, heldoutDDraws, heldoutEDraws, heldoutFDraws, heldoutGDraws, heldoutHDraws, heldoutIDraws, heldoutJDraws, heldoutKDraws, heldoutLDraws, heldoutMDraws } = generateWithDraws();
/** Each half's draws, by half. */
const drawsByHalf: Record<SuiteHalf, Map<string, Set<string>>> = {
  dev: devDraws,
  heldout: heldoutDraws,
  'heldout-b': heldoutBDraws,
  'heldout-c': heldoutCDraws,
  'heldout-d': heldoutDDraws,
  'heldout-e': heldoutEDraws,
  'heldout-f': heldoutFDraws,
  'heldout-g': heldoutGDraws,
  'heldout-h': heldoutHDraws,
  'heldout-i': heldoutIDraws,
  'heldout-j': heldoutJDraws,
  'heldout-k': heldoutKDraws,
  'heldout-l': heldoutLDraws,
  'heldout-m': heldoutMDraws,
};
/** The halves before a half, oldest first. */
const halvesBefore = (half: SuiteHalf): SuiteHalf[] => HALVES.slice(0, HALVES.indexOf(half));
/** Every generated case, oldest half first. */
const allCases = [...dev, ...heldout, ...heldoutB, ...heldoutC, ...heldoutD, ...heldoutE, ...heldoutF, ...heldoutG, ...heldoutH, ...heldoutI, ...heldoutJ, ...heldoutK, ...heldoutL, ...heldoutM];

describe('functional suite generator', () => {
  it('is deterministic for a seed and changes with the seed', () => {
    const again = generateSuite(data, ['dev', 'heldout', 'heldout-b', 'heldout-c', 'heldout-d', 'heldout-e', 'heldout-f', 'heldout-g', 'heldout-h', 'heldout-i', 'heldout-j', 'heldout-k', 'heldout-l', 'heldout-m']);
    expect(again).toEqual(allCases);
    const other = generateSuite(data, ['dev'], { seed: 7 });
    expect(other.map((it) => it.text)).not.toEqual(dev.map((it) => it.text));
  });

  it('makes at least 3,000 cases: 2,000 dev and 1,000 held-out, capped per template', () => {
    expect(dev.length).toBeGreaterThanOrEqual(2000);
    expect(heldout.length).toBeGreaterThanOrEqual(1000);
    expect(dev.length + heldout.length).toBeGreaterThanOrEqual(3000);
    expect(heldoutB.length).toBeGreaterThanOrEqual(1000);
    expect(heldoutC.length).toBeGreaterThanOrEqual(1000);
    expect(heldoutD.length).toBeGreaterThanOrEqual(1000);
    expect(heldoutE.length).toBeGreaterThanOrEqual(1000);
    expect(heldoutF.length).toBeGreaterThanOrEqual(1000);
    expect(heldoutG.length).toBeGreaterThanOrEqual(1000);
    expect(heldoutH.length).toBeGreaterThanOrEqual(1000);
    expect(heldoutI.length).toBeGreaterThanOrEqual(1000);
    expect(heldoutJ.length).toBeGreaterThanOrEqual(1000);
    const perTemplate = new Map<string, number>();
    for (const it of allCases) perTemplate.set(it.template, (perTemplate.get(it.template) ?? 0) + 1);
    expect(Math.max(...perTemplate.values())).toBeLessThanOrEqual(18);
    expect(expand(placeholders, templates.dev, { half: 'dev', perTemplate: 2 }).length).toBe(2 * templates.dev.length);
  });

  it('gives every case a unique id, no repeated text within a template and no unfilled placeholder', () => {
    const all = allCases;
    expect(new Set(all.map((it) => it.id)).size).toBe(all.length);
    expect(new Set(all.map((it) => `${it.template}\n${it.title}\n${it.text}`)).size).toBe(all.length);
    for (const it of all) expect(`${it.title} ${it.text}`, it.id).not.toMatch(/[{}]/);
  });

  it('uses every placeholder list and every value in it, held-out-only values in held-out cases only', () => {
    for (const [name, values] of Object.entries(placeholdersFor(data, 'heldout').lists)) {
      const used = draws.get(name);
      expect(used, `list "${name}" is never used by a template`).toBeDefined();
      expect(values.filter((v) => !used!.has(v)), `unused values of "${name}"`).toEqual([]);
    }
    expect(Object.keys(data.extraLists.heldout).length).toBeGreaterThan(10);
    for (const [name, values] of Object.entries(data.extraLists.heldout)) {
      expect(values.filter((v) => devDraws.get(name)?.has(v)), `held-out values of "${name}" in dev cases`).toEqual([]);
    }
    for (const [id, refs] of Object.entries(placeholders.schools)) {
      expect(draws.get('school id')?.has(id), `school ${id}`).toBe(true);
      expect(heldoutBDraws.get('school id')?.has(id), `heldout-b school ${id}`).toBe(true);
      expect(heldoutCDraws.get('school id')?.has(id), `heldout-c school ${id}`).toBe(true);
      expect(heldoutDDraws.get('school id')?.has(id), `heldout-d school ${id}`).toBe(true);
      expect(heldoutEDraws.get('school id')?.has(id), `heldout-e school ${id}`).toBe(true);
      expect(heldoutFDraws.get('school id')?.has(id), `heldout-f school ${id}`).toBe(true);
      expect(heldoutGDraws.get('school id')?.has(id), `heldout-g school ${id}`).toBe(true);
      expect(heldoutHDraws.get('school id')?.has(id), `heldout-h school ${id}`).toBe(true);
      expect(heldoutIDraws.get('school id')?.has(id), `heldout-i school ${id}`).toBe(true);
      expect(heldoutJDraws.get('school id')?.has(id), `heldout-j school ${id}`).toBe(true);
      expect(heldoutKDraws.get('school id')?.has(id), `heldout-k school ${id}`).toBe(true);
      expect(heldoutLDraws.get('school id')?.has(id), `heldout-l school ${id}`).toBe(true);
      expect(heldoutMDraws.get('school id')?.has(id), `heldout-m school ${id}`).toBe(true);
      for (const [slot, field] of Object.entries(SCHOOL_SLOTS)) {
        const used = draws.get(`${id}:${slot}`) ?? new Set();
        expect(refs[field].filter((v) => !used.has(v)), `unused ${field} of ${id}`).toEqual([]);
      }
    }
  });

  it('uses every heldout-b-only value in heldout-b cases, and keeps each held-out half\'s vocabulary to itself', () => {
    expect(Object.keys(data.extraLists['heldout-b']).length).toBeGreaterThan(10);
    for (const [name, values] of Object.entries(data.extraLists['heldout-b'])) {
      const used = heldoutBDraws.get(name) ?? new Set();
      expect(values.filter((v) => !used.has(v)), `unused heldout-b values of "${name}"`).toEqual([]);
      expect(values.filter((v) => devDraws.get(name)?.has(v)), `heldout-b values of "${name}" in dev cases`).toEqual([]);
      expect(values.filter((v) => heldoutDraws.get(name)?.has(v)), `heldout-b values of "${name}" in held-out cases`).toEqual([]);
      expect(values.filter((v) => data.extraLists.heldout[name]?.includes(v)), `heldout-b values of "${name}" repeating placeholders.heldout.json`).toEqual([]);
    }
    for (const [name, values] of Object.entries(data.extraLists.heldout)) {
      expect(values.filter((v) => heldoutBDraws.get(name)?.has(v)), `held-out values of "${name}" in heldout-b cases`).toEqual([]);
    }
  });

  it('uses every heldout-c-only value in heldout-c cases, and keeps its vocabulary and the other halves\' apart', () => {
    expect(Object.keys(data.extraLists['heldout-c']).length).toBeGreaterThanOrEqual(40);
    const otherExtras = { 'placeholders.heldout.json': data.extraLists.heldout, 'placeholders.heldout-b.json': data.extraLists['heldout-b'] };
    for (const [name, values] of Object.entries(data.extraLists['heldout-c'])) {
      const used = heldoutCDraws.get(name) ?? new Set();
      expect(values.filter((v) => !used.has(v)), `unused heldout-c values of "${name}"`).toEqual([]);
      for (const [half, other] of [['dev', devDraws], ['heldout', heldoutDraws], ['heldout-b', heldoutBDraws]] as const) {
        expect(values.filter((v) => other.get(name)?.has(v)), `heldout-c values of "${name}" in ${half} cases`).toEqual([]);
      }
      for (const [file, lists] of Object.entries(otherExtras)) {
        expect(values.filter((v) => lists[name]?.includes(v)), `heldout-c values of "${name}" repeating ${file}`).toEqual([]);
      }
    }
    for (const lists of Object.values(otherExtras)) {
      for (const [name, values] of Object.entries(lists)) {
        expect(values.filter((v) => heldoutCDraws.get(name)?.has(v)), `another held-out half's values of "${name}" in heldout-c cases`).toEqual([]);
      }
    }
  });

  it('uses every heldout-d-only value in heldout-d cases, and keeps its vocabulary and the other halves\' apart', () => {
    expect(Object.keys(data.extraLists['heldout-d']).length).toBeGreaterThanOrEqual(40);
    const otherExtras = {
      'placeholders.heldout.json': data.extraLists.heldout,
      'placeholders.heldout-b.json': data.extraLists['heldout-b'],
      'placeholders.heldout-c.json': data.extraLists['heldout-c'],
    };
    for (const [name, values] of Object.entries(data.extraLists['heldout-d'])) {
      const used = heldoutDDraws.get(name) ?? new Set();
      expect(values.filter((v) => !used.has(v)), `unused heldout-d values of "${name}"`).toEqual([]);
      for (const [half, other] of [['dev', devDraws], ['heldout', heldoutDraws], ['heldout-b', heldoutBDraws], ['heldout-c', heldoutCDraws]] as const) {
        expect(values.filter((v) => other.get(name)?.has(v)), `heldout-d values of "${name}" in ${half} cases`).toEqual([]);
      }
      for (const [file, lists] of Object.entries(otherExtras)) {
        expect(values.filter((v) => lists[name]?.includes(v)), `heldout-d values of "${name}" repeating ${file}`).toEqual([]);
      }
    }
    for (const lists of Object.values(otherExtras)) {
      for (const [name, values] of Object.entries(lists)) {
        expect(values.filter((v) => heldoutDDraws.get(name)?.has(v)), `another held-out half's values of "${name}" in heldout-d cases`).toEqual([]);
      }
    }
  });

  // the blind halves from heldout-e on: the same checks for each, against every half before it
  for (const [half, minLists, minValues] of [['heldout-e', 45, 250], ['heldout-f', 50, 260], ['heldout-g', 50, 260], ['heldout-h', 50, 260], ['heldout-i', 50, 260], ['heldout-j', 50, 260], ['heldout-k', 50, 260], ['heldout-l', 50, 260], ['heldout-m', 50, 260]] as const) {
    it(`uses every ${half}-only value in ${half} cases, and keeps its vocabulary and the other halves' apart`, () => {
      expect(Object.keys(data.extraLists[half]).length).toBeGreaterThanOrEqual(minLists);
      expect(Object.values(data.extraLists[half]).flat().length).toBeGreaterThanOrEqual(minValues);
      const before = halvesBefore(half);
      const otherExtras = Object.fromEntries(before.filter((h) => h !== 'dev').map((h) => [`placeholders.${h}.json`, data.extraLists[h as Exclude<SuiteHalf, 'dev'>]]));
      expect(Object.keys(otherExtras).length).toBe(before.length - 1);
      for (const [name, values] of Object.entries(data.extraLists[half])) {
        const used = drawsByHalf[half].get(name) ?? new Set();
        expect(values.filter((v) => !used.has(v)), `unused ${half} values of "${name}"`).toEqual([]);
        expect(values.filter((v) => placeholders.lists[name]?.includes(v)), `${half} values of "${name}" repeating placeholders.json`).toEqual([]);
        for (const other of before) {
          expect(values.filter((v) => drawsByHalf[other].get(name)?.has(v)), `${half} values of "${name}" in ${other} cases`).toEqual([]);
        }
        for (const [file, lists] of Object.entries(otherExtras)) {
          expect(values.filter((v) => lists[name]?.includes(v)), `${half} values of "${name}" repeating ${file}`).toEqual([]);
        }
      }
      for (const lists of Object.values(otherExtras)) {
        for (const [name, values] of Object.entries(lists)) {
          expect(values.filter((v) => drawsByHalf[half].get(name)?.has(v)), `another held-out half's values of "${name}" in ${half} cases`).toEqual([]);
        }
      }
    });
  }

  it('keeps {x2} different from {x} in the same case', () => {
    const photos = allCases.filter((it) => it.template.includes('{pupil2}'));
    expect(photos.length).toBeGreaterThan(0);
    for (const it of photos) {
      const names = it.text.match(/[A-Z][a-z]+ [A-Z][a-z]+(?= and | in their)|(?<= and )[A-Z][a-z]+ [A-Z][a-z]+/g) ?? [];
      expect(new Set(names).size, it.text).toBe(names.length);
    }
  });
});

describe('functional suite data', () => {
  const fns = (ts: Template[]) => new Set(ts.map((t) => t.functionality));

  it('has at least 30 functionalities, each in both halves with about two thirds of its templates in dev', () => {
    const devF = fns(templates.dev);
    const heldF = fns(templates.heldout);
    expect(devF.size).toBeGreaterThanOrEqual(30);
    expect([...devF].sort()).toEqual([...heldF].sort());
    for (const f of devF) {
      const d = templates.dev.filter((t) => t.functionality === f).length;
      const h = templates.heldout.filter((t) => t.functionality === f).length;
      expect(h, f).toBeGreaterThanOrEqual(2);
      expect(d, f).toBeGreaterThanOrEqual(h);
      expect(d / (d + h), f).toBeGreaterThan(0.5);
      expect(d / (d + h), f).toBeLessThan(0.75);
    }
  });

  it('has every dev functionality in heldout-b, at least 3 templates each, and no other', () => {
    const devF = fns(templates.dev);
    expect([...fns(templates['heldout-b'])].sort()).toEqual([...devF].sort());
    for (const f of devF) expect(templates['heldout-b'].filter((t) => t.functionality === f).length, f).toBeGreaterThanOrEqual(3);
  });

  it('has every dev functionality in heldout-c, at least 4 templates each, and no other', () => {
    const devF = fns(templates.dev);
    expect([...fns(templates['heldout-c'])].sort()).toEqual([...devF].sort());
    for (const f of devF) expect(templates['heldout-c'].filter((t) => t.functionality === f).length, f).toBeGreaterThanOrEqual(4);
  });

  it('has every dev functionality in heldout-d, at least 4 templates each, and no other', () => {
    const devF = fns(templates.dev);
    expect([...fns(templates['heldout-d'])].sort()).toEqual([...devF].sort());
    for (const f of devF) expect(templates['heldout-d'].filter((t) => t.functionality === f).length, f).toBeGreaterThanOrEqual(4);
  });

  for (const half of ['heldout-e', 'heldout-f', 'heldout-g', 'heldout-h', 'heldout-i', 'heldout-j', 'heldout-k', 'heldout-l', 'heldout-m'] as const) {
    it(`has every dev functionality in ${half}, at least 4 templates each, and no other`, () => {
      const devF = fns(templates.dev);
      expect([...fns(templates[half])].sort()).toEqual([...devF].sort());
      for (const f of devF) expect(templates[half].filter((t) => t.functionality === f).length, f).toBeGreaterThanOrEqual(4);
    });
  }

  it('keeps each functionality to one expectation, and covers every family and not-mentioned', () => {
    const byF = new Map<string, string>();
    for (const t of [...templates.dev, ...templates.heldout, ...templates['heldout-b'], ...templates['heldout-c'], ...templates['heldout-d'], ...templates['heldout-e'], ...templates['heldout-f'], ...templates['heldout-g'], ...templates['heldout-h'], ...templates['heldout-i'], ...templates['heldout-j'], ...templates['heldout-k'], ...templates['heldout-l'], ...templates['heldout-m']]) {
      const e = JSON.stringify(t.expect);
      expect(byF.get(t.functionality) ?? e, t.functionality).toBe(e);
      byF.set(t.functionality, e);
    }
    const families = new Set([...templates.dev, ...templates.heldout].map((t) => (t.expect.mentioned ? String(t.expect.family) : 'not mentioned')));
    expect([...families].sort()).toEqual(['abuse', 'both', 'confidential', 'not mentioned', 'null', 'reputation']);
  });

  it('splits by template: no template in both halves and no held-out template a near copy of a dev one', () => {
    const words = (t: string) => new Set(t.replace(/\{[A-Za-z]+\d?\}/g, ' ').toLowerCase().match(/[a-z']+/g) ?? []);
    const whole = (t: Template) => `${t.title ?? ''} ${t.template}`;
    const devTexts = new Set(templates.dev.map(whole));
    for (const h of templates.heldout) {
      expect(devTexts.has(whole(h)), h.template).toBe(false);
      const hw = words(whole(h));
      for (const d of templates.dev.filter((t) => t.functionality === h.functionality)) {
        const dw = words(whole(d));
        const shared = [...hw].filter((w) => dw.has(w)).length;
        const jaccard = shared / (hw.size + dw.size - shared || 1);
        expect(jaccard, `${h.template}\n  vs ${d.template}`).toBeLessThan(0.5);
      }
    }
  });

  it('keeps heldout-b templates clear of dev and held-out ones: under half of their words shared with any of the same functionality', () => {
    const words = (t: string) => new Set(t.replace(/\{[A-Za-z]+\d?\}/g, ' ').toLowerCase().match(/[a-z']+/g) ?? []);
    const whole = (t: Template) => `${t.title ?? ''} ${t.template}`;
    const earlier = [...templates.dev, ...templates.heldout];
    const earlierTexts = new Set(earlier.map(whole));
    for (const b of templates['heldout-b']) {
      expect(earlierTexts.has(whole(b)), b.template).toBe(false);
      const bw = words(whole(b));
      for (const o of earlier.filter((t) => t.functionality === b.functionality)) {
        const ow = words(whole(o));
        const shared = [...bw].filter((w) => ow.has(w)).length;
        expect(shared / (bw.size + ow.size - shared || 1), `${b.template}\n  vs ${o.template}`).toBeLessThan(0.5);
        expect(shared / (bw.size || 1), `${b.template}\n  vs ${o.template}`).toBeLessThan(0.5);
      }
    }
  });

  it('keeps heldout-c templates clear of dev, held-out and heldout-b ones: under half of their words shared with any of the same functionality', () => {
    const words = (t: string) => new Set(t.replace(/\{[A-Za-z]+\d?\}/g, ' ').toLowerCase().match(/[a-z']+/g) ?? []);
    const whole = (t: Template) => `${t.title ?? ''} ${t.template}`;
    const earlier = [...templates.dev, ...templates.heldout, ...templates['heldout-b']];
    const earlierTexts = new Set(earlier.map(whole));
    for (const c of templates['heldout-c']) {
      expect(earlierTexts.has(whole(c)), c.template).toBe(false);
      const cw = words(whole(c));
      for (const o of earlier.filter((t) => t.functionality === c.functionality)) {
        const ow = words(whole(o));
        const shared = [...cw].filter((w) => ow.has(w)).length;
        expect(shared / (cw.size + ow.size - shared || 1), `${c.template}\n  vs ${o.template}`).toBeLessThan(0.5);
        expect(shared / (cw.size || 1), `${c.template}\n  vs ${o.template}`).toBeLessThan(0.5);
      }
    }
  });

  it('keeps heldout-d templates clear of dev, held-out, heldout-b and heldout-c ones: under half of their words shared with any of the same functionality', () => {
    const words = (t: string) => new Set(t.replace(/\{[A-Za-z]+\d?\}/g, ' ').toLowerCase().match(/[a-z']+/g) ?? []);
    const whole = (t: Template) => `${t.title ?? ''} ${t.template}`;
    const earlier = [...templates.dev, ...templates.heldout, ...templates['heldout-b'], ...templates['heldout-c']];
    const earlierTexts = new Set(earlier.map(whole));
    for (const d of templates['heldout-d']) {
      expect(earlierTexts.has(whole(d)), d.template).toBe(false);
      const dw = words(whole(d));
      for (const o of earlier.filter((t) => t.functionality === d.functionality)) {
        const ow = words(whole(o));
        const shared = [...dw].filter((w) => ow.has(w)).length;
        expect(shared / (dw.size + ow.size - shared || 1), `${d.template}\n  vs ${o.template}`).toBeLessThan(0.5);
        expect(shared / (dw.size || 1), `${d.template}\n  vs ${o.template}`).toBeLessThan(0.5);
      }
    }
  });

  for (const half of ['heldout-e', 'heldout-f', 'heldout-g', 'heldout-h', 'heldout-i', 'heldout-j', 'heldout-k', 'heldout-l', 'heldout-m'] as const) {
    it(`keeps ${half} templates clear of every earlier half's: under half of their words shared with any of the same functionality`, () => {
      const words = (t: string) => new Set(t.replace(/\{[A-Za-z]+\d?\}/g, ' ').toLowerCase().match(/[a-z']+/g) ?? []);
      const whole = (t: Template) => `${t.title ?? ''} ${t.template}`;
      const before = halvesBefore(half);
      expect(before).toContain('heldout-d');
      const earlier = before.flatMap((h) => templates[h]);
      const earlierTexts = new Set(earlier.map(whole));
      for (const n of templates[half]) {
        expect(earlierTexts.has(whole(n)), n.template).toBe(false);
        const nw = words(whole(n));
        for (const o of earlier.filter((t) => t.functionality === n.functionality)) {
          const ow = words(whole(o));
          const shared = [...nw].filter((w) => ow.has(w)).length;
          expect(shared / (nw.size + ow.size - shared || 1), `${n.template}\n  vs ${o.template}`).toBeLessThan(0.5);
          expect(shared / (nw.size || 1), `${n.template}\n  vs ${o.template}`).toBeLessThan(0.5);
        }
      }
    });
  }

  it('names only the case school in mentioned templates and only a same-named place otherwise', () => {
    for (const t of [...templates.dev, ...templates.heldout, ...templates['heldout-b'], ...templates['heldout-c'], ...templates['heldout-d'], ...templates['heldout-e'], ...templates['heldout-f'], ...templates['heldout-g'], ...templates['heldout-h'], ...templates['heldout-i'], ...templates['heldout-j'], ...templates['heldout-k'], ...templates['heldout-l'], ...templates['heldout-m']]) {
      const slots = slotsOf(`${t.title ?? ''} ${t.template}`);
      if (t.expect.mentioned) expect(slots, t.template).toContain('school');
      else {
        expect(slots.includes('school') || slots.includes('town'), t.template).toBe(false);
        expect(slots.some((s) => s.startsWith('collision')), t.template).toBe(true);
      }
    }
  });

  it('keeps placeholders.json schools consistent with schools.json', () => {
    const schools = loadSchoolsFile(JSON.parse(readFileSync('data/functional/schools.json', 'utf8')));
    expect([...schools.keys()].sort()).toEqual(Object.keys(placeholders.schools).sort());
    for (const [id, refs] of Object.entries(placeholders.schools)) {
      const s = schools.get(id)!;
      for (const m of refs.mention) expect([s.name, ...s.aliases], `${id} mention`).toContain(m);
      for (const c of refs.collision) expect(s.exclude, `${id} collision`).toContain(c);
      for (const c of refs.collisionUnlisted) expect(s.exclude, `${id} unlisted collision`).not.toContain(c);
      for (const t of refs.town) expect(s.context, `${id} town`).toContain(t);
      // the suite's own published contact details are the school's public facts, as a real school's would be
      for (const p of refs.schoolPhone) expect(s.publicFacts?.phones, `${id} schoolPhone`).toContain(p);
      for (const a of refs.schoolAddress) expect(s.publicFacts?.addresses, `${id} schoolAddress`).toContain(a);
    }
  });
});

describe('functional suite validation', () => {
  const tiny: Placeholders = {
    lists: { word: ['one', 'two'] },
    schools: { a: { mention: ['A School'], town: ['Town'], collision: ['A Pub'], collisionUnlisted: ['A Farm'], schoolPhone: ['01632 960000'], schoolAddress: ['1 Road'] } },
  };
  const ok: Template = { functionality: 'f', template: '{school} {word}', expect: { mentioned: true, flag: false, family: null } };

  it('names an unknown placeholder and the line it is on', () => {
    expect(() => validate(tiny, [ok, { ...ok, template: '{school} {wrod}' }], 'templates.dev.jsonl')).toThrow(/templates\.dev\.jsonl line 2: unknown placeholder \{wrod\}/);
  });

  it('refuses a flag without a family, and a flagged case that is not about the school', () => {
    expect(() => validate(tiny, [{ ...ok, expect: { mentioned: true, flag: true, family: null } }])).toThrow(FunctionalDataError);
    expect(() => validate(tiny, [{ ...ok, expect: { mentioned: false, flag: true, family: 'abuse' } }])).toThrow(/cannot be flagged/);
  });

  it('refuses held-out vocabulary that does not extend a shared list or repeats a shared value', () => {
    const dir = mkdtempSync(join(tmpdir(), 'functional-'));
    for (const f of ['placeholders.json', 'templates.dev.jsonl', 'templates.heldout.jsonl']) copyFileSync(join('data/functional', f), join(dir, f));
    writeFileSync(join(dir, 'placeholders.heldout.json'), JSON.stringify({ lists: { slangInsults: ['twonk'] } }));
    expect(() => loadSuiteData(dir)).toThrow(/list "slangInsults" is not in placeholders\.json/);
    writeFileSync(join(dir, 'placeholders.heldout.json'), JSON.stringify({ lists: { slangInsult: ['wazzock'] } }));
    expect(() => loadSuiteData(dir)).toThrow(/repeats values of placeholders\.json \(wazzock\)/);
  });

  it('loads heldout-b only when its files are there, with its own vocabulary and not the first held-out half\'s', () => {
    const dir = mkdtempSync(join(tmpdir(), 'functional-'));
    for (const f of ['placeholders.json', 'placeholders.heldout.json', 'templates.dev.jsonl', 'templates.heldout.jsonl']) copyFileSync(join('data/functional', f), join(dir, f));
    expect(loadSuiteData(dir).templates['heldout-b']).toEqual([]);
    writeFileSync(join(dir, 'placeholders.heldout-b.json'), JSON.stringify({ lists: { slangInsult: ['twonk'] } }));
    expect(() => loadSuiteData(dir)).toThrow(/placeholders\.heldout-b\.json: list "slangInsult" repeats values of placeholders\.heldout\.json \(twonk\)/);
    writeFileSync(join(dir, 'placeholders.heldout-b.json'), JSON.stringify({ lists: { slangInsult: ['scrote'] } }));
    const line = JSON.stringify({ functionality: 'f', template: '{school} {slangInsult}', expect: { mentioned: true, flag: true, family: 'abuse' } });
    writeFileSync(join(dir, 'templates.heldout-b.jsonl'), `${line}\n`);
    const loaded = loadSuiteData(dir);
    const lists = placeholdersFor(loaded, 'heldout-b').lists;
    expect(lists.slangInsult).toContain('scrote');
    expect(lists.slangInsult).not.toContain('twonk');
    expect(placeholdersFor(loaded, 'heldout').lists.slangInsult).not.toContain('scrote');
    expect(placeholdersFor(loaded, 'dev').lists.slangInsult).not.toContain('scrote');
  });

  it('loads heldout-c only when its files are there, with its own vocabulary and not the other held-out halves\'', () => {
    const dir = mkdtempSync(join(tmpdir(), 'functional-'));
    for (const f of ['placeholders.json', 'placeholders.heldout.json', 'placeholders.heldout-b.json', 'templates.dev.jsonl', 'templates.heldout.jsonl', 'templates.heldout-b.jsonl']) {
      copyFileSync(join('data/functional', f), join(dir, f));
    }
    expect(loadSuiteData(dir).templates['heldout-c']).toEqual([]);
    expect(loadSuiteData(dir).extraLists['heldout-c']).toEqual({});
    writeFileSync(join(dir, 'placeholders.heldout-c.json'), JSON.stringify({ lists: { slangInsult: ['scrote'] } }));
    expect(() => loadSuiteData(dir)).toThrow(/placeholders\.heldout-c\.json: list "slangInsult" repeats values of placeholders\.heldout-b\.json \(scrote\)/);
    writeFileSync(join(dir, 'placeholders.heldout-c.json'), JSON.stringify({ lists: { slangInsult: ['twonk'] } }));
    expect(() => loadSuiteData(dir)).toThrow(/placeholders\.heldout-c\.json: list "slangInsult" repeats values of placeholders\.heldout\.json \(twonk\)/);
    writeFileSync(join(dir, 'placeholders.heldout-c.json'), JSON.stringify({ lists: { slangInsult: ['zzc-only'] } }));
    const line = JSON.stringify({ functionality: 'f', template: '{school} {slangInsult}', expect: { mentioned: true, flag: true, family: 'abuse' } });
    writeFileSync(join(dir, 'templates.heldout-c.jsonl'), `${line}\n`);
    const loaded = loadSuiteData(dir);
    expect(loaded.templates['heldout-c']).toHaveLength(1);
    const lists = placeholdersFor(loaded, 'heldout-c').lists;
    expect(lists.slangInsult).toContain('zzc-only');
    expect(lists.slangInsult).not.toContain('scrote');
    expect(lists.slangInsult).not.toContain('twonk');
    for (const half of ['dev', 'heldout', 'heldout-b'] as const) expect(placeholdersFor(loaded, half).lists.slangInsult, half).not.toContain('zzc-only');
  });

  it('loads heldout-d only when its files are there, its vocabulary new to every earlier half\'s', () => {
    const dir = mkdtempSync(join(tmpdir(), 'functional-'));
    for (const f of ['placeholders.json', 'placeholders.heldout.json', 'placeholders.heldout-b.json', 'placeholders.heldout-c.json', 'templates.dev.jsonl', 'templates.heldout.jsonl']) {
      copyFileSync(join('data/functional', f), join(dir, f));
    }
    expect(loadSuiteData(dir).templates['heldout-d']).toEqual([]);
    expect(loadSuiteData(dir).extraLists['heldout-d']).toEqual({});
    const cValue = loadSuiteData(dir).extraLists['heldout-c'].slangInsult![0]!;
    writeFileSync(join(dir, 'placeholders.heldout-d.json'), JSON.stringify({ lists: { slangInsult: [cValue] } }));
    expect(() => loadSuiteData(dir)).toThrow(/placeholders\.heldout-d\.json: list "slangInsult" repeats values of placeholders\.heldout-c\.json/);
    writeFileSync(join(dir, 'placeholders.heldout-d.json'), JSON.stringify({ lists: { slangInsult: ['zzd-only'] } }));
    const line = JSON.stringify({ functionality: 'f', template: '{school} {slangInsult}', expect: { mentioned: true, flag: true, family: 'abuse' } });
    writeFileSync(join(dir, 'templates.heldout-d.jsonl'), `${line}\n`);
    const loaded = loadSuiteData(dir);
    expect(loaded.templates['heldout-d']).toHaveLength(1);
    expect(placeholdersFor(loaded, 'heldout-d').lists.slangInsult).toContain('zzd-only');
    expect(placeholdersFor(loaded, 'heldout-d').lists.slangInsult).not.toContain(cValue);
    for (const half of ['dev', 'heldout', 'heldout-b', 'heldout-c'] as const) expect(placeholdersFor(loaded, half).lists.slangInsult, half).not.toContain('zzd-only');
  });

  // each blind half from heldout-e on: absent until its files are there; its vocabulary refused when it repeats the half just
  // before it or one three halves back; its own values for it only
  for (const [half, prev, older, only] of [
    ['heldout-e', 'heldout-d', 'heldout-b', 'zze-only'],
    ['heldout-f', 'heldout-e', 'heldout-c', 'zzf-only'],
    ['heldout-g', 'heldout-f', 'heldout-d', 'zzg-only'],
    ['heldout-h', 'heldout-g', 'heldout-e', 'zzh-only'],
    ['heldout-i', 'heldout-h', 'heldout-f', 'zzi-only'],
    ['heldout-j', 'heldout-i', 'heldout-g', 'zzj-only'],
    ['heldout-k', 'heldout-j', 'heldout-h', 'zzk-only'],
    ['heldout-l', 'heldout-k', 'heldout-i', 'zzl-only'],
    ['heldout-m', 'heldout-l', 'heldout-j', 'zzm-only'],
  ] as const) {
    it(`loads ${half} only when its files are there, its vocabulary new to every earlier half's`, () => {
      const dir = mkdtempSync(join(tmpdir(), 'functional-'));
      const before = halvesBefore(half).filter((h) => h !== 'dev');
      for (const f of ['placeholders.json', ...before.map((h) => `placeholders.${h}.json`), 'templates.dev.jsonl', 'templates.heldout.jsonl']) {
        copyFileSync(join('data/functional', f), join(dir, f));
      }
      expect(loadSuiteData(dir).templates[half]).toEqual([]);
      expect(loadSuiteData(dir).extraLists[half]).toEqual({});
      const file = `placeholders.${half}.json`;
      const esc = (t: string) => t.replace(/[.\-]/g, (c) => `\\${c}`);
      const prevValue = loadSuiteData(dir).extraLists[prev].slangInsult![0]!;
      writeFileSync(join(dir, file), JSON.stringify({ lists: { slangInsult: [prevValue] } }));
      expect(() => loadSuiteData(dir)).toThrow(new RegExp(`${esc(file)}: list "slangInsult" repeats values of ${esc(`placeholders.${prev}.json`)}`));
      const olderValue = loadSuiteData(dir, { halves: [older] }).extraLists[older].slangInsult![0]!;
      writeFileSync(join(dir, file), JSON.stringify({ lists: { slangInsult: [olderValue] } }));
      expect(() => loadSuiteData(dir)).toThrow(new RegExp(`${esc(file)}: list "slangInsult" repeats values of ${esc(`placeholders.${older}.json`)}`));
      writeFileSync(join(dir, file), JSON.stringify({ lists: { slangInsult: [only] } }));
      const line = JSON.stringify({ functionality: 'f', template: '{school} {slangInsult}', expect: { mentioned: true, flag: true, family: 'abuse' } });
      writeFileSync(join(dir, `templates.${half}.jsonl`), `${line}\n`);
      const loaded = loadSuiteData(dir);
      expect(loaded.templates[half]).toHaveLength(1);
      expect(placeholdersFor(loaded, half).lists.slangInsult).toContain(only);
      expect(placeholdersFor(loaded, half).lists.slangInsult).not.toContain(prevValue);
      for (const h of halvesBefore(half)) expect(placeholdersFor(loaded, h).lists.slangInsult, h).not.toContain(only);
    });
  }

  it('names the templates file and line of a bad template when the suite is loaded', () => {
    const dir = mkdtempSync(join(tmpdir(), 'functional-'));
    for (const f of ['placeholders.json', 'templates.heldout.jsonl']) copyFileSync(join('data/functional', f), join(dir, f));
    const line = (template: string) => JSON.stringify({ functionality: 'f', template, expect: { mentioned: true, flag: false, family: null } });
    writeFileSync(join(dir, 'templates.dev.jsonl'), `${line('{school} is fine')}\n${line('{shcool} is fine')}\n`);
    expect(() => loadSuiteData(dir)).toThrow(/templates\.dev\.jsonl line 2: unknown placeholder \{shcool\}/);
    writeFileSync(join(dir, 'templates.dev.jsonl'), `${line('{school} is fine')}\n{"functionality": \n`);
    expect(() => loadSuiteData(dir)).toThrow(/templates\.dev\.jsonl line 2 is not valid JSON/);
  });

  it('stops at the number of distinct combinations a template allows', () => {
    expect(expand(tiny, [ok], { half: 'dev', perTemplate: 10 }).map((it) => it.text).sort()).toEqual(['A School one', 'A School two']);
  });
});

describe('functional suite counting', () => {
  const item = (mentioned: boolean, flag: boolean, family: ExpectedFamily): FunctionalItem => ({
    id: 'x', school: 'a', source: 'forum', title: '', text: 't', expect: { mentioned, flag, family }, functionality: 'f', template: 't', half: 'dev',
  });
  const got = (mentioned: boolean, families: Family[]): Assessment => ({ id: 'x', mentioned, flagged: families.length > 0, score: 0, families, categories: [], evidence: [] });

  it('needs the exact family for flagged cases, and only "not mentioned" for same-named places', () => {
    expect(caseCorrect(item(true, true, 'both'), got(true, ['confidential', 'abuse'])).ok).toBe(true);
    expect(caseCorrect(item(true, true, 'both'), got(true, ['confidential']))).toEqual({ ok: false, why: 'family' });
    expect(caseCorrect(item(true, false, null), got(true, ['abuse']))).toEqual({ ok: false, why: 'flag' });
    expect(caseCorrect(item(false, false, null), got(false, []))).toEqual({ ok: true });
    expect(caseCorrect(item(false, false, null), got(true, []))).toEqual({ ok: false, why: 'mention' });
  });

  it('reports n, accuracy and the kind of error per functionality', () => {
    const items = [item(true, true, 'abuse'), item(true, true, 'abuse'), { ...item(true, false, null), functionality: 'g' }];
    const rows = functionalRows(items, [got(true, ['abuse']), got(true, []), got(true, [])]);
    expect(rows).toEqual([
      { functionality: 'f', n: 2, correct: 1, flagWrong: 1, familyWrong: 0, mentionWrong: 0 },
      { functionality: 'g', n: 1, correct: 1, flagWrong: 0, familyWrong: 0, mentionWrong: 0 },
    ]);
    expect(formatFunctional('suite', rows)).toMatch(/minimum: 0\.500 \(f\)/);
  });
});
