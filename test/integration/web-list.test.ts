import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../lib/store';
import { PageClient, seedWebFixture, tokenFor, USERS, webAppFor } from '../support/browser';
import { startTestDynamo, type TestDynamo } from '../support/dynamo';

type Page = { mentions: { id: string }[]; next: string | null; prev: { back?: string; cursor?: string } | null };

describe('flagged-items list: previous page, local and UTC times, category select', () => {
  let dynamo: TestDynamo;
  let store: Store;
  let app: Awaited<ReturnType<typeof webAppFor>>;
  let token: string;
  const get = async (q: string) => (await (await app.request(`/api/mentions?${q}`, { headers: { authorization: `Bearer ${token}` } })).json()) as Page;

  beforeAll(async () => {
    dynamo = await startTestDynamo();
    ({ store } = await dynamo.freshStore());
    await seedWebFixture(store);
    app = await webAppFor(store);
    token = await tokenFor(app, USERS.trust);
  }, 60_000);
  afterAll(async () => dynamo?.stop());

  it('pages forward and back to exactly the same pages, with and without filters', async () => {
    for (const filter of ['school=northgate&limit=7', 'severity=high&limit=3', 'limit=5']) {
      const pages: Page[] = [await get(filter)];
      expect(pages[0]!.prev).toBeNull();
      while (pages.at(-1)!.next && pages.length < 10) pages.push(await get(`${filter}&cursor=${encodeURIComponent(pages.at(-1)!.next!)}`));
      expect(pages.length).toBeGreaterThan(2);
      for (let i = pages.length - 1; i > 0; i--) {
        const prev = pages[i]!.prev;
        expect(prev?.back).toEqual(expect.any(String));
        const back = await get(`${filter}&back=${encodeURIComponent(prev!.back!)}`);
        expect(back.mentions.map((m) => m.id)).toEqual(pages[i - 1]!.mentions.map((m) => m.id));
        expect(back.next).toBe(pages[i - 1]!.next);
        // The page reached by "previous" knows its own previous page (none for the first).
        expect(back.prev === null).toBe(i === 1);
      }
    }
  });

  it('gives severity-ordered pages a previous link by offset', async () => {
    const p2 = await get('sort=severity&limit=5&cursor=o:5');
    expect(p2.prev).toEqual({});
    const p3 = await get('sort=severity&limit=5&cursor=o:10');
    expect(p3.prev).toEqual({ cursor: 'o:5' });
  });

  it('shows captured times in the school’s timezone with UTC beside them, the previous link, and categories as a select', async () => {
    const client = new PageClient(app);
    await client.signIn(USERS.trust);
    const first = await (await client.req('/mentions?limit=5')).text();
    expect(first).not.toContain('rel="prev"');
    const next = /href="\/mentions\?limit=5&amp;cursor=([^"]+)" rel="next"/.exec(first)![1]!;
    const second = await (await client.req(`/mentions?limit=5&cursor=${next}`)).text();
    expect(second).toMatch(/href="\/mentions\?limit=5&amp;back=[^"]+" rel="prev">← Previous page/);
    // n30 is captured 2026-03-02T14:00Z: 14:00 GMT in London.
    const dated = await (await client.req('/mentions?school=northgate&from=2026-03-02&to=2026-03-02&limit=1')).text();
    expect(dated).toMatch(/<time datetime="2026-03-02T14:00:00.000Z" title="2026-03-02 14:00 UTC">Mon 2 Mar 2026, 14:00 GMT \(UTC\+00:00\)<\/time><div class="small utc">2026-03-02 14:00 UTC<\/div>/);
    const kestrel = await (await client.req('/mentions?school=kestrel&from=2026-03-05&to=2026-03-05')).text();
    expect(kestrel).toContain('title="2026-03-05 09:00 UTC"');
    expect(kestrel).toMatch(/<select id="f-category" name="category"><option value="">Any category<\/option><optgroup label="Abuse or harassment"><option value="abuse.disparaging">Disparaging or defamatory<\/option>/);
    const filtered = await (await client.req('/mentions?category=reputation.inspection')).text();
    expect(filtered).toContain('<option value="reputation.inspection" selected>Inspection outcome</option>');
  });
});
