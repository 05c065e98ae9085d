import { isIP } from 'node:net';
import { buildConnector } from 'undici';
import { blockedAddressError, blockedReason, hostPortKey } from './address-guard';
import { FeedError } from './errors';

export interface ResolvedAddress {
  address: string;
  family: number;
}

export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

/**
 * Wraps undici's connector so every new connection goes to an address we resolved and checked
 * ourselves (the DNS answer the guard saw is the address dialled, which defeats DNS rebinding),
 * then re-checks the socket's actual remote address before any byte of the request is sent.
 */
export function guardedConnector(
  allowHosts: ReadonlySet<string>,
  lookup: Resolver,
  connectTimeoutMs: number,
): buildConnector.connector {
  const base = buildConnector({ timeout: connectTimeoutMs });
  return (opts, callback) => {
    const port = Number(opts.port) || (opts.protocol === 'https:' ? 443 : 80);
    const target = `${opts.protocol}//${hostPortKey(opts.hostname, port)}`;
    const allowed = allowHosts.has(hostPortKey(opts.hostname, port));

    const pickAddress = async (): Promise<string> => {
      if (isIP(opts.hostname)) {
        const reason = allowed ? undefined : blockedReason(opts.hostname);
        if (reason) throw blockedAddressError(target, opts.hostname, reason);
        return opts.hostname;
      }
      const answers = await lookup(opts.hostname);
      if (answers.length === 0) throw new FeedError('network', `${opts.hostname} has no DNS address. Check the feed address is spelled correctly.`, { url: target });
      if (allowed) return answers[0]!.address;
      const safe = answers.find((a) => blockedReason(a.address) === undefined);
      if (!safe) {
        const first = answers[0]!;
        throw blockedAddressError(target, `${first.address} (from DNS for ${opts.hostname})`, blockedReason(first.address)!);
      }
      return safe.address;
    };

    // undici cannot abort a connector that is still resolving, so DNS gets its own deadline.
    withTimeout(pickAddress(), connectTimeoutMs, () => new FeedError('timeout', `DNS lookup for ${opts.hostname} took longer than ${connectTimeoutMs} ms.`, { url: target })).then(
      (address) => {
        // `host` stays the original name, so TLS SNI and certificate checks still use it.
        base({ ...opts, hostname: address }, (err, socket) => {
          if (err || !socket) return callback(err ?? new Error('connect failed'), null);
          const remote = socket.remoteAddress;
          const reason = allowed ? undefined : remote === undefined ? 'not an IP address' : blockedReason(remote);
          if (reason) {
            socket.destroy();
            return callback(blockedAddressError(target, remote ?? 'an unknown address', reason), null);
          }
          callback(null, socket);
        });
      },
      (err: unknown) => callback(err instanceof Error ? err : new Error(String(err)), null),
    );
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

