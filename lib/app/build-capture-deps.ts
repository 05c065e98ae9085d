import type { Env } from '../config/env';
import { launchBrowser } from '../browser/launch';
import type { EvidenceStore } from '../evidence/evidence-store';
import { createPageCapturer, type PageCapturer } from '../evidence/page-capture';
import { createSafeFetcher } from '../feeds/fetch';
import type { CaptureDeps } from './capture-mention';
import type { AppDeps } from './deps';

export { buildEvidenceStore, LOCAL_EVIDENCE_BUCKET } from './build-evidence-store';

const MiB = 1024 * 1024;

/**
 * The page capturer every caller uses (CLI `capture`, the local worker, the capture Lambda): the production
 * guarded fetcher for the page and for everything it embeds, FEED_ALLOW_HOSTS included, and the npm-shipped
 * Chromium. Close it when done (browser + connection pools).
 */
export function buildPageCapturer(env: Pick<Env, 'FEED_ALLOW_HOSTS' | 'FEED_USER_AGENT'>, base: Pick<AppDeps, 'clock' | 'newId'>, options: { deadlineMs?: number } = {}): PageCapturer {
  const allowHosts = env.FEED_ALLOW_HOSTS;
  const fetcher = createSafeFetcher({ allowHosts, userAgent: env.FEED_USER_AGENT, timeoutMs: 15_000, maxBytes: 10 * MiB, maxRedirects: 5 });
  // Embedded resources: more at once per host (a page pulls many images from one CDN), each smaller and quicker.
  const resourceFetcher = createSafeFetcher({ allowHosts, userAgent: env.FEED_USER_AGENT, timeoutMs: 8_000, maxBytes: 5 * MiB, maxRedirects: 3, perHostConcurrency: 6 });
  const capturer = createPageCapturer({ fetcher, resourceFetcher, launch: () => launchBrowser(), clock: base.clock, newId: base.newId, deadlineMs: options.deadlineMs, userAgent: env.FEED_USER_AGENT });
  return {
    capture: capturer.capture,
    printPdf: capturer.printPdf,
    async close() {
      await capturer.close();
      await fetcher.close();
      await resourceFetcher.close();
    },
  };
}

export function buildCaptureDeps(base: Pick<AppDeps, 'store' | 'clock' | 'log'>, evidence: EvidenceStore, capturer: PageCapturer): CaptureDeps {
  return { store: base.store, evidence, capturer, clock: base.clock, log: base.log };
}
