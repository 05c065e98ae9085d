import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../lib/app/deps';
import { loadEnv } from '../../lib/config/env';
import { DataDirBusyError } from '../../lib/local/data-dir-lock';
import { startLocalStack, type LocalStack } from '../../lib/local/stack';
import { startBanner } from '../../lib/local/banner';
import { createServer } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';

/** `npm start -- --demo` as a user runs it: one process, embedded servers, demo feeds on loopback. */
describe('local stack with --demo', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'schoolwatch-stack-'));
  const env = loadEnv({ DATA_DIR: dataDir, PORT: '0', MAIL_PORT: '0', DYNAMODB_PORT: '0', S3_PORT: '0', DEMO_FEED_PORT: '0' });
  let stack: LocalStack;

  beforeAll(async () => {
    stack = await startLocalStack({ env, demo: true, schedule: false, log: silentLogger });
  }, 60_000);
  afterAll(async () => {
    await stack?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('shows the flagged demo mentions on the web page', async () => {
    const demo = stack.demoUsers!;
    const trustUser = demo.users.find((u) => u.role === 'trust')!;
    const login = await fetch(`${stack.webUrl}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: trustUser.email, password: demo.password }),
    });
    expect(login.status).toBe(200);
    const { token } = (await login.json()) as { token: string };
    expect((await fetch(`${stack.webUrl}/mentions`, { redirect: 'manual' })).status).not.toBe(200);
    const res = await fetch(`${stack.webUrl}/mentions`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('Re: new head at Northgate Park Academy');
    expect(page).toContain('Worried about my son at St Brendan');
    expect(page).not.toContain('choir wins regional final');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('delivers one urgent alert and one digest per demo school to the mail viewer', async () => {
    const res = await fetch(new URL('store', stack.mailViewerUrl));
    const body = (await res.json()) as { emails: { subject: string; body: { text?: string } }[] };
    expect(body.emails).toHaveLength(4);
    // The threat against a teacher and the leak about a pupil do not wait for the digest.
    const urgent = body.emails.filter((e) => e.subject.startsWith('Urgent:'));
    expect(urgent.map((e) => e.subject).sort()).toEqual([expect.stringContaining('Northgate Park Academy'), expect.stringContaining("St Brendan's")]);
    const digests = body.emails.filter((e) => !e.subject.startsWith('Urgent:'));
    expect(digests).toHaveLength(2);
    expect(digests.every((d) => (d.body.text ?? '').includes('Urgent alert: alerted at'))).toBe(true);
    // Northgate Park watches the demo Ofsted page: its new report card (two areas needing attention) is in the digest.
    const northgate = digests.find((d) => d.subject.startsWith('Northgate Park Academy'))!;
    expect(northgate.subject).toContain('new Ofsted report (flagged)');
    expect(northgate.body.text).toContain('NEW OFSTED REPORT: Report card, inspection 14 January 2026');
    expect(JSON.stringify(body.emails)).not.toContain('07700 900123');
  });

  it('refuses a second process on the same data folder with a clear message', async () => {
    await expect(startLocalStack({ env, schedule: false, log: silentLogger })).rejects.toThrow(DataDirBusyError);
    await expect(startLocalStack({ env, schedule: false, log: silentLogger })).rejects.toThrow(/DYNAMODB_ENDPOINT=http:\/\/127\.0\.0\.1:\d+/);
  });

  it('lists the demo feed host for the CLI in the banner', () => {
    expect(stack.demoFeedHost).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(startBanner(stack, env)).toContain(`FEED_ALLOW_HOSTS=${stack.demoFeedHost} npm run -s cli -- --help`);
    expect(stack.demoResent).toBeUndefined();
  });

  it('sends the demo digests again when restarted on the same data, saying so', { timeout: 60_000 }, async () => {
    // The local SES server keeps its mail per process, so count what this restart adds.
    const before = ((await (await fetch(new URL('store', stack.mailViewerUrl))).json()) as { emails: unknown[] }).emails.length;
    await stack.stop();
    stack = await startLocalStack({ env, demo: true, schedule: false, log: silentLogger });
    expect(stack.demoResent).toEqual({ digests: 2, mentions: expect.any(Number) });
    expect(stack.demoResent!.mentions).toBeGreaterThan(0);
    const body = (await (await fetch(new URL('store', stack.mailViewerUrl))).json()) as { emails: unknown[] };
    expect(body.emails.length - before).toBe(2);
    expect(startBanner(stack, env)).toContain('Demo digests sent again: this restart released the demo trust’s own digest records');
  });

  it('names the variable to change when the demo feed port is busy', { timeout: 60_000 }, async () => {
    const busy = createServer().listen(0, '127.0.0.1');
    await once(busy, 'listening');
    const otherDir = mkdtempSync(join(tmpdir(), 'schoolwatch-stack-'));
    try {
      const port = String((busy.address() as AddressInfo).port);
      const busyEnv = loadEnv({ DATA_DIR: otherDir, PORT: '0', MAIL_PORT: '0', DYNAMODB_PORT: '0', S3_PORT: '0', DEMO_FEED_PORT: port });
      await expect(startLocalStack({ env: busyEnv, demo: true, schedule: false, log: silentLogger })).rejects.toThrow(`Demo feed port ${port} is already in use: set DEMO_FEED_PORT to a free port.`);
    } finally {
      busy.close();
      rmSync(otherDir, { recursive: true, force: true });
    }
  });

  it.each(['PORT', 'MAIL_PORT', 'DYNAMODB_PORT', 'S3_PORT'])('names %s when its port is busy', { timeout: 60_000 }, async (variable) => {
    const busy = createServer().listen(0, '127.0.0.1');
    await once(busy, 'listening');
    const otherDir = mkdtempSync(join(tmpdir(), 'schoolwatch-stack-'));
    try {
      const port = String((busy.address() as AddressInfo).port);
      const busyEnv = loadEnv({ DATA_DIR: otherDir, PORT: '0', MAIL_PORT: '0', DYNAMODB_PORT: '0', S3_PORT: '0', [variable]: port });
      await expect(startLocalStack({ env: busyEnv, schedule: false, log: silentLogger })).rejects.toThrow(new RegExp(`${port}.*set ${variable} to a free port`, 'i'));
    } finally {
      busy.close();
      rmSync(otherDir, { recursive: true, force: true });
    }
  });
});
