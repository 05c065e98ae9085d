import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import type { Logger as AppLogger } from '../lib/app/deps';
import { loadEnv, type Env } from '../lib/config/env';
import { createDynamoClient, createStore, type Store } from '../lib/store';

/**
 * Shared by every Lambda entry point: the validated env (a bad variable fails the cold start, naming it),
 * a Powertools logger behind the app's Logger port, Powertools metrics, and the store. Each function adds only the adapters
 * it uses, so its bundle carries nothing else.
 */
export function lambdaRuntime(): { env: Env; store: Store; log: AppLogger; logger: Logger; metrics: Metrics } {
  const serviceName = process.env.POWERTOOLS_SERVICE_NAME ?? 'schoolwatch';
  const logger = new Logger({ serviceName });
  // CloudWatch metrics as embedded-metric-format log lines: no API calls and no IAM beyond writing logs.
  const metrics = new Metrics({ namespace: 'Schoolwatch', serviceName });
  const env = loadEnv();
  const log: AppLogger = {
    info: (m, e) => logger.info(m, e ?? {}),
    warn: (m, e) => logger.warn(m, e ?? {}),
    error: (m, e) => logger.error(m, e ?? {}),
  };
  // DYNAMODB_ENDPOINT is unset in AWS; tests set it to run the real handler against dynalite.
  const store = createStore(createDynamoClient({ region: env.AWS_REGION, endpoint: env.DYNAMODB_ENDPOINT }), env.TABLE_NAME);
  return { env, store, log, logger, metrics };
}

export const settingsFrom = (env: Env) => ({ mailFrom: env.MAIL_FROM, webBaseUrl: env.WEB_BASE_URL, pollIntervalMinutes: env.POLL_INTERVAL_MINUTES });
