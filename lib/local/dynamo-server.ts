import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
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
  server.listen(options.port ?? 0, host);
  await Promise.race([
    once(server, 'listening'),
    once(server, 'error').then(([err]) => {
      const e = err as NodeJS.ErrnoException;
      throw new Error(
        e.code === 'EADDRINUSE'
          ? `DynamoDB port ${options.port} is already in use: set DYNAMODB_PORT to a free port.`
          : `Could not start the local DynamoDB (dynalite): ${e.message}`,
        { cause: err },
      );
    }),
  ]);
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
