import { Duration } from 'aws-cdk-lib';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

/** AWS guidance: queue visibility timeout at least six times the consumer function's timeout. */
export const VISIBILITY_FACTOR = 6;
export const MAX_RECEIVE_COUNT = 5;
export const BATCH_SIZE = 10;

export interface FeedQueueProps {
  /** Timeout of the function that will consume the queue; visibility = 6 x this. */
  readonly consumerTimeout: Duration;
  /** Most concurrent consumer invocations (limits outbound fetch rate); SQS minimum is 2. */
  readonly maxConcurrency?: number;
}

/** Queue of feed-poll jobs with a DLQ. Producers get QUEUE_URL + send; the consumer gets an event source. */
export class FeedQueue extends Construct {
  readonly queue: sqs.Queue;
  readonly deadLetterQueue: sqs.Queue;
  private readonly consumerTimeout: Duration;
  private readonly maxConcurrency: number;

  constructor(scope: Construct, id: string, props: FeedQueueProps) {
    super(scope, id);
    this.consumerTimeout = props.consumerTimeout;
    this.maxConcurrency = props.maxConcurrency ?? 5;
    this.deadLetterQueue = new sqs.Queue(this, 'DeadLetters', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    this.queue = new sqs.Queue(this, 'Jobs', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      visibilityTimeout: Duration.seconds(props.consumerTimeout.toSeconds() * VISIBILITY_FACTOR),
      retentionPeriod: Duration.days(1),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: MAX_RECEIVE_COUNT },
    });
  }

  /** Sets QUEUE_URL on the function and lets it send jobs. */
  connectProducer(fn: lambda.Function): void {
    fn.addEnvironment('QUEUE_URL', this.queue.queueUrl);
    this.queue.grantSendMessages(fn);
  }

  /** Subscribes the worker: batches of 10, partial batch failures reported per message. */
  connectConsumer(fn: lambda.Function): void {
    const timeout = fn.timeout?.toSeconds() ?? 3;
    if (timeout > this.consumerTimeout.toSeconds()) {
      throw new Error(`FeedQueue consumer timeout ${timeout}s exceeds the ${this.consumerTimeout.toSeconds()}s the queue visibility was sized for`);
    }
    fn.addEventSource(new SqsEventSource(this.queue, {
      batchSize: BATCH_SIZE,
      reportBatchItemFailures: true,
      maxConcurrency: this.maxConcurrency,
    }));
  }
}
