import { fileURLToPath } from 'node:url';
import { App, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ContextError, parseContext } from './context';
import { SchoolwatchStack } from './stack';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));

/** Builds the app; used by `cdk synth/deploy` (via cdk.json) and by the infra tests. */
export function buildApp(app: App = new App(), { withNag = true }: { withNag?: boolean } = {}): { app: App; stack: SchoolwatchStack } {
  const config = parseContext((key) => app.node.tryGetContext(key), Object.keys(app.node.getAllContext() as Record<string, unknown>));
  const stack = new SchoolwatchStack(app, config.stackName, {
    // No credentials (offline synth): a placeholder account. With credentials the CLI sets CDK_DEFAULT_ACCOUNT.
    // The region never follows the CLI profile: personal data stays where the trust chose (-c region=...).
    env: { account: config.account ?? process.env.CDK_DEFAULT_ACCOUNT ?? '111111111111', region: config.region },
    description: 'Schoolwatch: public-mention monitor for schools (feeds, flagged mentions, digests, web app)',
    config,
    projectRoot,
    terminationProtection: config.deletionProtection,
  });
  Tags.of(stack).add('project', 'schoolwatch');
  // cdk-nag v3 is a policy-validation plugin: findings fail `cdk synth`; acknowledgements are in infra/nag.ts.
  if (withNag) Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true, writeSuppressionsToCloudFormation: true }));
  return { app, stack };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    buildApp().app.synth();
  } catch (err) {
    if (err instanceof ContextError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
}
