import { handle } from 'hono/aws-lambda';
import { cognitoAuthFromEnv } from '../lib/auth/local-auth';
import { webDepsFromEnv } from '../lib/app/build-web-deps';
import { createWebApp } from '../lib/web/app';
import { lambdaRuntime } from './runtime';

const { store, env, log } = lambdaRuntime();

/** HTTP API → the same Hono app `npm start` serves. */
export const handler = handle(createWebApp(webDepsFromEnv(env, { store, auth: cognitoAuthFromEnv(process.env), log })));
