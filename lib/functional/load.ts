/** Read the functional suite's data files (data/functional/) and expand them. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expand, FunctionalDataError, HALVES, parseTemplates, validate, type ExpandOptions, type FunctionalItem, type Placeholders, type SuiteHalf, type Template } from './expand';

export const FUNCTIONAL_DIR = 'data/functional';

export interface SuiteData {
  placeholders: Placeholders;
  /** Extra values for the held-out half only (placeholders.heldout.json), by list name. */
  heldoutLists: Record<string, string[]>;
  /**
   * Extra values for the second, blind held-out half only (placeholders.heldout-b.json), by list
   * name: added to the shared lists for `heldout-b`, which does NOT get the first half's extras.
   */
  heldoutBLists: Record<string, string[]>;
  /** Extra values for the third, blind held-out half only (placeholders.heldout-c.json), by list name. */
  heldoutCLists: Record<string, string[]>;
  /** Templates per half; `heldout-b` and `heldout-c` are empty when their templates file is absent. */
  templates: Record<SuiteHalf, Template[]>;
}

function readJson<T>(path: string): T {
  const text = read(path);
  try {
    return JSON.parse(text) as T;
  } catch (cause) {
    throw new FunctionalDataError(`${path} is not valid JSON`, { cause });
  }
}

function read(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (cause) {
    throw new FunctionalDataError(`cannot read ${path}; run from the project root or pass the folder holding the functional suite`, { cause });
  }
}

/** Extra-vocabulary file (placeholders.heldout*.json): lists extending shared lists with new values only. */
function readExtraLists(dir: string, file: string, shared: Record<string, string[]>, others: Record<string, Record<string, string[]>> = {}): Record<string, string[]> {
  const path = join(dir, file);
  const lists = existsSync(path) ? (readJson<{ lists?: Record<string, string[]> }>(path).lists ?? {}) : {};
  for (const [name, values] of Object.entries(lists)) {
    const base = shared[name];
    if (!base) throw new FunctionalDataError(`${file}: list "${name}" is not in placeholders.json; held-out values extend a shared list`);
    const both = values.filter((v) => base.includes(v));
    if (both.length) throw new FunctionalDataError(`${file}: list "${name}" repeats values of placeholders.json (${both.join(', ')}); a held-out value must be new`);
    for (const [otherFile, other] of Object.entries(others)) {
      const again = values.filter((v) => other[name]?.includes(v));
      if (again.length) throw new FunctionalDataError(`${file}: list "${name}" repeats values of ${otherFile} (${again.join(', ')}); each held-out half's vocabulary must be its own`);
    }
  }
  return lists;
}

export function loadSuiteData(dir = FUNCTIONAL_DIR): SuiteData {
  const placeholders = readJson<Placeholders>(join(dir, 'placeholders.json'));
  const heldoutLists = readExtraLists(dir, 'placeholders.heldout.json', placeholders.lists);
  const heldoutBLists = readExtraLists(dir, 'placeholders.heldout-b.json', placeholders.lists, { 'placeholders.heldout.json': heldoutLists });
  const heldoutCLists = readExtraLists(dir, 'placeholders.heldout-c.json', placeholders.lists, {
    'placeholders.heldout.json': heldoutLists,
    'placeholders.heldout-b.json': heldoutBLists,
  });
  const optional = (file: string): Template[] => (existsSync(join(dir, file)) ? parseTemplates(read(join(dir, file)), file) : []);
  const templates: Record<SuiteHalf, Template[]> = {
    dev: parseTemplates(read(join(dir, 'templates.dev.jsonl')), 'templates.dev.jsonl'),
    heldout: parseTemplates(read(join(dir, 'templates.heldout.jsonl')), 'templates.heldout.jsonl'),
    'heldout-b': optional('templates.heldout-b.jsonl'),
    'heldout-c': optional('templates.heldout-c.jsonl'),
  };
  const data = { placeholders, heldoutLists, heldoutBLists, heldoutCLists, templates };
  // check every half now, so a mistake in the data is reported before anything is scored or written
  for (const half of HALVES) validate(placeholdersFor(data, half), templates[half], `templates.${half}.jsonl`);
  return data;
}

/**
 * The placeholders one half expands with: the shared lists, plus that half's own extra values
 * (placeholders.heldout.json for `heldout`, placeholders.heldout-b.json for `heldout-b`,
 * placeholders.heldout-c.json for `heldout-c`; never another half's).
 */
export function placeholdersFor(data: SuiteData, half: SuiteHalf): Placeholders {
  if (half === 'dev') return data.placeholders;
  const extra = { heldout: data.heldoutLists, 'heldout-b': data.heldoutBLists, 'heldout-c': data.heldoutCLists }[half];
  const lists = { ...data.placeholders.lists };
  for (const [name, values] of Object.entries(extra)) lists[name] = [...(lists[name] ?? []), ...values];
  return { ...data.placeholders, lists };
}

/** The generated cases of one half (or both, dev first). */
export function generateSuite(data: SuiteData, halves: readonly SuiteHalf[], options: Omit<ExpandOptions, 'half'> = {}): FunctionalItem[] {
  return halves.flatMap((half) => expand(placeholdersFor(data, half), data.templates[half], { ...options, half }));
}
