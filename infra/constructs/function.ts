import * as path from 'node:path';
import { Duration, RemovalPolicy, Size } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { LogLevel, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { copyModulesCommands } from './node-modules';

/** Newest Node.js runtime this aws-cdk-lib knows (nodejs22.x is the floor; 20.x is deprecated). */
export const RUNTIME = lambda.Runtime.NODEJS_24_X;

/** Gives bundled ESM a CommonJS `require` for the few dependencies that still call it. */
const ESM_REQUIRE_BANNER = "import { createRequire as __swCreateRequire } from 'node:module'; const require = __swCreateRequire(import.meta.url);";

export interface AppFunctionProps {
  /** Repository root (holds package.json, package-lock.json and functions/). */
  readonly projectRoot: string;
  /** Entry file relative to projectRoot, e.g. `functions/poll.ts`; must `export const handler`. */
  readonly entry: string;
  readonly description: string;
  readonly memorySize: number;
  readonly timeout: Duration;
  readonly logRetention: logs.RetentionDays;
  /** Default arm64. A function shipping a native binary built for x86_64 only (the npm Chromium) says so. */
  readonly architecture?: lambda.Architecture;
  /**
   * Packages left out of the bundle and shipped as files in the asset's node_modules, with their run-time
   * dependencies (e.g. `@sparticuz/chromium`, which finds its Brotli binaries relative to its own files).
   */
  readonly shipModules?: readonly string[];
  /** /tmp size (Lambda default 512 MB). */
  readonly ephemeralStorage?: Size;
  /** Reserved concurrency: the most instances that may ever run at once (a cost cap). */
  readonly reservedConcurrentExecutions?: number;
}

/**
 * One Lambda: NodejsFunction bundled by the local esbuild (never Docker) to minified ESM with source maps,
 * arm64 (unless the function says otherwise) on the newest Node runtime, its own role (no managed policies) and an explicit log group with
 * retention. Environment variables beyond POWERTOOLS_SERVICE_NAME come only from the connect/grant calls
 * of the resource constructs, so a function has exactly the variables its resources give it.
 */
export class AppFunction extends Construct {
  readonly fn: NodejsFunction;
  readonly role: iam.Role;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: AppFunctionProps) {
    super(scope, id);
    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role for ${id}`,
    });
    // Only CreateLogStream/PutLogEvents on this function's own log group (no AWSLambdaBasicExecutionRole).
    this.logGroup.grantWrite(this.role);

    this.fn = new NodejsFunction(this, 'Function', {
      entry: path.join(props.projectRoot, props.entry),
      handler: 'handler',
      projectRoot: props.projectRoot,
      depsLockFilePath: path.join(props.projectRoot, 'package-lock.json'),
      runtime: RUNTIME,
      architecture: props.architecture ?? lambda.Architecture.ARM_64,
      ephemeralStorageSize: props.ephemeralStorage,
      reservedConcurrentExecutions: props.reservedConcurrentExecutions,
      description: props.description,
      memorySize: props.memorySize,
      timeout: props.timeout,
      role: this.role,
      logGroup: this.logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      applicationLogLevelV2: lambda.ApplicationLogLevel.INFO,
      systemLogLevelV2: lambda.SystemLogLevel.WARN,
      // Source maps are useless unless Node applies them to stack traces.
      environment: { POWERTOOLS_SERVICE_NAME: 'schoolwatch', NODE_OPTIONS: '--enable-source-maps' },
      bundling: {
        forceDockerBundling: false,
        format: OutputFormat.ESM,
        mainFields: ['module', 'main'],
        banner: ESM_REQUIRE_BANNER,
        minify: true,
        logLevel: LogLevel.ERROR,
        sourceMap: true,
        sourcesContent: false,
        // The Node.js runtime ships AWS SDK v3; bundling it would add megabytes per function.
        externalModules: ['@aws-sdk/*', ...(props.shipModules ?? [])],
        ...(props.shipModules?.length ? {
          commandHooks: {
            beforeBundling: () => [],
            beforeInstall: () => [],
            afterBundling: (_inputDir: string, outputDir: string) => copyModulesCommands(props.projectRoot, outputDir, props.shipModules!),
          },
        } : {}),
      },
    });
    // The role's log permissions must exist before the function writes its first line.
    this.fn.node.addDependency(this.role);
  }
}
