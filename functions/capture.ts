import { randomUUID } from 'node:crypto';
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { buildCaptureDeps, buildEvidenceStore, buildPageCapturer } from '../lib/app/build-capture-deps';
import { captureMention } from '../lib/app/capture-mention';
import { ConfigError } from '../lib/config/env';
import { parseCaptureJob } from '../lib/queue/sqs-capture-queue';
import { lambdaRuntime } from './runtime';

const { env, store, log, logger, metrics } = lambdaRuntime();
// Read raw: the app's local default bucket name must never be used in AWS (bucket names are global).
if (!process.env.EVIDENCE_BUCKET) throw new ConfigError('EVIDENCE_BUCKET is not set: the stack\'s EvidenceStore.connectWriter sets it on the capture function.');
const clock = () => new Date();
// The browser is launched on the first job and kept while the instance is warm (relaunched if it died).
const capturer = buildPageCapturer(env, { clock, newId: randomUUID });
const deps = buildCaptureDeps({ store, clock, log }, buildEvidenceStore(env), capturer);
const processor = new BatchProcessor(EventType.SQS);
const METRIC = { captured: 'PagesCaptured', failed: 'CapturesFailed', skipped: 'CapturesSkipped' } as const;

/** One SQS message = one flagged mention's page. A page that cannot be captured is a recorded result (retried later), not a throw. */
async function captureRecord(record: SQSRecord) {
  const job = parseCaptureJob(record.body);
  const result = await captureMention(deps, job);
  logger.info('capture finished', { mentionId: job.mentionId, trustId: job.trustId, outcome: result.outcome });
  metrics.addMetric(METRIC[result.outcome], MetricUnit.Count, 1);
}

export const handler = async (event: SQSEvent, context: Context) => {
  try {
    return await processPartialResponse(event, captureRecord, processor, { context });
  } finally {
    metrics.publishStoredMetrics();
  }
};
