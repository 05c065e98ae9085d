import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importConfig } from '../../lib/app/config';
import { runSchoolAdd } from '../../lib/app/school-add-command';
import { createSafeFetcher } from '../../lib/feeds/fetch';
import { MemoryGiasIndex } from '../../lib/gias/memory-index';
import type { Store } from '../../lib/store';
import { PREVIEW_ITEMS, rss } from '../support/browser';
import { startTestDynamo, type TestDynamo } from '../support/dynamo';
import { startFeedServer, type FeedServer } from '../support/feed-server';
import { GIAS_LOADED_AT, GIAS_RECORDS } from '../support/gias-fixtures';

/** `school add URN … --trust T [--yes]`: the command in-process (dynalite, GIAS in memory), and the real CLI. */
let dynamo: TestDynamo;
let feeds: FeedServer;
beforeAll(async () => {
  dynamo = await startTestDynamo();
  feeds = await startFeedServer();
  feeds.route('/news.xml', (_req, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(PREVIEW_ITEMS)));
});
afterAll(async () => {
  await feeds?.close();
  await dynamo?.stop();
});

const gias = new MemoryGiasIndex(GIAS_RECORDS, GIAS_LOADED_AT);
async function store(): Promise<Store> {
  const { store } = await dynamo.freshStore();
  await importConfig({ store }, { trusts: [{ id: 'meridian', name: 'Meridian Learning Trust', schools: [] }] });
  return store;
}
const cmd = (urns: string[], extra: Partial<Parameters<typeof runSchoolAdd>[1]> = {}) => ({ urns, trustId: 'meridian', yes: false, json: false, preview: false, ...extra });

describe('school add (in-process)', () => {
  it('prints the drafts for review and saves nothing without --yes', async () => {
    const s = await store();
    const { code, text } = await runSchoolAdd({ store: s, gias }, cmd(['114501', '136285']));
    expect(code).toBe(0);
    expect(text).toContain('Drafts from GIAS data of 27 November 2026:');
    expect(text).toContain("URN 114501: St Mary's Church of England Primary School");
    expect(text).toContain("aliases:       St Mary's Primary School; St Mary's Primary; St Mary's;");
    expect(text).toContain('context words: Hove; Brighton and Hove; Downs Church of England Trust; Meridian Learning Trust');
    expect(text).toContain('head Mrs Jane Smith; Jane Smith; Mrs Smith');
    expect(text).toContain('KGV');
    expect(text).toMatch(/Nothing saved; run again with --yes to save all 2 schools\./);
    expect(await s.config.listSchools('meridian')).toEqual([]);
  });

  it('--yes saves every school; a bad URN in the list saves none', async () => {
    const s = await store();
    const bad = await runSchoolAdd({ store: s, gias }, cmd(['114501', '99999x'], { yes: true }));
    expect(bad.code).toBe(1);
    expect(bad.text).toContain('“99999x” is not a URN');
    expect(bad.text).toContain('nothing saved');
    expect(await s.config.listSchools('meridian')).toEqual([]);
    const good = await runSchoolAdd({ store: s, gias }, cmd(['114501,136285', '140210'], { yes: true }));
    expect(good.code).toBe(0);
    expect(good.text).toContain('Saved 3 school(s) to trust meridian: st-marys-primary, king-george-v, holy-trinity.');
    expect((await s.config.listSchools('meridian')).map((r) => r.school.urn).sort()).toEqual(['114501', '136285', '140210']);
    // again: already there, named
    const again = await runSchoolAdd({ store: s, gias }, cmd(['136285'], { yes: true }));
    expect(again.code).toBe(1);
    expect(again.text).toContain('URN 136285 is already in your trust as “King George V School” (id king-george-v)');
  });

  it('--json gives drafts and errors as data; --preview reads the draft feeds and shows matches', async () => {
    const s = await store();
    const json = JSON.parse((await runSchoolAdd({ store: s, gias }, cmd(['121212', '000001'], { json: true }))).text);
    expect(json.saved).toBe(false);
    expect(json.giasDate).toBe(GIAS_LOADED_AT);
    expect(json.schools[0]).toMatchObject({ urn: '121212', ok: true, school: { id: 'northgate-park', aliases: ['Northgate Park', 'NPA'] } });
    expect(json.schools[1]).toMatchObject({ urn: '000001', ok: false, error: { code: 'not-in-gias' } });

    // The preview uses the draft's feeds; point the draft at the loopback feed as an admin would edit it.
    const fetcher = createSafeFetcher({ allowHosts: [feeds.hostPort], timeoutMs: 5000 });
    const local = { store: s, gias, fetcher: { fetch: (req: { url: string }) => fetcher.fetch({ ...req, url: `http://${feeds.hostPort}/news.xml` }) } };
    const { text } = await runSchoolAdd(local, cmd(['121212'], { preview: true }));
    expect(text).toMatch(/preview: {7}5 item\(s\) read now, 3 about this school, \d would be flagged/);
    expect(text).toContain('“Inspection news”');
  });
});

describe('school add (the real CLI)', { timeout: 120_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'schoolwatch-urn-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const cli = (args: string[]) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, ['--import', 'tsx', 'bin/schoolwatch.ts', ...args], { env: { ...process.env, DATA_DIR: join(dir, 'data'), DYNAMODB_ENDPOINT: '', SES_ENDPOINT: '' }, timeout: 60_000 }, (err, stdout, stderr) =>
        resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
      );
    });

  it('has its own help, and says how to load GIAS data when none is loaded', async () => {
    const help = await cli(['school', '--help']);
    expect(help.stdout).toContain('school add URN [URN…] --trust T');
    expect(help.stdout).toContain('nothing is saved unless you add --yes');
    writeFileSync(join(dir, 'c.json'), JSON.stringify({ trusts: [{ id: 'meridian', name: 'Meridian Learning Trust', schools: [] }] }));
    expect((await cli(['config', 'import', join(dir, 'c.json')])).code).toBe(0);
    const none = await cli(['school', 'add', '114501', '--trust', 'meridian']);
    expect(none.code).toBe(1);
    expect(none.stdout).toContain('No GIAS data is loaded yet');
    expect(none.stdout).toContain('`npm run -s cli -- gias import FILE`');
    const usage = await cli(['school', 'add', '114501']);
    expect(usage.code).toBe(1);
    expect(usage.stderr).toContain('usage: school add URN [URN…] --trust T');
  }, 120_000);
});
