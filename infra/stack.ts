import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { Annotations, CfnOutput, Duration, RemovalPolicy, Size, Stack, type StackProps } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as targets from 'aws-cdk-lib/aws-scheduler-targets';
import * as subs from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Construct } from 'constructs';
import { Auth } from './constructs/auth';
import { CaptureQueue } from './constructs/capture-queue';
import { EvidenceStore } from './constructs/evidence-store';
import { FeedQueue } from './constructs/feed-queue';
import { GiasData } from './constructs/gias-data';
import { AppFunction, type AppFunctionProps } from './constructs/function';
import { Mailer } from './constructs/mailer';
import { OpsAlarms } from './constructs/ops-alarms';
import { SchoolTable } from './constructs/school-table';
import type { SchoolwatchContext } from './context';
import { CAPTURE_SHIPPED_MODULES } from './capture-modules';
import { addNagSuppressions } from './nag';

export interface SchoolwatchStackProps extends StackProps {
  readonly config: SchoolwatchContext;
  /** Repository root: holds package-lock.json and functions/. */
  readonly projectRoot: string;
}

/** Entry points, relative to the repository root. Each must `export const handler`. */
export const ENTRIES = {
  dispatch: 'functions/dispatch.ts',
  poll: 'functions/poll.ts',
  digest: 'functions/digest.ts',
  web: 'functions/web.ts',
  sesEvents: 'functions/ses-events.ts',
  capture: 'functions/capture.ts',
  giasRefresh: 'functions/gias-refresh.ts',
} as const;

export const POLL_TIMEOUT = Duration.minutes(2);
/**
 * One capture: the page's own deadline (25 s in lib/evidence: fetch, render, screen print), plus a cold start's
 * Chromium inflation (~1-2 s), the evidence sheet PDF, S3 uploads and the mention update.
 */
export const CAPTURE_TIMEOUT = Duration.seconds(60);
/** /tmp for the capture function: inflated Chromium (~200 MB binary + ~40 MB libraries and fonts), profile, files. */
export const CAPTURE_EPHEMERAL_MB = 1024;
export { CAPTURE_SHIPPED_MODULES };

/**
 * Memory per function, MB, sized from MEASURED peak RSS (BENCHMARKS.md, "Lambda memory and duration",
 * `npm run bench:lambda`): each real handler, bundled as deployed, run in a fresh Node process on a realistic
 * workload. Rule: at least 1.5 × measured peak + 64 MB (the Lambda runtime client, not in the bench), rounded up
 * to a multiple of 64, and never under 256. Measured peaks (2026-11-21): dispatch 148 MB (1,020 feeds planned),
 * poll 181 MB (10 feeds × 20 new items, 8 runs), digest 135 MB (50 digests), web 143 MB (200 list pages),
 * ses-events 77 MB. digest is raised above its memory figure for CPU: Lambda gives CPU in proportion to memory
 * (1 vCPU at 1,769 MB) and the 07:00 run sends every school's digest in one invocation (866 ms CPU per 50 schools
 * measured → ~17 s CPU for 1,000 schools, ~60 s at 512 MB, inside the 5-minute timeout). test/infra checks the
 * rule against the figures recorded in BENCHMARKS.md: a heavier bench result fails the test until these are raised.
 * capture runs headless Chromium (a tree of processes, all counted by Lambda): measured by `npm run
 * bench:capture-lambda` (BENCHMARKS.md "Capture Lambda memory"), peak summed RSS of Node + Chromium 888 MB on a
 * very long page (829 MB for a typical article; 2026-11-30) → the rule gives ≥ 1,408 MB; raised to 1,600 MB, the figure the
 * @sparticuz/chromium README recommends, because rendering and PNG encoding are CPU-bound and Lambda's CPU share
 * grows with memory (billed GB-s stay about the same for CPU-bound work; the capture finishes sooner).
 */
export const LAMBDA_MEMORY_MB = {
  dispatch: 320,
  poll: 384,
  digest: 512,
  web: 320,
  sesEvents: 256,
  capture: 1600,
  // giasRefresh: `npm run bench:gias` (BENCHMARKS.md "GIAS import") measures the streaming import in one process;
  // the rule above applied to its peak, with room for a full extract (~2 × the bench's 25 000 rows).
  giasRefresh: 512,
} as const;

/** The weekly GIAS download of a ~60 MB file and its indexing: the app's own deadline is a minute shorter. */
export const GIAS_REFRESH_TIMEOUT = Duration.minutes(11);

/**
 * Schoolwatch in AWS: Scheduler → dispatch → SQS (+DLQ) → poll → DynamoDB; hourly Scheduler → digest → SES;
 * HTTP API → web; Cognito users; alarms → ops SNS topic; poll → SQS capture jobs (+DLQ) → capture (headless Chromium)
 * → Object Lock evidence bucket (read by web, purged by digest).
 */
