/**
 * STUB (evidence-infra branch) so functions/capture.ts typechecks before the capture engineer's module lands.
 * The real lib/app/capture-mention.ts (capture branch) replaces this file whole at merge: take theirs.
 * Contract: `captureMention(deps, job)`; `CaptureJob` is also the capture queue's SQS message body (JSON).
 */
import type { Browser } from 'playwright-core';
import type { S3Client } from '@aws-sdk/client-s3';
import { z } from 'zod';
import type { FeedFetcher } from '../feeds/types';
import type { Store } from '../store';
import type { Logger } from './deps';

export const CaptureJob = z.object({
  trustId: z.string().min(1),
  schoolId: z.string().min(1),
  mentionId: z.string().min(1),
  url: z.string().url(),
});
export type CaptureJob = z.infer<typeof CaptureJob>;

export interface CaptureDeps {
  store: Store;
  fetcher: FeedFetcher;
  launch: () => Promise<Browser>;
  s3: S3Client;
  bucket: string;
  clock: () => Date;
  newId: () => string;
  log: Logger;
}

export class CaptureNotAvailableError extends Error {
  override readonly name = 'CaptureNotAvailableError';
}

export async function captureMention(_deps: CaptureDeps, job: CaptureJob): Promise<{ outcome: string }> {
  throw new CaptureNotAvailableError(`Capture of ${job.url} is not available in this build: lib/app/capture-mention.ts is a stub until the capture code is merged.`);
}
