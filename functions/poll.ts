import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { pollFeed } from '../lib/app/poll-feed';
import { createSafeFetcher } from '../lib/feeds/fetch';
import { FeedJobMessage } from '../lib/queue/sqs-queue';
import { createSqsCaptureQueue } from '../lib/queue/sqs-capture-queue';
import { lambdaRuntime, settingsFrom } from './runtime';

const { env, store, log, logger, metrics } = lambdaRuntime();
// FEED_ALLOW_HOSTS is empty in AWS (nothing private is reachable); tests set it to reach a loopback feed server.
const fetcher = createSafeFetcher({ userAgent: env.FEED_USER_AGENT, allowHosts: env.FEED_ALLOW_HOSTS });
// Newly stored flagged mentions go to the capture queue (CAPTURE_QUEUE_URL, set by the stack's capture construct).
const captureQueue = env.CAPTURE_QUEUE_URL ? createSqsCaptureQueue({ queueUrl: env.CAPTURE_QUEUE_URL, region: env.AWS_REGION }) : undefined;
const deps = { store, log, fetcher, settings: settingsFrom(env), clock: () => new Date(), captureQueue };
const processor = new BatchProcessor(EventType.SQS);

/** One SQS message = one feed. A broken feed is a recorded result; only store failures are retried by SQS. */
async function pollRecord(record: SQSRecord) {
  const job = FeedJobMessage.parse(JSON.parse(record.body));
  const result = await pollFeed(deps, job);
  logger.info('polled feed', { ...result });
  metrics.addMetric(result.outcome === 'failed' ? 'FeedsFailed' : 'FeedsPolled', MetricUnit.Count, 1);
  metrics.addMetric('ItemsRead', MetricUnit.Count, result.items);
  metrics.addMetric('MentionsStored', MetricUnit.Count, result.stored);
}

export const handler = async (event: SQSEvent, context: Context) => {
  try {
    return await processPartialResponse(event, pollRecord, processor, { context });
  } finally {
    metrics.publishStoredMetrics();
  }
};
