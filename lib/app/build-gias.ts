import type { Env } from '../config/env';
import { createS3Client } from '../evidence/evidence-store';
import { createSafeFetcher, type SafeFetcher } from '../feeds/fetch';
import { CachedGiasIndex, FILE_RECHECK_MS, S3_RECHECK_MS } from '../gias/gias-index';
import { FileGiasIndexStore, giasIndexPath, S3GiasIndexStore, type GiasIndexStore } from '../gias/index-store';

type GiasEnv = Pick<Env, 'GIAS_BUCKET' | 'S3_ENDPOINT' | 'AWS_REGION' | 'DATA_DIR'>;

/**
 * Where the GIAS index lives in this environment: the stack's bucket when GIAS_BUCKET is set (AWS, or an
 * S3-compatible server at S3_ENDPOINT), otherwise DATA_DIR/gias/index.jsonl.gz.
 */
export function buildGiasIndexStore(env: GiasEnv): GiasIndexStore {
  if (env.GIAS_BUCKET) return new S3GiasIndexStore(createS3Client({ region: env.AWS_REGION, endpoint: env.S3_ENDPOINT }), env.GIAS_BUCKET);
  return new FileGiasIndexStore(giasIndexPath(env.DATA_DIR));
}

/** The lazily loaded, per-process cached GiasIndex every caller gets as deps.gias. */
export function buildGiasIndex(env: GiasEnv): CachedGiasIndex {
  return new CachedGiasIndex(buildGiasIndexStore(env), { recheckMs: env.GIAS_BUCKET ? S3_RECHECK_MS : FILE_RECHECK_MS });
}

/** The guarded fetcher for the extract: the feeds' address guard, with a cap and deadline sized for a ~60 MB file. */
export function buildGiasFetcher(env: Pick<Env, 'FEED_ALLOW_HOSTS' | 'FEED_USER_AGENT' | 'GIAS_MAX_MB' | 'GIAS_TIMEOUT_SECONDS'>): SafeFetcher {
  return createSafeFetcher({
    allowHosts: env.FEED_ALLOW_HOSTS,
    userAgent: env.FEED_USER_AGENT,
    maxBytes: env.GIAS_MAX_MB * 1024 * 1024,
    timeoutMs: env.GIAS_TIMEOUT_SECONDS * 1000,
    perHostConcurrency: 1,
  });
}
