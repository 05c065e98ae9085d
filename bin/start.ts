#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { consoleLogger } from '../lib/app/deps';
import { loadEnv } from '../lib/config/env';
import { startLocalStack } from '../lib/local/stack';

// The local tools support Node 20.19+; the SDK's Node 22 advisory is for the Lambda runtime, which is on 22+.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const HELP = `Usage: npm start [-- --demo]

Starts Schoolwatch locally in one process: DynamoDB (dynalite, data in DATA_DIR), a local SES mail server
with a web viewer, the web app and a scheduler that polls feeds and sends digests. No AWS account needed.

  --demo     load a demo trust whose feeds are sample files served on loopback, poll them at once
             and send the digests, so flagged mentions and a digest appear within a minute.

Environment: PORT (3000), MAIL_PORT (8005), DYNAMODB_PORT (8004), DATA_DIR (.schoolwatch),
DYNAMODB_ENDPOINT / SES_ENDPOINT (use running servers instead of embedded ones), FEED_ALLOW_HOSTS.`;

async function main() {
  const { values } = parseArgs({ options: { demo: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) return console.log(HELP);
  const env = loadEnv();
  const log = consoleLogger();
  console.log('Starting Schoolwatch…');
  const stack = await startLocalStack({ env, demo: values.demo, log });
  console.log(`
Schoolwatch is running.
  Web app:          ${stack.webUrl}/mentions
  Mail viewer:      ${stack.mailViewerUrl ?? `(external SES endpoint ${stack.sesEndpoint})`}
  DynamoDB:         ${stack.dynamoEndpoint}  (data in ${env.DATA_DIR})
  SES endpoint:     ${stack.sesEndpoint}
  Evidence (S3):    ${stack.s3Endpoint}  (page captures; data in ${env.DATA_DIR}/s3)
${stack.demoUsers ? `Demo sign-in (password for this run: ${stack.demoUsers.password}):\n${stack.demoUsers.users.map((u) => `  ${u.email.padEnd(32)} ${u.role}${u.schoolId ? ` (${u.schoolId})` : ''}`).join('\n')}\n` : `Sign in with a user you added: npm run -s cli -- user add EMAIL --role admin --trust TRUST\n`}Use the CLI against this stack with:
  DYNAMODB_ENDPOINT=${stack.dynamoEndpoint} SES_ENDPOINT=${stack.sesEndpoint} S3_ENDPOINT=${stack.s3Endpoint} npm run -s cli -- --help
Press Ctrl+C to stop.`);
  const shutdown = async () => {
    console.log('\nStopping…');
    await stack.stop();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((err: Error) => {
  console.error(`Schoolwatch could not start: ${err.message}`);
  process.exit(1);
});
