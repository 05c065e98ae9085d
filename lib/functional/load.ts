/** Read the functional suite's data files (data/functional/) and expand them. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expand, FunctionalDataError, HALVES, parseTemplates, validate, type ExpandOptions, type FunctionalItem, type HeldoutHalf, type Placeholders, type SuiteHalf, type Template } from './expand';

const HELDOUT_HALVES = HALVES.filter((h): h is HeldoutHalf => h !== 'dev');

export const FUNCTIONAL_DIR = 'data/functional';

export interface SuiteData {
  placeholders: Placeholders;
  /**
   * Each held-out half's extra values, by half and list name (placeholders.<half>.json): added to the shared
   * lists for that half only, never another half's. Empty for a half whose file is absent.
   */
  extraLists: Record<HeldoutHalf, Record<string, string[]>>;
  /** Templates per half; the blind halves (`heldout-b` onwards) are empty when their templates file is absent. */
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

/**
 * Reads and checks the suite. `halves` limits what is opened to those halves (and the vocabulary of the halves
 * before them, which theirs must be new to): a trainer passes the spent halves, so an unread blind half's files are
 * never opened at all. Other halves come back empty.
 */
export function loadSuiteData(dir = FUNCTIONAL_DIR, options: { halves?: readonly SuiteHalf[] } = {}): SuiteData {
  const wanted = new Set(options.halves ?? HALVES);
  const last = Math.max(...[...wanted].map((h) => HALVES.indexOf(h)));
  const placeholders = readJson<Placeholders>(join(dir, 'placeholders.json'));
  // each held-out half's vocabulary must be new to the shared lists and to every half written before it
  const extraLists = {} as Record<HeldoutHalf, Record<string, string[]>>;
  const earlier: Record<string, Record<string, string[]>> = {};
  for (const half of HELDOUT_HALVES) {
    const file = `placeholders.${half}.json`;
    extraLists[half] = HALVES.indexOf(half) <= last ? readExtraLists(dir, file, placeholders.lists, earlier) : {};
    earlier[file] = extraLists[half];
  }
  const templates = {} as Record<SuiteHalf, Template[]>;
  for (const half of HALVES) {
    const file = `templates.${half}.jsonl`;
    // dev and the first held-out half are always there; the blind halves arrive one per scoring round
    const required = half === 'dev' || half === 'heldout';
    templates[half] = wanted.has(half) && (required || existsSync(join(dir, file))) ? parseTemplates(read(join(dir, file)), file) : [];
  }
  const data = { placeholders, extraLists, templates };
  // check every half now, so a mistake in the data is reported before anything is scored or written
  for (const half of HALVES) if (wanted.has(half)) validate(placeholdersFor(data, half), templates[half], `templates.${half}.jsonl`);
  return data;
}

/**
 * The placeholders one half expands with: the shared lists, plus that half's own extra values
 * (placeholders.<half>.json: placeholders.heldout.json for `heldout`, placeholders.heldout-b.json for
 * `heldout-b` …; never another half's).
 */
export function placeholdersFor(data: Pick<SuiteData, 'placeholders' | 'extraLists'>, half: SuiteHalf): Placeholders {
  if (half === 'dev') return data.placeholders;
  const lists = { ...data.placeholders.lists };
  for (const [name, values] of Object.entries(data.extraLists[half] ?? {})) lists[name] = [...(lists[name] ?? []), ...values];
  return { ...data.placeholders, lists };
}

/** The generated cases of one half (or both, dev first). */
export function generateSuite(data: SuiteData, halves: readonly SuiteHalf[], options: Omit<ExpandOptions, 'half'> = {}): FunctionalItem[] {
  return halves.flatMap((half) => expand(placeholdersFor(data, half), data.templates[half], { ...options, half }));
}
