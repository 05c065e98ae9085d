import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { randomUUID } from 'node:crypto';
import { pollFeed, type PollResult } from '../lib/app/poll-feed';
import { sendUrgentAlerts, storedTargets } from '../lib/app/urgent-alerts';
import { createSesMailer } from '../lib/digest/ses-mailer';
import { createSafeFetcher } from '../lib/feeds/fetch';
import { createSafePoster } from '../lib/feeds/post';
import { FeedJobMessage } from '../lib/queue/sqs-queue';
import { createSqsCaptureQueue } from '../lib/queue/sqs-capture-queue';
import { lambdaRuntime, settingsFrom } from './runtime';

const { env, store, log, logger, metrics } = lambdaRuntime();
// FEED_ALLOW_HOSTS is empty in AWS (nothing private is reachable); tests set it to reach a loopback feed server.
const fetcher = createSafeFetcher({ userAgent: env.FEED_USER_AGENT, allowHosts: env.FEED_ALLOW_HOSTS });
// Urgent alerts go from here, in the same invocation that stored the mention (the Mailer construct grants SES).
// The mailer never resends after an unknown outcome (a timeout); an alert SES certainly did not take is also
// retried by the alert run itself once its window closes (lib/app/urgent-alerts.ts).
const mailer = createSesMailer({ region: env.AWS_REGION, endpoint: env.SES_ENDPOINT });
const poster = createSafePoster({ allowHosts: env.FEED_ALLOW_HOSTS });
// Newly stored flagged mentions go to the capture queue (CAPTURE_QUEUE_URL, set by the stack's capture construct).
const captureQueue = env.CAPTURE_QUEUE_URL ? createSqsCaptureQueue({ queueUrl: env.CAPTURE_QUEUE_URL, region: env.AWS_REGION }) : undefined;
const deps = { store, log, fetcher, mailer, poster, settings: settingsFrom(env), clock: () => new Date(), newId: randomUUID, captureQueue };
const processor = new BatchProcessor(EventType.SQS);

/** One SQS message = one feed. A broken feed is a recorded result; only store failures are retried by SQS. */
function pollRecord(results: PollResult[]) {
  return async (record: SQSRecord) => {
    const job = FeedJobMessage.parse(JSON.parse(record.body));
    const result = await pollFeed(deps, job);
    results.push(result);
    logger.info('polled feed', { ...result });
    metrics.addMetric(result.outcome === 'failed' ? 'FeedsFailed' : 'FeedsPolled', MetricUnit.Count, 1);
    metrics.addMetric('ItemsRead', MetricUnit.Count, result.items);
    metrics.addMetric('MentionsStored', MetricUnit.Count, result.stored);
  };
}

export const handler = async (event: SQSEvent, context: Context) => {
  const results: PollResult[] = [];
  try {
    const response = await processPartialResponse(event, pollRecord(results), processor, { context });
    // After the batch, so the urgent items of one school found across its feeds go in one email.
    const alerts = await sendUrgentAlerts(deps, storedTargets(results), { includeHeld: true });
    for (const a of alerts) if (a.mentions > 0) metrics.addMetric(`UrgentAlerts_${a.outcome}`, MetricUnit.Count, 1);
    return response;
  } finally {
    metrics.publishStoredMetrics();
  }
};
