/**
 * Runs inside a fresh Node process forked by bench/lambda-memory.ts: loads ONE Lambda bundle (built the way
 * the stack builds it), then invokes its handler as the parent asks, one event at a time over IPC, and reports
 * duration, CPU time and peak RSS (the process's own high-water mark; see peakRssKb). Nothing else is loaded in this process,
 * so its peak RSS is the function's own footprint plus Node itself.
 *
 * Protocol: child → {type:'ready'} ; parent → {type:'invoke', event} | {type:'done'} ;
 * child → {type:'result', ms, cpuMs, summary} … and finally {type:'final', …}.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { syncBuiltinESMExports } from 'node:module';
import { pathToFileURL } from 'node:url';

type Msg = { type: 'invoke'; event: unknown } | { type: 'done' };

const send = (m: unknown) => new Promise<void>((res) => process.send!(m, () => res()));
const nextMessage = () => new Promise<Msg>((res) => process.once('message', (m) => res(m as Msg)));
const cpuMs = (c: NodeJS.CpuUsage) => (c.user + c.system) / 1000;

/**
 * Peak RSS of THIS process, KB. `process.resourceUsage().maxRSS` (getrusage) is the figure we want, but on Linux
 * it carries over the parent's RSS at fork time across exec (measured: a child forked from a 300 MB parent reports
 * 297 MB before doing anything), so there we read the same high-water mark for this process's own address space
 * from /proc/self/status (VmHWM). Elsewhere maxRSS is used as is.
 */
function peakRssKb(): number {
  try {
    const hwm = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    if (hwm) return Number(hwm);
  } catch {
    /* not Linux */
  }
  return process.resourceUsage().maxRSS;
}

// Web only: Cognito's JWKS (https://cognito-idp.<region>.amazonaws.com/<pool>/.well-known/jwks.json) is served
// by the parent on loopback, so the real CognitoJwtVerifier runs with no network access to AWS.
const jwksUrl = process.env.BENCH_JWKS_URL;
if (jwksUrl) {
  const original = https.request;
  (https as { request: unknown }).request = (uri: unknown, ...rest: unknown[]) => {
    if (String(uri).startsWith('https://cognito-idp.')) {
      const cb = rest.find((r) => typeof r === 'function') as ((res: http.IncomingMessage) => void) | undefined;
      return http.request(jwksUrl, { method: 'GET' }, cb);
    }
    return (original as (...a: unknown[]) => unknown)(uri, ...rest);
  };
  syncBuiltinESMExports();
}

const context = {
  functionName: `schoolwatch-${process.env.BENCH_FUNCTION}`,
  functionVersion: '$LATEST',
  invokedFunctionArn: `arn:aws:lambda:eu-west-2:123456789012:function:schoolwatch-${process.env.BENCH_FUNCTION}`,
  memoryLimitInMB: '1024',
  awsRequestId: 'bench',
  logGroupName: '/aws/lambda/bench',
  logStreamName: 'bench',
  callbackWaitsForEmptyEventLoop: false,
  getRemainingTimeInMillis: () => 120_000,
};

/** A short, comparable description of what the handler returned (counts, not payloads). */
function summarise(result: unknown): string {
  if (Array.isArray(result)) {
    const counts = new Map<string, number>();
    for (const r of result as { outcome?: string; kind?: string }[]) {
      const k = r?.outcome ?? r?.kind ?? typeof r;
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    return [...counts].map(([k, n]) => `${k}:${n}`).join(',');
  }
  if (result && typeof result === 'object') {
    const r = result as Record<string, unknown>;
    if ('statusCode' in r) return `status:${String(r.statusCode)}`;
    if ('batchItemFailures' in r) return `batchItemFailures:${(r.batchItemFailures as unknown[]).length}`;
    return Object.entries(r).filter(([, v]) => typeof v === 'number').map(([k, v]) => `${k}:${String(v)}`).join(',') || 'object';
  }
  return String(result);
}

const startMaxRssKb = peakRssKb();
const t0 = performance.now();
const c0 = process.cpuUsage();
const mod = (await import(pathToFileURL(process.env.BENCH_BUNDLE!).href)) as { handler: (e: unknown, c: unknown) => Promise<unknown> };
const initMs = performance.now() - t0;
const initCpuMs = cpuMs(process.cpuUsage(c0));
const afterInitMaxRssKb = peakRssKb();

await send({ type: 'ready' });
for (;;) {
  const msg = await nextMessage();
  if (msg.type === 'done') break;
  const c = process.cpuUsage();
  const t = performance.now();
  let summary: string;
  try {
    summary = summarise(await mod.handler(msg.event, context));
  } catch (err) {
    summary = `error:${(err as Error).name}:${(err as Error).message.slice(0, 200)}`;
  }
  await send({ type: 'result', ms: performance.now() - t, cpuMs: cpuMs(process.cpuUsage(c)), summary });
}
await send({ type: 'final', initMs, initCpuMs, startMaxRssKb, afterInitMaxRssKb, maxRssKb: peakRssKb(), getrusageMaxRssKb: process.resourceUsage().maxRSS });
process.exit(0);
