/**
 * Sizes the capture Lambda: peak memory of one page capture with the npm-shipped headless Chromium
 * (lib/browser/launch.ts), the way the capture function runs it: launch, open a 1280 px page on a realistic
 * article served on loopback, full-page PNG screen print, the served HTML, the readable text, a one-page PDF,
 * close. Chromium is a tree of processes (browser, renderer, network/storage utilities) and Lambda counts every
 * process of the sandbox against the function's memory, so the figure is the peak of the SUM of resident memory
 * over the whole tree (this Node process and every descendant), sampled every 10 ms. Summing RSS counts shared
 * library pages once per process, so it overstates the real footprint a little: a safe side for sizing.
 *
 * Writes the "bench-capture-lambda" section of BENCHMARKS.md (infra/stack.ts sizes LAMBDA_MEMORY_MB.capture from it).
 */
import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { deflateSync } from 'node:zlib';
import { launchBrowser } from '../lib/browser/launch';
import { machineLine, replaceSection } from './machine';

const HELP = `Usage: npm run bench:capture-lambda [-- --quick] [-- --out FILE]

Launches the npm-shipped Chromium (lib/browser/launch.ts) and captures realistic article pages served on
loopback (PNG full page at 1280 px, HTML, text, one-page PDF), sampling the resident memory of this process and
every Chromium process. Writes the "bench-capture-lambda" section of BENCHMARKS.md (or FILE).`;

const { values } = parseArgs({ options: { quick: { type: 'boolean' }, out: { type: 'string', default: 'BENCHMARKS.md' }, help: { type: 'boolean', short: 'h' } } });
if (values.help) {
  console.log(HELP);
  process.exit(0);
}
const log = (s: string) => console.error(s);

/** Screen-print height cap (px): a page longer than this is cut (the capture code's default, lib/evidence). */
const HEIGHT_CAP = 12_000;
const WORKLOAD = {
  article: { paragraphs: 40, images: 6, runs: values.quick ? 2 : 6 },
  long: { paragraphs: 600, images: 40, runs: values.quick ? 1 : 3 },
} as const;

