/**
 * STUB (evidence-infra branch) so functions/capture.ts typechecks before the capture branch lands.
 * The real lib/queue/sqs-capture-queue.ts (capture branch) replaces this file whole at merge: TAKE THEIRS.
 */
import { z } from 'zod';
import type { CaptureJob } from '../app/capture-mention';

const id = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/);
/** A capture job on the wire (the capture queue's message body), checked when the capture worker receives it. */
export const CaptureJobMessage = z.object({ trustId: id, schoolId: id, mentionId: id, url: z.string().url() });

export function parseCaptureJob(body: string): CaptureJob {
  return CaptureJobMessage.parse(JSON.parse(body));
}
