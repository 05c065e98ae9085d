import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { z } from 'zod';
import type { JobQueue } from '../app/dispatch-polls';
import type { FeedJob } from '../app/plan-polls';

/** The shape of a feed job on the wire, checked when the poll worker receives it. */
export const FeedJobMessage = z.object({
  url: z.string().url(),
  urlHash: z.string().regex(/^[0-9a-f]{16,64}$/),
  schools: z.array(z.object({ trustId: z.string().min(1), schoolId: z.string().min(1) })).min(1),
});

/** Sends feed jobs to SQS, ten per request, and fails loudly if SQS refuses any of them. */
export function createSqsQueue(options: { queueUrl: string; client?: SQSClient; region?: string }): JobQueue {
  const client = options.client ?? new SQSClient({ region: options.region });
  return {
    async enqueue(jobs: FeedJob[]) {
      for (let i = 0; i < jobs.length; i += 10) {
        const batch = jobs.slice(i, i + 10);
        const res = await client.send(
          new SendMessageBatchCommand({
            QueueUrl: options.queueUrl,
            Entries: batch.map((job, n) => ({ Id: String(n), MessageBody: JSON.stringify(job) })),
          }),
        );
        if (res.Failed && res.Failed.length > 0) {
          throw new Error(`SQS refused ${res.Failed.length} feed job(s): ${res.Failed.map((f) => `${f.Code} ${f.Message ?? ''}`).join('; ')}`);
        }
      }
    },
  };
}
