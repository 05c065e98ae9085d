import type { Server } from 'node:net';

/**
 * Waits for `server` to listen. A busy port becomes an error naming the environment variable to change.
 * (Racing `events.once(server, 'listening')` against the 'error' event does not work: `once` itself
 * rejects on 'error' with the bare EADDRINUSE, so the friendly message was never seen.)
 */
export function listening(server: Pick<Server, 'once' | 'off'>, what: { port: number | string; variable: string; name: string }): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const onError = (e: NodeJS.ErrnoException) =>
      reject(
        new Error(
          e.code === 'EADDRINUSE' ? `${what.name} port ${what.port} is already in use: set ${what.variable} to a free port.` : `Could not start the ${what.name.toLowerCase()} on port ${what.port}: ${e.message}`,
          { cause: e },
        ),
      );
    server.once('error', onError);
    server.once('listening', () => {
      server.off('error', onError);
      resolve();
    });
  });
}
