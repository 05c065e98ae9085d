import { createReadStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../lib/app/deps';
import { GiasRefreshError, importGias, refreshGias } from '../../lib/app/gias-import';
import { createSafeFetcher, type SafeFetcher } from '../../lib/feeds/fetch';
import { FileGiasIndex } from '../../lib/gias/gias-index';
import { FileGiasIndexStore, giasIndexPath } from '../../lib/gias/index-store';
import { GiasFormatError } from '../../lib/gias/parse';
import { startFeedServer, type FeedServer } from '../support/feed-server';
import { giasHeaderLine, giasLine } from '../support/gias-extract';

const fixturePath = join(import.meta.dirname, '../fixtures/gias/edubasealldata20261130.csv');
const fixture = readFileSync(fixturePath);
const clock = () => new Date('2026-11-30T09:00:00Z');

describe('GIAS import into the per-URN index', () => {
  const dir = mkdtempSync(join(tmpdir(), 'schoolwatch-gias-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('imports the extract streaming from a file and FileGiasIndex finds each school by URN', async () => {
    const dataDir = join(dir, 'import');
    const progress: number[] = [];
    const summary = await importGias(new FileGiasIndexStore(giasIndexPath(dataDir)), createReadStream(fixturePath, { highWaterMark: 64 }), {
      source: 'edubasealldata20261130.csv',
      clock,
      progressEvery: 2,
      onProgress: (p) => progress.push(p.rowsRead),
    });
    expect(summary).toMatchObject({ rows: 6, indexed: 4, skipped: 2, encoding: 'windows-1252', extractDate: '2026-11-30', where: giasIndexPath(dataDir) });
    expect(summary.skippedByReason).toEqual({ 'no URN': 1, 'URN is not six digits': 1 });
    expect(summary.indexBytes).toBeGreaterThan(100);
    expect(progress).toEqual([2, 4, 6]);

    const index = new FileGiasIndex(dataDir);
    expect(await index.get('137001')).toMatchObject({ name: 'St Mary’s Church of England Primary School, Ashworth', headFirstName: 'Renée', phone: '01632960123' });
    expect(await index.get('110003')).toMatchObject({ status: 'Closed' });
    expect(await index.get(' 145002 ')).toMatchObject({ trust: 'MERIDIAN LEARNING TRUST' });
    expect(await index.get('999999')).toBeUndefined();
    expect(await index.loadedAt()).toBe('2026-11-30');
  });

  it('has nothing loaded before an import, and sees an import made later in the same process', async () => {
    const dataDir = join(dir, 'later');
    const index = new FileGiasIndex(dataDir);
    expect(await index.get('137001')).toBeUndefined();
    expect(await index.loadedAt()).toBeUndefined();
    await importGias(new FileGiasIndexStore(giasIndexPath(dataDir)), [fixture], { source: 'edubasealldata20261130.csv', clock });
    expect(await index.get('137001')).toMatchObject({ urn: '137001' });
  });

  it('keeps the loaded index for recheckMs, then reloads it only if the stored one changed', async () => {
    const dataDir = join(dir, 'recheck');
    const store = new FileGiasIndexStore(giasIndexPath(dataDir));
    await importGias(store, [fixture], { source: 'edubasealldata20261130.csv', clock });
    let now = 0;
    const index = new FileGiasIndex(dataDir, { recheckMs: 1_000, clock: () => now });
    expect(await index.get('300001')).toBeUndefined();
    await importGias(store, [Buffer.from(`${giasHeaderLine()}\r\n${giasLine({ URN: '300001', EstablishmentName: 'New Free School' })}\r\n`)], { source: 'edubasealldata20261207.csv', clock });
    now = 999;
    expect(await index.get('300001')).toBeUndefined(); // still the cached copy
    now = 1_000;
    expect(await index.get('300001')).toMatchObject({ name: 'New Free School' });
    expect(await index.loadedAt()).toBe('2026-12-07');
  });

  it('a file that is not an extract is refused and the stored index is kept', async () => {
    const dataDir = join(dir, 'refuse');
    const store = new FileGiasIndexStore(giasIndexPath(dataDir));
    await importGias(store, [fixture], { source: 'edubasealldata20261130.csv', clock });
    const before = readFileSync(giasIndexPath(dataDir));
    await expect(importGias(store, [Buffer.from('name,email\r\nAnn,ann@example.com\r\n')], { source: 'contacts.csv', clock })).rejects.toBeInstanceOf(GiasFormatError);
    await expect(importGias(store, [Buffer.from(`${giasHeaderLine()}\r\n${giasLine({ URN: 'x', EstablishmentName: 'Bad' })}\r\n`)], { source: 'bad.csv', clock })).rejects.toThrow(/no establishments with a usable URN/);
    expect(readFileSync(giasIndexPath(dataDir))).toEqual(before);
  });
});

describe('refreshGias from a loopback server', () => {
  let server: FeedServer;
  let fetcher: SafeFetcher;
  const dir = mkdtempSync(join(tmpdir(), 'schoolwatch-gias-refresh-'));
  beforeAll(async () => {
    server = await startFeedServer();
    fetcher = createSafeFetcher({ allowHosts: [server.hostPort], maxBytes: 64 * 1024, timeoutMs: 5_000 });
  });
  afterAll(async () => {
    await fetcher.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const template = () => server.url('/edubase/downloads/public/edubasealldata{date}.csv');

  it('downloads today’s extract (gzip on the wire), stores the index, then a 304 keeps it; 500 and oversize keep it too', async () => {
    const store = new FileGiasIndexStore(giasIndexPath(join(dir, 'a')));
    const deps = { store, fetcher, clock, log: silentLogger };
    server.route('/edubase/downloads/public/edubasealldata20261130.csv', (req, res) => {
      if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304).end();
      res.writeHead(200, { 'content-type': 'text/csv', 'content-encoding': 'gzip', etag: '"v1"' }).end(gzipSync(fixture));
    });
    const first = await refreshGias(deps, { urlTemplate: template() });
    expect(first).toMatchObject({ kind: 'refreshed', summary: { indexed: 4, extractDate: '2026-11-30' } });
    const stored = readFileSync(store.path);

    const second = await refreshGias(deps, { urlTemplate: template() });
    expect(second.kind).toBe('not-modified');
    expect(server.requests.at(-1)!.headers['if-none-match']).toBe('"v1"');

    server.route('/edubase/downloads/public/edubasealldata20261130.csv', (_req, res) => void res.writeHead(500).end('oops'));
    await expect(refreshGias(deps, { urlTemplate: template() })).rejects.toThrow(/HTTP 500.*The previous index \(4 establishments, from 2026-11-30\) is still in use/s);

    const big = Buffer.concat([Buffer.from(`${giasHeaderLine()}\r\n`), ...Array.from({ length: 400 }, (_, i) => Buffer.from(`${giasLine({ URN: String(200000 + i), EstablishmentName: `School ${i}` })}\r\n`))]);
    server.route('/edubase/downloads/public/edubasealldata20261130.csv', (_req, res) => {
      // No Content-Length: the cap has to stop the stream itself.
      res.writeHead(200, { 'content-type': 'text/csv' });
      res.end(big);
    });
    const oversize = await refreshGias(deps, { urlTemplate: template() }).catch((e: unknown) => e);
    expect(oversize).toBeInstanceOf(GiasRefreshError);
    expect((oversize as Error).message).toMatch(/larger than the download limit \(GIAS_MAX_MB\).*previous index .* is still in use/s);

    server.route('/edubase/downloads/public/edubasealldata20261130.csv', (_req, res) => void res.writeHead(200, { 'content-type': 'text/html' }).end('<!DOCTYPE html><html>Down for maintenance</html>'));
    await expect(refreshGias(deps, { urlTemplate: template() })).rejects.toThrow(/looks like a web page.*still in use/s);

    expect(readFileSync(store.path)).toEqual(stored);
  });

  it('a download that stalls past the deadline is stopped and the index kept', async () => {
    const store = new FileGiasIndexStore(giasIndexPath(join(dir, 'slow')));
    await importGias(store, [fixture], { source: 'edubasealldata20261129.csv', clock });
    const before = readFileSync(store.path);
    server.route('/slow/edubasealldata20261130.csv', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/csv' });
      res.write(fixture.subarray(0, 2000)); // then nothing more
    });
    const slow = createSafeFetcher({ allowHosts: [server.hostPort], timeoutMs: 400 });
    try {
      await expect(refreshGias({ store, fetcher: slow, clock, log: silentLogger }, { urlTemplate: server.url('/slow/edubasealldata{date}.csv') })).rejects.toThrow(
        /did not finish downloading within the deadline \(GIAS_TIMEOUT_SECONDS\).*previous index \(4 establishments, from 2026-11-29\) is still in use/s,
      );
    } finally {
      await slow.close();
    }
    expect(readFileSync(store.path)).toEqual(before);
  });

  it('falls back to yesterday’s file when today’s is not published yet', async () => {
    const store = new FileGiasIndexStore(giasIndexPath(join(dir, 'b')));
    server.route('/b/edubasealldata20261129.csv', (_req, res) => void res.writeHead(200, { 'content-type': 'text/csv' }).end(fixture));
    const result = await refreshGias({ store, fetcher, clock: () => new Date('2026-11-30T00:30:00Z'), log: silentLogger }, { urlTemplate: server.url('/b/edubasealldata{date}.csv') });
    expect(result).toMatchObject({ kind: 'refreshed', url: server.url('/b/edubasealldata20261129.csv') });
    expect(server.requests.slice(-2).map((r) => r.path)).toEqual(['/b/edubasealldata20261130.csv', '/b/edubasealldata20261129.csv']);
    expect(await new FileGiasIndex(join(dir, 'b')).loadedAt()).toBe('2026-11-29');
  });
});
