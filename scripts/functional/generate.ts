/**
 * Expand the school functional test suite (data/functional/) into eval items.
 *
 *   npx tsx scripts/functional/generate.ts                 # writes data/functional/generated/<half>.jsonl for every half present
 *   npx tsx scripts/functional/generate.ts --out DIR [--seed N] [--per-template N]
 *
 * The output is not committed: it is regenerated in well under a second and is the same every time
 * for the same data and seed (`npm run eval` expands the suite in memory rather than reading it).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_PER_TEMPLATE, DEFAULT_SEED, FunctionalDataError, HALVES, type FunctionalItem, type SuiteHalf } from '../../lib/functional/expand';
import { FUNCTIONAL_DIR, generateSuite, loadSuiteData, type SuiteData } from '../../lib/functional/load';

const { values: args } = parseArgs({
  options: {
    data: { type: 'string', default: FUNCTIONAL_DIR },
    out: { type: 'string', default: join(FUNCTIONAL_DIR, 'generated') },
    seed: { type: 'string', default: String(DEFAULT_SEED) },
    'per-template': { type: 'string', default: String(DEFAULT_PER_TEMPLATE) },
  },
});

const seed = Number(args.seed);
const perTemplate = Number(args['per-template']);
if (!Number.isInteger(seed) || !Number.isInteger(perTemplate) || perTemplate < 1) {
  console.error('--seed and --per-template must be whole numbers (per-template at least 1)');
  process.exit(2);
}

function expandAll(): { data: SuiteData; halves: { half: SuiteHalf; items: FunctionalItem[] }[] } {
  try {
    const data = loadSuiteData(args.data);
    // expand every half before writing anything, so a data error leaves the old files in place;
    // the blind halves only when their templates files are there
    return { data, halves: HALVES.filter((half) => data.templates[half].length > 0).map((half) => ({ half, items: generateSuite(data, [half], { seed, perTemplate }) })) };
  } catch (e) {
    if (!(e instanceof FunctionalDataError)) throw e;
    console.error(`functional suite in ${args.data}: ${e.message}`);
    process.exit(2);
  }
}

const { data, halves } = expandAll();
mkdirSync(args.out, { recursive: true });
for (const { half, items } of halves) {
  const path = join(args.out, `${half}.jsonl`);
  writeFileSync(path, items.map((it) => JSON.stringify(it)).join('\n') + '\n');
  const fns = new Set(items.map((it) => it.functionality));
  console.log(`${path}: ${items.length} cases from ${data.templates[half].length} templates over ${fns.size} functionalities`);
}
