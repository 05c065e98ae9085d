import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { Env } from '../config/env';
import { buildDeps } from '../app/build-deps';
import { importConfig } from '../app/config';
import type { AppDeps, Logger } from '../app/deps';
import { pollAndAlert } from '../app/poll-all';
import { sendDigests } from '../app/send-digests';
import { createDynamoClient, ensureTable } from '../store';
import { backfillUnreviewedIndex, ensureIndexes, type BackfillLine } from '../app/migrate';
import { createStore } from '../store';
import { createLocalAuth } from '../auth/local-auth';
import { seedDemoUsers, type DemoUsers } from '../app/users';
import { createWebApp } from '../web/app';
import { acquireDataDirLock } from './data-dir-lock';
import { listening } from './listen';
import { demoConfig } from './demo/demo-config';
import { serveDemoFeeds } from './demo/serve-demo-feeds';
import { releaseDemoDigests } from './demo/demo-resend';
import { startLocalDynamo } from './dynamo-server';
import { startMailServer } from './mail-server';
import { startScheduler } from './scheduler';
import { buildCaptureDeps, buildEvidenceStore, buildPageCapturer, LOCAL_EVIDENCE_BUCKET } from '../app/build-capture-deps';
import { captureMention } from '../app/capture-mention';
import { startLocalCaptureQueue } from './capture-queue';
import { startLocalS3 } from './s3-server';

export interface LocalStack {
  webUrl: string;
  mailViewerUrl?: string;
  dynamoEndpoint: string;
  sesEndpoint: string;
  /** The evidence store (page captures): embedded s3rver on DATA_DIR, or S3_ENDPOINT. */
  s3Endpoint: string;
  deps: AppDeps;
  /** With --demo: the demo sign-in accounts and their password (print them). */
  demoUsers?: DemoUsers;
  /** With --demo: where the sample feeds are served (the CLI needs it in FEED_ALLOW_HOSTS). */
  demoFeedHost?: string;
  /** With --demo on data that already held the demo: the demo's own digest records released to send again. */
  demoResent?: { digests: number; mentions: number };
  stop(): Promise<void>;
}

export interface LocalStackOptions {
  env: Env;
  demo?: boolean;
  /** Run the in-process scheduler (off in tests that drive the use cases themselves). */
  schedule?: boolean;
  log: Logger;
  host?: string;
}

/**
 * Everything `npm start` runs in one process: dynalite on DATA_DIR, the local SES server, the web app and
 * the scheduler, wired to the same use cases as the Lambdas. Endpoints already given in the environment
 * (DYNAMODB_ENDPOINT / SES_ENDPOINT) are used instead of starting embedded servers.
 */
