import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** The CLI as a user runs it: a real child process, the embedded store in a temporary DATA_DIR. */
const dir = mkdtempSync(join(tmpdir(), 'schoolwatch-cli-'));
const dataDir = join(dir, 'data');

function cli(args: string[], options: { input?: string; env?: Record<string, string> } = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ['--import', 'tsx', 'bin/schoolwatch.ts', ...args],
      { env: { ...process.env, DATA_DIR: dataDir, DYNAMODB_ENDPOINT: '', SES_ENDPOINT: '', ...options.env }, timeout: 60_000 },
      (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin?.end(options.input ?? '');
  });
}

const config = {
  trusts: [{ id: 'meridian', name: 'Meridian Learning Trust', schools: [{ id: 'northgate', name: 'Northgate Park Academy', aliases: ['Northgate Park'], recipients: ['head@northgate.example'] }] }],
};

// Each test starts three or four CLI processes (Node + tsx, several seconds each on a loaded 2-core machine): the
// project-wide 20 s guard timed two of them out in a clean-clone run at load ~10. This is a hang guard, not a timing check.
describe('schoolwatch CLI', { timeout: 90_000 }, () => {
  const server = createServer((_req, res) =>
    res
      .writeHead(200, { 'content-type': 'application/rss+xml' })
      .end('<?xml version="1.0"?><rss version="2.0"><channel><title>Loopback news</title><item><title>Northgate Park Academy fete</title><link>https://news.example/fete?utm_source=x</link><description>Fun for all.</description></item></channel></rss>'),
  );
  let feedHost = '';
  beforeAll(async () => {
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    feedHost = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints help listing every command', async () => {
    const { code, stdout } = await cli(['--help']);
    expect(code).toBe(0);
    for (const command of ['config import', 'config export', 'poll --once', 'digest --now', 'assess', 'feed test', 'purge', 'school export', 'school erase', 'user add']) expect(stdout).toContain(command);
  });

  it('prints one command’s help with COMMAND --help', async () => {
    const { code, stdout } = await cli(['feed', '--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: npm run -s cli -- feed test URL \[--json\]/);
    expect(stdout).not.toContain('config import');
    expect((await cli(['help', 'user'])).stdout).toContain('user add EMAIL --role');
  });

  it('says where a file is not JSON and which field is unknown or out of range, in plain words', async () => {
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{\n  "trusts": [\n    { "id": "a" "name": "A" }\n  ]\n}');
    const syntax = await cli(['config', 'import', broken]);
    expect(syntax.code).toBe(1);
    expect(syntax.stderr).toContain(`${broken} is not valid JSON: line 3, column 17:`);
    const wrong = join(dir, 'wrong.json');
    writeFileSync(wrong, JSON.stringify({ trusts: [{ id: 'm', name: 'M', schools: [{ id: 'n', name: 'N', digestHour: 24, recipient: ['a@b.example'] }] }] }));
    const fields = await cli(['config', 'import', wrong]);
    expect(fields.code).toBe(1);
    expect(fields.stderr).toContain('trusts[0].schools[0].digestHour: Digest hour must be between 0 and 23');
    expect(fields.stderr).toContain("unknown field 'recipient' — did you mean 'recipients'?");
  });

  it('names the option to fix when a user cannot be added', async () => {
    const { code, stderr } = await cli(['user', 'add', 'head@northgate.example', '--role', 'head', '--trust', 'meridian'], { input: 'a long enough password\n' });
    expect(code).toBe(1);
    expect(stderr).toContain('--school: a head needs their one school');
  });

  it('answers --json with a JSON error', async () => {
    const { code, stdout } = await cli(['feed', 'test', 'http://127.0.0.1:9/feed.xml', '--json']);
    expect(code).toBe(1);
    const body = JSON.parse(stdout) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('blocked-address');
    expect(body.error.message).toContain('FEED_ALLOW_HOSTS');
  });

  it('rejects a bad configuration file whole, naming each field, and saves nothing', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ trusts: [{ ...config.trusts[0], schools: [{ id: 'northgate', name: 'N', digestHour: 31 }] }] }));
    const { code, stderr } = await cli(['config', 'import', bad]);
    expect(code).toBe(1);
    expect(stderr).toContain('trusts[0].schools[0].digestHour');
    expect(stderr).toContain('nothing was saved');
    const exported = await cli(['config', 'export']);
    expect(JSON.parse(exported.stdout)).toEqual({ trusts: [] });
  });

  it('imports a file, exports it back, and re-importing changes nothing', async () => {
    const good = join(dir, 'good.json');
    writeFileSync(good, JSON.stringify(config));
    expect((await cli(['config', 'import', good])).stdout).toContain('2 created, 0 updated, 0 unchanged');
    const again = await cli(['config', 'import', good]);
    expect(again.stdout).toContain('0 created, 0 updated, 2 unchanged');
    const exported = JSON.parse((await cli(['config', 'export'])).stdout) as typeof config;
    expect(exported.trusts[0]!.schools[0]!.aliases).toEqual(['Northgate Park']);
  });

  it('runs retention and per-school export, and refuses to erase without confirmation', async () => {
    const purge = await cli(['purge', '--dry-run']);
    expect(purge.code).toBe(0);
    expect(purge.stdout).toContain('northgate: would erase 0 snapshot(s), kept 0 escalated');
    const exported = await cli(['school', 'export', 'northgate']);
    expect(JSON.parse(exported.stdout)).toMatchObject({ school: { trustId: 'meridian', school: { id: 'northgate' } }, mentions: [] });
    const missing = await cli(['school', 'export', 'nope']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('No school with id "nope"');
    const erase = await cli(['school', 'erase', 'northgate']);
    expect(erase.code).toBe(1);
    expect(erase.stderr).toContain('Add --yes to confirm');
  });

  it('assesses JSON lines from stdin, one line out per item, and reports bad lines', async () => {
    const input = [
      JSON.stringify({ id: 'a', title: 'Great play', text: 'The nativity was brilliant, well done everyone' }),
      'not json',
      JSON.stringify({ id: 'b', title: 'Threat', text: 'I will find that teacher and smash his face in' }),
    ].join('\n');
    const { code, stdout, stderr } = await cli(['assess'], { input });
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string; flagged: boolean; families: string[] });
    expect(lines.map((l) => [l.id, l.flagged])).toEqual([['a', false], ['b', true]]);
    expect(lines[1]!.families).toContain('abuse');
    expect(stderr).toContain('line 2: skipped');
    expect(code).toBe(1);
  });

  it('tests a feed with the production fetcher: allowed loopback host works, others are refused', async () => {
    const ok = await cli(['feed', 'test', `http://${feedHost}/feed.xml`], { env: { FEED_ALLOW_HOSTS: feedHost } });
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('Loopback news — 1 item(s)');
    expect(ok.stdout).toContain('https://news.example/fete');
    expect(ok.stdout).not.toContain('utm_source');
    const refused = await cli(['feed', 'test', `http://${feedHost}/feed.xml`]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/Feed error \(blocked-address\)/);
  });

  it('with SCHOOLWATCH_TARGET=aws never starts or creates a local store', async () => {
    const awsDataDir = join(dir, 'aws-data');
    const { code, stderr } = await cli(['config', 'export'], {
      env: { SCHOOLWATCH_TARGET: 'aws', DATA_DIR: awsDataDir, DYNAMODB_ENDPOINT: 'http://127.0.0.1:9', AWS_ACCESS_KEY_ID: 'x', AWS_SECRET_ACCESS_KEY: 'x' },
    });
    expect(code).toBe(1);
    expect(stderr).toMatch(/DynamoDB .* failed/);
    expect(existsSync(awsDataDir)).toBe(false);
  });

  it('names a bad environment variable', async () => {
    const { code, stderr } = await cli(['config', 'export'], { env: { SCHOOLWATCH_TARGET: 'cloud' } });
    expect(code).toBe(1);
    expect(stderr).toContain('SCHOOLWATCH_TARGET');
  });
});
