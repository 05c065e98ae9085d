import { once } from 'node:events';
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A loopback TCP listener that drops every connection at once, used as the capture browser's proxy.
 * Every request the page makes is answered by request interception (through the address guard), so the
 * browser never needs the network itself; anything that would bypass interception (preconnects, DNS-less
 * socket warm-ups, WebSocket or WebRTC attempts) lands here and goes nowhere.
 */
export interface Sinkhole {
  /** "http://127.0.0.1:PORT" */
  server: string;
  /** Connections dropped so far (diagnostics). */
  dropped(): number;
  close(): Promise<void>;
}

export async function startSinkhole(): Promise<Sinkhole> {
  let count = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    count++;
    socket.on('error', () => {});
    socket.destroy();
  });
  server.on('connection', (s) => sockets.add(s));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  server.unref();
  const { port } = server.address() as AddressInfo;
  return {
    server: `http://127.0.0.1:${port}`,
    dropped: () => count,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}
