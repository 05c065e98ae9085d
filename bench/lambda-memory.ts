import { fork } from 'node:child_process';
import { createHash, createPrivateKey, generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import { once } from 'node:events';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { DeleteItemCommand, ScanCommand, UpdateItemCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { build } from 'esbuild';
import { importConfig } from '../lib/app/config';
import { silentLogger } from '../lib/app/deps';
import { pollJobs } from '../lib/app/poll-all';
import { planPolls } from '../lib/app/plan-polls';
import { createSafeFetcher } from '../lib/feeds/fetch';
import { feedKey } from '../lib/feeds';
import { startLocalDynamo } from '../lib/local/dynamo-server';
import { startMailServer } from '../lib/local/mail-server';
import { createDynamoClient, createStore, ensureTable } from '../lib/store';
import { TABLE } from '../lib/store/table';
import { machineLine, replaceSection } from './machine';
import { SNIPPETS } from './pipeline';

// The bench runs on the local Node; the SDK's Node 22 advisory concerns the Lambda runtime, which is 22+.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const HELP = `Usage: npm run bench:lambda [-- --quick] [-- --out FILE]

Bundles each Lambda entry point (functions/*.ts) the way the stack does, runs each bundle in a fresh Node
process against local servers (dynalite, the local SES server, a loopback feed server, a stub SQS endpoint,
Cognito's JWKS on loopback) with a realistic workload, and records peak RSS and cold/warm durations.
Writes the "bench-lambda" section of BENCHMARKS.md (or FILE). --quick: fewer warm invocations.`;

const { values } = parseArgs({
  options: { quick: { type: 'boolean' }, out: { type: 'string', default: 'BENCHMARKS.md' }, help: { type: 'boolean', short: 'h' } },
});
if (values.help) {
  console.log(HELP);
  process.exit(0);
}
const quick = values.quick ?? false;
const log = (s: string) => console.error(s);

/** The workload, in one place (the BENCHMARKS.md text is built from these). */
const WORKLOAD = {
  /** dispatch: schools × feeds per school, all due, planned and sent to (stub) SQS in batches of 10. */
  dispatch: { schools: 340, feedsPerSchool: 3, invocations: quick ? 3 : 5 },
  /** poll: one SQS event of 10 feed jobs, each feed serving 20 items never seen before (worst case). */
  poll: { feeds: 10, items: 20, invocations: quick ? 3 : 8 },
  /** digest: schools with flagged hits (8 items per school polled, ~3 flagged), one email each. */
  digest: { schools: 50, itemsPerSchool: 8, invocations: quick ? 3 : 5 },
  /** web: GET /mentions (trust user, all 50 schools) through hono's API Gateway v2 handler. */
  web: { requests: quick ? 50 : 200 },
  /** ses-events: one SNS record per invocation (as SNS delivers), alternately a permanent bounce and a complaint. */
  sesEvents: { invocations: quick ? 20 : 50 },
} as const;

const FUNCTIONS = ['dispatch', 'poll', 'digest', 'web', 'ses-events'] as const;
type Fn = (typeof FUNCTIONS)[number];

const rss = (tag: string, name: string, items: number, offset = 0) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>Local news ${tag}</title>${Array.from({ length: items }, (_, i) => {
    const text = SNIPPETS[(offset + i) % SNIPPETS.length]!.replace('{S}', name);
    return `<item><title>Item ${tag}-${i} about ${name}</title><link>https://bench.example/${tag}/i${i}</link><guid>${tag}-i${i}</guid><pubDate>Fri, 20 Nov 2026 10:00:00 GMT</pubDate><description>${text} (${tag}).</description></item>`;
  }).join('')}</channel></rss>`;

// ---------------------------------------------------------------- bundles (as infra/constructs/function.ts)
const ROOT = process.cwd();
const OUT = path.join(ROOT, 'node_modules/.cache/schoolwatch-bench-lambda');
const ESM_REQUIRE_BANNER = "import { createRequire as __swCreateRequire } from 'node:module'; const require = __swCreateRequire(import.meta.url);";

async function bundle(): Promise<Record<Fn, string> & { harness: string }> {
  mkdirSync(OUT, { recursive: true });
  const out = {} as Record<Fn, string> & { harness: string };
  for (const fn of FUNCTIONS) {
    const file = path.join(OUT, fn, 'index.mjs');
    await build({
      entryPoints: [`functions/${fn}.ts`],
      outfile: file,
      bundle: true,
      minify: true,
      sourcemap: true,
      sourcesContent: false,
      platform: 'node',
      target: 'node22',
      format: 'esm',
      mainFields: ['module', 'main'],
      banner: { js: ESM_REQUIRE_BANNER },
      external: ['@aws-sdk/*'],
      logLevel: 'error',
    });
    out[fn] = file;
  }
  out.harness = path.join(OUT, 'harness.mjs');
  await build({ entryPoints: ['bench/lambda-harness.ts'], outfile: out.harness, bundle: true, platform: 'node', target: 'node22', format: 'esm', logLevel: 'error' });
  return out;
}

// ---------------------------------------------------------------- figures
interface LambdaFigures {
  fn: Fn;
  workload: string;
  invocations: number;
  /** Module load (the bundle's top level: env, clients, app). */
  initMs: number;
  initCpuMs: number;
  coldMs: number;
  coldCpuMs: number;
  warmMedianMs: number;
  warmP95Ms: number;
  warmMedianCpuMs: number;
  /** Node alone, before the bundle was imported. */
  baseRssMb: number;
  afterInitRssMb: number;
  peakRssMb: number;
  outcomes: string;
}

const pct = (xs: number[], p: number) => {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

/** Forks the harness on one bundle and feeds it `events`, calling `prepare(i)` before invocation i. */
async function runChild(
  fn: Fn,
  harness: string,
  bundlePath: string,
  env: Record<string, string>,
  events: (i: number) => unknown,
  count: number,
  prepare: (i: number) => Promise<void> = async () => {},
): Promise<Omit<LambdaFigures, 'fn' | 'workload'>> {
  const child = fork(harness, [], {
    execArgv: ['--enable-source-maps'], // as the stack sets NODE_OPTIONS
    env: {
      PATH: process.env.PATH ?? '',
      AWS_REGION: 'eu-west-2',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      POWERTOOLS_SERVICE_NAME: 'schoolwatch',
      BENCH_FUNCTION: fn,
      BENCH_BUNDLE: bundlePath,
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'], // stdout = the function's JSON logs, as CloudWatch would get
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  const messages: Record<string, unknown>[] = [];
  let waiting: ((m: Record<string, unknown>) => void) | undefined;
  child.on('message', (m) => (waiting ? (waiting(m as Record<string, unknown>), (waiting = undefined)) : messages.push(m as Record<string, unknown>)));
  const exited = once(child, 'exit').then(([code]) => {
    throw new Error(`${fn}: harness exited (${String(code)}) early:\n${stderr}`);
  });
  const next = () => Promise.race([exited, new Promise<Record<string, unknown>>((res) => (messages.length ? res(messages.shift()!) : (waiting = res)))]);

  const ready = await next();
  if (ready.type !== 'ready') throw new Error(`${fn}: unexpected ${JSON.stringify(ready)}`);
  const runs: { ms: number; cpuMs: number; summary: string }[] = [];
  for (let i = 0; i < count; i++) {
    await prepare(i);
    child.send({ type: 'invoke', event: events(i) });
    const r = (await next()) as unknown as { ms: number; cpuMs: number; summary: string };
    if (r.summary.startsWith('error:')) throw new Error(`${fn} invocation ${i} failed: ${r.summary}\n${stderr}`);
    runs.push(r);
  }
  child.send({ type: 'done' });
  const final = (await next()) as { initMs: number; initCpuMs: number; startMaxRssKb: number; afterInitMaxRssKb: number; maxRssKb: number };
  exited.catch(() => {});
  await once(child, 'exit').catch(() => {});
  const warm = runs.slice(1);
  const distinct = [...new Set(runs.map((r) => r.summary))];
  return {
    invocations: count,
    initMs: final.initMs,
    initCpuMs: final.initCpuMs,
    coldMs: final.initMs + runs[0]!.ms,
    coldCpuMs: final.initCpuMs + runs[0]!.cpuMs,
    warmMedianMs: pct(warm.map((r) => r.ms), 50),
    warmP95Ms: pct(warm.map((r) => r.ms), 95),
    warmMedianCpuMs: pct(warm.map((r) => r.cpuMs), 50),
    baseRssMb: final.startMaxRssKb / 1024,
    afterInitRssMb: final.afterInitMaxRssKb / 1024,
    peakRssMb: final.maxRssKb / 1024,
    outcomes: distinct.length <= 3 ? distinct.join(' / ') : `${distinct[0]} … ${distinct.at(-1)}`,
  };
}

// ---------------------------------------------------------------- local servers
const JWT_ISSUER_POOL = 'eu-west-2_BenchPool1';
const JWT_CLIENT = 'benchwebclient';
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const kid = randomUUID();
const jwks = { keys: [{ ...(publicKey.export({ format: 'jwk' }) as object), kid, alg: 'RS256', use: 'sig' }] };
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
function cognitoIdToken(trustId: string): string {
  const iat = Math.floor(Date.now() / 1000);
  const payload = {
    iss: `https://cognito-idp.eu-west-2.amazonaws.com/${JWT_ISSUER_POOL}`, aud: JWT_CLIENT, token_use: 'id', sub: randomUUID(),
    email: 'central@bench.example', 'cognito:groups': ['trust'], 'custom:trust_id': trustId, auth_time: iat, iat, exp: iat + 3600,
  };
  const input = `${b64({ alg: 'RS256', typ: 'JWT', kid })}.${b64(payload)}`;
  return `${input}.${sign('sha256', Buffer.from(input), createPrivateKey(privateKey.export({ format: 'pem', type: 'pkcs8' }))).toString('base64url')}`;
}

let sqsMessages = 0;
const generation = new Map<string, number>();
const seedNames = new Map<number, string>();
const pollNames = new Map<number, string>();
const server = createServer((req, res) => {
  const url = req.url ?? '/';
  if (req.method === 'POST') {
    // Stub SQS (AWS JSON 1.0 protocol): SendMessageBatch only.
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const target = String(req.headers['x-amz-target'] ?? '');
      if (!target.endsWith('SendMessageBatch')) return void res.writeHead(400, { 'content-type': 'application/x-amz-json-1.0' }).end(JSON.stringify({ __type: 'UnsupportedOperation', message: target }));
      const body = JSON.parse(Buffer.concat(chunks).toString()) as { Entries: { Id: string; MessageBody: string }[] };
      sqsMessages += body.Entries.length;
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' }).end(JSON.stringify({
        Successful: body.Entries.map((e) => ({ Id: e.Id, MessageId: randomUUID(), MD5OfMessageBody: createHash('md5').update(e.MessageBody).digest('hex') })),
        Failed: [],
      }));
    });
    return;
  }
  if (url === '/jwks.json') return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(jwks));
  let m = /^\/poll\/(\d+)\.xml/.exec(url);
  if (m) {
    // Every fetch serves 20 items never served before: every item is new (the most work a poll can do).
    const gen = (generation.get(url) ?? 0) + 1;
    generation.set(url, gen);
    return void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(`p${m[1]}g${gen}`, pollNames.get(Number(m[1]))!, WORKLOAD.poll.items, gen));
  }
  m = /^\/seed\/(\d+)\.xml/.exec(url);
  if (m) return void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(`s${m[1]}`, seedNames.get(Number(m[1]))!, WORKLOAD.digest.itemsPerSchool, Number(m[1])));
  res.writeHead(404).end();
});
server.listen(0, '127.0.0.1');
await once(server, 'listening');
const port = (server.address() as AddressInfo).port;
const base = `http://127.0.0.1:${port}`;

