import { Duration } from 'aws-cdk-lib';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { VISIBILITY_FACTOR } from './feed-queue';

/** A job that failed this many times (browser crash, store error: page failures are results) goes to the DLQ. */
export const CAPTURE_MAX_RECEIVE_COUNT = 3;

export interface CaptureQueueProps {
  /** Timeout of the capture function; visibility = 6 × this. */
  readonly consumerTimeout: Duration;
  /** Most capture functions running at once (event source maximum concurrency; SQS minimum is 2). */
  readonly maxConcurrency: number;
}

/**
 * Capture jobs (`{trustId, schoolId, mentionId, url}`, JSON, lib/app/capture-mention.ts) with a DLQ. The poll
 * function enqueues one per flagged mention it stores (capture is asynchronous, so polling is not slowed); the
 * capture function takes them one at a time (one headless Chromium per invocation).
 */
export class CaptureQueue extends Construct {
  readonly queue: sqs.Queue;
  readonly deadLetterQueue: sqs.Queue;
  private readonly consumerTimeout: Duration;
  private readonly maxConcurrency: number;

  constructor(scope: Construct, id: string, props: CaptureQueueProps) {
    super(scope, id);
    this.consumerTimeout = props.consumerTimeout;
    this.maxConcurrency = props.maxConcurrency;
    this.deadLetterQueue = new sqs.Queue(this, 'DeadLetters', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    this.queue = new sqs.Queue(this, 'Jobs', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      visibilityTimeout: Duration.seconds(props.consumerTimeout.toSeconds() * VISIBILITY_FACTOR),
      // A page is evidence of what it said when it was flagged: a capture days late is worth less, but still kept.
      retentionPeriod: Duration.days(4),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: CAPTURE_MAX_RECEIVE_COUNT },
    });
  }

  /**
   * Sets CAPTURE_QUEUE_URL and lets the function send capture jobs: poll (one per flagged mention it stores) and
   * dispatch (captures whose retry time has come: a page that could not be captured is retried with backoff,
   * 10 minutes up to 12 hours, kept in the table because SQS delays stop at 15 minutes).
   */
  connectProducer(fn: lambda.Function): void {
    fn.addEnvironment('CAPTURE_QUEUE_URL', this.queue.queueUrl);
    this.queue.grantSendMessages(fn);
  }

  /** Subscribes the capture worker: one job per invocation, partial batch failures, bounded concurrency. */
  connectConsumer(fn: lambda.Function): void {
    const timeout = fn.timeout?.toSeconds() ?? 3;
    if (timeout > this.consumerTimeout.toSeconds()) {
      throw new Error(`CaptureQueue consumer timeout ${timeout}s exceeds the ${this.consumerTimeout.toSeconds()}s the queue visibility was sized for`);
    }
    fn.addEventSource(new SqsEventSource(this.queue, {
      batchSize: 1,
      reportBatchItemFailures: true,
      maxConcurrency: this.maxConcurrency,
    }));
  }
}
