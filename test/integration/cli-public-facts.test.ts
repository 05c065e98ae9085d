import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/** Public facts are part of a school's configuration: `config import`, `config export` and `assess --schools` (issue 14). */
const dir = mkdtempSync(join(tmpdir(), 'schoolwatch-facts-cli-'));
const dataDir = join(dir, 'data');

function cli(args: string[], input = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ['--import', 'tsx', 'bin/schoolwatch.ts', ...args],
      { env: { ...process.env, DATA_DIR: dataDir, DYNAMODB_ENDPOINT: '', SES_ENDPOINT: '' }, timeout: 60_000 },
      (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin?.end(input);
  });
}

const publicFacts = {
  phones: ['01632 960100'],
  addresses: ['Northgate Park Academy, 14 Fen Lane, Harlow Fen HF3 2QP'],
  postcodes: ['HF3 2QP'],
  websites: ['https://www.northgate-park.sch.uk/'],
  people: ['Mrs Jane Marsh'],
};
const school = { id: 'northgate', name: 'Northgate Park Academy', aliases: ['Northgate Park'], context: ['Harlow Fen'], publicFacts };
const config = { trusts: [{ id: 'meridian', name: 'Meridian Learning Trust', schools: [school] }] };

describe('public facts in the CLI', { timeout: 120_000 }, () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a public phone that is not a phone number, in plain words, and saves nothing', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ trusts: [{ ...config.trusts[0], schools: [{ ...school, publicFacts: { ...publicFacts, phones: ['ring the office'], postcodes: ['Harlow'] } }] }] }));
    const { code, stderr } = await cli(['config', 'import', bad]);
    expect(code).toBe(1);
    expect(stderr).toContain('trusts[0].schools[0].publicFacts.phones[0]');
    expect(stderr).toContain('must be a UK phone number such as "01632 960100"');
    expect(stderr).toContain('must be a UK postcode such as "HF3 2QP"');
    expect(JSON.parse((await cli(['config', 'export'])).stdout)).toEqual({ trusts: [] });
  });

  it('imports public facts and shows them in config export', async () => {
    const good = join(dir, 'good.json');
    writeFileSync(good, JSON.stringify(config));
    expect((await cli(['config', 'import', good])).stdout).toContain('created');
    const exported = JSON.parse((await cli(['config', 'export'])).stdout) as typeof config;
    expect(exported.trusts[0]!.schools[0]!.publicFacts).toEqual(publicFacts);
    expect((await cli(['config', 'import', good])).stdout).toContain('0 created, 0 updated, 2 unchanged');
  });

  it('assess --schools honours them: the office number is not a leak, a teacher’s mobile in the same item is', async () => {
    const withFacts = join(dir, 'schools.json');
    const withoutFacts = join(dir, 'schools-bare.json');
    writeFileSync(withFacts, JSON.stringify(config));
    writeFileSync(withoutFacts, JSON.stringify([{ ...school, publicFacts: undefined }]));
    const input = [
      { id: 'forum', school: 'northgate', text: 'Has anyone managed to get hold of Northgate Park in Harlow Fen about the trip money? Ring them, the number is 01632 960100, and ask for the office.' },
      { id: 'mobile', school: 'northgate', text: 'Mr Okafor from Northgate Park in Harlow Fen never answers. The office is 01632 960100 but his own mobile is 07700 900481, ring that.' },
    ].map((l) => JSON.stringify(l)).join('\n');
    const run = async (file: string) =>
      (await cli(['assess', '--schools', file], input)).stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string; flagged: boolean; evidence: { text: string }[] });
    const [forum, mobile] = await run(withFacts);
    expect(forum!.flagged).toBe(false);
    expect(mobile!.flagged).toBe(true);
    expect(mobile!.evidence.map((e) => e.text)).toEqual(['07700 900481']);
    const [bareForum] = await run(withoutFacts);
    expect(bareForum!.flagged).toBe(true);
  });
});
