import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { dispatchPolls } from '../lib/app/dispatch-polls';
import { retryDueCaptures } from '../lib/app/retry-captures';
import { createSqsCaptureQueue } from '../lib/queue/sqs-capture-queue';
import { ConfigError } from '../lib/config/env';
import { createSqsQueue } from '../lib/queue/sqs-queue';
import { lambdaRuntime } from './runtime';

const { env, store, log, metrics } = lambdaRuntime();
if (!env.QUEUE_URL) throw new ConfigError('QUEUE_URL is not set: the dispatch function needs the feed-jobs queue URL.');
const queue = createSqsQueue({ queueUrl: env.QUEUE_URL, region: env.AWS_REGION });
// Page captures whose retry time has come go back on the capture queue (when the stack gives this function one).
const captureQueue = env.CAPTURE_QUEUE_URL ? createSqsCaptureQueue({ queueUrl: env.CAPTURE_QUEUE_URL, region: env.AWS_REGION }) : undefined;

/** EventBridge Scheduler → plan the due feeds → SQS. */
export const handler = async () => {
  const summary = await dispatchPolls({ store, log, clock: () => new Date() }, queue);
  metrics.addMetric('FeedsDispatched', MetricUnit.Count, summary.feeds);
  if (captureQueue) metrics.addMetric('CapturesRetried', MetricUnit.Count, await retryDueCaptures({ store, clock: () => new Date() }, captureQueue));
  metrics.publishStoredMetrics();
  return summary;
};
