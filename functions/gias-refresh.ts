import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { buildGiasFetcher, buildGiasIndexStore } from '../lib/app/build-gias';
import { refreshGias } from '../lib/app/gias-import';
import { ConfigError } from '../lib/config/env';
import { lambdaRuntime } from './runtime';

const { env, log, metrics } = lambdaRuntime();
if (!env.GIAS_BUCKET) throw new ConfigError('GIAS_BUCKET is not set: the GIAS refresh function needs the bucket the stack gives it.');
const store = buildGiasIndexStore(env);

/**
 * Weekly (EventBridge Scheduler): download the GIAS all-establishments extract through the guarded fetcher and
 * replace the per-URN index in S3. A failure throws (the run fails, its alarm fires) and the old index stays.
 */
export const handler = async () => {
  const fetcher = buildGiasFetcher(env);
  try {
    const result = await refreshGias({ store, fetcher, clock: () => new Date(), log }, { urlTemplate: env.GIAS_EXTRACT_URL });
    metrics.addMetric('GiasEstablishments', MetricUnit.Count, result.kind === 'refreshed' ? result.summary.indexed : result.meta.count);
    return result.kind === 'refreshed' ? { kind: result.kind, url: result.url, indexed: result.summary.indexed, skipped: result.summary.skipped, indexBytes: result.summary.indexBytes } : { kind: result.kind, url: result.url };
  } catch (err) {
    log.error('GIAS refresh failed; the previous index is kept', { error: (err as Error).message });
    throw err;
  } finally {
    metrics.publishStoredMetrics();
    await fetcher.close();
  }
};
