import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { dispatchPolls } from '../lib/app/dispatch-polls';
import { ConfigError } from '../lib/config/env';
import { createSqsQueue } from '../lib/queue/sqs-queue';
import { lambdaRuntime } from './runtime';

const { env, store, log, metrics } = lambdaRuntime();
if (!env.QUEUE_URL) throw new ConfigError('QUEUE_URL is not set: the dispatch function needs the feed-jobs queue URL.');
const queue = createSqsQueue({ queueUrl: env.QUEUE_URL, region: env.AWS_REGION });

/** EventBridge Scheduler → plan the due feeds → SQS. */
export const handler = async () => {
  const summary = await dispatchPolls({ store, log, clock: () => new Date() }, queue);
  metrics.addMetric('FeedsDispatched', MetricUnit.Count, summary.feeds);
  metrics.publishStoredMetrics();
  return summary;
};
