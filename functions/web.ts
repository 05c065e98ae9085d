import { handle } from 'hono/aws-lambda';
import { cognitoAuthFromEnv } from '../lib/auth/local-auth';
import { createWebApp } from '../lib/web/app';
import { buildEvidenceStore } from '../lib/app/build-evidence-store';
import { lambdaRuntime } from './runtime';

const { store, env, log } = lambdaRuntime();

/** HTTP API → the same Hono app `npm start` serves. */
export const handler = handle(createWebApp({ store, auth: cognitoAuthFromEnv(process.env), log, publicOrigin: env.WEB_BASE_URL, evidence: env.EVIDENCE_BUCKET ? buildEvidenceStore(env) : undefined }));
