import { z } from 'zod';
import { fieldMessage } from './messages';

/** A bad environment variable: the message names the variable, what was wrong and what to set. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

// 0 asks the OS for a free port (tests).
const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);
const optionalUrl = z.string().url('must be a full URL such as http://127.0.0.1:8000').optional();

/**
 * Every environment variable Schoolwatch reads, in one place.
 * Lambdas get TABLE_NAME (+ QUEUE_URL / MAIL_FROM) from the constructs that wire them;
 * `npm start` and the CLI fall back to embedded local servers.
 */
export const EnvSchema = z.object({
  /** `aws`: the CLI talks to DynamoDB and SES in AWS (credentials from the usual AWS chain) instead of embedded local servers. */
  SCHOOLWATCH_TARGET: z.enum(['local', 'aws'], { message: 'must be "local" (embedded servers, the default) or "aws"' }).default('local'),
  TABLE_NAME: z.string().min(3).max(255).default('schoolwatch'),
  AWS_REGION: z.string().min(1).default('eu-west-2'),
  DYNAMODB_ENDPOINT: optionalUrl,
  SES_ENDPOINT: optionalUrl,
  QUEUE_URL: optionalUrl,
  MAIL_FROM: z.string().min(3).default('Schoolwatch <digest@schoolwatch.local>'),
  WEB_BASE_URL: optionalUrl,
  DATA_DIR: z.string().min(1).default('.schoolwatch'),
  PORT: port(3000),
  MAIL_PORT: port(8005),
  DYNAMODB_PORT: port(8004),
  /** `npm start`: the loopback port of the embedded S3-compatible evidence store (page captures). */
  S3_PORT: port(8007),
  /** `npm start -- --demo`: the loopback port the sample feeds are served on (fixed, so a restart finds the same feed addresses). */
  DEMO_FEED_PORT: port(8006),
  FEED_ALLOW_HOSTS: z
    .string()
    .default('')
    .transform((s) => s.split(',').map((h) => h.trim()).filter(Boolean))
    .pipe(z.array(z.string().regex(/^[^\s:/]+:\d{1,5}$/, 'each entry must be host:port, e.g. 127.0.0.1:8080'))),
  FEED_USER_AGENT: z.string().default('Schoolwatch/0.1 (+https://github.com/schoolwatch; school mention monitor)'),
  /** Set on the web Lambda by the stack's Auth construct; tokens are verified against this pool and client. */
  COGNITO_USER_POOL_ID: z.string().regex(/^[\w-]+_[0-9a-zA-Z]+$/, 'must look like eu-west-2_AbC123').optional(),
  COGNITO_CLIENT_ID: z.string().min(1).optional(),
  COGNITO_DOMAIN: optionalUrl,
  /** Evidence bucket (page captures), set on the Lambdas by the stack. Locally `npm start` and the CLI run an embedded S3 server (bucket `schoolwatch-evidence` unless set). */
  EVIDENCE_BUCKET: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be an S3 bucket name (lower-case letters, digits, dots, hyphens)').optional(),
  /** An S3-compatible endpoint for evidence (e.g. a running `npm start`'s); unset in AWS. */
  S3_ENDPOINT: optionalUrl,
  /** SQS queue of page-capture jobs (set on the poll Lambda by the stack); locally captures run in-process. */
  CAPTURE_QUEUE_URL: optionalUrl,
  POLL_INTERVAL_MINUTES: z.coerce.number().int().min(1).max(1440).default(30),
  /** GIAS (school register) index bucket, set on the Lambdas by the stack; unset locally, where the index is DATA_DIR/gias/index.jsonl.gz. */
  GIAS_BUCKET: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be an S3 bucket name (lower-case letters, digits, dots, hyphens)').optional(),
  /** Where the weekly refresh downloads the all-establishments extract; {date} becomes YYYYMMDD. */
  GIAS_EXTRACT_URL: z
    .string()
    .url('must be a full URL such as https://ea-edubase-api-prod.azurewebsites.net/edubase/downloads/public/edubasealldata{date}.csv')
    .default('https://ea-edubase-api-prod.azurewebsites.net/edubase/downloads/public/edubasealldata{date}.csv'),
  /** Download cap for the extract (the real file is ~60 MB). */
  GIAS_MAX_MB: z.coerce.number().int().min(1).max(1024).default(200),
  /** Deadline for downloading and indexing the extract. */
  GIAS_TIMEOUT_SECONDS: z.coerce.number().int().min(5).max(900).default(600),
});
export type Env = z.infer<typeof EnvSchema>;

export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = EnvSchema.safeParse(Object.fromEntries(Object.entries(source).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${String(i.path[0])} ${fieldMessage(i, EnvSchema).replace(/^(?!must |is |are |needs |can )/, ': ')} (got ${JSON.stringify(source[String(i.path[0])])})`.replace(' : ', ': '));
    throw new ConfigError(`Invalid environment:\n${lines.join('\n')}\nFix or unset these variables and try again.`);
  }
  return parsed.data;
}