log(`Machine: ${machineLine()}`);
log('bundling the five functions as the stack does…');
const bundles = await bundle();
const dynamo = await startLocalDynamo();
const mail = await startMailServer({ port: 0 });
const client = createDynamoClient({ region: 'eu-west-2', endpoint: dynamo.endpoint });
const figures: LambdaFigures[] = [];
const commonEnv = { DYNAMODB_ENDPOINT: dynamo.endpoint };

try {
  // ---- dispatch: 1,020 feeds, all due, to the stub SQS endpoint
  {
    const w = WORKLOAD.dispatch;
    const table = 'bench-dispatch';
    await ensureTable(client, table);
    const trusts = Array.from({ length: 10 }, (_, t) => ({
      id: `dispatch-${t}`, name: `Dispatch Trust ${t}`,
      schools: Array.from({ length: w.schools / 10 }, (_, s) => ({
        id: `d${t}-${s}`, name: `Dispatch Academy ${t}-${s}`,
        feeds: Array.from({ length: w.feedsPerSchool }, (_, f) => ({ source: 'rss', url: `https://news${f}.bench.example/d${t}-${s}.xml` })),
      })),
    }));
    await importConfig({ store: createStore(client, table) }, { trusts });
    log(`dispatch: ${w.schools * w.feedsPerSchool} feeds, ${w.invocations} invocations…`);
    const r = await runChild('dispatch', bundles.harness, bundles.dispatch, { ...commonEnv, TABLE_NAME: table, QUEUE_URL: `${base}/123456789012/feed-jobs` }, () => ({}), w.invocations);
    figures.push({ fn: 'dispatch', workload: `${w.schools * w.feedsPerSchool} feeds (${w.schools} schools × ${w.feedsPerSchool}), all due, to SQS in batches of 10 (${sqsMessages / w.invocations} jobs per run)`, ...r });
  }

  // ---- poll: one SQS event of 10 jobs × 20 new items
  {
    const w = WORKLOAD.poll;
    const table = 'bench-poll';
    await ensureTable(client, table);
    const schools = Array.from({ length: w.feeds }, (_, i) => {
      pollNames.set(i, `Poll Bench Academy ${i}`);
      return { id: `p${i}`, name: `Poll Bench Academy ${i}`, feeds: [{ source: 'rss', url: `${base}/poll/${i}.xml` }] };
    });
    await importConfig({ store: createStore(client, table) }, { trusts: [{ id: 'poll', name: 'Poll Trust', schools }] });
    const event = {
      Records: schools.map((s, i) => {
        const url = s.feeds[0]!.url;
        return {
          messageId: `m${i}`, receiptHandle: `rh${i}`, body: JSON.stringify({ url, urlHash: feedKey(url), schools: [{ trustId: 'poll', schoolId: s.id }] }),
          attributes: { ApproximateReceiveCount: '1', SentTimestamp: String(Date.now()), SenderId: 'AROA', ApproximateFirstReceiveTimestamp: String(Date.now()) },
          messageAttributes: {}, md5OfBody: 'x', eventSource: 'aws:sqs', eventSourceARN: 'arn:aws:sqs:eu-west-2:123456789012:feed-jobs', awsRegion: 'eu-west-2',
        };
      }),
    };
    log(`poll: ${w.feeds} jobs × ${w.items} new items per invocation, ${w.invocations} invocations…`);
    const r = await runChild('poll', bundles.harness, bundles.poll, { ...commonEnv, TABLE_NAME: table, FEED_ALLOW_HOSTS: `127.0.0.1:${port}`, POLL_INTERVAL_MINUTES: '30' }, () => event, w.invocations);
    figures.push({ fn: 'poll', workload: `SQS event of ${w.feeds} feed jobs × ${w.items} items, every item new (40 % flagged and stored)`, ...r });
  }

  // ---- digest + web share one table: 50 schools with a few flagged hits each
  const w = WORKLOAD.digest;
  const table = 'bench-digest';
  await ensureTable(client, table);
  const store = createStore(client, table);
  const schools = Array.from({ length: w.schools }, (_, i) => {
    seedNames.set(i, `Digest Bench Academy ${i}`);
    return {
      id: `s${i}`, name: `Digest Bench Academy ${i}`, timezone: 'UTC', digestHour: 0, recipients: [`head${i}@bench.example`],
      feeds: [{ source: 'rss', url: `${base}/seed/${i}.xml` }],
    };
  });
  await importConfig({ store }, { trusts: [{ id: 'bench', name: 'Bench Trust', schools }] });
  const fetcher = createSafeFetcher({ allowHosts: [`127.0.0.1:${port}`] });
  const seeded = await pollJobs({ store, fetcher, clock: () => new Date(), log: silentLogger, settings: { pollIntervalMinutes: 30 } }, await planPolls({ store, clock: () => new Date() }), { concurrency: 8 });
  await fetcher.close();
  const hits = seeded.reduce((n, r) => n + r.stored, 0);
  {
    // Each digest invocation starts from the same state: no digest sent today, every hit undigested.
    const keyOf = (it: Record<string, AttributeValue>) => `${it[TABLE.partitionKey]!.S}\n${it[TABLE.sortKey]!.S}`;
    const scanAll = async () => {
      const items: Record<string, AttributeValue>[] = [];
      let start: Record<string, AttributeValue> | undefined;
      do {
        const page = await client.send(new ScanCommand({ TableName: table, ExclusiveStartKey: start }));
        items.push(...(page.Items ?? []));
        start = page.LastEvaluatedKey;
      } while (start);
      return items;
    };
    const before = new Set((await scanAll()).map(keyOf));
    const reset = async (i: number) => {
      if (i === 0) return;
      await mail.clear();
      for (const it of await scanAll()) {
        const Key = { [TABLE.partitionKey]: it[TABLE.partitionKey]!, [TABLE.sortKey]: it[TABLE.sortKey]! };
        if (!before.has(keyOf(it))) await client.send(new DeleteItemCommand({ TableName: table, Key }));
        else if (it.digestedAt) await client.send(new UpdateItemCommand({ TableName: table, Key, UpdateExpression: 'REMOVE digestedAt, digestId' }));
      }
    };
    log(`digest: ${w.schools} schools, ${hits} hits, ${w.invocations} invocations (state reset between them)…`);
    const r = await runChild('digest', bundles.harness, bundles.digest, {
      ...commonEnv, TABLE_NAME: table, SES_ENDPOINT: mail.endpoint, MAIL_FROM: 'Schoolwatch <digest@bench.example>', WEB_BASE_URL: 'https://bench.execute-api.eu-west-2.amazonaws.com',
    }, () => ({}), w.invocations, reset);
    const sent = (await mail.fetchStore()).length;
    figures.push({ fn: 'digest', workload: `${w.schools} schools due, ${hits} flagged hits (${(hits / w.schools).toFixed(1)} per school), one digest email each (${sent} sent by the last run)`, ...r });
  }
  {
    const n = WORKLOAD.web.requests;
    const token = cognitoIdToken('bench');
    const host = 'bench.execute-api.eu-west-2.amazonaws.com';
    const queries = ['', 'sort=severity', 'school=s7', 'severity=high', 'status=new'];
    const event = (i: number) => {
      const rawQueryString = queries[i % queries.length]!;
      return {
        version: '2.0', routeKey: '$default', rawPath: '/mentions', rawQueryString,
        headers: { host, accept: 'text/html', 'user-agent': 'bench', authorization: `Bearer ${token}`, 'x-forwarded-proto': 'https' },
        queryStringParameters: rawQueryString ? Object.fromEntries(new URLSearchParams(rawQueryString)) : undefined,
        requestContext: {
          accountId: '123456789012', apiId: 'bench', domainName: host, domainPrefix: 'bench', requestId: `r${i}`, routeKey: '$default', stage: '$default',
          http: { method: 'GET', path: '/mentions', protocol: 'HTTP/1.1', sourceIp: '203.0.113.7', userAgent: 'bench' }, time: new Date().toUTCString(), timeEpoch: Date.now(),
        },
        isBase64Encoded: false,
      };
    };
    log(`web: ${n} GET /mentions requests (trust user, ${hits} hits)…`);
    const r = await runChild('web', bundles.harness, bundles.web, {
      ...commonEnv, TABLE_NAME: table, COGNITO_USER_POOL_ID: JWT_ISSUER_POOL, COGNITO_CLIENT_ID: JWT_CLIENT, WEB_BASE_URL: `https://${host}`, BENCH_JWKS_URL: `${base}/jwks.json`,
    }, event, n);
    figures.push({ fn: 'web', workload: `${n} GET /mentions (flagged-items page, trust user, ${w.schools} schools, ${hits} hits; filters varied), Cognito ID token verified`, ...r });
  }

  // ---- ses-events: SNS → one bounce or complaint per invocation
  {
    const n = WORKLOAD.sesEvents.invocations;
    const event = (i: number) => {
      const at = new Date().toISOString();
      const message = i % 2 === 0
        ? { eventType: 'Bounce', mail: { messageId: `m${i}`, timestamp: at }, bounce: { bounceType: 'Permanent', bounceSubType: 'General', bouncedRecipients: [{ emailAddress: `gone${i}@bench.example`, status: '5.1.1' }], timestamp: at } }
        : { eventType: 'Complaint', mail: { messageId: `m${i}`, timestamp: at }, complaint: { complainedRecipients: [{ emailAddress: `cross${i}@bench.example` }], complaintFeedbackType: 'abuse', timestamp: at } };
      return {
        Records: [{
          EventSource: 'aws:sns', EventVersion: '1.0', EventSubscriptionArn: 'arn:aws:sns:eu-west-2:123456789012:events:sub',
          Sns: { Type: 'Notification', MessageId: randomUUID(), TopicArn: 'arn:aws:sns:eu-west-2:123456789012:events', Subject: null, Message: JSON.stringify(message), Timestamp: at, SignatureVersion: '1', Signature: 'x', SigningCertUrl: 'https://sns.example', UnsubscribeUrl: 'https://sns.example', MessageAttributes: {} },
        }],
      };
    };
    log(`ses-events: ${n} SNS events…`);
    const r = await runChild('ses-events', bundles.harness, bundles['ses-events'], { ...commonEnv, TABLE_NAME: table }, event, n);
    figures.push({ fn: 'ses-events', workload: `${n} SNS events, one record each, alternately a permanent bounce and a complaint`, ...r });
  }
} finally {
  client.destroy();
  await Promise.all([dynamo.stop(), mail.stop(), new Promise<void>((r) => server.close(() => r()))]);
}

