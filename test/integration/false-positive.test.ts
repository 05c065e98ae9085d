import { createServer } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importConfig } from '../../lib/app/config';
import { silentLogger } from '../../lib/app/deps';
import { pollOnce } from '../../lib/app/poll-all';
import { reviewMention } from '../../lib/app/review';
import type { Principal } from '../../lib/auth/principal';
import { createSafeFetcher } from '../../lib/feeds/fetch';
import type { Store } from '../../lib/store';
import { startTestDynamo, type TestDynamo } from '../support/dynamo';

/** Issue 4: a mention dismissed as a false positive stops the same kind of item recurring for that school only. */
describe('dismissed mentions teach a per-school suppression', () => {
  let dynamo: TestDynamo;
  let store: Store;
  let feedBody = '';
  const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feedBody));
  let url = '';
  let now = new Date('2026-11-21T09:00:00Z');
  const deps = () => ({
    store,
    fetcher: createSafeFetcher({ allowHosts: [new URL(url).host], timeoutMs: 5000 }),
    clock: () => now,
    log: silentLogger,
    settings: { mailFrom: 'x@example.org', pollIntervalMinutes: 30 },
  });
  const rss = (items: { id: string; title: string; text: string }[]) =>
    `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>${items
      .map((i) => `<item><guid>${i.id}</guid><link>https://forum.example/${i.id}</link><title>${i.title}</title><description>${i.text}</description></item>`)
      .join('')}</channel></rss>`;
  const trustUser: Principal = { subject: 'u1', email: 'central@trust.example', role: 'trust', trustId: 'meridian' };

  beforeAll(async () => {
    dynamo = await startTestDynamo();
    ({ store } = await dynamo.freshStore());
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed.xml`;
    const feeds = [{ source: 'rss', url }];
    await importConfig({ store }, {
      trusts: [{ id: 'meridian', name: 'Meridian', schools: [
        { id: 'northgate', name: 'Northgate Park Academy', feeds },
        { id: 'kestrel', name: 'Kestrel Brook Primary', feeds },
      ] }],
    });
  });
  afterAll(async () => {
    server.close();
    await dynamo.stop();
  });

  it('flags, is dismissed, and the same wording no longer flags for that school', async () => {
    // said of people: since 0.7.0 "the canteen menu is a disgrace" (a thing) is fair criticism and is not flagged at all;
    // since 0.10.0 "the canteen staff are a disgrace" sits just under the flag too (abuse p 0.69 at the model's 0.69: the
    // model reads canteen complaints as fair comment on food), so the office staff are the item the trust dismisses
    feedBody = rss([
      { id: 'a1', title: 'Northgate Park Academy office', text: 'The new office staff at Northgate Park Academy are a disgrace.' },
      { id: 'b1', title: 'Kestrel Brook Primary office', text: 'The new office staff at Kestrel Brook Primary are a disgrace.' },
    ]);
    await pollOnce(deps(), { all: true });
    const [first] = (await store.mentions.listForSchool({ trustId: 'meridian', schoolId: 'northgate' })).mentions;
    expect(first?.families).toContain('abuse');
    expect((await store.mentions.listForSchool({ trustId: 'meridian', schoolId: 'kestrel' })).mentions).toHaveLength(1);

    await reviewMention({ store, clock: () => now }, trustUser, first!.id, { status: 'dismissed', note: 'Fair comment about the office, not abuse' });
    expect(await store.falsePositives.terms({ trustId: 'meridian', schoolId: 'northgate' })).toContain('disgrace');
    expect(await store.falsePositives.terms({ trustId: 'meridian', schoolId: 'kestrel' })).toEqual([]);

    now = new Date('2026-11-21T10:00:00Z');
    feedBody = rss([
      { id: 'a2', title: 'Northgate Park Academy uniform', text: 'The uniform shop staff at Northgate Park Academy are a disgrace.' },
      { id: 'b2', title: 'Kestrel Brook Primary uniform', text: 'The uniform shop staff at Kestrel Brook Primary are a disgrace.' },
    ]);
    const results = await pollOnce(deps(), { all: true });
    expect(results[0]?.error).toBeUndefined();
    expect(results[0]).toMatchObject({ outcome: 'stored', matched: 2 });
    expect((await store.mentions.listForSchool({ trustId: 'meridian', schoolId: 'northgate' })).mentions.map((m) => m.itemKey)).not.toContainEqual(expect.stringContaining('a2'));
    expect((await store.mentions.listForSchool({ trustId: 'meridian', schoolId: 'kestrel' })).mentions).toHaveLength(2);
  });

  it('forgets the suppression when the dismissal is undone', async () => {
    const [first] = (await store.mentions.listForSchool({ trustId: 'meridian', schoolId: 'northgate' })).mentions;
    await reviewMention({ store, clock: () => now }, trustUser, first!.id, { status: 'reviewed', note: 'On reflection this is disparaging' });
    expect(await store.falsePositives.terms({ trustId: 'meridian', schoolId: 'northgate' })).toEqual([]);
  });
});
