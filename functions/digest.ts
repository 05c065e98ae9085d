import { randomUUID } from 'node:crypto';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { purgeExpired } from '../lib/app/retention';
import { buildEvidenceStore } from '../lib/app/build-evidence-store';
import { sendDigests } from '../lib/app/send-digests';
import { createSesMailer } from '../lib/digest/ses-mailer';
import { lambdaRuntime, settingsFrom } from './runtime';

const { env, store, log, metrics } = lambdaRuntime();
const deps = { store, log, mailer: createSesMailer({ region: env.AWS_REGION, endpoint: env.SES_ENDPOINT }), settings: settingsFrom(env), clock: () => new Date(), newId: randomUUID, evidence: env.EVIDENCE_BUCKET ? buildEvidenceStore(env) : undefined };

/** The hourly run that also enforces retention, once a day, in a quiet hour. */
const PURGE_HOUR_UTC = 3;

/** Hourly schedule → send the digests of the schools whose local digest hour has come. */
export const handler = async () => {
  if (deps.clock().getUTCHours() === PURGE_HOUR_UTC) await purgeExpired(deps);
  const results = await sendDigests(deps);
  // An unknown outcome is not resent (it may have been delivered) but needs a person: it raises the alarm like a failure.
  const failed = results.filter((r) => r.outcome === 'failed' || r.outcome === 'unknown');
  const sent = results.filter((r) => r.outcome === 'sent').length;
  log.info('digest run', { schools: results.length, sent, failed: failed.length });
  metrics.addMetric('DigestsSent', MetricUnit.Count, sent);
  metrics.addMetric('DigestsFailed', MetricUnit.Count, failed.length);
  metrics.publishStoredMetrics();
  // A failed send stays claimed and is retried next hour; failing the invocation raises the alarm meanwhile.
  if (failed.length > 0) throw new Error(`Digest sending failed for ${failed.map((f) => f.schoolId).join(', ')}`);
  return results;
};