export class SchoolwatchStack extends Stack {
  readonly table: SchoolTable;
  readonly feedQueue: FeedQueue;
  readonly mailer: Mailer;
  readonly auth: Auth;
  readonly evidence: EvidenceStore;
  readonly captureQueue: CaptureQueue;
  readonly gias: GiasData;
  readonly ops: OpsAlarms;
  readonly topicKey: kms.Key;
  readonly scheduleGroup: scheduler.ScheduleGroup;
  readonly api: apigw.HttpApi;
  readonly functions: Record<string, AppFunction> = {};

  constructor(scope: Construct, id: string, props: SchoolwatchStackProps) {
    super(scope, id, props);
    const { config, projectRoot } = props;
    const logRetention = config.logRetentionDays as logs.RetentionDays;
    const fn = (name: string, entry: string, description: string, memorySize: number, timeout: Duration, extra: Partial<AppFunctionProps> = {}) =>
      (this.functions[name] = new AppFunction(this, name[0]!.toUpperCase() + name.slice(1), { projectRoot, entry, description, memorySize, timeout, logRetention, ...extra }));

    if (config.sender.endsWith('.example')) {
      Annotations.of(this).addWarningV2('schoolwatch:placeholder-sender',
        `SES sender "${config.sender}" is a placeholder (.example cannot be verified): deploy with -c sender=<your address or domain>`);
    }

    // ---- data, queue, mail, alarms
    this.table = new SchoolTable(this, 'Store', { deletionProtection: config.deletionProtection });
    this.feedQueue = new FeedQueue(this, 'FeedJobs', { consumerTimeout: POLL_TIMEOUT });
    // Both SNS topics are encrypted with this customer-managed key: CloudWatch alarms and SES event publishing
    // cannot use the AWS-managed alias/aws/sns key. It protects notifications in flight only (nothing at rest
    // depends on it after delivery), so it is scheduled for deletion with the stack.
    this.topicKey = new kms.Key(this, 'TopicKey', {
      description: 'Schoolwatch: encrypts the ops-alarm and SES-event SNS topics',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.DESTROY,
      pendingWindow: Duration.days(7),
    });
    for (const [sid, service] of [['AlarmsPublishToEncryptedTopic', 'cloudwatch.amazonaws.com'], ['SesPublishToEncryptedTopic', 'ses.amazonaws.com']] as const) {
      this.topicKey.addToResourcePolicy(new iam.PolicyStatement({
        sid,
        principals: [new iam.ServicePrincipal(service)],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'], // in a key policy, "*" is this key
      }));
    }
    // Evidence: Object Lock bucket under its own key, capture jobs queue (+DLQ).
    this.evidence = new EvidenceStore(this, 'Evidence', { defaultRetentionMonths: config.evidenceRetentionMonths });
    this.captureQueue = new CaptureQueue(this, 'CaptureJobs', { consumerTimeout: CAPTURE_TIMEOUT, maxConcurrency: config.captureConcurrency });
    this.mailer = new Mailer(this, 'Mailer', { sender: config.sender, senderIsDomain: config.senderIsDomain, mailFrom: config.mailFrom, masterKey: this.topicKey });
    this.ops = new OpsAlarms(this, 'Ops', { opsEmail: config.opsEmail, masterKey: this.topicKey });

    // ---- functions
    const dispatch = fn('dispatch', ENTRIES.dispatch, 'Enqueues a poll job for every feed that is due', LAMBDA_MEMORY_MB.dispatch, Duration.minutes(1));
    const poll = fn('poll', ENTRIES.poll, 'Fetches, matches, scores and stores one batch of feeds; sends urgent alerts', LAMBDA_MEMORY_MB.poll, POLL_TIMEOUT);
    const digest = fn('digest', ENTRIES.digest, 'Sends the headteacher digests that are due this hour', LAMBDA_MEMORY_MB.digest, Duration.minutes(5));
    const web = fn('web', ENTRIES.web, 'Web pages and JSON API', LAMBDA_MEMORY_MB.web, Duration.seconds(29));

    // dispatch also re-queues captures whose retry time has come (retryDueCaptures clears each retry marker).
    this.table.grantTo(dispatch.fn, 'readWrite');
    this.feedQueue.connectProducer(dispatch.fn);
    this.table.grantTo(poll.fn, 'readWrite');
    this.feedQueue.connectConsumer(poll.fn);
    // poll computes each feed's nextPollAt from this; it must match the dispatch schedule below.
    poll.fn.addEnvironment('POLL_INTERVAL_MINUTES', String(config.pollIntervalMinutes));
    this.table.grantTo(digest.fn, 'readWrite');
    this.mailer.connect(digest.fn);
    // Urgent alerts go from the poll that stored the mention (lib/app/urgent-alerts.ts), not the next digest run.
    this.mailer.connect(poll.fn);
    this.table.grantTo(web.fn, 'readWrite');

    // ---- evidence capture: poll enqueues a job per flagged mention; capture renders, stores, updates the mention.
    // x86_64: the npm package ships Chromium for x86_64 only (arm64 needs @sparticuz/chromium-min plus a layer or
    // a hosted pack; see infra/README.md). Reserved concurrency caps spend: at most captureConcurrency at once.
    const capture = fn('capture', ENTRIES.capture, 'Captures a flagged page as evidence (screen print, HTML, text, manifest) with headless Chromium',
      LAMBDA_MEMORY_MB.capture, CAPTURE_TIMEOUT, {
        architecture: lambda.Architecture.X86_64,
        shipModules: CAPTURE_SHIPPED_MODULES,
        ephemeralStorage: Size.mebibytes(CAPTURE_EPHEMERAL_MB),
        reservedConcurrentExecutions: config.captureConcurrency,
      });
    this.captureQueue.connectProducer(poll.fn);
    this.captureQueue.connectProducer(dispatch.fn); // retries: backoff times are kept in the table, dispatch re-queues
    this.captureQueue.connectConsumer(capture.fn);
    this.table.grantTo(capture.fn, 'readWrite');
    this.evidence.connectWriter(capture.fn);
    // web: screen prints and evidence.zip; escalation puts captures on legal hold; school erase deletes them.
    this.evidence.connectReader(web.fn, { legalHold: true, erase: true });
    // digest runs the daily retention purge (lib/app/retention.ts), which covers captures.
    this.evidence.connectEraser(digest.fn);

    // ---- GIAS register: a weekly refresh replaces the per-URN index; web reads it (add a school by URN).
    this.gias = new GiasData(this, 'Gias');
    const giasRefresh = fn('giasRefresh', ENTRIES.giasRefresh, 'Downloads the GIAS all-establishments extract weekly and rebuilds the per-URN index', LAMBDA_MEMORY_MB.giasRefresh, GIAS_REFRESH_TIMEOUT);
    this.gias.connectWriter(giasRefresh.fn);
    giasRefresh.fn.addEnvironment('GIAS_TIMEOUT_SECONDS', String(GIAS_REFRESH_TIMEOUT.toSeconds() - 60));
    this.gias.connectReader(web.fn);

    // SES bounce/complaint handler: wired only once its entry point exists.
    if (existsSync(path.join(projectRoot, ENTRIES.sesEvents))) {
      const sesEvents = fn('sesEvents', ENTRIES.sesEvents, 'Records SES bounces and complaints', LAMBDA_MEMORY_MB.sesEvents, Duration.seconds(30));
      this.table.grantTo(sesEvents.fn, 'readWrite');
      this.mailer.eventsTopic.addSubscription(new subs.LambdaSubscription(sesEvents.fn));
    }

    // ---- schedules (EventBridge Scheduler, exact times: no flexible window)
    const schedulesRole = new iam.Role(this, 'SchedulesRole', {
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com', { conditions: { StringEquals: { 'aws:SourceAccount': this.account } } }),
      description: 'EventBridge Scheduler invoking the dispatch and digest functions',
    });
    // A group of their own, so the Scheduler metrics (and alarms) cover exactly these two schedules.
    this.scheduleGroup = new scheduler.ScheduleGroup(this, 'Schedules', { removalPolicy: RemovalPolicy.DESTROY });
    new scheduler.Schedule(this, 'DispatchSchedule', {
      scheduleGroup: this.scheduleGroup,
      description: `Dispatch feed polls every ${config.pollIntervalMinutes} minutes`,
      schedule: scheduler.ScheduleExpression.rate(Duration.minutes(config.pollIntervalMinutes)),
      timeWindow: scheduler.TimeWindow.off(),
      target: new targets.LambdaInvoke(dispatch.fn, { role: schedulesRole, retryAttempts: 2, maxEventAge: Duration.minutes(Math.max(1, Math.min(config.pollIntervalMinutes, 60))) }),
    });
    new scheduler.Schedule(this, 'DigestSchedule', {
      scheduleGroup: this.scheduleGroup,
      description: 'Send due digests at the top of every hour (each school picks its local hour)',
      schedule: scheduler.ScheduleExpression.cron({ minute: '0' }),
      timeWindow: scheduler.TimeWindow.off(),
      target: new targets.LambdaInvoke(digest.fn, { role: schedulesRole, retryAttempts: 2, maxEventAge: Duration.minutes(50) }),
    });

    new scheduler.Schedule(this, 'GiasRefreshSchedule', {
      scheduleGroup: this.scheduleGroup,
      description: 'Refresh the GIAS index from the all-establishments extract, Mondays 05:00 UTC',
      schedule: scheduler.ScheduleExpression.cron({ minute: '0', hour: '5', weekDay: 'MON' }),
      timeWindow: scheduler.TimeWindow.off(),
      target: new targets.LambdaInvoke(giasRefresh.fn, { role: schedulesRole, retryAttempts: 2, maxEventAge: Duration.hours(6) }),
    });

    // ---- HTTP API → web
    const accessLogs = new logs.LogGroup(this, 'ApiAccessLogs', { retention: logRetention });
    this.api = new apigw.HttpApi(this, 'Api', {
      description: 'Schoolwatch web app',
      createDefaultStage: false,
      defaultIntegration: new HttpLambdaIntegration('Web', web.fn),
    });
    this.api.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: 50, burstLimit: 100 },
      accessLogSettings: {
        destination: new apigw.LogGroupLogDestination(accessLogs),
        // JSON, HTTP API variables; path without query string (OAuth codes stay out of logs).
        format: AccessLogFormat.custom(JSON.stringify({
          requestId: '$context.requestId', ip: '$context.identity.sourceIp', time: '$context.requestTime',
          method: '$context.httpMethod', path: '$context.path', status: '$context.status',
          bytes: '$context.responseLength', latencyMs: '$context.responseLatency', integrationError: '$context.integrationErrorMessage',
        })),
      },
    });
    const webBaseUrl = config.webBaseUrl ?? this.api.apiEndpoint;
    digest.fn.addEnvironment('WEB_BASE_URL', webBaseUrl);
    poll.fn.addEnvironment('WEB_BASE_URL', webBaseUrl);

    // ---- users
    this.auth = new Auth(this, 'Auth', { webBaseUrl, domainPrefix: config.authDomainPrefix, deletionProtection: config.deletionProtection });
    this.auth.connect(web.fn);

    // ---- alarms
    this.ops.watchDeadLetterQueue('FeedJobsDlq', this.feedQueue.deadLetterQueue);
    this.ops.watchQueueAge('FeedJobs', this.feedQueue.queue, Duration.minutes(Math.max(60, 2 * config.pollIntervalMinutes)));
    this.ops.watchDeadLetterQueue('CaptureJobsDlq', this.captureQueue.deadLetterQueue, 'capture job', 'CaptureDeadLetterQueueArn');
    this.ops.watchQueueAge('CaptureJobs', this.captureQueue.queue, Duration.hours(1), 'capture job');
    for (const [name, f] of Object.entries(this.functions)) {
      this.ops.watchFunction(name, f.fn, name === 'digest' ? {
        id: 'DigestFailures',
        description: 'Digest failures: the hourly digest run failed for at least one school (the handler fails the run when any send fails; '
          + 'that digest stays claimed and is retried next hour). Check the digest function logs for "Digest sending failed".',
      } : undefined);
    }
    this.ops.watchScheduleGroup(this.scheduleGroup);
    this.ops.watchSesReputation(this.mailer.configurationSet.configurationSetName);

    new CfnOutput(this, 'WebUrl', { value: webBaseUrl });
    new CfnOutput(this, 'TableName', { value: this.table.table.tableName });
    new CfnOutput(this, 'FeedQueueUrl', { value: this.feedQueue.queue.queueUrl });
    new CfnOutput(this, 'FeedQueueArn', { value: this.feedQueue.queue.queueArn, description: 'Redrive destination (start-message-move-task --destination-arn)' });
    new CfnOutput(this, 'FeedDeadLetterQueueArn', {
      value: this.feedQueue.deadLetterQueue.queueArn,
      description: 'Feed jobs that failed 5 times. Move them back after fixing the cause: aws sqs start-message-move-task --source-arn <this>',
    });
    new CfnOutput(this, 'EvidenceBucketName', { value: this.evidence.bucket.bucketName });
    new CfnOutput(this, 'GiasBucketName', { value: this.gias.bucket.bucketName, description: 'GIAS index; load one by hand with GIAS_BUCKET=<this> npm run -s cli -- gias import FILE' });
    new CfnOutput(this, 'CaptureQueueArn', { value: this.captureQueue.queue.queueArn, description: 'Redrive destination for capture jobs' });
    new CfnOutput(this, 'CaptureDeadLetterQueueArn', {
      value: this.captureQueue.deadLetterQueue.queueArn,
      description: 'Capture jobs that failed 3 times. Move them back after fixing the cause: aws sqs start-message-move-task --source-arn <this>',
    });
    new CfnOutput(this, 'OpsTopicArn', { value: this.ops.topic.topicArn });
    new CfnOutput(this, 'SesEventsTopicArn', { value: this.mailer.eventsTopic.topicArn });
    new CfnOutput(this, 'MailFrom', { value: config.mailFrom });

    addNagSuppressions(this, { schedulesRole, scheduledFunctions: [dispatch.fn, digest.fn, giasRefresh.fn] });
  }
}
