import type { Env } from '../config/env';
import { createS3EvidenceStore, type EvidenceStore } from '../evidence/evidence-store';

/** The embedded S3 server's bucket when EVIDENCE_BUCKET is not set. */
export const LOCAL_EVIDENCE_BUCKET = 'schoolwatch-evidence';

/**
 * The evidence bucket for this environment: EVIDENCE_BUCKET in AWS (Object Lock headers on every put), or the
 * S3-compatible server at S3_ENDPOINT (the local s3rver, which has no Object Lock).
 */
export function buildEvidenceStore(env: Pick<Env, 'EVIDENCE_BUCKET' | 'S3_ENDPOINT' | 'AWS_REGION'>): EvidenceStore {
  return createS3EvidenceStore({ bucket: env.EVIDENCE_BUCKET ?? LOCAL_EVIDENCE_BUCKET, region: env.AWS_REGION, endpoint: env.S3_ENDPOINT, objectLock: !env.S3_ENDPOINT });
}

