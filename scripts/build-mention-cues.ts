/**
 * Compile data/match/mention-cues.tsv into lib/match/cues.json, the form matchSchool (and so each Lambda
 * bundle) loads.
 *
 *   npx tsx scripts/build-mention-cues.ts           # write the JSON
 *   npx tsx scripts/build-mention-cues.ts --check   # exit 1 when the JSON is out of date with the TSV
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { compileCueFile, loadCueTsv } from '../lib/match/cues';
import { writeOrCheck } from './lib-lexicon/write-or-check';

const { values: args } = parseArgs({ options: { check: { type: 'boolean', default: false }, in: { type: 'string', default: 'data/match/mention-cues.tsv' }, out: { type: 'string', default: 'lib/match/cues.json' } } });

const entries = loadCueTsv(readFileSync(args.in!, 'utf8'), args.in!);
const json = JSON.stringify(compileCueFile(entries)) + '\n';
if (writeOrCheck({ check: args.check!, out: args.out!, json, source: args.in!, command: 'npx tsx scripts/build-mention-cues.ts', entries: entries.length })) {
  console.log(`wrote ${args.out}: ${entries.length} entries, ${json.length} bytes`);
}