// ---------------------------------------------------------------- report
const mb = (n: number) => `${n.toFixed(0)} MB`;
const ms = (n: number) => (n >= 1000 ? `${(n / 1000).toFixed(2)} s` : `${n.toFixed(0)} ms`);
for (const f of figures) log(`  ${f.fn}: peak ${mb(f.peakRssMb)}, cold ${ms(f.coldMs)}, warm median ${ms(f.warmMedianMs)} (${f.outcomes})`);
const date = new Date().toISOString().slice(0, 10);
const data = Object.fromEntries(figures.map((f) => [f.fn, {
  peakRssMb: Math.round(f.peakRssMb), coldMs: Math.round(f.coldMs), warmMedianMs: Math.round(f.warmMedianMs), warmMedianCpuMs: Math.round(f.warmMedianCpuMs),
}]));
const section = `## Lambda memory and duration (npm run bench:lambda${quick ? ' -- --quick' : ''})

Measured ${date} on ${machineLine()}.

Each function is bundled exactly as the stack bundles it (esbuild, minified ESM, source maps, AWS SDK external)
and run in a **fresh Node process** (\`--enable-source-maps\`, as the stack's NODE_OPTIONS) that loads nothing but
that bundle and a small invoker (\`bench/lambda-harness.ts\`). The handler's own code is unchanged; only the endpoints
are local: dynalite (DYNAMODB_ENDPOINT), the local SES server (SES_ENDPOINT), a loopback feed server
(FEED_ALLOW_HOSTS), a stub SQS endpoint (QUEUE_URL) and Cognito's JWKS served on loopback. Peak RSS is the
process's high-water mark at the end of the run (\`VmHWM\`, which is what \`process.resourceUsage().maxRSS\` reports
minus the parent's RSS that Linux carries over a fork + exec; see \`peakRssKb\` in the harness); "cold" is module load plus the first invocation, "warm" the
median and 95th percentile of the rest; CPU is the process's user + system time.

| function | workload per invocation | invocations | peak RSS | Node alone | after load | cold (load + 1st) | warm median / p95 | warm CPU median | result |
|---|---|---|---|---|---|---|---|---|---|
${figures.map((f) => `| \`${f.fn}\` | ${f.workload} | ${f.invocations} | **${mb(f.peakRssMb)}** | ${mb(f.baseRssMb)} | ${mb(f.afterInitRssMb)} | ${ms(f.coldMs)} (load ${ms(f.initMs)}) | ${ms(f.warmMedianMs)} / ${ms(f.warmP95Ms)} | ${ms(f.warmMedianCpuMs)} | ${f.outcomes} |`).join('\n')}

How to read these: the Lambda Node.js runtime adds its own runtime client (tens of MB) to what Node alone takes here,
and Lambda gives a function CPU in proportion to its memory (one full vCPU at 1,769 MB), so durations on this
machine's full core are a floor; at 256-512 MB the CPU-bound part runs several times slower. The stack's memory
settings (\`LAMBDA_MEMORY_MB\` in infra/stack.ts) are derived from the peak RSS column with headroom; the cost model
(docs/cost-model.md) uses the duration and CPU columns.

<!-- bench-lambda:data ${JSON.stringify(data)} -->
`;
const current = existsSync(values.out!) ? readFileSync(values.out!, 'utf8') : '# Benchmarks\n';
writeFileSync(values.out!, replaceSection(current, 'bench-lambda', section));
log(`Wrote ${values.out}`);
process.exit(0);
