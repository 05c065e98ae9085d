import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importConfig } from '../../lib/app/config';
import { silentLogger, type AppDeps } from '../../lib/app/deps';
import { localParts } from '../../lib/digest/schedule';
import { startMailServer, type MailServer } from '../../lib/local/mail-server';
import type { Store } from '../../lib/store';
import { digestOwner } from '../../lib/store/digest-store';
import { startTestDynamo, type TestDynamo } from '../support/dynamo';
import { mention } from '../support/fixtures';

/**
 * `digest` through the CLI as a child process (each child loads tsx and the app: seconds apiece on a loaded
 * two-core CI machine, so a test that runs five of them gets minutes, not the 20 s default), against a store and mail server that stand in for a running
 * `npm start` (its lock file in DATA_DIR names its endpoints), and against the embedded store alone.
 */
const dir = mkdtempSync(join(tmpdir(), 'schoolwatch-cli-digest-'));

function cli(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ['--import', 'tsx', 'bin/schoolwatch.ts', ...args],
      { env: { ...process.env, DYNAMODB_ENDPOINT: '', SES_ENDPOINT: '', AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local', ...env }, timeout: 60_000 },
      (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin?.end('');
  });
}

const config = {
  trusts: [{ id: 'meridian', name: 'Meridian Learning Trust', schools: [{ id: 'northgate', name: 'Northgate Park Academy', recipients: ['head@northgate.example'] }] }],
};
const NORTHGATE = digestOwner({ trustId: 'meridian', schoolId: 'northgate' });
const today = () => localParts(new Date(), 'Europe/London').date;

describe('digest --now and the mail server nobody reads', { timeout: 180_000 }, () => {
  let dynamo: TestDynamo;
  let mail: MailServer;
  let store: Store;
  let tableName: string;
  const runningDir = join(dir, 'running');

  beforeAll(async () => {
    [dynamo, mail] = await Promise.all([startTestDynamo(), startMailServer({ port: 0 })]);
    ({ store, tableName } = await dynamo.freshStore());
    const deps = { store, clock: () => new Date(), newId: () => 'id', log: silentLogger } as unknown as AppDeps;
    await importConfig(deps, config);
    const m = mention({ id: 'n1', schoolId: 'northgate', trustId: 'meridian', capturedAt: new Date(Date.now() - 3600_000).toISOString(), title: 'A flagged item' });
    await store.mentions.record({ trustId: 'meridian', schoolId: 'northgate', itemKey: m.itemKey, capturedAt: m.capturedAt, build: () => m });
    // What `npm start` leaves in its data folder while it runs (this test process is the live pid).
    mkdirSync(runningDir, { recursive: true });
    writeFileSync(join(runningDir, 'schoolwatch.lock'), JSON.stringify({ pid: process.pid, command: 'npm start', startedAt: new Date().toISOString(), dynamodbEndpoint: dynamo.server.endpoint, sesEndpoint: mail.endpoint }));
  }, 60_000);
  afterAll(async () => {
    await Promise.all([dynamo?.stop(), mail?.stop()]);
    rmSync(dir, { recursive: true, force: true });
  });

  const againstRunning = (extra: Record<string, string> = {}) => ({ DATA_DIR: runningDir, DYNAMODB_ENDPOINT: dynamo.server.endpoint, TABLE_NAME: tableName, ...extra });

  it('refuses without SES_ENDPOINT, prints the running mail server, sends nothing and records nothing', async () => {
    const r = await cli(['digest', '--now'], againstRunning());
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('SES_ENDPOINT');
    expect(r.stderr).toContain(`SES_ENDPOINT=${mail.endpoint}`);
    expect(r.stderr).toContain('--throwaway-mail');
    expect(await store.digests.get(NORTHGATE, today())).toBeUndefined();
    expect(await mail.fetchStore()).toHaveLength(0);
  });

  it('a held claim with a stored error: digest prints it and exits non-zero; release with a note lets the next run send', async () => {
    const date = today();
    const claim = await store.digests.claim(NORTHGATE, date, new Date(), 'dead-run', 600_000);
    await store.digests.recordError(claim.record, 'outcome unknown: the mail server did not answer in 30 s; not resent; will retry after 09:15 UTC unless released', new Date().toISOString(), 'unknown');

    const held = await cli(['digest', '--now'], againstRunning({ SES_ENDPOINT: mail.endpoint }));
    expect(held.code).not.toBe(0);
    expect(held.stdout).toContain(`northgate ${date}: in-progress`);
    expect(held.stdout).toContain('outcome unknown: the mail server did not answer in 30 s');
    expect(held.stdout).toContain('digest release --trust meridian --school northgate');

    const noNote = await cli(['digest', 'release', '--trust', 'meridian', '--school', 'northgate', '--date', date], againstRunning());
    expect(noNote.code).toBe(1);
    expect(noNote.stderr).toContain('--note');

    const released = await cli(['digest', 'release', '--trust', 'meridian', '--school', 'northgate', '--date', date, '--note', 'head confirmed nothing arrived'], againstRunning());
    expect(released.code).toBe(0);
    expect(released.stderr).toContain('digest claim released'); // the log line, with who and why
    expect(released.stdout).toContain(`Released the digest of northgate on ${date}`);

    const sent = await cli(['digest', '--now'], againstRunning({ SES_ENDPOINT: mail.endpoint }));
    expect(sent.code).toBe(0);
    expect(sent.stdout).toContain(`northgate ${date}: sent (1 mention(s))`);
    expect(await mail.fetchStore()).toHaveLength(1);
    expect((await store.digests.get(NORTHGATE, date))?.previousAttempts).toEqual([expect.objectContaining({ claimToken: 'dead-run', releaseNote: 'head confirmed nothing arrived' })]);
  });

  it('help describes digest release and --throwaway-mail', async () => {
    const { code, stdout } = await cli(['--help'], {});
    expect(code).toBe(0);
    expect(stdout).toContain('digest release --trust T [--school S] --date YYYY-MM-DD --note');
    expect(stdout).toContain('--throwaway-mail');
  });

  it('with the embedded store: refuses without --throwaway-mail; with it, sends into a temporary server and says so', async () => {
    const embedded = join(dir, 'embedded');
    const importFile = join(dir, 'config.json');
    writeFileSync(importFile, JSON.stringify(config));
    expect((await cli(['config', 'import', importFile], { DATA_DIR: embedded })).code).toBe(0);
    const refused = await cli(['digest', '--now'], { DATA_DIR: embedded });
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/nobody reads/);
    const throwaway = await cli(['digest', '--now', '--throwaway-mail'], { DATA_DIR: embedded });
    expect(throwaway.code).toBe(0);
    expect(throwaway.stdout).toContain(`northgate ${today()}: nothing-new`);
    expect(throwaway.stderr).toContain('temporary local mail server');
  });
});
