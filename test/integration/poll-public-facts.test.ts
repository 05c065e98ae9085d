import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importConfig } from '../../lib/app/config';
import { silentLogger, type AppDeps } from '../../lib/app/deps';
import { pollOnce } from '../../lib/app/poll-all';
import { createSesMailer } from '../../lib/digest/ses-mailer';
import { createSafeFetcher } from '../../lib/feeds/fetch';
import { startMailServer } from '../../lib/local/mail-server';
import { startTestDynamo, type TestDynamo } from '../support/dynamo';
import { startFeedServer, type FeedServer } from '../support/feed-server';

/**
 * The poller uses a school's public facts (issue 14): one feed read for two same-named schools in two trusts,
 * one configured with its published office number and address, one without. Only the first stops storing the
 * items that merely quote them; both store the teacher's mobile.
 */
const ITEMS = [
  {
    guid: 'forum',
    title: 'Trip money',
    text: 'Has anyone managed to get hold of Northgate Park Academy about the trip money? Ring them, the number is 01632 960100, and ask for the office.',
  },
  {
    guid: 'newsletter',
    title: 'Northgate Park Academy newsletter, week 12',
    text: 'Dear families, if you would like to talk to Mrs Marsh, please come to Northgate Park Academy, 14 Fen Lane, Harlow Fen HF3 2QP, or ring her on 01632 960100.',
  },
  {
    guid: 'mobile',
    title: 'Mr Okafor',
    text: 'Mr Okafor from Northgate Park Academy never answers. The office is 01632 960100 but his own mobile is 07700 900481, ring that.',
  },
];

const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>Harlow Fen forum</title>${ITEMS.map((i) => `<item><title>${i.title}</title><link>https://forum.example/${i.guid}</link><guid>${i.guid}</guid><description>${i.text}</description></item>`).join('')}</channel></rss>`;

describe('polling honours public facts', () => {
  let dynamo: TestDynamo;
  let feeds: FeedServer;
  let mail: Awaited<ReturnType<typeof startMailServer>>;
  let deps: AppDeps;

  beforeAll(async () => {
    [dynamo, feeds, mail] = await Promise.all([startTestDynamo(), startFeedServer(), startMailServer({ port: 0 })]);
    feeds.route('/forum.xml', (_req, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss));
    const { store } = await dynamo.freshStore();
    let n = 0;
    deps = {
      store,
      fetcher: createSafeFetcher({ allowHosts: [feeds.hostPort], timeoutMs: 5000 }),
      mailer: createSesMailer({ region: 'eu-west-2', endpoint: mail.endpoint }),
      settings: { mailFrom: 'digest@schoolwatch.test', webBaseUrl: 'http://localhost:3000', pollIntervalMinutes: 30 },
      clock: () => new Date('2026-11-30T09:00:00Z'),
      newId: () => `id-${++n}`,
      log: silentLogger,
    };
    const school = (id: string) => ({ id, name: 'Northgate Park Academy', feeds: [{ source: 'rss' as const, url: feeds.url('/forum.xml') }] });
    await importConfig(deps, {
      trusts: [
        { id: 'meridian', name: 'Meridian', schools: [{ ...school('northgate'), publicFacts: { phones: ['01632 960100'], addresses: ['14 Fen Lane, Harlow Fen HF3 2QP'] } }] },
        { id: 'other', name: 'Other', schools: [school('northgate-bare')] },
      ],
    });
  }, 60_000);
  afterAll(async () => {
    await Promise.all([dynamo?.stop(), feeds?.close(), mail?.stop()]);
  });

  it('stores only the private number for the school with facts, all three for the one without', async () => {
    await pollOnce(deps, { all: true });
    const titles = async (trustId: string, schoolId: string) => (await deps.store.mentions.listForSchool({ trustId, schoolId })).mentions.map((m) => m.title).sort();
    expect(await titles('meridian', 'northgate')).toEqual(['Mr Okafor']);
    expect(await titles('other', 'northgate-bare')).toEqual(['Mr Okafor', 'Northgate Park Academy newsletter, week 12', 'Trip money']);
  });
});
