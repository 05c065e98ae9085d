/**
 * Quality floor on the project's own labelled items (the dev part, data/eval/items.jsonl; the
 * holdout is kept for reporting). Floors sit a little below what was measured, so a change that
 * loses quality fails here rather than in a headteacher's inbox.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assessItem, loadSchoolsFile } from '../../lib/score/assess';

interface Item {
  id: string;
  school: string;
  title: string;
  text: string;
  expect: { mentioned: boolean; flag: boolean; family: string | null };
}

const items: Item[] = readFileSync('data/eval/items.jsonl', 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const schools = loadSchoolsFile(JSON.parse(readFileSync('data/eval/schools.json', 'utf8')));
const results = items.map((it) => assessItem(it, schools));

describe('scorer on data/eval/items.jsonl', () => {
  it('has a realistic number of items', () => {
    expect(items.length).toBeGreaterThanOrEqual(200);
  });

  it('keeps flagged precision and recall above the floor', () => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    items.forEach((it, i) => {
      const got = results[i]!.flagged;
      if (got && it.expect.flag) tp++;
      else if (got) fp++;
      else if (it.expect.flag) fn++;
    });
    expect(tp / (tp + fp)).toBeGreaterThanOrEqual(0.95);
    expect(tp / (tp + fn)).toBeGreaterThanOrEqual(0.95);
  });

  it('keeps mention accuracy above the floor', () => {
    const correct = items.filter((it, i) => results[i]!.mentioned === it.expect.mentioned).length;
    expect(correct / items.length).toBeGreaterThanOrEqual(0.97);
  });

  it('never flags an item that is not about the school', () => {
    items.forEach((it, i) => {
      if (!results[i]!.mentioned) expect(results[i]!.flagged).toBe(false);
    });
  });

  it('gets the family right for most flagged items', () => {
    const flagged = items.filter((it) => it.expect.flag);
    const exact = flagged.filter((it) => {
      const got = [...results[items.indexOf(it)]!.families].sort().join('+');
      const want = it.expect.family === 'both' ? 'abuse+confidential' : it.expect.family;
      return got === want;
    });
    expect(exact.length / flagged.length).toBeGreaterThanOrEqual(0.9);
  });
});
