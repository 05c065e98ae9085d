#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { consoleLogger } from '../lib/app/deps';
import { loadEnv } from '../lib/config/env';
import { startBanner } from '../lib/local/banner';
import { startLocalStack } from '../lib/local/stack';

// The local tools support Node 20.19+; the SDK's Node 22 advisory is for the Lambda runtime, which is on 22+.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const HELP = `Usage: npm start [-- --demo]

Starts Schoolwatch locally in one process: DynamoDB (dynalite, data in DATA_DIR), a local SES mail server
with a web viewer, the web app and a scheduler that polls feeds and sends digests. No AWS account needed.

  --demo     load a demo trust whose feeds are sample files served on loopback, poll them at once
             and send the digests, so flagged mentions and a digest appear within a minute.

             Restarting with --demo on the same data sends the demo digests again (the demo
             releases only its own digest records; real schools are never re-sent).

Environment: PORT (3000), MAIL_PORT (8005), DYNAMODB_PORT (8004), S3_PORT (8007), DEMO_FEED_PORT (8006), DATA_DIR
(.schoolwatch), DYNAMODB_ENDPOINT / SES_ENDPOINT (use running servers instead of embedded ones),
FEED_ALLOW_HOSTS. A port already in use is reported with the variable to change.`;

async function main() {
  const { values } = parseArgs({ options: { demo: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) return console.log(HELP);
  const env = loadEnv();
  const log = consoleLogger();
  console.log('Starting Schoolwatch…');
  const stack = await startLocalStack({ env, demo: values.demo, log });
  console.log(`\n${startBanner(stack, env)}`);
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
