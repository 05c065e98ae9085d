import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { z } from 'zod';
import type { CaptureJob, CaptureQueue } from '../app/capture-mention';

const id = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/);
/** A capture job on the wire (the capture queue's message body), checked when the capture worker receives it. */
export const CaptureJobMessage = z.object({ trustId: id, schoolId: id, mentionId: id, url: z.string().url() });

export function parseCaptureJob(body: string): CaptureJob {
  return CaptureJobMessage.parse(JSON.parse(body));
}

/** The one SQS call made (SQSClient satisfies it). */
export interface SqsMessageSender {
  send(command: SendMessageCommand): Promise<unknown>;
}

/** Capture jobs to SQS (CAPTURE_QUEUE_URL), one message per flagged mention. */
export function createSqsCaptureQueue(options: { queueUrl: string; client?: SqsMessageSender; region?: string }): CaptureQueue {
  const client: SqsMessageSender = options.client ?? new SQSClient({ region: options.region });
  return {
    async enqueue(job) {
      await client.send(new SendMessageCommand({ QueueUrl: options.queueUrl, MessageBody: JSON.stringify(CaptureJobMessage.parse(job)) }));
    },
  };
}
