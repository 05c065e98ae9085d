import type { AddressInfo } from 'node:net';
import { listening } from './listen';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import type { Server } from 'node:http';
import { assertLoopbackBind, guardLoopback } from './loopback-guard';

const require = createRequire(import.meta.url);

export interface LocalDynamo {
  endpoint: string;
  stop(): Promise<void>;
}

/**
 * Starts dynalite (the DynamoDB API over LevelDB) in this process, on loopback, behind the loopback guard
 * (no web page can reach it).
 * `dataDir` keeps the data on disk; omit it for an in-memory store (tests).
 */
export async function startLocalDynamo(options: { port?: number; host?: string; dataDir?: string } = {}): Promise<LocalDynamo> {
  const dynalite = require('dynalite') as (opts: Record<string, unknown>) => Server;
  const host = options.host ?? '127.0.0.1';
  assertLoopbackBind(host, 'The embedded DynamoDB', 'host');
  const server = dynalite({
    path: options.dataDir ? join(resolve(options.dataDir), 'dynamodb') : undefined,
    createTableMs: 0,
    deleteTableMs: 0,
    updateTableMs: 0,
  });
  guardLoopback(server, { name: 'the embedded DynamoDB' });
  const ready = listening(server, { port: options.port ?? 0, variable: 'DYNAMODB_PORT', name: 'DynamoDB' });
  server.listen(options.port ?? 0, host);
  await ready;
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://${host}:${port}`,
    stop: () =>
      new Promise<void>((res) => {
        server.closeAllConnections?.();
        server.close(() => res());
      }),
  };
}
