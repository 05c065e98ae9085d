import { z } from 'zod';
import { CATEGORIES } from '../score/policy';
import { normaliseHost, normalisePhone } from '../score/public-facts';

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
  /** Ofsted's provider page for the school's URN (checked at most daily); `url` only for a mirror or a local test page. */
  z.object({ source: z.literal('ofsted'), url: HttpUrl.optional() }).strict(),
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

/** Threats, a named pupil with SEN/medical/safeguarding details, and shared log-ins cannot wait for the morning digest. */
export const DEFAULT_URGENT_CATEGORIES: readonly string[] = ['abuse.threat', 'confidential.pupil-personal', 'confidential.credentials'];

/**
 * What the school itself publishes (GIAS, its website): its office phone, address, postcode, website and the
 * head's name. The confidential rules never flag these for this school; a parent's or pupil's number still is.
 */
export const PublicFacts = z
  .object({
    phones: z.array(Term.refine(isUkPhone, 'must be a UK phone number such as "01632 960100" or "+44 1632 960100"')).max(LIMITS.listItems, listAtMost(LIMITS.listItems, 'entries')).default([]),
    addresses: Terms.default([]),
    postcodes: z.array(Term.regex(/^[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}$/i, 'must be a UK postcode such as "HF3 2QP"')).max(LIMITS.listItems, listAtMost(LIMITS.listItems, 'entries')).default([]),
    websites: z.array(Term.refine((v) => !/\s/.test(v) && /^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}$/.test(normaliseHost(v)), 'must be a web address such as "www.northgate.sch.uk"')).max(LIMITS.listItems, listAtMost(LIMITS.listItems, 'entries')).default([]),
    people: Terms.default([]),
  })
  .strict();
export type PublicFacts = z.infer<typeof PublicFacts>;

/** Digits, spaces, brackets, dashes and a leading + only, and 10 or 11 digits in the national (0…) form. */
function isUkPhone(v: string): boolean {
  return /^\+?[\d\s().-]+$/.test(v) && /^0\d{9,10}$/.test(normalisePhone(v));
}

/** A school's Unique Reference Number in the DfE register (GIAS): six digits. */
export const Urn = z.string().trim().regex(/^\d{6}$/, 'must be the school\'s six-digit URN from Get Information about Schools');

export const School = z
  .object({
    id: Slug,
    name: Term,
    /** Set when the school was added from GIAS (or typed in); Ofsted watch and GIAS refresh use it. */
    urn: Urn.optional(),
    aliases: Terms.default([]),
    context: Terms.default([]),
    exclude: Terms.default([]),
    timezone: Timezone.default('Europe/London'),
    digestHour: z.number().int().min(0).max(23).default(7),
    recipients: Recipients.default([]),
    /** Who gets urgent alerts (threats, pupil leaks, credentials) at once; unset means `recipients`. */
    urgentRecipients: Recipients.optional(),
    allClear: z.boolean().default(false),
    feeds: z.array(FeedSpec).max(LIMITS.feeds, listAtMost(LIMITS.feeds, 'feeds')).default([]),
    scoring: ScoringTuning.optional(),
    publicFacts: PublicFacts.optional(),
  })
  .strict()
  .superRefine((school, ctx) => {
    // Ofsted lists reports by URN, so the Ofsted source needs one; said here so import, console and API agree.
    school.feeds.forEach((feed, i) => {
      if (feed.source === 'ofsted' && !school.urn)
        ctx.addIssue({ code: 'custom', path: ['feeds', i, 'source'], message: `Ofsted reports need the school's URN, and "${school.name}" has none: add its six-digit URN from Get Information about Schools, or remove the Ofsted feed` });
    });
  });
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

const CategoryId = z.string().superRefine((id, ctx) => {
  if (!CATEGORIES.has(id as never)) ctx.addIssue({ code: 'custom', message: `unknown category "${id}"; use one of ${[...CATEGORIES.keys()].join(', ')}` });
});

/**
 * Where urgent alerts are also posted: a Microsoft Teams incoming webhook or any HTTPS endpoint. The body is
 * signed with HMAC-SHA256 using `secret` (header X-Schoolwatch-Signature), so the receiver can check it came from us.
 */
export const AlertWebhook = z
  .object({
    kind: z.enum(['teams', 'generic'], { message: 'must be "teams" (Microsoft Teams incoming webhook) or "generic" (signed JSON)' }),
    url: z
      .string()
      .max(LIMITS.urlChars, tooLong(LIMITS.urlChars))
      .url('must be a full web address starting with https://')
      .refine((u) => /^https:\/\//i.test(u) || /^http:\/\/(?:127\.0\.0\.1|localhost|\[::1\])(?::\d+)?\//i.test(u), 'must start with https:// (plain http is only for a loopback test server listed in FEED_ALLOW_HOSTS)'),
    secret: z.string().min(32, 'must be at least 32 characters (e.g. the output of `openssl rand -hex 32`)').max(256),
  })
  .strict();
export type AlertWebhook = z.infer<typeof AlertWebhook>;

export const Trust = z
  .object({
    id: Slug,
    name: Term,
    retentionMonths: z.number().int().min(1).max(120).default(12),
    rollup: TrustRollup.optional(),
    /** Categories that send an urgent alert at once (default DEFAULT_URGENT_CATEGORIES); `[]` turns urgent alerts off. */
    urgentCategories: z.array(CategoryId).max(CATEGORIES.size).optional(),
    alertWebhook: AlertWebhook.optional(),
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
    const urns = new Map<string, string>();
    cfg.trusts.forEach((t, ti) => {
      if (trustIds.has(t.id)) ctx.addIssue({ code: 'custom', path: ['trusts', ti, 'id'], message: `duplicate trust id "${t.id}"` });
      trustIds.add(t.id);
      t.schools.forEach((s, si) => {
        const other = schoolIds.get(s.id);
        if (other && other !== t.id)
          ctx.addIssue({ code: 'custom', path: ['trusts', ti, 'schools', si, 'id'], message: `school id "${s.id}" is already used by trust "${other}"; school ids must be unique across trusts` });
        schoolIds.set(s.id, t.id);
        const urnHolder = s.urn ? urns.get(s.urn) : undefined;
        if (s.urn && urnHolder !== undefined)
          ctx.addIssue({ code: 'custom', path: ['trusts', ti, 'schools', si, 'urn'], message: `URN ${s.urn} is given to two schools ('${urnHolder}' and '${s.id}'); a URN names one school` });
        if (s.urn) urns.set(s.urn, s.id);
      });
    });
  });
export type ConfigFile = z.infer<typeof ConfigFile>;

/** A school with the trust it belongs to: the unit most use cases work on. */
export interface SchoolRef {
  trustId: string;
  school: School;
}
