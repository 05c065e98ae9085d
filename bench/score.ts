/**
 * Scoring speed and the size of what scoring ships, written into the "bench-scoring" section of
 * BENCHMARKS.md (or --out FILE):
 *
 *   npx tsx bench/score.ts [--out BENCHMARKS.md] [--seconds 3]
 *
 * Speed is `scoreItem` on one core (this process is single-threaded) over the labelled items,
 * warm. Two figures: wall clock, and CPU time of this process (steadier when the machine is shared:
 * another process's work does not count against it). Size: the bytes lib/score/model/* (the
 * classifier and the compiled lexicons) add to the poll Lambda bundle, against the 5 MB budget.
 */
import { build } from 'esbuild';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { scoreItem } from '../lib/score';
import { machineLine, replaceSection } from './machine';

const { values } = parseArgs({ options: { out: { type: 'string', default: 'BENCHMARKS.md' }, seconds: { type: 'string', default: '3' } } });

function load(path: string) {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { title?: string; text?: string })
    .map((i) => ({ title: i.title ?? '', text: i.text ?? '' }));
}

function speed(path: string, seconds: number) {
  const items = load(path);
  for (const it of items) scoreItem(it);
  const wall: number[] = [];
  const cpu: number[] = [];
  const until = performance.now() + seconds * 1000;
  while (performance.now() < until) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    for (const it of items) scoreItem(it);
    const c = process.cpuUsage(c0);
    wall.push(items.length / ((performance.now() - t0) / 1000));
    cpu.push(items.length / ((c.user + c.system) / 1e6));
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return { items: items.length, passes: wall.length, wall: median(wall), cpu: median(cpu) };
}

async function modelBytes() {
  const res = await build({ entryPoints: ['functions/poll.ts'], bundle: true, minify: true, platform: 'node', target: 'node22', format: 'esm', external: ['@aws-sdk/*'], write: false, metafile: true, logLevel: 'silent' });
  const files = new Map<string, number>();
  for (const o of Object.values(res.metafile.outputs)) for (const [input, { bytesInOutput }] of Object.entries(o.inputs)) if (input.includes('lib/score/model/')) files.set(input, bytesInOutput);
  return { bundle: res.outputFiles.reduce((n, f) => n + f.contents.byteLength, 0), files };
}

const seconds = Number(values.seconds);
const sets = ['data/eval/items.jsonl', 'data/eval/dev-extra.jsonl'].filter((p) => existsSync(p));
const rows = sets.map((p) => ({ p, ...speed(p, seconds) }));
const size = await modelBytes();
const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
const modelTotal = [...size.files.values()].reduce((a, b) => a + b, 0);
const section = [
  '## Scoring speed and model size',
  '',
  `Measured ${new Date().toISOString().slice(0, 10)} on ${machineLine()} by \`npx tsx bench/score.ts\`. ` +
    '`scoreItem` on one core, warm, median pass; "CPU" counts only this process\'s CPU time (the machine is shared with other work, so wall clock is the lower bound).',
  '',
  '| set | items | passes | items/s (wall) | items/s (CPU) |',
  '|---|---|---|---|---|',
  ...rows.map((r) => `| ${r.p} | ${r.items} | ${r.passes} | ${Math.round(r.wall).toLocaleString('en-GB')} | ${Math.round(r.cpu).toLocaleString('en-GB')} |`),
  '',
  `Model and lexicon files in the poll Lambda bundle: ${kb(modelTotal)} of the 5 MB budget (${[...size.files].map(([f, n]) => `${f.split('/').pop()} ${kb(n)}`).join(', ')}); whole poll bundle ${kb(size.bundle)}.`,
].join('\n');
const current = existsSync(values.out!) ? readFileSync(values.out!, 'utf8') : '';
writeFileSync(values.out!, replaceSection(current, 'bench-scoring', section));
console.log(section);
