import { Duration } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { JobQueue } from './job-queue';

/** A job that failed this many times (browser crash, store error: page failures are results) goes to the DLQ. */
export const CAPTURE_MAX_RECEIVE_COUNT = 3;

export interface CaptureQueueProps {
  /** Timeout of the capture function; visibility = 6 × this. */
  readonly consumerTimeout: Duration;
  /** Most capture functions running at once (event source maximum concurrency; SQS minimum is 2). */
  readonly maxConcurrency: number;
}

/**
 * Capture jobs (`{trustId, schoolId, mentionId, url}`, JSON, lib/app/capture-mention.ts) with a DLQ. Producers
 * get CAPTURE_QUEUE_URL + send: poll (one job per flagged mention it stores, so polling is not slowed) and
 * dispatch (captures whose retry time has come: a page that could not be captured is retried with backoff,
 * 10 minutes up to 12 hours, kept in the table because SQS delays stop at 15 minutes). The capture function
 * takes one job per invocation (one headless Chromium each).
 */
export class CaptureQueue extends JobQueue {
  constructor(scope: Construct, id: string, props: CaptureQueueProps) {
    super(scope, id, {
      consumerTimeout: props.consumerTimeout,
      maxConcurrency: props.maxConcurrency,
      urlVariable: 'CAPTURE_QUEUE_URL',
      // A page is evidence of what it said when it was flagged: a capture days late is worth less, but still kept.
      retention: Duration.days(4),
      maxReceiveCount: CAPTURE_MAX_RECEIVE_COUNT,
      batchSize: 1,
    });
  }
}
