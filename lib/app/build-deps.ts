import { randomUUID } from 'node:crypto';
import type { Env } from '../config/env';
import { createSesMailer } from '../digest/ses-mailer';
import { createSafeFetcher } from '../feeds/fetch';
import { createSafePoster } from '../feeds/post';
import { createDynamoClient, createStore } from '../store';
import { createSqsCaptureQueue } from '../queue/sqs-capture-queue';
import { buildEvidenceStore } from './build-evidence-store';
import { buildGiasIndex } from './build-gias';
import { consoleLogger, type AppDeps } from './deps';

/**
 * The composition root shared by every caller: endpoints come from configuration, so the same adapters
 * reach AWS (no endpoint) or the local servers. Callers override what they own (a logger, a clock, a client).
 */
export function buildDeps(env: Env, overrides: Partial<AppDeps> = {}): AppDeps {
  const store = overrides.store ?? createStore(createDynamoClient({ region: env.AWS_REGION, endpoint: env.DYNAMODB_ENDPOINT }), env.TABLE_NAME);
  return {
    store,
    fetcher: overrides.fetcher ?? createSafeFetcher({ userAgent: env.FEED_USER_AGENT, allowHosts: env.FEED_ALLOW_HOSTS }),
    mailer: overrides.mailer ?? createSesMailer({ region: env.AWS_REGION, endpoint: env.SES_ENDPOINT }),
    poster: overrides.poster ?? createSafePoster({ allowHosts: env.FEED_ALLOW_HOSTS }),
    settings: overrides.settings ?? { mailFrom: env.MAIL_FROM, webBaseUrl: env.WEB_BASE_URL, pollIntervalMinutes: env.POLL_INTERVAL_MINUTES },
    clock: overrides.clock ?? (() => new Date()),
    newId: overrides.newId ?? randomUUID,
    log: overrides.log ?? consoleLogger(),
    // In AWS the stack sets these on the functions that use them; locally the stack/CLI wire their own.
    evidence: overrides.evidence ?? (env.EVIDENCE_BUCKET ? buildEvidenceStore(env) : undefined),
    captureQueue: overrides.captureQueue ?? (env.CAPTURE_QUEUE_URL ? createSqsCaptureQueue({ queueUrl: env.CAPTURE_QUEUE_URL, region: env.AWS_REGION }) : undefined),
    // Nothing is read until the first lookup, so every caller can have it.
    gias: overrides.gias ?? buildGiasIndex(env),
  };
}
