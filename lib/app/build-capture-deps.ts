/**
 * STUB (evidence-infra branch) so functions/capture.ts typechecks before the capture branch lands.
 * The real lib/app/build-capture-deps.ts (capture branch) replaces this file whole at merge: TAKE THEIRS.
 * Same function names and parameters as the capture branch's; the return types are reduced to what is used.
 */
import { launchBrowser } from '../browser/launch';
import type { Env } from '../config/env';
import { CaptureNotAvailableError, type CaptureDeps } from './capture-mention';
import type { AppDeps } from './deps';

export interface EvidenceStore {
  list(prefix: string): Promise<string[]>;
}

export interface PageCapturer {
  /** The npm-shipped Chromium, as the real capturer launches it (so the bundle references it as the real one does). */
  launch: typeof launchBrowser;
  close(): Promise<void>;
}

export function buildEvidenceStore(_env: Pick<Env, 'EVIDENCE_BUCKET' | 'AWS_REGION'>): EvidenceStore {
  return { list: () => Promise.reject(new CaptureNotAvailableError('evidence store: stub until the capture code is merged')) };
}

export function buildPageCapturer(_env: Pick<Env, 'FEED_ALLOW_HOSTS' | 'FEED_USER_AGENT'>, _base: Pick<AppDeps, 'clock' | 'newId'>, _options: { deadlineMs?: number } = {}): PageCapturer {
  return { launch: () => launchBrowser(), close: async () => {} };
}

export function buildCaptureDeps(base: Pick<AppDeps, 'store' | 'clock' | 'log'>, _evidence: EvidenceStore, _capturer: PageCapturer): CaptureDeps {
  return { clock: base.clock, log: base.log };
}