// ---------------------------------------------------------------- a realistic article page
/** A solid-colour PNG of w × h (real image decode work for the renderer), built without dependencies. */
function png(w: number, h: number, rgb: [number, number, number]): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = crcTable[(c ^ x) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type), data]);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(td));
    return Buffer.concat([len, td, c]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  const row = Buffer.alloc(1 + w * 3);
  for (let x = 0; x < w; x++) row.set([(rgb[0] + x) & 255, rgb[1], (rgb[2] + x * 3) & 255], 1 + x * 3);
  const raw = Buffer.concat(Array.from({ length: h }, () => row));
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

const SENTENCES = [
  'Parents gathered outside Northgate Park Academy on Tuesday after a post about the school spread on a local forum.',
  'The trust said it was aware of the comments and had contacted the platform to ask for their removal.',
  'A spokesperson for the local authority confirmed that the designated officer had been informed.',
  'Several commenters named members of staff and repeated claims the school has described as untrue.',
  'Ofsted rated the school good at its last inspection, praising its pastoral care and safeguarding culture.',
  'Councillors will discuss the consultation on the new admissions arrangements at next month’s meeting.',
];
function article(paragraphs: number, images: number): string {
  const body: string[] = [];
  for (let i = 0; i < paragraphs; i++) {
    if (i % Math.max(1, Math.floor(paragraphs / images)) === 3 && body.filter((b) => b.startsWith('<figure')).length < images) {
      const n = body.filter((b) => b.startsWith('<figure')).length;
      body.push(`<figure><img src="/img/${n}.png" width="800" height="450" alt="Photo ${n}"><figcaption>Photo ${n}: the school gates on Tuesday morning.</figcaption></figure>`);
    }
    body.push(`<p>${Array.from({ length: 5 }, (_, k) => SENTENCES[(i + k) % SENTENCES.length]).join(' ')}</p>`);
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Row over online posts about Northgate Park Academy | Local News</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="stylesheet" href="/site.css"></head>
<body><header class="masthead"><a class="logo" href="/">Local News</a><nav>${['News', 'Sport', 'Education', 'Opinion', 'Weather', 'Jobs', 'Property'].map((s) => `<a href="/${s.toLowerCase()}">${s}</a>`).join('')}</nav></header>
<div class="cookie-banner">We use cookies to improve your experience. <button>Accept</button></div>
<main><article><h1>Row over online posts about Northgate Park Academy</h1><p class="byline">By Sam Reporter · 30 November 2026, 09:14</p>
${body.join('\n')}</article>
<aside><h2>Most read</h2><ol>${Array.from({ length: 10 }, (_, i) => `<li><a href="/story/${i}">Story number ${i} about the town centre</a></li>`).join('')}</ol>
<div class="ad" style="height:250px">Advertisement</div></aside></main>
<footer><p>© 2026 Local News Ltd. All rights reserved.</p></footer>
<script src="/app.js"></script></body></html>`;
}
const CSS = `body{margin:0;font:18px/1.6 Georgia,serif;color:#222;background:#fafafa}.masthead{display:flex;gap:2rem;align-items:center;padding:1rem 2rem;background:#12355b;color:#fff}
.masthead a{color:#fff;text-decoration:none;margin-right:1rem}.logo{font:bold 28px sans-serif}main{display:grid;grid-template-columns:1fr 300px;gap:2rem;max-width:1200px;margin:auto;padding:2rem}
article img{max-width:100%;height:auto;border-radius:4px}figcaption{font:14px sans-serif;color:#555}aside{font:15px sans-serif}.ad{background:repeating-linear-gradient(45deg,#eee,#eee 10px,#ddd 10px,#ddd 20px)}
.cookie-banner{position:fixed;bottom:0;left:0;right:0;padding:1rem;background:#000c;color:#fff;font:15px sans-serif}footer{padding:2rem;background:#eee;text-align:center}`;
// Typical news-site script: reads the DOM, builds a reading-time badge, sets a timer (a page never goes fully idle).
const JS = `(() => { const words = document.querySelector('article').innerText.split(/\\s+/).length;
const b = document.createElement('p'); b.className = 'byline'; b.textContent = Math.ceil(words / 200) + ' min read';
document.querySelector('h1').after(b); setInterval(() => document.title = document.title, 1000); })();`;

const images = Array.from({ length: 40 }, (_, i) => png(800, 450, [i * 37, 120, i * 11]));
const server = createServer((req, res) => {
  const url = req.url ?? '/';
  let m: RegExpExecArray | null;
  if (url === '/site.css') return void res.writeHead(200, { 'content-type': 'text/css' }).end(CSS);
  if (url === '/app.js') return void res.writeHead(200, { 'content-type': 'text/javascript' }).end(JS);
  if ((m = /^\/img\/(\d+)\.png$/.exec(url))) return void res.writeHead(200, { 'content-type': 'image/png' }).end(images[Number(m[1]) % images.length]);
  if (url === '/news/article') return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(article(WORKLOAD.article.paragraphs, WORKLOAD.article.images));
  if (url === '/news/long') return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(article(WORKLOAD.long.paragraphs, WORKLOAD.long.images));
  res.writeHead(404).end();
});
server.listen(0, '127.0.0.1');
await once(server, 'listening');
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

// ---------------------------------------------------------------- process-tree memory
/**
 * Memory (KB) of this process and all its descendants, from /proc (Linux only): summed RSS (counts pages shared
 * between the Chromium processes, such as the 130 MB binary, once per process) and summed PSS (each shared page
 * split between its sharers, so the sum counts it once: what a memory cgroup such as Lambda's charges).
 */
function treeRssKb(withPss = false): { rssKb: number; pssKb: number; processes: number } {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const status = readFileSync(`/proc/${name}/status`, 'utf8');
      const ppid = Number(/PPid:\s+(\d+)/.exec(status)?.[1]);
      rss.set(Number(name), Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0));
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      /* exited while we read */
    }
  }
  let total = 0;
  let pss = 0;
  let processes = 0;
  const stack = [process.pid];
  while (stack.length) {
    const pid = stack.pop()!;
    total += rss.get(pid) ?? 0;
    if (withPss) {
      try {
        pss += Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0);
      } catch {
        /* exited */
      }
    }
    processes++;
    stack.push(...(children.get(pid) ?? []));
  }
  return { rssKb: total, pssKb: pss, processes };
}

async function sampled<T>(run: () => Promise<T>): Promise<{ result: T; peakMb: number; peakPssMb: number; maxProcesses: number }> {
  let peak = 0;
  let peakPss = 0;
  let maxProcesses = 0;
  const sample = () => {
    const t = treeRssKb(true);
    peak = Math.max(peak, t.rssKb);
    peakPss = Math.max(peakPss, t.pssKb);
    maxProcesses = Math.max(maxProcesses, t.processes);
  };
  const timer = setInterval(sample, 10);
  try {
    const result = await run();
    sample();
    return { result, peakMb: peak / 1024, peakPssMb: peakPss / 1024, maxProcesses };
  } finally {
    clearInterval(timer);
  }
}

/**
 * CPU time (ms) of this process plus its reaped children: Chromium's browser process is our child and reaps its
 * renderer and utility processes, so after browser.close() their CPU time is in our cutime/cstime.
 */
function treeCpuMs(): number {
  const fields = readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /, '').split(' ');
  // After "(comm) ": state is field 3, so utime/stime/cutime/cstime (fields 14-17) are at 11-14 here.
  const ticks = [11, 12, 13, 14].reduce((n, i) => n + Number(fields[i]), 0);
  return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
}

interface Run { page: string; ms: number; cpuMs: number; peakMb: number; peakPssMb: number; processes: number; pngKb: number; htmlKb: number; textKb: number; pdfKb: number; height: number }

/** One capture as the Lambda does it: a fresh browser, one page, every artefact, browser closed. */
async function capture(route: string): Promise<Omit<Run, 'page' | 'peakMb' | 'peakPssMb' | 'processes'>> {
  const started = performance.now();
  const cpuStart = treeCpuMs();
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: false, serviceWorkers: 'block' });
    const page = await context.newPage();
    const response = await page.goto(`${base}${route}`, { waitUntil: 'load', timeout: 15_000 });
    const html = (await response?.body()) ?? Buffer.alloc(0);
    const height = (await page.evaluate('document.documentElement.scrollHeight')) as number;
    const clipHeight = Math.min(height, HEIGHT_CAP);
    const shot = await page.screenshot({ type: 'png', fullPage: true, clip: { x: 0, y: 0, width: 1280, height: clipHeight }, timeout: 20_000 });
    const text = (await page.evaluate('document.body.innerText')) as string;
    const pdf = await page.pdf({ format: 'A4', pageRanges: '1', printBackground: true });
    await context.close();
    await browser.close();
    return { ms: performance.now() - started, cpuMs: treeCpuMs() - cpuStart, pngKb: shot.length / 1024, htmlKb: html.length / 1024, textKb: Buffer.byteLength(text) / 1024, pdfKb: pdf.length / 1024, height };
  } finally {
    await browser.close();
  }
}

