import { z } from 'zod';

/** A bad `-c key=value` (or cdk.json context entry): the message names the key and shows an example. */
export class ContextError extends Error {
  override readonly name = 'ContextError';
}

/** CloudWatch Logs accepts only these retention periods (days). */
export const LOG_RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653] as const;

const EMAIL = /^[^\s@<>]+@([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+)$/i;
const DOMAIN = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/i;

/** `-c flag=false` arrives as a string; cdk.json gives a real boolean. */
const bool = z.union([z.boolean(), z.enum(['true', 'false']).transform((s) => s === 'true')]);

/** One entry per context key; `example` is what the error message suggests. */
const KEYS = {
  account: { example: '-c account=123456789012', schema: z.string().regex(/^\d{12}$/, 'must be a 12-digit AWS account id').optional() },
  region: { example: '-c region=eu-west-2', schema: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'must be an AWS region such as eu-west-2').default('eu-west-2') },
  stackName: { example: '-c stackName=Schoolwatch', schema: z.string().regex(/^[A-Za-z][A-Za-z0-9-]{0,127}$/, 'must start with a letter and use only letters, digits and hyphens').default('Schoolwatch') },
  sender: {
    example: '-c sender=digest@trust.org.uk (an email address) or -c sender=trust.org.uk (a domain)',
    schema: z.string({ error: 'is required: the SES identity digests are sent from' }).trim().toLowerCase()
      .refine((s) => EMAIL.test(s) || DOMAIN.test(s), 'must be an email address or a domain name'),
  },
  mailFrom: {
    example: '-c mailFrom="Schoolwatch <digest@trust.org.uk>"',
    schema: z.string().trim().min(3).optional(),
  },
  pollIntervalMinutes: { example: '-c pollIntervalMinutes=30', schema: z.coerce.number({ error: 'must be a whole number of minutes' }).int('must be a whole number of minutes').min(1, 'must be at least 1').max(1440, 'must be at most 1440 (one day)').default(30) },
  opsEmail: { example: '-c opsEmail=ops@trust.org.uk', schema: z.string().trim().regex(EMAIL, 'must be an email address').optional() },
  authDomainPrefix: {
    example: '-c authDomainPrefix=meridian-schoolwatch',
    schema: z.string().trim().regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/, 'must be 1-63 lower-case letters, digits and hyphens, not starting or ending with a hyphen')
      .refine((s) => !/aws|amazon|cognito/.test(s), 'must not contain "aws", "amazon" or "cognito" (Cognito rejects them)').optional(),
  },
  webBaseUrl: { example: '-c webBaseUrl=https://schoolwatch.trust.org.uk', schema: z.url({ protocol: /^https$/, error: 'must be an https:// URL' }).transform((u) => u.replace(/\/+$/, '')).optional() },
  logRetentionDays: {
    example: '-c logRetentionDays=30',
    schema: z.coerce.number().refine((n) => (LOG_RETENTION_DAYS as readonly number[]).includes(n), `must be one of ${LOG_RETENTION_DAYS.join(', ')}`).default(30),
  },
  deletionProtection: { example: '-c deletionProtection=false', schema: bool.default(true) },
  evidenceRetentionMonths: {
    example: '-c evidenceRetentionMonths=12',
    schema: z.coerce.number({ error: 'must be a whole number of months' }).int('must be a whole number of months').min(1, 'must be at least 1')
      .max(120, 'must be at most 120 (ten years): compliance-mode retention cannot be shortened once set').default(12),
  },
  captureConcurrency: {
    example: '-c captureConcurrency=2',
    schema: z.coerce.number({ error: 'must be a whole number' }).int('must be a whole number').min(2, 'must be at least 2 (the SQS event source minimum)')
      .max(50, 'must be at most 50').default(2),
  },
} as const;

type Keys = typeof KEYS;
type Parsed = { [K in keyof Keys]: z.output<Keys[K]['schema']> };

export interface SchoolwatchContext extends Omit<Parsed, 'mailFrom'> {
  /** `Display Name <address>` used as the From header; its address is covered by the SES identity. */
  readonly mailFrom: string;
  /** true when `sender` is a whole domain (Easy DKIM records to publish), false for a single address. */
  readonly senderIsDomain: boolean;
}

export const CONTEXT_KEYS = Object.keys(KEYS) as (keyof Keys)[];

/**
 * Reads and validates every Schoolwatch context key at synth time. Throws one ContextError listing every
 * bad key, each with the `-c key=value` form to fix it. `givenKeys` (every context key set) lets it name a
 * misspelt key instead of silently using the default.
 */
export function parseContext(get: (key: string) => unknown, givenKeys: readonly string[] = []): SchoolwatchContext {
  const problems: string[] = [];
  // A near miss (`-c Sender=…`, `-c poll-interval-minutes=…`) would otherwise be silently ignored and the default used.
  const squash = (k: string) => k.toLowerCase().replace(/[-_.\s]/g, '');
  for (const given of givenKeys) {
    if ((CONTEXT_KEYS as readonly string[]).includes(given) || /[:@/]/.test(given)) continue;
    const meant = CONTEXT_KEYS.find((k) => squash(k) === squash(given));
    if (meant) problems.push(`  context "${given}" is not a Schoolwatch key (keys are case-sensitive): did you mean "${meant}"? Example: ${KEYS[meant].example}`);
  }
  const out: Record<string, unknown> = {};
  for (const key of CONTEXT_KEYS) {
    const spec = KEYS[key];
    const raw = get(key);
    const res = spec.schema.safeParse(raw === '' ? undefined : raw);
    if (res.success) out[key] = res.data;
    else problems.push(`  context "${key}" ${res.error.issues.map((i) => i.message).join('; ')} (got ${JSON.stringify(raw)}). Example: ${spec.example}`);
  }
  if (problems.length === 0) {
    const sender = out.sender as string;
    const senderIsDomain = !sender.includes('@');
    const mailFrom = (out.mailFrom as string | undefined) ?? `Schoolwatch <${senderIsDomain ? `digest@${sender}` : sender}>`;
    const address = (/<([^<>]+)>\s*$/.exec(mailFrom)?.[1] ?? mailFrom).trim().toLowerCase();
    const covered = senderIsDomain ? EMAIL.exec(address)?.[1]?.toLowerCase() === sender : address === sender;
    if (!EMAIL.test(address)) problems.push(`  context "mailFrom" must be an address or "Name <address>" (got ${JSON.stringify(mailFrom)}). Example: ${KEYS.mailFrom.example}`);
    else if (!covered) problems.push(`  context "mailFrom" address ${address} is not covered by the SES identity "${sender}": use an address ${senderIsDomain ? `@${sender}` : `equal to ${sender}`}, or change -c sender=...`);
    if (problems.length === 0) return { ...(out as Parsed), mailFrom, senderIsDomain };
  }
  throw new ContextError(`Invalid CDK context:\n${problems.join('\n')}\nPass the value with -c key=value (cdk synth/deploy) or set it under "context" in cdk.json.`);
}
