import type { Env } from '../config/env';
import type { LocalStack } from './stack';

/**
 * What `npm start` prints once everything listens. The README shows this banner for sample values
 * (test/unit/start-banner.test.ts keeps the two the same).
 */
export function startBanner(
  stack: Pick<LocalStack, 'webUrl' | 'mailViewerUrl' | 'dynamoEndpoint' | 'sesEndpoint' | 's3Endpoint' | 'demoUsers' | 'demoFeedHost' | 'demoResent'>,
  env: Pick<Env, 'DATA_DIR' | 'FEED_ALLOW_HOSTS'>,
): string {
  const allow = [...env.FEED_ALLOW_HOSTS, ...(stack.demoFeedHost ? [stack.demoFeedHost] : [])];
  const cliEnv = [`DYNAMODB_ENDPOINT=${stack.dynamoEndpoint}`, `SES_ENDPOINT=${stack.sesEndpoint}`, `S3_ENDPOINT=${stack.s3Endpoint}`, ...(allow.length ? [`FEED_ALLOW_HOSTS=${allow.join(',')}`] : [])];
  const lines = [
    'Schoolwatch is running.',
    `  Web app:          ${stack.webUrl}/`,
    `  Mail viewer:      ${stack.mailViewerUrl ?? `(external SES endpoint ${stack.sesEndpoint})`}`,
    `  DynamoDB:         ${stack.dynamoEndpoint}  (data in ${env.DATA_DIR})`,
    `  SES endpoint:     ${stack.sesEndpoint}`,
    `  Evidence (S3):    ${stack.s3Endpoint}  (page captures; data in ${env.DATA_DIR}/s3)`,
  ];
  if (stack.demoFeedHost) lines.push(`  Demo feeds:       http://${stack.demoFeedHost}/  (DEMO_FEED_PORT)`);
  if (stack.demoUsers) {
    lines.push(`Demo sign-in (password for this run, made up at start and stored only as a hash: ${stack.demoUsers.password}):`);
    for (const u of stack.demoUsers.users) lines.push(`  ${u.email.padEnd(32)} ${u.role}${u.schoolId ? ` (${u.schoolId})` : ''}`);
  } else {
    lines.push('Sign in with a user you added: npm run -s cli -- user add EMAIL --role admin --trust TRUST');
  }
  if (stack.demoResent) lines.push('Demo digests sent again: this restart released the demo trust’s own digest records (real schools are never re-sent).');
  lines.push('Use the CLI against this stack with:', `  ${cliEnv.join(' ')} npm run -s cli -- --help`, 'Press Ctrl+C to stop.');
  return lines.join('\n');
}
