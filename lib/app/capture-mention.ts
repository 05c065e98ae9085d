/**
 * STUB (evidence-infra branch) so functions/capture.ts typechecks before the capture branch lands.
 * The real lib/app/capture-mention.ts (capture branch) replaces this file whole at merge: TAKE THEIRS.
 * Only the names functions/capture.ts uses, with the capture branch's signatures.
 */
import type { Logger } from './deps';

/** One page to capture for one stored mention; also the capture queue's message body (JSON). */
export interface CaptureJob {
  trustId: string;
  schoolId: string;
  mentionId: string;
  url: string;
}

export interface CaptureDeps {
  clock: () => Date;
  log: Logger;
}

export type CaptureOutcome = { outcome: 'captured' } | { outcome: 'failed'; retryAt?: string } | { outcome: 'skipped'; reason: string };

export class CaptureNotAvailableError extends Error {
  override readonly name = 'CaptureNotAvailableError';
}

export async function captureMention(_deps: CaptureDeps, job: CaptureJob): Promise<CaptureOutcome> {
  throw new CaptureNotAvailableError(`Capture of ${job.url} is not available in this build: lib/app/capture-mention.ts is a stub until the capture code is merged.`);
}
