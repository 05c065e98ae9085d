import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildGiasIndex } from '../../lib/app/build-gias';
import { startLocalS3, type LocalS3 } from '../../lib/local/s3-server';
import { createS3Client } from '../../lib/evidence/evidence-store';
import { CachedGiasIndex } from '../../lib/gias/gias-index';
import { S3GiasIndexStore } from '../../lib/gias/index-store';
import { startFeedServer, type FeedServer } from '../support/feed-server';

/**
 * The real weekly refresh handler (functions/gias-refresh.ts: env → guarded fetcher → streaming import → S3),
 * against a loopback "GIAS" server and the local S3 server; then the S3-backed GIAS index reads what it stored.
 */
const fixture = readFileSync(join(import.meta.dirname, '../fixtures/gias/edubasealldata20261130.csv'));

describe('giasRefresh Lambda handler and the S3-backed GIAS index', () => {
  let s3: LocalS3;
  let server: FeedServer;
  let handler: () => Promise<{ kind: string; indexed?: number }>;
  const dir = mkdtempSync(join(tmpdir(), 'schoolwatch-gias-s3-'));
  const saved = { ...process.env };
  let status = 200;

  beforeAll(async () => {
    s3 = await startLocalS3({ dataDir: dir, port: 0, bucket: 'schoolwatch-gias' });
    server = await startFeedServer();
    // Any date: the handler asks for today's file (and yesterday's); this server answers every name.
    server.route('/edubasealldata.csv', (_req, res) => {
      if (status !== 200) return void res.writeHead(status).end('unavailable');
      res.writeHead(200, { 'content-type': 'text/csv' }).end(fixture);
    });
    Object.assign(process.env, {
      GIAS_BUCKET: 'schoolwatch-gias',
      S3_ENDPOINT: s3.endpoint,
      GIAS_EXTRACT_URL: server.url('/edubasealldata.csv'),
      FEED_ALLOW_HOSTS: server.hostPort,
      POWERTOOLS_LOG_LEVEL: 'SILENT',
    });
    ({ handler } = (await import('../../functions/gias-refresh')) as unknown as { handler: typeof handler });
  });

  afterAll(async () => {
    process.env = saved;
    await server.close();
    await s3.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores the index in the bucket, where the S3-backed index finds each school; a failed run throws and keeps it', async () => {
    expect(await handler()).toMatchObject({ kind: 'refreshed', indexed: 4 });
    const index = buildGiasIndex({ GIAS_BUCKET: 'schoolwatch-gias', S3_ENDPOINT: s3.endpoint, AWS_REGION: 'eu-west-2', DATA_DIR: dir });
    expect(await index.get('145002')).toMatchObject({ name: 'Northgate Park Academy', trust: 'MERIDIAN LEARNING TRUST' });
    expect(await index.get('999999')).toBeUndefined();
    const firstLoaded = await index.meta();

    status = 500;
    await expect(handler()).rejects.toThrow(/HTTP 500.*previous index \(4 establishments/s);
    index.invalidate();
    expect((await index.meta())?.importedAt).toBe(firstLoaded?.importedAt);
    expect(await index.get('137001')).toMatchObject({ headLastName: 'Lefèvre' });
  });

  it('no index object yet reads as "no GIAS data loaded", not an error', async () => {
    const client = createS3Client({ region: 'eu-west-2', endpoint: s3.endpoint });
    const none = new CachedGiasIndex(new S3GiasIndexStore(client, 'schoolwatch-gias', 'gias/not-yet.jsonl.gz'));
    expect(await none.get('137001')).toBeUndefined();
    expect(await none.loadedAt()).toBeUndefined();
  });
});
