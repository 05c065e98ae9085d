import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startFeedServer } from '../support/feed-server';
import { giasHeaderLine, giasLine } from '../support/gias-extract';

/** `gias import` / `gias show` as a user runs them: a real child process on a temporary DATA_DIR. */
const dir = mkdtempSync(join(tmpdir(), 'schoolwatch-gias-cli-'));
const fixture = join(import.meta.dirname, '../fixtures/gias/edubasealldata20261130.csv');

function cli(args: string[], dataDir = join(dir, 'data'), env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'bin/schoolwatch.ts', ...args], { env: { ...process.env, DATA_DIR: dataDir, GIAS_BUCKET: '', ...env }, timeout: 60_000 }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

// Each run starts tsx afresh (several seconds on a busy machine), so these tests get room.
describe('schoolwatch gias', { timeout: 180_000 }, () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('has its own --help and is listed in the main help', async () => {
    const help = await cli(['gias', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: npm run -s cli -- gias import FILE/);
    expect((await cli(['--help'])).stdout).toContain('gias import FILE');
  });

  it('says clearly that nothing is loaded before an import', async () => {
    const shown = await cli(['gias', 'show', '137001']);
    expect(shown.code).toBe(1);
    expect(shown.stderr).toContain('URN 137001 is not in the loaded GIAS data: no extract has been imported yet. Import one with `npm run -s cli -- gias import FILE`');
  });

  it('imports an extract with progress on stderr and a summary, then shows a school', async () => {
    // 6 000 rows so the every-5 000-rows progress line appears.
    const big = join(dir, 'edubasealldata20261201.csv');
    const rows = Array.from({ length: 6_000 }, (_, i) => giasLine({ URN: String(300000 + i), EstablishmentName: `Synthetic School ${i}`, Town: 'Leeds' }));
    writeFileSync(big, `${[giasHeaderLine(), ...rows].join('\r\n')}\r\n`);
    const bigImport = await cli(['gias', 'import', big], join(dir, 'big'));
    expect(bigImport.code).toBe(0);
    expect(bigImport.stderr).toContain('5000 rows read…');
    expect(bigImport.stdout).toContain('6000 rows read, 6000 establishments indexed, 0 rows skipped.');

    const imported = await cli(['gias', 'import', fixture]);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('Imported edubasealldata20261130.csv (Windows-1252): 6 rows read, 4 establishments indexed, 2 rows skipped:');
    expect(imported.stdout).toContain('  no URN: 1 (line 5)');
    expect(imported.stdout).toContain('  URN is not six digits: 1 (line 6)');
    expect(imported.stdout).toMatch(/Index: [\d.]+ KB stored at .*gias[\\/]index\.jsonl\.gz \(GIAS data from 2026-11-30\)\./);

    const shown = await cli(['gias', 'show', '137001']);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('St Mary’s Church of England Primary School, Ashworth');
    expect(shown.stdout).toContain('Head:            Mrs Renée Lefèvre');
    const json = await cli(['gias', 'show', '110003', '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ urn: '110003', status: 'Closed', giasDataFrom: '2026-11-30' });

    const missing = await cli(['gias', 'show', '999999']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('URN 999999 is not in the loaded GIAS data (from 2026-11-30)');
  });

  it('gias refresh downloads from GIAS_EXTRACT_URL through the guarded fetcher; a failure says the old index is kept', async () => {
    const server = await startFeedServer();
    try {
      let up = true;
      server.route('/edubasealldata.csv', (_req, res) => (up ? void res.writeHead(200, { 'content-type': 'text/csv' }).end(readFileSync(fixture)) : void res.writeHead(503).end()));
      const env = { GIAS_EXTRACT_URL: server.url('/edubasealldata.csv'), FEED_ALLOW_HOSTS: server.hostPort };
      const refreshed = await cli(['gias', 'refresh'], join(dir, 'refresh'), env);
      expect(refreshed.code).toBe(0);
      expect(refreshed.stdout).toContain('4 establishments indexed');
      up = false;
      const failed = await cli(['gias', 'refresh', '--json'], join(dir, 'refresh'), env);
      expect(failed.code).toBe(1);
      expect(JSON.parse(failed.stdout).error).toMatchObject({ code: 'refresh-failed', message: expect.stringMatching(/HTTP 503.*previous index \(4 establishments/s) });
    } finally {
      await server.close();
    }
  });

  it('refuses a file that is not an extract, in words and as JSON, keeping the index', async () => {
    const notGias = join(dir, 'contacts.csv');
    writeFileSync(notGias, 'name,email\r\nAnn,ann@example.com\r\n');
    const refused = await cli(['gias', 'import', notGias, '--json']);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout)).toEqual({ error: { code: 'not-gias', message: expect.stringContaining('is not a GIAS all-establishments extract') } });
    const plain = await cli(['gias', 'import', join(dir, 'nope.csv')]);
    expect(plain.code).toBe(1);
    expect(plain.stderr).toContain('no such file');
    expect((await cli(['gias', 'show', '137001'])).code).toBe(0);
  });
});
