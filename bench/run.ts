import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { benchBundles } from './bundles';
import { machineLine, replaceSection } from './machine';
import { benchPipeline } from './pipeline';
import { benchScoring } from './scoring';

const { values } = parseArgs({ options: { quick: { type: 'boolean' }, out: { type: 'string', default: 'BENCHMARKS.md' } } });
const feeds = values.quick ? 100 : 1000;
const items = 20;

const log = (s: string) => console.error(s);
log(`Machine: ${machineLine()}`);
log('1/3 scoring throughput…');
const scoring = benchScoring('data/eval/items.jsonl');
log(`    ${scoring.itemsPerSecond.toFixed(0)} items/s`);
log(`2/3 pipeline: ${feeds} feeds × ${items} items through fetch → parse → match → score → store…`);
const pipeline = await benchPipeline(feeds, items, 8);
log(`    ${pipeline.feedsPerSecond.toFixed(1)} feeds/s, ${pipeline.itemsPerSecond.toFixed(0)} items/s, peak RSS ${pipeline.peakRssMb.toFixed(0)} MB`);
log('3/3 Lambda bundle sizes…');
const bundles = await benchBundles();

const date = new Date().toISOString().slice(0, 10);
const section = `## Throughput and size (npm run bench${values.quick ? ' -- --quick' : ''})

Measured ${date} on ${machineLine()}.

| measure | figure |
|---|---|
| scoring, one core | ${scoring.itemsPerSecond.toFixed(0)} items/s (${scoring.items} distinct items, ${scoring.scored} scored in ${scoring.seconds.toFixed(1)} s) |
| pipeline feeds | ${pipeline.feeds} feeds × ${items} items, concurrency ${pipeline.concurrency}: ${pipeline.seconds.toFixed(1)} s |
| pipeline throughput | ${pipeline.feedsPerSecond.toFixed(1)} feeds/s, ${pipeline.itemsPerSecond.toFixed(0)} items/s |
| pipeline result | ${pipeline.flagged} flagged, ${pipeline.stored} stored, ${pipeline.failed} feeds failed |
| pipeline peak RSS | ${pipeline.peakRssMb.toFixed(0)} MB (whole process, dynalite included) |
${bundles.map((b) => `| Lambda bundle \`${b.fn}\` | ${(b.bytes / 1024).toFixed(0)} KB (minified, AWS SDK external) |`).join('\n')}

The pipeline runs against a loopback feed server and dynalite in the same process, so dynalite's LevelDB
work shares the two cores with our code; feeds/s is therefore a floor for what the store allows.
`;
const current = existsSync(values.out!) ? readFileSync(values.out!, 'utf8') : '# Benchmarks\n';
writeFileSync(values.out!, replaceSection(current, 'bench-throughput', section));
log(`Wrote ${values.out}`);
