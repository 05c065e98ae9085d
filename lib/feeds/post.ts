import { lookup as dnsLookup } from 'node:dns/promises';
import type { Readable } from 'node:stream';
import { Agent, request } from 'undici';
import { assertUrlAddressAllowed, effectivePort, hostPortKey, normaliseAllowHosts } from './address-guard';
import { FeedError } from './errors';
import { guardedConnector, type ResolvedAddress, type Resolver } from './guarded-connector';

/**
 * Outbound POSTs (urgent-alert webhooks) through the same guard as feed fetching: the address is resolved and
 * checked before connecting (no private, loopback or metadata addresses unless listed in `allowHosts`), a total
 * deadline, no redirects followed. Only https is accepted; plain http only to a host:port in `allowHosts`
 * (a loopback test server), so a webhook can never send evidence in clear over the internet.
 */
export interface WebhookPoster {
  post(req: { url: string; headers: Record<string, string>; body: string }): Promise<{ status: number }>;
}

export interface SafePosterOptions {
  timeoutMs?: number;
  allowHosts?: readonly string[];
  lookup?: Resolver;
  userAgent?: string;
}

export function createSafePoster(options: SafePosterOptions = {}): WebhookPoster & { close(): Promise<void> } {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const allowHosts = normaliseAllowHosts(options.allowHosts ?? []);
  const lookup = options.lookup ?? (async (h: string): Promise<ResolvedAddress[]> => dnsLookup(h, { all: true, verbatim: true }));
  const agent = new Agent({ connect: guardedConnector(allowHosts, lookup, Math.min(timeoutMs, 10_000)), headersTimeout: timeoutMs, bodyTimeout: timeoutMs });

  return {
    async post(req) {
      let url: URL;
      try {
        url = new URL(req.url);
      } catch (err) {
        throw new FeedError('bad-url', `The webhook address "${req.url}" is not a web address. Fix alertWebhook.url.`, { url: req.url }, { cause: err });
      }
      const listed = allowHosts.has(hostPortKey(url.hostname, effectivePort(url)));
      if (url.protocol !== 'https:' && !(url.protocol === 'http:' && listed)) {
        throw new FeedError('bad-url', `The webhook address ${url.href} is not https. Alerts carry evidence, so they go over https only: use the https:// address your webhook gives you.`, { url: url.href });
      }
      assertUrlAddressAllowed(url, allowHosts);
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(new FeedError('timeout', `the webhook did not answer within ${timeoutMs} ms`, { url: url.href })), timeoutMs);
      try {
        const res = await request(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'user-agent': options.userAgent ?? 'Schoolwatch/0.1 urgent alerts', ...req.headers },
          body: req.body,
          signal: controller.signal,
          dispatcher: agent,
        });
        const body = res.body as unknown as Readable;
        body.on('error', () => {});
        body.resume();
        return { status: res.statusCode };
      } catch (err) {
        if (err instanceof FeedError) throw err;
        if (controller.signal.aborted) throw new FeedError('timeout', `The webhook at ${url.host} did not answer within ${timeoutMs} ms; it may or may not have received the alert.`, { url: url.href }, { cause: err });
        throw new FeedError('network', `Could not reach the webhook at ${url.host}: ${(err as Error).message}`, { url: url.href }, { cause: err });
      } finally {
        clearTimeout(timer);
      }
    },
    async close() {
      await agent.destroy();
    },
  };
}
