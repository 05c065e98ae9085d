import { readdirSync, readFileSync, existsSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { buildPageCapturer } from '../lib/app/build-capture-deps';
import { articleRoutes, startPageServer } from '../test/support/page-server';
import { machineLine, replaceSection } from './machine';

const HELP = `Usage: npm run bench:capture [-- --runs N] [-- --out FILE]

Captures a typical article page (HTML, a stylesheet, an image) served on loopback N times (default 20) with the
production capturer (guarded fetch, headless Chromium, bannered PNG, readable text, manifest) and reports p50/p95
capture time and the peak resident memory of this process plus its browser; writes the "bench-capture" section of
BENCHMARKS.md (or FILE).`;

const { values } = parseArgs({ options: { runs: { type: 'string', default: '20' }, out: { type: 'string', default: 'BENCHMARKS.md' }, help: { type: 'boolean', short: 'h' } } });
if (values.help) {
  console.log(HELP);
  process.exit(0);
}
const runs = Number(values.runs);

/** Resident memory of this process and every descendant (the browser and its renderers), from /proc. */
function treeRssMb(): number {
  const parents = new Map<number, number>();
  const rss = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parents.set(Number(entry), Number(fields[1]));
      rss.set(Number(entry), Number(fields[21]) * 4096);
    } catch {
      // the process ended while we looked
    }
  }
  const inTree = (pid: number): boolean => {
    for (let p = pid, hops = 0; p > 1 && hops < 50; p = parents.get(p) ?? 0, hops++) if (p === process.pid) return true;
    return false;
  };
  let total = 0;
  for (const [pid, bytes] of rss) if (inTree(pid)) total += bytes;
  return total / 2 ** 20;
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

const site = await startPageServer(articleRoutes());
let n = 0;
const capturer = buildPageCapturer({ FEED_ALLOW_HOSTS: [site.hostPort], FEED_USER_AGENT: 'Schoolwatch-bench' }, { clock: () => new Date(), newId: () => `bench-${++n}` });
const url = `${site.url}/news/northgate-protest`;
let peak = treeRssMb();
const sampler = setInterval(() => (peak = Math.max(peak, treeRssMb())), 100);
const t0 = performance.now();
await capturer.capture(url, { timeZone: 'Europe/London' }); // first capture launches the browser
const coldMs = performance.now() - t0;
const times: number[] = [];
let pngBytes = 0;
for (let i = 0; i < runs; i++) {
  const t = performance.now();
  const page = await capturer.capture(url, { timeZone: 'Europe/London' });
  times.push(performance.now() - t);
  pngBytes = page.files['screenshot.png'].length;
}
clearInterval(sampler);
peak = Math.max(peak, treeRssMb());
await capturer.close();
await site.close();

const sorted = [...times].sort((a, b) => a - b);
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const figures = { runs, coldMs, p50: pct(sorted, 50), p95: pct(sorted, 95), max: sorted.at(-1)!, peakMb: peak, pngBytes };
console.error(JSON.stringify(figures));
const section = `## Page capture (npm run bench:capture, part of npm run bench)

Measured ${new Date().toISOString().slice(0, 10)} on ${machineLine()}.

A typical article page (HTML with a stylesheet and an image, ~1,450 px tall) served on loopback, captured ${runs} times
in a row by the production capturer: guarded fetch, headless Chromium (@sparticuz/chromium) with every request
through the address guard, full-page PNG with the banner, readable text, manifest. One browser is kept between
captures (as the local worker and a warm Lambda do); each capture gets a fresh browser context.

| first capture (browser launch) | p50 | p95 | max | peak RSS (Node + browser) | PNG |
|---|---|---|---|---|---|
| ${s(coldMs)} | ${s(figures.p50)} | ${s(figures.p95)} | ${s(figures.max)} | ${peak.toFixed(0)} MB | ${(pngBytes / 1024).toFixed(0)} KB |

The aim is p50 ≤ 4 s and p95 ≤ 10 s; the machine is shared (2 cores, other engineers' jobs running), so these are
upper bounds. The peak RSS is what the capture Lambda's memory should be sized from, with headroom for longer pages.`;
const current = existsSync(values.out!) ? readFileSync(values.out!, 'utf8') : '# Benchmarks\n';
writeFileSync(values.out!, replaceSection(current, 'bench-capture', section));
console.error(`wrote the bench-capture section of ${values.out}`);
