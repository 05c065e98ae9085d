import { SendMessageBatchCommand, type SendMessageBatchCommandOutput } from '@aws-sdk/client-sqs';
import { describe, expect, it } from 'vitest';
import { dispatchPolls } from '../../lib/app/dispatch-polls';
import { silentLogger } from '../../lib/app/deps';
import type { FeedJob } from '../../lib/app/plan-polls';
import { feedKey } from '../../lib/feeds';
import { createSqsQueue, EnqueueError, FeedJobMessage, type SqsSender } from '../../lib/queue/sqs-queue';
import { school } from '../support/fixtures';

/*
 * There is no local SQS server in this project's toolchain (dynalite covers DynamoDB, aws-ses-v2-local covers SES,
 * nothing covers SQS), so the adapter is tested against a fake with SQSClient's `send` shape. It records the real
 * SendMessageBatchCommand objects the adapter builds and answers with what SQS would: Successful / Failed entries.
 */
function fakeSqs(refuse: (batch: number, entryId: string) => boolean = () => false) {
  const sent: SendMessageBatchCommand[] = [];
  const client: SqsSender = {
    async send(command) {
      expect(command).toBeInstanceOf(SendMessageBatchCommand);
      const batch = sent.push(command) - 1;
      const entries = command.input.Entries ?? [];
      const out: Pick<SendMessageBatchCommandOutput, 'Successful' | 'Failed'> = { Successful: [], Failed: [] };
      for (const e of entries) {
        if (refuse(batch, e.Id!)) out.Failed!.push({ Id: e.Id!, Code: 'InternalError', Message: 'try again', SenderFault: false });
        else out.Successful!.push({ Id: e.Id!, MessageId: `m-${batch}-${e.Id}`, MD5OfMessageBody: 'x' });
      }
      return out;
    },
  };
  return { client, sent };
}

const jobs = (n: number): FeedJob[] =>
  Array.from({ length: n }, (_, i) => {
    const url = `https://news.example/feed-${i}.xml`;
    return { url, urlHash: feedKey(url), schools: [{ trustId: 'meridian', schoolId: `s${i}` }] };
  });

describe('createSqsQueue', () => {
  it('sends ten jobs per SendMessageBatch, each body a valid feed-job message, to the configured queue', async () => {
    const sqs = fakeSqs();
    const queue = createSqsQueue({ queueUrl: 'https://sqs.eu-west-2.amazonaws.com/123/feed-jobs', client: sqs.client });
    const all = jobs(23);
    await queue.enqueue(all);

    expect(sqs.sent.map((c) => c.input.Entries!.length)).toEqual([10, 10, 3]);
    expect(new Set(sqs.sent.map((c) => c.input.QueueUrl))).toEqual(new Set(['https://sqs.eu-west-2.amazonaws.com/123/feed-jobs']));
    for (const c of sqs.sent) expect(new Set(c.input.Entries!.map((e) => e.Id)).size).toBe(c.input.Entries!.length);
    const bodies = sqs.sent.flatMap((c) => c.input.Entries!.map((e) => FeedJobMessage.parse(JSON.parse(e.MessageBody!))));
    expect(bodies).toEqual(all);
  });

  it('sends nothing for no jobs', async () => {
    const sqs = fakeSqs();
    await createSqsQueue({ queueUrl: 'https://sqs.example/q', client: sqs.client }).enqueue([]);
    expect(sqs.sent).toHaveLength(0);
  });

  it('fails loudly naming the refused feeds, after still attempting every batch', async () => {
    // Batch 0 refuses entry 3, batch 2 refuses entry 0: feeds 3 and 20.
    const sqs = fakeSqs((batch, id) => (batch === 0 && id === '3') || (batch === 2 && id === '0'));
    const queue = createSqsQueue({ queueUrl: 'https://sqs.example/q', client: sqs.client });
    const err = await queue.enqueue(jobs(25)).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(EnqueueError);
    const enqueueError = err as EnqueueError;
    expect(enqueueError.failed.map((f) => f.url)).toEqual(['https://news.example/feed-3.xml', 'https://news.example/feed-20.xml']);
    expect(enqueueError.failed[0]).toMatchObject({ code: 'InternalError', senderFault: false });
    expect(enqueueError.message).toContain('refused 2 of 25');
    expect(enqueueError.message).toContain('https://news.example/feed-20.xml');
    expect(sqs.sent).toHaveLength(3);
  });

  it('lets a client error (throttling, network) propagate', async () => {
    const client: SqsSender = {
      send: async () => {
        throw Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });
      },
    };
    await expect(createSqsQueue({ queueUrl: 'https://sqs.example/q', client }).enqueue(jobs(1))).rejects.toThrow('Rate exceeded');
  });
});

describe('dispatchPolls through the SQS queue (the dispatch Lambda\'s logic)', () => {
  it('enqueues each due feed once, however many schools watch it, and skips feeds not yet due', async () => {
    const now = new Date('2026-11-21T10:00:00Z');
    const shared = 'https://news.example/shared.xml';
    const later = 'https://news.example/later.xml';
    const refs = [
      { trustId: 'meridian', school: school({ id: 'a', feeds: [{ source: 'rss', url: shared }, { source: 'rss', url: later }] }) },
      { trustId: 'meridian', school: school({ id: 'b', feeds: [{ source: 'rss', url: shared }] }) },
      { trustId: 'harbour', school: school({ id: 'c', feeds: [{ source: 'rss', url: shared }] }) },
    ];
    const states = { [feedKey(later)]: { url: later, consecutiveFailures: 0, nextPollAt: '2026-11-21T10:20:00Z' } };
    const deps = {
      clock: () => now,
      log: silentLogger,
      store: { config: { listSchools: async () => refs }, feeds: { get: async (h: string) => states[h] } },
    };
    const sqs = fakeSqs();
    const summary = await dispatchPolls(deps, createSqsQueue({ queueUrl: 'https://sqs.example/q', client: sqs.client }));

    expect(summary).toEqual({ feeds: 1, schools: 3 });
    const bodies = sqs.sent.flatMap((c) => c.input.Entries!.map((e) => FeedJobMessage.parse(JSON.parse(e.MessageBody!))));
    expect(bodies).toHaveLength(1);
    expect(bodies[0]!.url).toBe(shared);
    expect(bodies[0]!.schools.map((s) => s.schoolId)).toEqual(['a', 'b', 'c']);
  });
});