export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const { env, log } = options;
  const host = options.host ?? '127.0.0.1';
  const stops: (() => Promise<void> | void)[] = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop();
  };
  try {
    let dynamoEndpoint = env.DYNAMODB_ENDPOINT;
    let lock: ReturnType<typeof acquireDataDirLock> | undefined;
    if (!dynamoEndpoint) {
      lock = acquireDataDirLock(env.DATA_DIR, { command: 'npm start' });
      stops.push(() => lock?.release());
      const dynamo = await startLocalDynamo({ port: env.DYNAMODB_PORT, host, dataDir: env.DATA_DIR });
      stops.push(() => dynamo.stop());
      dynamoEndpoint = dynamo.endpoint;
    }
    let mailViewerUrl: string | undefined;
    const sesEndpoint =
      env.SES_ENDPOINT ??
      (await (async () => {
        const mail = await startMailServer({ port: env.MAIL_PORT, host });
        stops.push(() => mail.stop());
        mailViewerUrl = mail.viewerUrl;
        return mail.endpoint;
      })());

    const s3Endpoint =
      env.S3_ENDPOINT ??
      (await (async () => {
        const s3 = await startLocalS3({ dataDir: env.DATA_DIR, port: env.S3_PORT, host, bucket: env.EVIDENCE_BUCKET ?? LOCAL_EVIDENCE_BUCKET });
        stops.push(() => s3.stop());
        return s3.endpoint;
      })());

    const allowHosts = [...env.FEED_ALLOW_HOSTS];
    let demoFeeds: Awaited<ReturnType<typeof serveDemoFeeds>> | undefined;
    if (options.demo) {
      demoFeeds = await serveDemoFeeds({ port: env.DEMO_FEED_PORT });
      stops.push(() => demoFeeds!.stop());
      allowHosts.push(demoFeeds.hostPort);
    }

    const client = createDynamoClient({ region: env.AWS_REGION, endpoint: dynamoEndpoint });
    stops.push(() => client.destroy());
    await ensureTable(client, env.TABLE_NAME);
    // A store written before 0.5 gets the unreviewed index here (the embedded table is rebuilt; see `cli migrate`).
    // Finished schools are skipped after one read each, so a store already migrated starts as before.
    await ensureIndexes({ client, tableName: env.TABLE_NAME, mode: env.DYNAMODB_ENDPOINT ? 'endpoint' : 'embedded' }, (line) => log.info(`migrate: ${line}`));
    const store = createStore(client, env.TABLE_NAME);
    // Schools with nothing to do (finished earlier, or with no mentions) are not logged, so a migrated store starts quietly.
    const quiet: readonly BackfillLine[] = ['done-earlier', 'no-mentions'];
    await backfillUnreviewedIndex({ store, clock: () => new Date() }, { say: (line, kind) => (quiet.includes(kind) ? undefined : log.info(`migrate: ${line}`)) });
    const webBaseUrl = env.WEB_BASE_URL ?? `http://localhost:${env.PORT}`;
    const deps = buildDeps(
      { ...env, DYNAMODB_ENDPOINT: dynamoEndpoint, SES_ENDPOINT: sesEndpoint, FEED_ALLOW_HOSTS: allowHosts, WEB_BASE_URL: webBaseUrl },
      { store, log },
    );
    // Page captures run in this process, one at a time, through the same use case as the capture Lambda.
    deps.evidence = buildEvidenceStore({ ...env, S3_ENDPOINT: s3Endpoint });
    const capturer = buildPageCapturer({ ...env, FEED_ALLOW_HOSTS: allowHosts }, deps);
    stops.push(() => capturer.close());
    const captureDeps = buildCaptureDeps(deps, deps.evidence, capturer);
    const captureQueue = startLocalCaptureQueue((job) => captureMention(captureDeps, job), log);
    stops.push(() => captureQueue.stop());
    deps.captureQueue = captureQueue;

    const webApp = createWebApp({ store: deps.store, auth: await createLocalAuth(deps.store), log, publicOrigin: env.WEB_BASE_URL, fetcher: deps.fetcher, evidence: deps.evidence, gias: deps.gias });
    const server: ServerType = serve({ fetch: webApp.fetch, port: env.PORT, hostname: host });
    await listening(server, { port: env.PORT, variable: 'PORT', name: 'Web' });
    stops.push(() => new Promise<void>((r) => server.close(() => r())));
    const webPort = (server.address() as AddressInfo).port;
    const webUrl = `http://localhost:${webPort}`;
    lock?.update({ dynamodbEndpoint: dynamoEndpoint, sesEndpoint, webUrl });

    let demoUsers: DemoUsers | undefined;
    let demoResent: LocalStack['demoResent'];
    if (demoFeeds) {
      const config = demoConfig(demoFeeds.baseUrl, { ofsted: true });
      const demoTrust = config.trusts[0]!;
      // A restart on the same data: release the demo's own digest records so its digests show again.
      const released = await releaseDemoDigests(deps.store, demoTrust.id, demoTrust.schools.map((s) => s.id));
      if (released.digests > 0) {
        demoResent = released;
        log.info(`demo re-send: released ${released.digests} demo digest record(s) and ${released.mentions} demo mention mark(s) so the demo digests are sent again (demo trust only)`);
      }
      const summary = await importConfig(deps, config);
      log.info(`demo trust loaded (${summary.created} created, ${summary.updated} updated, ${summary.unchanged} unchanged)`);
      demoUsers = await seedDemoUsers(deps);
      const { polls: polled } = await pollAndAlert(deps, { all: true });
      log.info(`demo poll: ${polled.length} feed(s), ${polled.reduce((n, r) => n + r.flagged, 0)} flagged item(s), ${polled.reduce((n, r) => n + r.stored, 0)} new`);
      for (const d of await sendDigests(deps, { force: true })) log.info(`demo digest for ${d.schoolId}: ${d.outcome} (${d.mentions} mention(s))`);
    }
    if (options.schedule !== false) {
      const scheduler = startScheduler(deps);
      stops.push(() => scheduler.stop());
      void scheduler.tick();
    }
    return { webUrl, mailViewerUrl, dynamoEndpoint, sesEndpoint, s3Endpoint, deps, demoUsers, demoFeedHost: demoFeeds?.hostPort, demoResent, stop: stopAll };
  } catch (err) {
    await stopAll();
    throw err;
  }
}
