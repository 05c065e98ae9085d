import { DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { importConfig } from '../../lib/app/config';
import type { FeedJob } from '../../lib/app/plan-polls';
import { feedKey } from '../../lib/feeds';
import type { Store } from '../../lib/store';
import { startTestDynamo, type TestDynamo } from '../support/dynamo';
import { startFeedServer, type FeedServer } from '../support/feed-server';

/**
 * The real poll Lambda handler (functions/poll.ts: env → Powertools logger → store → safe fetcher →
 * Powertools' processPartialResponse) against dynalite and a loopback feed server. Only the endpoints differ
 * from AWS: DYNAMODB_ENDPOINT points at dynalite and FEED_ALLOW_HOSTS lets the fetcher reach loopback.
 */
type Handler = (event: SQSEvent, context: Context) => Promise<{ batchItemFailures: { itemIdentifier: string }[] }>;

const rss = (items: { id: string; title: string; text: string }[]) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>Local news</title>${items
    .map((i) => `<item><title>${i.title}</title><link>https://news.example/${i.id}</link><guid>${i.id}</guid><pubDate>Fri, 20 Nov 2026 10:00:00 GMT</pubDate><description>${i.text}</description></item>`)
    .join('')}</channel></rss>`;

const context = {
  functionName: 'schoolwatch-poll',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:eu-west-2:123456789012:function:schoolwatch-poll',
  memoryLimitInMB: '512',
  awsRequestId: 'req-1',
  logGroupName: '/aws/lambda/schoolwatch-poll',
  logStreamName: 'stream',
  callbackWaitsForEmptyEventLoop: false,
  getRemainingTimeInMillis: () => 60_000,
} as unknown as Context;

const record = (messageId: string, body: string): SQSRecord => ({
  messageId,
  receiptHandle: `rh-${messageId}`,
  body,
  attributes: {
    ApproximateReceiveCount: '1',
    SentTimestamp: '1763719200000',
    SenderId: 'AROAEXAMPLE',
    ApproximateFirstReceiveTimestamp: '1763719200000',
  },
  messageAttributes: {},
  md5OfBody: 'x',
  eventSource: 'aws:sqs',
  eventSourceARN: 'arn:aws:sqs:eu-west-2:123456789012:feed-jobs',
  awsRegion: 'eu-west-2',
});

const job = (url: string, ...schoolIds: string[]): FeedJob => ({ url, urlHash: feedKey(url), schools: schoolIds.map((schoolId) => ({ trustId: 'meridian', schoolId })) });

describe('poll Lambda handler', () => {
  let dynamo: TestDynamo;
  let feeds: FeedServer;
  let store: Store;
  let handler: Handler;
  let event: SQSEvent;
  const saved = { ...process.env };

  beforeAll(async () => {
    [dynamo, feeds] = await Promise.all([startTestDynamo(), startFeedServer()]);
    const fresh = await dynamo.freshStore();
    store = fresh.store;
    feeds.route('/northgate.xml', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(
        rss([
          { id: 'n1', title: 'Parents angry at Northgate Park Academy', text: 'the head at Northgate Park Academy is a useless idiot and a disgrace' },
          { id: 'n2', title: 'Northgate Park Academy inspection', text: 'Northgate Park Academy was rated requires improvement by Ofsted inspectors' },
          { id: 'n3', title: 'Sports day', text: 'sports day at Northgate Park Academy moved to Friday because of rain' },
        ]),
      );
    });
    feeds.route('/kestrel.xml', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(
        rss([{ id: 'k1', title: 'Kestrel Primary School in the news', text: 'the head at Kestrel Primary School is a useless idiot and a disgrace' }]),
      );
    });
    await importConfig(
      { store },
      {
        trusts: [
          {
            id: 'meridian',
            name: 'Meridian Learning Trust',
            schools: [
              { id: 'northgate', name: 'Northgate Park Academy', feeds: [{ source: 'rss', url: feeds.url('/northgate.xml') }, { source: 'rss', url: feeds.url('/gone.xml') }] },
              { id: 'kestrel', name: 'Kestrel Primary School', feeds: [{ source: 'rss', url: feeds.url('/kestrel.xml') }] },
            ],
          },
        ],
      },
    );

    Object.assign(process.env, {
      TABLE_NAME: fresh.tableName,
      DYNAMODB_ENDPOINT: dynamo.server.endpoint,
      AWS_REGION: 'eu-west-2',
      FEED_ALLOW_HOSTS: feeds.hostPort,
      POWERTOOLS_LOG_LEVEL: 'SILENT',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    });
    // Imported only now: the module reads its environment and builds its clients at load, as on a cold start.
    ({ handler } = (await import('../../functions/poll')) as { handler: Handler });

    event = {
      Records: [
        record('good-northgate', JSON.stringify(job(feeds.url('/northgate.xml'), 'northgate'))),
        record('not-json', '{"url": "http://'),
        record('wrong-shape', JSON.stringify({ url: 'not a url', schools: [] })),
        record('feed-404', JSON.stringify(job(feeds.url('/gone.xml'), 'northgate'))),
        record('good-kestrel', JSON.stringify(job(feeds.url('/kestrel.xml'), 'kestrel'))),
      ],
    };
  });

  afterAll(async () => {
    process.env = saved;
    await Promise.all([dynamo?.stop(), feeds?.close()]);
  });

  const mentionCounts = async () => ({
    northgate: (await store.mentions.listForSchool({ trustId: 'meridian', schoolId: 'northgate' })).mentions.length,
    kestrel: (await store.mentions.listForSchool({ trustId: 'meridian', schoolId: 'kestrel' })).mentions.length,
  });

  it('reports only the malformed messages as batch failures; a 404 feed is a recorded failure, good feeds are stored', async () => {
    const written: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => (written.push(String(chunk)), true));
    const response = await handler(event, context).finally(() => spy.mockRestore());

    // Powertools metrics arrive as one embedded-metric-format log line per invocation.
    const emf = written.map((w) => w.trim()).filter((w) => w.includes('"_aws"')).map((w) => JSON.parse(w) as Record<string, unknown>);
    expect(emf).toHaveLength(1);
    const total = (name: string) => [emf[0]![name]].flat().reduce((n: number, v) => n + Number(v), 0);
    expect([total('FeedsPolled'), total('FeedsFailed')]).toEqual([2, 1]);
    expect(total('MentionsStored')).toBeGreaterThanOrEqual(2);

    expect(response.batchItemFailures.map((f) => f.itemIdentifier).sort()).toEqual(['not-json', 'wrong-shape']);
    const counts = await mentionCounts();
    expect(counts.northgate).toBeGreaterThanOrEqual(1);
    expect(counts.kestrel).toBe(1);
    const titles = (await store.mentions.listForSchool({ trustId: 'meridian', schoolId: 'northgate' })).mentions.map((m) => m.title);
    expect(titles).toContain('Parents angry at Northgate Park Academy');
    expect(titles).not.toContain('Sports day');

    const broken = await store.feeds.get(feedKey(feeds.url('/gone.xml')));
    expect(broken).toMatchObject({ consecutiveFailures: 1, lastErrorCode: 'http-status' });
    const good = await store.feeds.get(feedKey(feeds.url('/northgate.xml')));
    expect(good).toMatchObject({ consecutiveFailures: 0, itemsLastSeen: 3 });
  });

  it('stores nothing twice when SQS delivers the same event again', async () => {
    const before = await mentionCounts();
    const fetchesBefore = feeds.requests.length;

    const response = await handler(event, context);

    expect(response.batchItemFailures.map((f) => f.itemIdentifier).sort()).toEqual(['not-json', 'wrong-shape']);
    expect(feeds.requests.length).toBe(fetchesBefore + 3); // the three well-formed jobs were really polled again
    expect(await mentionCounts()).toEqual(before);
    const broken = await store.feeds.get(feedKey(feeds.url('/gone.xml')));
    expect(broken?.consecutiveFailures).toBe(2);
  });

  it('hands every job back to SQS for a retry when the store cannot be written (last: it deletes the table)', async () => {
    await dynamo.client.send(new DeleteTableCommand({ TableName: process.env.TABLE_NAME }));
    const outage: SQSEvent = {
      Records: [record('store-down-1', JSON.stringify(job(feeds.url('/kestrel.xml'), 'kestrel'))), record('store-down-2', JSON.stringify(job(feeds.url('/gone.xml'), 'northgate')))],
    };
    // Every record failed: Powertools fails the invocation, so SQS makes the whole batch visible again.
    const err = await handler(outage, context).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(err?.name).toBe('FullBatchFailureError');
  });
});
