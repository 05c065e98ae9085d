/**
 * Compile the lexicon data files (data/lexicons/*.tsv) into lib/score/model/lexicons.json, the form
 * the scorer and the Lambda bundles load.
 *
 *   npm run lexicons            # write the JSON
 *   npm run lexicons -- --check # exit 1 when the JSON is out of date with the TSV files
 *
 * The TSV files are the source of truth (one entry a line: term, category, weight, source); some are
 * written by scripts/import-lexicon-sources.ts from maintained packages (cuss, retext-equality,
 * WordNet), the rest by hand with their source named on each line.
 */
import { parseArgs } from 'node:util';
import { loadLexiconDir } from './lib-lexicon/load';
import { writeOrCheck } from './lib-lexicon/write-or-check';
import { toCompactLexiconFile } from '../lib/score/lexicon-data';

const { values: args } = parseArgs({ options: { check: { type: 'boolean', default: false }, dir: { type: 'string', default: 'data/lexicons' }, out: { type: 'string', default: 'lib/score/model/lexicons.json' } } });

const entries = loadLexiconDir(args.dir!);
const json = JSON.stringify(toCompactLexiconFile(entries)) + '\n';
if (writeOrCheck({ check: args.check!, out: args.out!, json, source: `${args.dir}/*.tsv`, command: 'npm run lexicons', entries: entries.length })) {
  const cats = new Map<string, number>();
  for (const e of entries) cats.set(e.category, (cats.get(e.category) ?? 0) + 1);
  console.log(`wrote ${args.out}: ${entries.length} entries, ${json.length} bytes; ${[...cats].map(([c, n]) => `${c} ${n}`).join(', ')}`);
}
