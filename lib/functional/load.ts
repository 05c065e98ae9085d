/** Read the functional suite's data files (data/functional/) and expand them. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expand, FunctionalDataError, parseTemplates, validate, type ExpandOptions, type FunctionalItem, type Half, type Placeholders, type Template } from './expand';

export const FUNCTIONAL_DIR = 'data/functional';

export interface SuiteData {
  placeholders: Placeholders;
  /** Extra values for the held-out half only (placeholders.heldout.json), by list name. */
  heldoutLists: Record<string, string[]>;
  templates: Record<Half, Template[]>;
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

export function loadSuiteData(dir = FUNCTIONAL_DIR): SuiteData {
  const placeholders = readJson<Placeholders>(join(dir, 'placeholders.json'));
  const heldoutPath = join(dir, 'placeholders.heldout.json');
  const heldoutLists = existsSync(heldoutPath) ? (readJson<{ lists?: Record<string, string[]> }>(heldoutPath).lists ?? {}) : {};
  for (const [name, values] of Object.entries(heldoutLists)) {
    const shared = placeholders.lists[name];
    if (!shared) throw new FunctionalDataError(`placeholders.heldout.json: list "${name}" is not in placeholders.json; held-out values extend a shared list`);
    const both = values.filter((v) => shared.includes(v));
    if (both.length) throw new FunctionalDataError(`placeholders.heldout.json: list "${name}" repeats values of placeholders.json (${both.join(', ')}); a held-out value must be new`);
  }
  const templates = {
    dev: parseTemplates(read(join(dir, 'templates.dev.jsonl')), 'templates.dev.jsonl'),
    heldout: parseTemplates(read(join(dir, 'templates.heldout.jsonl')), 'templates.heldout.jsonl'),
  };
  const data = { placeholders, heldoutLists, templates };
  // check both halves now, so a mistake in the data is reported before anything is scored or written
  for (const half of ['dev', 'heldout'] as const) validate(placeholdersFor(data, half), templates[half], `templates.${half}.jsonl`);
  return data;
}

/** The placeholders one half expands with: the shared lists, plus the held-out-only values for held-out. */
export function placeholdersFor(data: SuiteData, half: Half): Placeholders {
  if (half === 'dev') return data.placeholders;
  const lists = { ...data.placeholders.lists };
  for (const [name, values] of Object.entries(data.heldoutLists)) lists[name] = [...(lists[name] ?? []), ...values];
  return { ...data.placeholders, lists };
}

/** The generated cases of one half (or both, dev first). */
export function generateSuite(data: SuiteData, halves: readonly Half[], options: Omit<ExpandOptions, 'half'> = {}): FunctionalItem[] {
  return halves.flatMap((half) => expand(placeholdersFor(data, half), data.templates[half], { ...options, half }));
}
