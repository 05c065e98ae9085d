import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articlePage, articleRoutes, startPageServer, type PageServer } from '../support/page-server';

const dir = mkdtempSync(join(tmpdir(), 'schoolwatch-capture-cli-'));

function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'bin/schoolwatch.ts', ...args], { env: { ...process.env, DATA_DIR: join(dir, 'data'), FEED_ALLOW_HOSTS: '', ...env }, timeout: 90_000 }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('cli capture (child process, production code path)', { timeout: 120_000 }, () => {
  let site: PageServer;
  beforeAll(async () => {
    site = await startPageServer(articleRoutes());
  });
  afterAll(async () => {
    await site?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes the four files with the hashes the manifest gives, exit 0', async () => {
    const out = join(dir, 'ok');
    const res = await cli(['capture', `${site.url}/news/northgate-protest`, '--out', out, '--json'], { FEED_ALLOW_HOSTS: site.hostPort });
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    const result = JSON.parse(res.stdout);
    expect(result).toMatchObject({ ok: true, manifest: { httpStatus: 200, finalUrl: `${site.url}/news/northgate-protest` } });
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    for (const name of ['screenshot.png', 'page.html', 'page.txt']) {
      expect(createHash('sha256').update(readFileSync(join(out, name))).digest('hex'), name).toBe(manifest.files[name].sha256);
    }
    expect(readFileSync(join(out, 'page.html'), 'utf8')).toBe(articlePage());
  });

  it('without FEED_ALLOW_HOSTS a loopback page is refused: one-line reason, exit ≠ 0, nothing written', async () => {
    const out = join(dir, 'refused');
    const res = await cli(['capture', `${site.url}/news/northgate-protest`, '--out', out]);
    expect(res.code).not.toBe(0);
    expect(res.stderr.trim().split('\n')).toHaveLength(1);
    expect(res.stderr).toMatch(/^Capture failed \(blocked-address\): .*private or internal address/);
    expect(existsSync(out)).toBe(false);
  });

  it('a missing page gives its reason', async () => {
    const res = await cli(['capture', `${site.url}/nothing-here`, '--out', join(dir, 'gone')], { FEED_ALLOW_HOSTS: site.hostPort });
    expect(res.code).not.toBe(0);
    expect(res.stderr).toMatch(/^Capture failed \(gone\): .*HTTP 404/);
  });

  it('usage errors name what is missing', async () => {
    const res = await cli(['capture', `${site.url}/x`]);
    expect(res.code).not.toBe(0);
    expect(res.stderr).toMatch(/usage: capture URL --out DIR/);
  });
});
