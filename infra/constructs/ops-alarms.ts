import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subs from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface OpsAlarmsProps {
  /** Optional address subscribed to the ops topic (must confirm the SNS email). */
  readonly opsEmail?: string;
}

/** The ops SNS topic and the alarms that notify it: dead letters, function errors and throttles, stuck jobs. */
export class OpsAlarms extends Construct {
  readonly topic: sns.Topic;
  readonly alarms: cloudwatch.Alarm[] = [];
  private readonly action: SnsAction;

  constructor(scope: Construct, id: string, props: OpsAlarmsProps = {}) {
    super(scope, id);
    this.topic = new sns.Topic(this, 'Topic', { displayName: 'Schoolwatch operations alarms', enforceSSL: true });
    if (props.opsEmail) this.topic.addSubscription(new subs.EmailSubscription(props.opsEmail));
    this.action = new SnsAction(this.topic);
  }

  private add(id: string, metric: cloudwatch.IMetric, description: string, threshold = 0): cloudwatch.Alarm {
    const alarm = new cloudwatch.Alarm(this, id, {
      metric,
      threshold,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      alarmDescription: description,
    });
    alarm.addAlarmAction(this.action);
    alarm.addOkAction(this.action);
    this.alarms.push(alarm);
    return alarm;
  }

  /** Any message in the DLQ means a feed job failed five times. */
  watchDeadLetterQueue(name: string, dlq: sqs.IQueue): void {
    this.add(`${name}Depth`, dlq.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' }),
      `${name}: messages in the dead-letter queue (a feed job failed repeatedly); inspect and redrive`);
  }

  /** Jobs older than `maxAge` mean the poll worker is not keeping up or is failing. */
  watchQueueAge(name: string, queue: sqs.IQueue, maxAge: Duration): void {
    this.add(`${name}Age`, queue.metricApproximateAgeOfOldestMessage({ period: Duration.minutes(5), statistic: 'Maximum' }),
      `${name}: oldest feed job older than ${maxAge.toHumanString()}`, maxAge.toSeconds());
  }

  /** Errors > 0 and throttles > 0 over five minutes. */
  watchFunction(name: string, fn: lambda.IFunction): void {
    this.add(`${name}Errors`, fn.metricErrors({ period: Duration.minutes(5), statistic: 'Sum' }), `${name}: function errors`);
    this.add(`${name}Throttles`, fn.metricThrottles({ period: Duration.minutes(5), statistic: 'Sum' }), `${name}: function throttled`);
  }
}
