import { Duration } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { JobQueue } from './job-queue';

export { VISIBILITY_FACTOR } from './job-queue';
export const MAX_RECEIVE_COUNT = 5;
export const BATCH_SIZE = 10;

export interface FeedQueueProps {
  /** Timeout of the function that will consume the queue; visibility = 6 x this. */
  readonly consumerTimeout: Duration;
  /** Most concurrent consumer invocations (limits outbound fetch rate); SQS minimum is 2. */
  readonly maxConcurrency?: number;
}

/** Queue of feed-poll jobs with a DLQ. Producers get QUEUE_URL + send; the consumer takes batches of 10. */
export class FeedQueue extends JobQueue {
  constructor(scope: Construct, id: string, props: FeedQueueProps) {
    super(scope, id, {
      consumerTimeout: props.consumerTimeout,
      maxConcurrency: props.maxConcurrency ?? 5,
      urlVariable: 'QUEUE_URL',
      retention: Duration.days(1),
      maxReceiveCount: MAX_RECEIVE_COUNT,
      batchSize: BATCH_SIZE,
    });
  }
}