/**
 * A cold Lambda first inflates the Brotli-packed Chromium into an empty /tmp: measured in a fresh Node process
 * with its own empty TMPDIR (CPU = user + system of that process, which does the inflation itself).
 */
function coldInflation(): { wallMs: number; cpuMs: number; tmpMb: number } {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'schoolwatch-inflate-'));
  try {
    const script = `import chromium from '@sparticuz/chromium'; const t = performance.now(); await chromium.executablePath();
      const u = process.cpuUsage(); console.log(JSON.stringify({ wallMs: performance.now() - t, cpuMs: (u.user + u.system) / 1000 }));`;
    const out = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: process.cwd(), env: { PATH: process.env.PATH, TMPDIR: tmp }, encoding: 'utf8' })) as { wallMs: number; cpuMs: number };
    const size = Number(execFileSync('du', ['-sk', tmp], { encoding: 'utf8' }).split(/\s/)[0]) / 1024;
    return { ...out, tmpMb: size };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

log(`Machine: ${machineLine()}`);
log('cold start: inflating Chromium into an empty temp directory…');
const inflation = coldInflation();
log(`  ${inflation.wallMs.toFixed(0)} ms (CPU ${inflation.cpuMs.toFixed(0)} ms), ${inflation.tmpMb.toFixed(0)} MB in the temp directory`);
const baseline = treeRssKb().rssKb / 1024;
log('warm-up capture (not measured: first run inflates Chromium into the temp directory)…');
await capture('/news/article');
const runs: Run[] = [];
for (const [page, w] of Object.entries(WORKLOAD)) {
  for (let i = 0; i < w.runs; i++) {
    const { result, peakMb, peakPssMb, maxProcesses } = await sampled(() => capture(`/news/${page}`));
    runs.push({ page, peakMb, peakPssMb, processes: maxProcesses, ...result });
    log(`  ${page} #${i + 1}: ${result.ms.toFixed(0)} ms (CPU ${result.cpuMs.toFixed(0)} ms), peak RSS sum ${peakMb.toFixed(0)} MB, PSS sum ${peakPssMb.toFixed(0)} MB over ${maxProcesses} processes, PNG ${result.pngKb.toFixed(0)} KB (page ${result.height} px), HTML ${result.htmlKb.toFixed(0)} KB`);
  }
}
server.close();

