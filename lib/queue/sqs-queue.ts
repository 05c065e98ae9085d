import { SendMessageBatchCommand, SQSClient, type SendMessageBatchCommandOutput } from '@aws-sdk/client-sqs';
import { z } from 'zod';
import type { JobQueue } from '../app/dispatch-polls';
import type { FeedJob } from '../app/plan-polls';

/** The shape of a feed job on the wire, checked when the poll worker receives it. */
export const FeedJobMessage = z.object({
  url: z.string().url(),
  urlHash: z.string().regex(/^[0-9a-f]{16,64}$/),
  schools: z.array(z.object({ trustId: z.string().min(1), schoolId: z.string().min(1) })).min(1),
  kind: z.literal('ofsted').optional(),
});

/** SQS takes at most ten entries per SendMessageBatch. */
export const SQS_BATCH_SIZE = 10;

/** The one SQS call the queue makes (a port, so tests can stand in for SQS; SQSClient satisfies it). */
export interface SqsSender {
  send(command: SendMessageBatchCommand): Promise<Pick<SendMessageBatchCommandOutput, 'Successful' | 'Failed'>>;
}

/** SQS refused some feed jobs. Every batch was still attempted; `failed` names the feeds that were not queued. */
export class EnqueueError extends Error {
  override readonly name = 'EnqueueError';
  constructor(
    readonly failed: { url: string; code?: string; message?: string; senderFault?: boolean }[],
    readonly total: number,
  ) {
    super(
      `SQS refused ${failed.length} of ${total} feed job(s); those feeds will be planned again at the next dispatch: ` +
        failed
          .slice(0, 5)
          .map((f) => `${f.url} (${f.code ?? 'error'}${f.message ? `: ${f.message}` : ''})`)
          .join('; ') +
        (failed.length > 5 ? `; and ${failed.length - 5} more` : ''),
    );
  }
}

/**
 * Sends feed jobs to SQS, ten per request. Every batch is attempted even if an earlier one was partly
 * refused; then, if SQS refused any job (a `Failed` entry), it throws an EnqueueError naming them, so the
 * dispatch run fails loudly (and its alarm fires) instead of silently dropping feeds.
 */
export function createSqsQueue(options: { queueUrl: string; client?: SqsSender; region?: string }): JobQueue {
  const client: SqsSender = options.client ?? new SQSClient({ region: options.region });
  return {
    async enqueue(jobs: FeedJob[]) {
      const failed: EnqueueError['failed'] = [];
      for (let i = 0; i < jobs.length; i += SQS_BATCH_SIZE) {
        const batch = jobs.slice(i, i + SQS_BATCH_SIZE);
        const res = await client.send(
          new SendMessageBatchCommand({
            QueueUrl: options.queueUrl,
            Entries: batch.map((job, n) => ({ Id: String(n), MessageBody: JSON.stringify(job) })),
          }),
        );
        for (const f of res.Failed ?? []) {
          failed.push({ url: batch[Number(f.Id)]?.url ?? `entry ${f.Id}`, code: f.Code, message: f.Message, senderFault: f.SenderFault });
        }
      }
      if (failed.length > 0) throw new EnqueueError(failed, jobs.length);
    },
  };
}
