import type { Env } from '../config/env';
import type { Logger } from './deps';
import type { Store } from '../store';
import type { WebAuth } from '../auth/local-auth';
import type { WebDeps } from '../web/app';
import { buildEvidenceStore } from './build-evidence-store';
import { buildGiasIndex } from './build-gias';

/**
 * The web Lambda's adapters from its env: the evidence bucket when EVIDENCE_BUCKET is set, the GIAS index when
 * GIAS_BUCKET is set (the stack sets each with its read grant). Kept out of functions/web.ts so a test can check
 * that what the stack connects reaches the app.
 */
export function webDepsFromEnv(env: Env, parts: { store: Store; auth: WebAuth; log: Logger }): WebDeps {
  return {
    ...parts,
    publicOrigin: env.WEB_BASE_URL,
    evidence: env.EVIDENCE_BUCKET ? buildEvidenceStore(env) : undefined,
    gias: env.GIAS_BUCKET ? buildGiasIndex(env) : undefined,
  };
}
