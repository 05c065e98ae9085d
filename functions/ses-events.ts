import type { SNSEvent } from 'aws-lambda';
import { MailEventError, recordMailEvent } from '../lib/app/mail-events';
import { lambdaRuntime } from './runtime';

const { store, log } = lambdaRuntime();
const deps = { store, log, clock: () => new Date() };

/**
 * SES configuration set → SNS → here: permanent bounces and complaints suppress the address.
 * A message that is not an SES event is logged and dropped (a retry cannot fix it); a store failure
 * throws, so Lambda retries the whole event (recording is idempotent).
 */
export const handler = async (event: SNSEvent) => {
  const results = [];
  for (const record of event.Records) {
    try {
      results.push(await recordMailEvent(deps, record.Sns.Message));
    } catch (err) {
      if (!(err instanceof MailEventError)) throw err;
      log.error('SES event not recorded', { snsMessageId: record.Sns.MessageId, error: err.message });
      results.push({ kind: 'invalid' as const, error: err.message });
    }
  }
  return results;
};
