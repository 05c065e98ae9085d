import { createServer } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { silentLogger } from '../lib/app/deps';
import { importConfig } from '../lib/app/config';
import { pollJobs } from '../lib/app/poll-all';
import { planPolls } from '../lib/app/plan-polls';
import { createSafeFetcher } from '../lib/feeds/fetch';
import { startLocalDynamo } from '../lib/local/dynamo-server';
import { createDynamoClient, createStore, ensureTable } from '../lib/store';
import { withPeakRss } from './machine';

const SNIPPETS = [
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

/**
 * fetch → parse → match → score → store for `feeds` feeds of `items` items each, served on loopback,
 * into dynalite (in memory), one school per feed.
 */
export async function benchPipeline(feeds: number, items: number, concurrency: number) {
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
  const dynamo = await startLocalDynamo();
  const client = createDynamoClient({ region: 'eu-west-2', endpoint: dynamo.endpoint });
  await ensureTable(client, 'bench');
  const store = createStore(client, 'bench');
  await importConfig({ store }, {
    trusts: [{ id: 'bench', name: 'Bench Trust', schools: names.map((name, i) => ({ id: `s${i}`, name, feeds: [{ source: 'rss', url: `http://127.0.0.1:${port}/feed/${i}.xml` }] })) }],
  });
  const fetcher = createSafeFetcher({ allowHosts: [`127.0.0.1:${port}`], perHostConcurrency: concurrency });
  const deps = { store, fetcher, clock: () => new Date(), log: silentLogger, settings: { mailFrom: 'x@y.z', pollIntervalMinutes: 30 } };
  const jobs = await planPolls(deps);
  const started = performance.now();
  const { result, peakRssMb } = await withPeakRss(() => pollJobs(deps, jobs, { concurrency }));
  const seconds = (performance.now() - started) / 1000;
  await fetcher.close();
  client.destroy();
  await dynamo.stop();
  server.close();
  const failed = result.filter((r) => r.outcome === 'failed').length;
  const stored = result.reduce((n, r) => n + r.stored, 0);
  const flagged = result.reduce((n, r) => n + r.flagged, 0);
  return { feeds, items: feeds * items, concurrency, seconds, feedsPerSecond: feeds / seconds, itemsPerSecond: (feeds * items) / seconds, stored, flagged, failed, peakRssMb };
}
