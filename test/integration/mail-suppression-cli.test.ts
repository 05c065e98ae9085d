import { execFile } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../lib/store';
import { startTestDynamo, type TestDynamo } from '../support/dynamo';

/** `mail suppressed` / `mail unsuppress` as a user runs them: a child process pointed at dynalite. */
let dynamo: TestDynamo;
let store: Store;
let tableName: string;

function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ['--import', 'tsx', 'bin/schoolwatch.ts', ...args],
      { env: { ...process.env, DYNAMODB_ENDPOINT: dynamo.server.endpoint, TABLE_NAME: tableName, SES_ENDPOINT: '', SCHOOLWATCH_TARGET: 'local', USER: 'ops' }, timeout: 60_000 },
      (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin?.end('');
  });
}

beforeAll(async () => {
  dynamo = await startTestDynamo();
  ({ store, tableName } = await dynamo.freshStore());
  await store.suppressions.suppress({ email: 'head@northgate.example', reason: 'bounce', detail: 'NoEmail', at: '2026-03-02T09:30:00.000Z', recordedAt: '2026-03-02T10:00:00.000Z', messageId: 'ses-1' });
}, 60_000);
afterAll(async () => dynamo?.stop());

describe('schoolwatch mail', () => {
  it('lists suppressed addresses, refuses a lift without a note, and lifts with one', async () => {
    const list = await cli(['mail', 'suppressed']);
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('head@northgate.example\tBounced (NoEmail)\tsince 2026-03-02T09:30:00.000Z');

    const noNote = await cli(['mail', 'unsuppress', 'head@northgate.example']);
    expect(noNote.code).toBe(1);
    expect(noNote.stderr).toContain('--note');

    const missing = await cli(['mail', 'unsuppress', 'nobody@northgate.example', '--note', 'x']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('nobody@northgate.example is not suppressed');

    const lift = await cli(['mail', 'unsuppress', 'Head@Northgate.example', '--note', 'mailbox recreated']);
    expect(lift.stderr).toBe('');
    expect(lift.code).toBe(0);
    expect(lift.stdout).toContain('Lifted the suppression of head@northgate.example');
    expect(await store.suppressions.get('head@northgate.example')).toBeUndefined();
    expect(await store.suppressions.lifts('head@northgate.example')).toMatchObject([{ by: 'cli:ops', note: 'mailbox recreated' }]);
    expect((await cli(['mail', 'suppressed'])).stdout).toContain('No address is suppressed.');
  }, 120_000);
});
