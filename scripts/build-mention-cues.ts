/**
 * Compile data/match/mention-cues.tsv into lib/match/cues.json, the form matchSchool (and so each Lambda
 * bundle) loads.
 *
 *   npx tsx scripts/build-mention-cues.ts           # write the JSON
 *   npx tsx scripts/build-mention-cues.ts --check   # exit 1 when the JSON is out of date with the TSV
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { compileCueFile, loadCueTsv } from '../lib/match/cues';

const { values: args } = parseArgs({ options: { check: { type: 'boolean', default: false }, in: { type: 'string', default: 'data/match/mention-cues.tsv' }, out: { type: 'string', default: 'lib/match/cues.json' } } });

const entries = loadCueTsv(readFileSync(args.in!, 'utf8'), args.in!);
const json = JSON.stringify(compileCueFile(entries)) + '\n';
if (args.check) {
  let current = '';
  try {
    current = readFileSync(args.out!, 'utf8');
  } catch {
    /* missing counts as out of date */
  }
  if (current !== json) {
    console.error(`${args.out} is out of date with ${args.in}: run \`npx tsx scripts/build-mention-cues.ts\` and commit the result.`);
    process.exit(1);
  }
  console.log(`${args.out} is up to date (${entries.length} entries).`);
} else {
  writeFileSync(args.out!, json);
  console.log(`wrote ${args.out}: ${entries.length} entries, ${json.length} bytes`);
}
