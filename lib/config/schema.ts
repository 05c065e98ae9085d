import { z } from 'zod';

/** Ids appear in DynamoDB keys and URLs, so they are kept to a safe slug alphabet. */
export const Slug = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and hyphens (e.g. "northgate-park")');

/**
 * Sizes a real trust needs, with room to spare (README, "Configuration limits"). They keep every school's stored
 * item far below DynamoDB's 400 KB limit (a school at every limit is about 100 KB), so an import is refused by
 * validation, naming the field, rather than failing half-way on a write.
 */
export const LIMITS = {
  trustsPerFile: 100,
  schoolsPerTrust: 200,
  /** Aliases, context words, exclusions: each list. */
  listItems: 50,
  /** A name, alias, context word, exclusion or scoring term. */
  nameChars: 120,
  recipients: 20,
  feeds: 20,
  urlChars: 2048,
  /** A search query of a templated feed, a feed's label. */
  queryChars: 300,
  scoringTerms: 100,
  emailChars: 254,
} as const;

const tooLong = (n: number) => `must be at most ${n} characters`;
const listAtMost = (n: number, what: string) => `list at most ${n} ${what}`;

const Term = z.string().trim().min(1, 'must not be empty').max(LIMITS.nameChars, tooLong(LIMITS.nameChars));
const Query = z.string().trim().min(1, 'must not be empty').max(LIMITS.queryChars, tooLong(LIMITS.queryChars));
const Email = z.string().max(LIMITS.emailChars, tooLong(LIMITS.emailChars)).email('must be an email address');
const Recipients = z.array(Email).max(LIMITS.recipients, listAtMost(LIMITS.recipients, 'addresses'));
const Terms = z.array(Term).max(LIMITS.listItems, listAtMost(LIMITS.listItems, 'entries'));

export const Timezone = z.string().refine(
  (tz) => {
    try {
      new Intl.DateTimeFormat('en-GB', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'is not an IANA timezone name (e.g. "Europe/London")' },
);

const HttpUrl = z
  .string()
  .max(LIMITS.urlChars, tooLong(LIMITS.urlChars))
  .url('must be a full web address starting with http:// or https://')
  .refine((u) => /^https?:\/\//i.test(u), 'must start with http:// or https://');

/** Where a school's mentions come from. Templated sources build their query from the school's watch terms. */
export const FeedSpec = z.discriminatedUnion('source', [
  z.object({ source: z.literal('rss'), url: HttpUrl, label: z.string().max(LIMITS.queryChars, tooLong(LIMITS.queryChars)).optional() }).strict(),
  z.object({ source: z.literal('google-news'), query: Query.optional() }).strict(),
  z.object({ source: z.literal('bing-news'), query: Query.optional() }).strict(),
  z.object({ source: z.literal('reddit'), query: Query.optional() }).strict(),
  z
    .object({
      source: z.literal('mastodon-tag'),
      instance: z.string().max(253, tooLong(253)).regex(/^[a-z0-9.-]+\.[a-z]{2,}$/i, 'must be a host name such as "mastodon.social"').default('mastodon.social'),
      tag: z.string().max(100, tooLong(100)).regex(/^[A-Za-z0-9_]+$/, 'letters, digits and underscores only, without the #').optional(),
    })
    .strict(),
]);
export type FeedSpec = z.infer<typeof FeedSpec>;
export type FeedSource = FeedSpec['source'];

/** Per-school scoring adjustments: extra terms to flag, words to ignore, and a score threshold. */
export const ScoringTuning = z
  .object({
    extraTerms: z.array(Term).max(LIMITS.scoringTerms, listAtMost(LIMITS.scoringTerms, 'terms')).default([]),
    ignore: z.array(Term).max(LIMITS.scoringTerms, listAtMost(LIMITS.scoringTerms, 'terms')).default([]),
    threshold: z.number().min(0).max(1).optional(),
  })
  .strict();
export type ScoringTuning = z.infer<typeof ScoringTuning>;

export const School = z
  .object({
    id: Slug,
    name: Term,
    aliases: Terms.default([]),
    context: Terms.default([]),
    exclude: Terms.default([]),
    timezone: Timezone.default('Europe/London'),
    digestHour: z.number().int().min(0).max(23).default(7),
    recipients: Recipients.default([]),
    allClear: z.boolean().default(false),
    feeds: z.array(FeedSpec).max(LIMITS.feeds, listAtMost(LIMITS.feeds, 'feeds')).default([]),
    scoring: ScoringTuning.optional(),
  })
  .strict();
export type School = z.infer<typeof School>;
export type SchoolInput = z.input<typeof School>;

/**
 * A trust central team's daily roll-up: one email per trust per local day listing every school's new hits,
 * grouped by school. `replaceSchoolDigests` stops the per-school emails (the roll-up then marks the hits sent).
 */
export const TrustRollup = z
  .object({
    recipients: Recipients.min(1, 'list at least one address to send the roll-up to'),
    replaceSchoolDigests: z.boolean().default(false),
    timezone: Timezone.default('Europe/London'),
    digestHour: z.number().int().min(0).max(23).default(7),
  })
  .strict();
export type TrustRollup = z.infer<typeof TrustRollup>;

export const Trust = z
  .object({
    id: Slug,
    name: Term,
    retentionMonths: z.number().int().min(1).max(120).default(12),
    rollup: TrustRollup.optional(),
    schools: z.array(School).max(LIMITS.schoolsPerTrust, listAtMost(LIMITS.schoolsPerTrust, 'schools in one trust')).default([]),
  })
  .strict()
  .superRefine((trust, ctx) => {
    const seen = new Set<string>();
    trust.schools.forEach((s, i) => {
      if (seen.has(s.id)) ctx.addIssue({ code: 'custom', path: ['schools', i, 'id'], message: `duplicate school id "${s.id}"` });
      seen.add(s.id);
    });
  });
export type Trust = z.infer<typeof Trust>;

export const ConfigFile = z
  .object({ trusts: z.array(Trust).max(LIMITS.trustsPerFile, listAtMost(LIMITS.trustsPerFile, 'trusts in one file')) })
  .strict()
  .superRefine((cfg, ctx) => {
    const trustIds = new Set<string>();
    const schoolIds = new Map<string, string>();
    cfg.trusts.forEach((t, ti) => {
      if (trustIds.has(t.id)) ctx.addIssue({ code: 'custom', path: ['trusts', ti, 'id'], message: `duplicate trust id "${t.id}"` });
      trustIds.add(t.id);
      t.schools.forEach((s, si) => {
        const other = schoolIds.get(s.id);
        if (other && other !== t.id)
          ctx.addIssue({ code: 'custom', path: ['trusts', ti, 'schools', si, 'id'], message: `school id "${s.id}" is already used by trust "${other}"; school ids must be unique across trusts` });
        schoolIds.set(s.id, t.id);
      });
    });
  });
export type ConfigFile = z.infer<typeof ConfigFile>;

/** A school with the trust it belongs to: the unit most use cases work on. */
export interface SchoolRef {
  trustId: string;
  school: School;
}