// ---------------------------------------------------------------- report
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const by = (page: string) => runs.filter((r) => r.page === page);
const summary = Object.fromEntries(Object.keys(WORKLOAD).map((page) => {
  const rs = by(page);
  return [page, {
    runs: rs.length,
    peakRssMb: Math.round(Math.max(...rs.map((r) => r.peakMb))),
    peakPssMb: Math.round(Math.max(...rs.map((r) => r.peakPssMb))),
    medianMs: Math.round(pct(rs.map((r) => r.ms), 50)),
    maxMs: Math.round(Math.max(...rs.map((r) => r.ms))),
    medianCpuMs: Math.round(pct(rs.map((r) => r.cpuMs), 50)),
    heightPx: rs[0]!.height,
    pngKb: Math.round(pct(rs.map((r) => r.pngKb), 50)),
    htmlKb: Math.round(pct(rs.map((r) => r.htmlKb), 50)),
    textKb: Math.round(pct(rs.map((r) => r.textKb), 50)),
    pdfKb: Math.round(pct(rs.map((r) => r.pdfKb), 50)),
    processes: Math.max(...rs.map((r) => r.processes)),
  }];
})) as Record<keyof typeof WORKLOAD, { runs: number; peakRssMb: number; peakPssMb: number; medianMs: number; maxMs: number; medianCpuMs: number; heightPx: number; pngKb: number; htmlKb: number; textKb: number; pdfKb: number; processes: number }>;
const peakRssMb = Math.max(...Object.values(summary).map((s) => s.peakRssMb));
const date = new Date().toISOString().slice(0, 10);
const row = (page: keyof typeof WORKLOAD, what: string) => {
  const s = summary[page];
  return `| ${what} | ${s.runs} | **${s.peakRssMb} MB** | ${s.peakPssMb} MB | ${s.processes} | ${s.medianMs} ms / ${s.maxMs} ms | ${s.medianCpuMs} ms | ${s.heightPx} px | ${s.pngKb} KB | ${s.htmlKb} KB | ${s.textKb} KB | ${s.pdfKb} KB |`;
};
const section = `## Capture Lambda memory (npm run bench:capture-lambda${values.quick ? ' -- --quick' : ''})

Measured ${date} on ${machineLine()}.

One capture as the capture function runs it, with the npm-shipped headless Chromium (\`lib/browser/launch.ts\`, the
same binary and flags as on Lambda): launch, a 1280 px wide page on a realistic news article served on loopback
(masthead, CSS grid, fixed cookie banner, 800 × 450 PNG photos, a script), full-page PNG screen print (height capped
at ${HEIGHT_CAP.toLocaleString('en-GB')} px), the HTML as served, the page text, a one-page A4 PDF, close. A fresh browser per capture.
**Peak** is the highest sum of resident memory over this Node process *and every Chromium process* (Lambda counts the
whole sandbox), sampled every 10 ms; before the first capture the Node process alone held ${baseline.toFixed(0)} MB (tsx and
unbundled playwright-core: more than the bundled function). Summed RSS counts pages shared between the Chromium
processes once per process, so it overstates the footprint; summed PSS splits shared pages between their sharers
(what a memory cgroup such as Lambda's charges, roughly). The stack sizes from the RSS column: the safe side.
CPU is user + system time of Node and every Chromium process (reaped children), the measure Lambda's
memory-proportional CPU share stretches. This machine is shared (two cores, several test runs at once), so wall
durations vary two- to four-fold between runs; the CPU column is the stable figure and the one the cost model uses. Durations include launching Chromium
(already inflated into the temp directory: the warm-up run, as on a warm Lambda). A cold Lambda first inflates the
Brotli-packed Chromium into an empty /tmp: measured here in a fresh process, ${(inflation.cpuMs / 1000).toFixed(2)} s CPU
(${(inflation.wallMs / 1000).toFixed(2)} s wall), leaving ${inflation.tmpMb.toFixed(0)} MB in the temp directory (\`CAPTURE_EPHEMERAL_MB\` in infra/stack.ts sizes /tmp from it).

| page | captures | peak RSS (Node + Chromium) | peak PSS | processes | median / max duration | median CPU (all processes) | page height | PNG | HTML | text | PDF |
|---|---|---|---|---|---|---|---|---|---|---|---|
${row('article', `typical article (${WORKLOAD.article.paragraphs} paragraphs, ${WORKLOAD.article.images} photos)`)}
${row('long', `very long page (${WORKLOAD.long.paragraphs} paragraphs, ${WORKLOAD.long.images} photos), cut at the height cap`)}

The stack sizes the capture function from the larger peak (\`LAMBDA_MEMORY_MB.capture\` in infra/stack.ts, same rule as
the other functions: ≥ 1.5 × peak + 64 MB, multiple of 64); the cost model (docs/cost-model.md) uses the
durations and file sizes.

<!-- bench-capture-lambda:data ${JSON.stringify({ capture: { peakRssMb, coldInflateCpuMs: Math.round(inflation.cpuMs), tmpMb: Math.round(inflation.tmpMb), ...summary } })} -->
`;
const current = existsSync(values.out!) ? readFileSync(values.out!, 'utf8') : '# Benchmarks\n';
writeFileSync(values.out!, replaceSection(current, 'bench-capture-lambda', section));
log(`peak ${peakRssMb} MB; wrote ${values.out}`);
process.exit(0);
