import { Duration, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subs from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface OpsAlarmsProps {
  /** Optional address subscribed to the ops topic (must confirm the SNS email). */
  readonly opsEmail?: string;
  /**
   * Customer-managed key for the topic (SSE). CloudWatch alarms cannot publish to a topic encrypted with the
   * AWS-managed `alias/aws/sns` key, so the key must be customer-managed and allow cloudwatch.amazonaws.com.
   */
  readonly masterKey?: kms.IKey;
}

/** SES reviews an account at a 5 % bounce rate and may pause sending at 10 %; alarm at the review level. */
export const SES_BOUNCE_RATE_ALARM = 0.05;
/** SES reviews an account at a 0.1 % complaint rate and may pause sending at 0.5 %; alarm at the review level. */
export const SES_COMPLAINT_RATE_ALARM = 0.001;

/**
 * The ops SNS topic and the alarms that notify it: dead letters, function errors and throttles, stuck jobs, digest
 * failures, scheduler target errors and SES reputation. Every alarm is named `<stack>-<what>` so the notification
 * subject says what broke.
 */
export class OpsAlarms extends Construct {
  readonly topic: sns.Topic;
  readonly alarms: cloudwatch.Alarm[] = [];
  private readonly action: SnsAction;

  constructor(scope: Construct, id: string, props: OpsAlarmsProps = {}) {
    super(scope, id);
    this.topic = new sns.Topic(this, 'Topic', { displayName: 'Schoolwatch operations alarms', enforceSSL: true, masterKey: props.masterKey });
    if (props.opsEmail) this.topic.addSubscription(new subs.EmailSubscription(props.opsEmail));
    this.action = new SnsAction(this.topic);
  }

  private add(id: string, metric: cloudwatch.IMetric, description: string, threshold = 0, comparison = cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD): cloudwatch.Alarm {
    const alarm = new cloudwatch.Alarm(this, id, {
      alarmName: `${Stack.of(this).stackName}-${id.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase()}`,
      metric,
      threshold,
      evaluationPeriods: 1,
      comparisonOperator: comparison,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      alarmDescription: description,
    });
    alarm.addAlarmAction(this.action);
    alarm.addOkAction(this.action);
    this.alarms.push(alarm);
    return alarm;
  }

  /**
   * Any message in the DLQ means a job failed repeatedly. `job` names what failed ("feed job", "capture job") and
   * `arnOutput` the stack output holding the DLQ ARN for the redrive command.
   */
  watchDeadLetterQueue(name: string, dlq: sqs.IQueue, job = 'feed job', arnOutput = 'FeedDeadLetterQueueArn'): void {
    this.add(`${name}Depth`, dlq.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' }),
      `${name}: messages in the dead-letter queue (a ${job} failed repeatedly). Inspect them, fix the cause, then move them back: `
      + `aws sqs start-message-move-task --source-arn <${arnOutput} output> (see README "Deploying to AWS")`);
  }

  /** Jobs older than `maxAge` mean the worker is not keeping up or is failing. */
  watchQueueAge(name: string, queue: sqs.IQueue, maxAge: Duration, job = 'feed job'): void {
    this.add(`${name}Age`, queue.metricApproximateAgeOfOldestMessage({ period: Duration.minutes(5), statistic: 'Maximum' }),
      `${name}: oldest ${job} older than ${maxAge.toHumanString()}`, maxAge.toSeconds());
  }

  /** Errors > 0 and throttles > 0 over five minutes. `errors` renames and re-describes the errors alarm. */
  watchFunction(name: string, fn: lambda.IFunction, errors?: { id: string; description: string }): void {
    this.add(errors?.id ?? `${name}Errors`, fn.metricErrors({ period: Duration.minutes(5), statistic: 'Sum' }), errors?.description ?? `${name}: function errors`);
    this.add(`${name}Throttles`, fn.metricThrottles({ period: Duration.minutes(5), statistic: 'Sum' }), `${name}: function throttled`);
  }

  /**
   * EventBridge Scheduler could not invoke a target (TargetErrorCount) or gave up on an invocation after its
   * retries and maximum event age (InvocationDroppedCount), for the schedules of this group only.
   */
  watchScheduleGroup(group: scheduler.IScheduleGroup): void {
    this.add('ScheduleTargetErrors', group.metricTargetErrors({ period: Duration.minutes(5), statistic: 'Sum' }),
      'Scheduler: invoking the dispatch or digest function failed (target error: permissions, throttling, function missing)');
    this.add('ScheduleInvocationsDropped', group.metricDropped({ period: Duration.minutes(5), statistic: 'Sum' }),
      'Scheduler: a dispatch or digest run was dropped after all retries (polls or digests were skipped)');
  }

  /**
   * SES reputation (bounce and complaint rates, fractions 0-1): for the configuration set the digests are sent
   * through (reputation metrics enabled on it) and for the whole account, which is what SES reviews and pauses.
   */
  watchSesReputation(configurationSetName: string): void {
    const rate = (metricName: string, dimensionsMap?: Record<string, string>) =>
      new cloudwatch.Metric({ namespace: 'AWS/SES', metricName, dimensionsMap, period: Duration.hours(1), statistic: 'Maximum' });
    const cs = { 'ses:configuration-set': configurationSetName };
    const GTE = cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD;
    this.add('SesBounceRate', rate('Reputation.BounceRate', cs),
      `SES: digest bounce rate at or above ${SES_BOUNCE_RATE_ALARM * 100} % (SES reviews the account at 5 %, may pause sending at 10 %); check recipients and the suppression list`, SES_BOUNCE_RATE_ALARM, GTE);
    this.add('SesComplaintRate', rate('Reputation.ComplaintRate', cs),
      `SES: digest complaint rate at or above ${SES_COMPLAINT_RATE_ALARM * 100} % (SES reviews the account at 0.1 %, may pause sending at 0.5 %)`, SES_COMPLAINT_RATE_ALARM, GTE);
    this.add('SesAccountBounceRate', rate('Reputation.BounceRate'),
      `SES: account-wide bounce rate at or above ${SES_BOUNCE_RATE_ALARM * 100} % (what SES reviews; includes mail sent outside Schoolwatch)`, SES_BOUNCE_RATE_ALARM, GTE);
    this.add('SesAccountComplaintRate', rate('Reputation.ComplaintRate'),
      `SES: account-wide complaint rate at or above ${SES_COMPLAINT_RATE_ALARM * 100} % (what SES reviews; includes mail sent outside Schoolwatch)`, SES_COMPLAINT_RATE_ALARM, GTE);
  }
}
