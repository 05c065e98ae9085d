import { Duration } from 'aws-cdk-lib';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

/** AWS guidance: queue visibility timeout at least six times the consumer function's timeout. */
export const VISIBILITY_FACTOR = 6;

export interface JobQueueOptions {
  /** Timeout of the function that will consume the queue; visibility = 6 × this. */
  readonly consumerTimeout: Duration;
  /** Most concurrent consumer invocations (event source maximum concurrency; SQS minimum is 2). */
  readonly maxConcurrency: number;
  /** Environment variable the producers read the queue URL from. */
  readonly urlVariable: string;
  /** How long an unconsumed job is kept. */
  readonly retention: Duration;
  /** Receives before a job goes to the dead-letter queue. */
  readonly maxReceiveCount: number;
  /** Jobs per consumer invocation. */
  readonly batchSize: number;
}

/**
 * An encrypted, TLS-only job queue with a dead-letter queue (kept 14 days). Connecting a producer sets the URL
 * variable and the send grant in one call; connecting the consumer subscribes it with partial batch failures and
 * checks that its timeout fits the visibility the queue was sized for.
 */
export class JobQueue extends Construct {
  readonly queue: sqs.Queue;
  readonly deadLetterQueue: sqs.Queue;

  constructor(scope: Construct, id: string, private readonly options: JobQueueOptions) {
    super(scope, id);
    this.deadLetterQueue = new sqs.Queue(this, 'DeadLetters', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    this.queue = new sqs.Queue(this, 'Jobs', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      visibilityTimeout: Duration.seconds(options.consumerTimeout.toSeconds() * VISIBILITY_FACTOR),
      retentionPeriod: options.retention,
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: options.maxReceiveCount },
    });
  }

  /** Sets the URL variable on the function and lets it send jobs. */
  connectProducer(fn: lambda.Function): void {
    fn.addEnvironment(this.options.urlVariable, this.queue.queueUrl);
    this.queue.grantSendMessages(fn);
  }

  /** Subscribes the worker: partial batch failures reported per message, bounded concurrency. */
  connectConsumer(fn: lambda.Function): void {
    const timeout = fn.timeout?.toSeconds() ?? 3;
    const sized = this.options.consumerTimeout.toSeconds();
    if (timeout > sized) throw new Error(`${this.constructor.name} consumer timeout ${timeout}s exceeds the ${sized}s the queue visibility was sized for`);
    fn.addEventSource(new SqsEventSource(this.queue, {
      batchSize: this.options.batchSize,
      reportBatchItemFailures: true,
      maxConcurrency: this.options.maxConcurrency,
    }));
  }
}
