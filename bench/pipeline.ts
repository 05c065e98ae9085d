import { createServer } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { silentLogger } from '../lib/app/deps';
import { importConfig } from '../lib/app/config';
import { pollJobs } from '../lib/app/poll-all';
import { planPolls } from '../lib/app/plan-polls';
import type { PollDeps } from '../lib/app/poll-feed';
import { ConfigFile } from '../lib/config/schema';
import { createSafeFetcher } from '../lib/feeds/fetch';
import { startLocalDynamo } from '../lib/local/dynamo-server';
import { createDynamoClient, createStore, ensureTable } from '../lib/store';
import { withPeakRss } from './machine';
import { createNoopStore } from './noop-store';

/** Item texts for generated feeds: praise, news, an inspection, abuse; `{S}` is the school's name. */
export const SNIPPETS = [
  'pupils at {S} raised money for the food bank this week',
  '{S} was rated requires improvement by Ofsted inspectors',
  'the head at {S} is a useless idiot and a disgrace',
  'parents praise the new library at {S}',
  'sports day at {S} moved to Friday because of rain',
];

function feedXml(feed: number, items: number, schoolName: string): string {
  const entries = Array.from({ length: items }, (_, i) => {
    const text = SNIPPETS[(feed + i) % SNIPPETS.length]!.replace('{S}', schoolName);
    return `<item><title>Item ${feed}-${i} about ${schoolName}</title><link>https://bench.example/f${feed}/i${i}</link><guid>f${feed}-i${i}</guid><pubDate>Fri, 20 Nov 2026 10:00:00 GMT</pubDate><description>${text}</description></item>`;
  }).join('');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Bench ${feed}</title>${entries}</channel></rss>`;
}

export type BenchStore = 'dynalite' | 'in-memory';

export interface PipelineFigures {
  store: BenchStore;
  feeds: number;
  items: number;
  concurrency: number;
  seconds: number;
  feedsPerSecond: number;
  itemsPerSecond: number;
  matched: number;
  flagged: number;
  stored: number;
  failed: number;
  /** Store requests made while polling (DynamoDB API calls for dynalite, method calls for the in-memory store). */
  storeCalls: number;
  peakRssMb: number;
  /** RSS when polling started (the in-memory store's Maps and the feed bodies are already there). */
  startRssMb: number;
}

/**
 * fetch → parse → match → score → store for `feeds` feeds of `items` items each, served on loopback,
 * one school per feed, into dynalite (in memory, same process) or a no-op in-memory store.
 */
export async function benchPipeline(options: {
  feeds: number;
  items: number;
  concurrency: number;
  store: BenchStore;
  progress?: (line: string) => void;
}): Promise<PipelineFigures> {
  const { feeds, items, concurrency } = options;
  const progress = options.progress ?? (() => {});
  const names = Array.from({ length: feeds }, (_, i) => `Benchmark Academy ${i}`);
  const bodies = names.map((name, i) => feedXml(i, items, name));
  const server = createServer((req, res) => {
    const i = Number(/\/feed\/(\d+)\.xml/.exec(req.url ?? '')?.[1]);
    const body = bodies[i];
    if (body === undefined) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(body);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const config = {
    trusts: [{ id: 'bench', name: 'Bench Trust', schools: names.map((name, i) => ({ id: `s${i}`, name, feeds: [{ source: 'rss', url: `http://127.0.0.1:${port}/feed/${i}.xml` }] })) }],
  };

  const cleanup: (() => Promise<void> | void)[] = [() => new Promise<void>((r) => server.close(() => r()))];
  try {
    let store: PollDeps['store'] & Parameters<typeof planPolls>[0]['store'];
    let storeCalls: () => number;
    if (options.store === 'dynalite') {
      const dynamo = await startLocalDynamo();
      cleanup.push(() => dynamo.stop());
      const client = createDynamoClient({ region: 'eu-west-2', endpoint: dynamo.endpoint });
      cleanup.push(() => client.destroy());
      let calls = 0;
      client.middlewareStack.add((next) => (args) => (calls++, next(args)), { step: 'initialize', name: 'benchCallCounter' });
      await ensureTable(client, 'bench');
      const real = createStore(client, 'bench');
      progress(`    seeding ${feeds} schools into dynalite…`);
      await importConfig({ store: real }, config);
      store = real;
      const base = calls;
      storeCalls = () => calls - base;
    } else {
      const parsed = ConfigFile.parse(config);
      const noop = createNoopStore(parsed.trusts.flatMap((t) => t.schools.map((school) => ({ trustId: t.id, school }))));
      store = noop;
      storeCalls = () => noop.counts().calls;
    }

    const fetcher = createSafeFetcher({ allowHosts: [`127.0.0.1:${port}`], perHostConcurrency: concurrency });
    cleanup.push(() => fetcher.close());
    const deps = { store, fetcher, clock: () => new Date(), log: silentLogger, settings: { pollIntervalMinutes: 30 } };
    const jobs = await planPolls(deps);
    const callsBefore = storeCalls();
    const startRssMb = process.memoryUsage().rss / 2 ** 20;
    const step = Math.max(1, Math.floor(jobs.length / 10));
    const started = performance.now();
    const { result, peakRssMb } = await withPeakRss(() =>
      pollJobs(deps, jobs, {
        concurrency,
        onResult: (_r, done, total) => {
          if (done % step === 0 || done === total) {
            const s = (performance.now() - started) / 1000;
            progress(`    ${done}/${total} feeds, ${s.toFixed(1)} s, ${(done / s).toFixed(1)} feeds/s`);
          }
        },
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const sum = (k: 'matched' | 'flagged' | 'stored') => result.reduce((n, r) => n + r[k], 0);
    return {
      store: options.store,
      feeds,
      items: feeds * items,
      concurrency,
      seconds,
      feedsPerSecond: feeds / seconds,
      itemsPerSecond: (feeds * items) / seconds,
      matched: sum('matched'),
      flagged: sum('flagged'),
      stored: sum('stored'),
      failed: result.filter((r) => r.outcome === 'failed').length,
      storeCalls: storeCalls() - callsBefore,
      peakRssMb,
      startRssMb,
    };
  } finally {
    for (const fn of cleanup.reverse()) await fn();
  }
}
