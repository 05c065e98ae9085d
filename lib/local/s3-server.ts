import { listening } from './listen';
import { assertLoopbackBind, guardLoopback } from './loopback-guard';
import { mkdirSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { mkdtempSync, rmSync } from 'node:fs';

const require = createRequire(import.meta.url);

export interface LocalS3 {
  endpoint: string;
  bucket: string;
  stop(): Promise<void>;
}

interface S3rverInstance {
  configureBuckets(): Promise<void>;
  callback(): (req: IncomingMessage, res: ServerResponse) => void;
  logger?: { close?: () => void };
}

/**
 * Starts s3rver (an S3-compatible server) in this process, its objects under `dataDir/s3` (or a temporary
 * directory removed on stop), on loopback only, behind the same guard as the
 * other local servers (no Origin, no preflight, no cross-site request, loopback Host only): a web page in the
 * user's browser must not be able to read or write evidence through it.
 */
export async function startLocalS3(options: { dataDir?: string; port?: number; host?: string; bucket?: string } = {}): Promise<LocalS3> {
  const S3rver = require('s3rver') as new (opts: Record<string, unknown>) => S3rverInstance;
  const host = options.host ?? '127.0.0.1';
  assertLoopbackBind(host, 'The local evidence store', 'host');
  const bucket = options.bucket ?? 'schoolwatch-evidence';
  const temp = options.dataDir ? undefined : mkdtempSync(join(tmpdir(), 'schoolwatch-s3-'));
  const directory = options.dataDir ? join(resolve(options.dataDir), 's3') : temp!;
  mkdirSync(directory, { recursive: true });
  const s3 = new S3rver({ directory, silent: true, configureBuckets: [{ name: bucket }], allowMismatchedSignatures: true });
  await s3.configureBuckets();
  const handle = s3.callback();
  const server = createServer(handle);
  // The same guard as the embedded DynamoDB and mail server: programs on this computer only, never a web page.
  guardLoopback(server, { name: 'the local evidence store' });
  server.listen(options.port ?? 0, host);
  await listening(server, { port: options.port ?? 0, variable: 'S3_PORT', name: 'Evidence store (S3)' });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://${host}:${port}`,
    bucket,
    stop: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => {
          s3.logger?.close?.();
          if (temp) rmSync(temp, { recursive: true, force: true });
          r();
        });
      }),
  };
}
