import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Env } from '../config/env';
import { finishInterruptedRebuild, type TableMode } from '../app/migrate';
import { buildDeps } from '../app/build-deps';
import type { AppDeps, Logger } from '../app/deps';
import { createDynamoClient, createStore, ensureTable } from '../store';
import { acquireDataDirLock, readLiveLock } from './data-dir-lock';
import { startLocalDynamo } from './dynamo-server';
import { startMailServer } from './mail-server';
import { buildEvidenceStore, LOCAL_EVIDENCE_BUCKET } from '../app/build-capture-deps';
import { startLocalS3 } from './s3-server';

/**
 * A command that sends mail was about to send it to a mail server started just for this run, which nobody
 * reads; the day would have been recorded as sent and the real digest lost.
 */
export class ThrowawayMailError extends Error {
  override readonly name = 'ThrowawayMailError';
}

function throwawayMailRefusal(env: Env, command: string): ThrowawayMailError {
  const running = readLiveLock(env.DATA_DIR);
  const how = running?.sesEndpoint
    ? `"${running.command}" (pid ${running.pid}) is running with its mail server at ${running.sesEndpoint}. Send through it with:\n  SES_ENDPOINT=${running.sesEndpoint}${running.dynamodbEndpoint ? ` DYNAMODB_ENDPOINT=${running.dynamodbEndpoint}` : ''} npm run -s cli -- ${command}`
    : 'Start `npm start` and set SES_ENDPOINT to the "SES endpoint" it prints (and DYNAMODB_ENDPOINT to its DynamoDB), or point SES_ENDPOINT at another mail server.';
  return new ThrowawayMailError(
    `Not sending: SES_ENDPOINT is not set, so the mail would go to a temporary mail server started for this command that nobody reads, and the day would still be recorded as sent.\n${how}\nTo send into a throwaway mail server anyway (trying the command out), add --throwaway-mail.`,
  );
}

/**
 * Runs one CLI command against the configured endpoints, against AWS itself (SCHOOLWATCH_TARGET=aws), or
 * against embedded servers on DATA_DIR when neither is set. The embedded data folder is locked, so a running
 * `npm start` is reported clearly. A command that sends mail refuses a throwaway mail server unless asked.
 */
export async function withCliRuntime<T>(
  env: Env,
  options: { log: Logger; mail?: boolean; command: string; /** Allow sending into a mail server started just for this run. */ throwawayMail?: boolean },
  run: (deps: AppDeps, notes: string[], table: { client: DynamoDBClient; tableName: string; mode: TableMode }) => Promise<T>,
): Promise<T> {
  const cleanups: (() => Promise<void> | void)[] = [];
  const notes: string[] = [];
  try {
    const inAws = env.SCHOOLWATCH_TARGET === 'aws';
    if (options.mail && !env.SES_ENDPOINT && !inAws && !options.throwawayMail) throw throwawayMailRefusal(env, options.command.replace(/^schoolwatch /, ''));
    let endpoint = env.DYNAMODB_ENDPOINT;
    if (!endpoint && !inAws) {
      const lock = acquireDataDirLock(env.DATA_DIR, { command: options.command });
      cleanups.push(() => lock.release());
      const dynamo = await startLocalDynamo({ dataDir: env.DATA_DIR });
      cleanups.push(() => dynamo.stop());
      endpoint = dynamo.endpoint;
    }
    // Evidence: the embedded store's captures live beside it in DATA_DIR; a running stack's come from S3_ENDPOINT.
    let s3Endpoint = env.S3_ENDPOINT;
    if (!s3Endpoint && !inAws && !env.DYNAMODB_ENDPOINT) {
      const s3 = await startLocalS3({ dataDir: env.DATA_DIR, bucket: env.EVIDENCE_BUCKET ?? LOCAL_EVIDENCE_BUCKET });
      cleanups.push(() => s3.stop());
      s3Endpoint = s3.endpoint;
    }
    let sesEndpoint = env.SES_ENDPOINT;
    if (options.mail && !sesEndpoint && !inAws) {
      const mail = await startMailServer({ port: 0 });
      cleanups.push(() => mail.stop());
      sesEndpoint = mail.endpoint;
      notes.push('--throwaway-mail: mail went to a temporary local mail server that closed with this command; nobody can read it, yet the day counts as sent. To send real digests, run `npm start` and set SES_ENDPOINT to the endpoint it prints.');
    }
    const client = createDynamoClient({ region: env.AWS_REGION, endpoint });
    cleanups.push(() => client.destroy());
    // Only the embedded store is ours to create; a table in AWS comes from the CDK stack.
    if (!env.DYNAMODB_ENDPOINT && !inAws) {
      // a rebuild stopped part-way (cli migrate, npm start) is finished first: nothing may claim an id or send a
      // digest against a table whose items are still being copied back
      await finishInterruptedRebuild({ client, tableName: env.TABLE_NAME, mode: 'embedded' }, (line) => console.error(line));
      await ensureTable(client, env.TABLE_NAME);
    }
    const deps = buildDeps({ ...env, DYNAMODB_ENDPOINT: endpoint, SES_ENDPOINT: sesEndpoint }, { store: createStore(client, env.TABLE_NAME), log: options.log });
    if (s3Endpoint || inAws) deps.evidence = buildEvidenceStore({ ...env, S3_ENDPOINT: s3Endpoint });
    else notes.push('DYNAMODB_ENDPOINT is set without S3_ENDPOINT, so page captures (evidence files) were not included; set S3_ENDPOINT to the one `npm start` prints.');
    const mode: TableMode = inAws ? 'aws' : env.DYNAMODB_ENDPOINT ? 'endpoint' : 'embedded';
    return await run(deps, notes, { client, tableName: env.TABLE_NAME, mode });
  } finally {
    for (const c of cleanups.reverse()) await c();
  }
}
