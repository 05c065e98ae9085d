import { randomUUID } from 'node:crypto';
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { S3Client } from '@aws-sdk/client-s3';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { CaptureJob, captureMention } from '../lib/app/capture-mention';
import { launchBrowser } from '../lib/browser/launch';
import { ConfigError } from '../lib/config/env';
import { createSafeFetcher } from '../lib/feeds/fetch';
import { lambdaRuntime } from './runtime';

const { env, store, log, logger, metrics } = lambdaRuntime();
if (!env.EVIDENCE_BUCKET) throw new ConfigError('EVIDENCE_BUCKET is not set: the stack\'s EvidenceStore.connectWriter sets it on the capture function.');
// Pages go through the same guarded fetcher as feeds (SSRF rules, caps); FEED_ALLOW_HOSTS is empty in AWS.
const fetcher = createSafeFetcher({ userAgent: env.FEED_USER_AGENT, allowHosts: env.FEED_ALLOW_HOSTS });
const deps = { store, log, fetcher, launch: () => launchBrowser(), s3: new S3Client({ region: env.AWS_REGION }), bucket: env.EVIDENCE_BUCKET, clock: () => new Date(), newId: randomUUID };
const processor = new BatchProcessor(EventType.SQS);

/** One SQS message = one flagged mention's page. A page that cannot be captured is a recorded result, not a throw. */
async function captureRecord(record: SQSRecord) {
  const job = CaptureJob.parse(JSON.parse(record.body));
  const result = await captureMention(deps, job);
  logger.info('capture finished', { mentionId: job.mentionId, trustId: job.trustId, ...result });
}

export const handler = async (event: SQSEvent, context: Context) => {
  try {
    return await processPartialResponse(event, captureRecord, processor, { context });
  } finally {
    metrics.publishStoredMetrics();
  }
};
