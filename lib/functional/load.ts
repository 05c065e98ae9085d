/** Read the functional suite's data files (data/functional/) and expand them. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expand, FunctionalDataError, parseTemplates, type ExpandOptions, type FunctionalItem, type Half, type Placeholders, type Template } from './expand';

export const FUNCTIONAL_DIR = 'data/functional';

export interface SuiteData {
  placeholders: Placeholders;
  templates: Record<Half, Template[]>;
}

function read(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (cause) {
    throw new FunctionalDataError(`cannot read ${path}; run from the project root or pass the folder holding the functional suite`, { cause });
  }
}

export function loadSuiteData(dir = FUNCTIONAL_DIR): SuiteData {
  const placeholdersPath = join(dir, 'placeholders.json');
  let placeholders: Placeholders;
  try {
    placeholders = JSON.parse(read(placeholdersPath)) as Placeholders;
  } catch (cause) {
    if (cause instanceof FunctionalDataError) throw cause;
    throw new FunctionalDataError(`${placeholdersPath} is not valid JSON`, { cause });
  }
  const templates = {
    dev: parseTemplates(read(join(dir, 'templates.dev.jsonl')), 'templates.dev.jsonl'),
    heldout: parseTemplates(read(join(dir, 'templates.heldout.jsonl')), 'templates.heldout.jsonl'),
  };
  return { placeholders, templates };
}

/** The generated cases of one half (or both, dev first). */
export function generateSuite(data: SuiteData, halves: readonly Half[], options: Omit<ExpandOptions, 'half'> = {}): FunctionalItem[] {
  return halves.flatMap((half) => expand(data.placeholders, data.templates[half], { ...options, half }));
}
