import { z } from 'zod';
import { fieldMessage } from '../config/messages';
import type { Principal } from '../auth/principal';
import { ConfigFile, School, Trust, type SchoolRef } from '../config/schema';
import { FeedError } from '../feeds/errors';
import { feedUrlFor } from '../feeds/sources';
import type { Store } from '../store';
import { ItemTooLargeError, SchoolChangedError, SchoolExistsError, SchoolIdTakenError, schoolIdTakenMessage, urnConflictMessage, UrnTakenError, type ImportSummary } from '../store/config-store';
import { eraseSchoolData } from './retention';

/**
 * The admin console's configuration use cases: the page and the JSON API (`/api/config`) both call these,
 * and both validate with the same zod schemas as `config import` (lib/config/schema.ts). Everything is
 * scoped to the admin's own trust; another trust's school is "not found", never "forbidden".
 */

/** The draft did not validate; nothing was saved. `problems` maps a field (`name`, `feeds.2.url`, `rollup.recipients`) to a message. */
export class AdminConfigError extends Error {
  override readonly name = 'AdminConfigError';
  constructor(readonly problems: Record<string, string>) {
    super(`Nothing was saved:\n${Object.entries(problems).map(([k, v]) => `  ${k}: ${v}`).join('\n')}`);
  }
}

/** Only admins may change configuration. */
export class AdminOnlyError extends Error {
  override readonly name = 'AdminOnlyError';
}

/** The school (or trust) is not the admin's: callers answer 404 as for a missing one. */
export class ConfigNotFoundError extends Error {
  override readonly name = 'ConfigNotFoundError';
}

type Deps = { store: Store };
export type TrustMeta = Omit<Trust, 'schools'>;

/** Ids that would collide with admin console paths. */
export const RESERVED_SCHOOL_IDS: ReadonlySet<string> = new Set(['new']);

function requireAdmin(p: Principal): void {
  if (p.role !== 'admin') throw new AdminOnlyError('Only your trust’s administrators can change the configuration.');
}

/** zod issues → field problems, keyed by the dotted path (first message per field wins). */
export function problemsFrom(issues: readonly z.core.$ZodIssue[], prefix: (string | number)[] = [], root?: z.core.$ZodType): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of issues) {
    const path = i.path.slice(prefix.length).map(String).join('.') || 'form';
    out[path] ??= fieldMessage(i, root);
  }
  return out;
}

/** The trust and its schools as one config-file trust (`{id, name, retentionMonths, rollup?, schools}`). */
export async function trustConfig(deps: Deps, principal: Principal): Promise<Trust> {
  const meta = await deps.store.config.getTrust(principal.trustId);
  if (!meta) throw new ConfigNotFoundError(`No trust "${principal.trustId}" is configured.`);
  const schools = (await deps.store.config.listSchools(principal.trustId)).map((s) => s.school).sort((a, b) => a.name.localeCompare(b.name));
  return { ...meta, schools };
}

/**
 * What GET /api/config shows instead of the alert webhook's signing secret: the secret is write-only, so a copy
 * of the JSON (or a shoulder-surfer) cannot forge signed alerts. Sending this marker back keeps the stored secret.
 */
export const SECRET_NOT_SHOWN = '(kept, not shown: send a new secret of 32+ characters to change it)';

/** The trust's configuration as the admin console and API show it: `trustConfig` without the webhook secret. */
export async function trustConfigForDisplay(deps: Deps, principal: Principal): Promise<Trust> {
  const trust = await trustConfig(deps, principal);
  return trust.alertWebhook ? { ...trust, alertWebhook: { ...trust.alertWebhook, secret: SECRET_NOT_SHOWN } } : trust;
}

/** A webhook sent back with the marker gets the stored secret (or a plain-words problem when none is stored). */
async function withStoredSecret(deps: Deps, principal: Principal, body: unknown): Promise<unknown> {
  const hook = body && typeof body === 'object' ? (body as { alertWebhook?: { secret?: unknown } }).alertWebhook : undefined;
  if (!hook || typeof hook !== 'object' || hook.secret !== SECRET_NOT_SHOWN) return body;
  const stored = (await deps.store.config.getTrust(principal.trustId))?.alertWebhook?.secret;
  if (!stored) throw new AdminConfigError({ 'alertWebhook.secret': 'no secret is stored yet: send the new secret itself (32 characters or more)' });
  return { ...(body as object), alertWebhook: { ...hook, secret: stored } };
}

/** One school of the admin's trust, or ConfigNotFoundError. */
export async function ownSchool(deps: Deps, principal: Principal, schoolId: string): Promise<SchoolRef> {
  const ref = /^[a-z0-9][a-z0-9-]{0,63}$/.test(schoolId) ? await deps.store.config.getSchool(schoolId, principal.trustId) : undefined;
  if (!ref || ref.trustId !== principal.trustId) throw new ConfigNotFoundError('No such school in your trust.');
  return ref;
}

/** Validates a school draft with the config-file schema; AdminConfigError names each bad field. */
export function parseSchool(draft: unknown): School {
  const parsed = School.safeParse(draft);
  if (!parsed.success) throw new AdminConfigError(problemsFrom(parsed.error.issues, [], School));
  const mastodon = feedUrlProblems(parsed.data);
  if (Object.keys(mastodon).length) throw new AdminConfigError(mastodon);
  return parsed.data;
}

/** Feeds whose address cannot be built (e.g. a Mastodon tag from a name with no letters). */
function feedUrlProblems(school: School): Record<string, string> {
  const out: Record<string, string> = {};
  school.feeds.forEach((spec, i) => {
    try {
      feedUrlFor(spec, school);
    } catch (err) {
      if (!(err instanceof FeedError)) throw err;
      out[`feeds.${i}.${spec.source === 'mastodon-tag' ? 'tag' : 'source'}`] = err.message;
    }
  });
  return out;
}

/** The address each feed of the school reads (templated sources build it from the name and aliases). */
export function feedUrls(school: Pick<School, 'name' | 'aliases' | 'exclude' | 'feeds'>): (string | undefined)[] {
  return school.feeds.map((spec) => {
    try {
      return feedUrlFor(spec, school);
    } catch {
      return undefined;
    }
  });
}

/**
 * Saves an edited school of the admin's trust (its id cannot change). Validated first; nothing is written
 * unless the whole school is valid.
 */
export async function saveSchool(deps: Deps, principal: Principal, schoolId: string, draft: unknown): Promise<School> {
  requireAdmin(principal);
  const ref = await ownSchool(deps, principal, schoolId);
  const school = parseSchool({ ...keptByTheForm(ref.school, draft), ...(draft as object), id: ref.school.id });
  try {
    if (!(await deps.store.config.saveSchool(ref.trustId, school))) throw new AdminConfigError({ id: schoolIdTakenMessage(school.id) });
  } catch (err) {
    if (err instanceof UrnTakenError) throw new AdminConfigError({ urn: urnConflictMessage(err.conflicts[0]!) });
    if (err instanceof SchoolChangedError) throw new AdminConfigError({ form: err.message });
    throw err;
  }
  return school;
}

/**
 * What an edit keeps when the draft does not carry it: the school form has no fields for the URN (set from GIAS
 * or the config file; the Ofsted source needs it) or the per-school scoring tuning (config file and API only).
 */
export function keptByTheForm(current: School, draft: unknown): Partial<School> {
  const has = (k: string) => !!draft && typeof draft === 'object' && k in draft;
  return { ...(current.urn && !has('urn') ? { urn: current.urn } : {}), ...(current.scoring && !has('scoring') ? { scoring: current.scoring } : {}) };
}

/**
 * Adds a school to the admin's trust. Its id must be unused in every trust (ids are global, as in `config import`):
 * the store claims it with a conditional write, so two admins adding the same id at once cannot both succeed.
 */
export async function createSchool(deps: Deps, principal: Principal, draft: unknown): Promise<School> {
  requireAdmin(principal);
  const school = parseSchool(draft);
  if (RESERVED_SCHOOL_IDS.has(school.id)) throw new AdminConfigError({ id: `"${school.id}" is reserved; choose another id` });
  if (!(await deps.store.config.getTrust(principal.trustId))) throw new ConfigNotFoundError(`No trust "${principal.trustId}" is configured.`);
  try {
    await deps.store.config.createSchool(principal.trustId, school);
  } catch (err) {
    if (err instanceof SchoolIdTakenError) throw new AdminConfigError({ id: schoolIdTakenMessage(school.id) });
    if (err instanceof UrnTakenError) throw new AdminConfigError({ urn: urnConflictMessage(err.conflicts[0]!) });
    if (err instanceof SchoolExistsError) throw new AdminConfigError({ id: err.message });
    if (err instanceof ItemTooLargeError) throw new AdminConfigError({ form: err.message });
    throw err;
  }
  return school;
}

export interface RemovedSchool {
  school: School;
  /** What `eraseSchoolData` deleted: mentions (with their audit trail) and other records (dedupe markers, digests). */
  erased: { mentions: number; items: number; evidenceFiles?: number };
  /** Local users of that school (heads), now disabled with a note. */
  disabledUsers: string[];
}

/**
 * Removes a school of the admin's trust for good: erases its data with `eraseSchoolData` (mentions, their
 * audit trail, digest records), disables its heads (local users) with a note saying why, then deletes its
 * configuration. `confirmation` must be the school id, typed by the admin. Order matters: if anything
 * fails half-way the configuration is still there, so the admin can simply remove it again.
 */
export async function removeSchool(deps: { store: Store; clock: () => Date; evidence?: import('../evidence/evidence-store').EvidenceStore }, principal: Principal, schoolId: string, confirmation: string): Promise<RemovedSchool> {
  requireAdmin(principal);
  const ref = await ownSchool(deps, principal, schoolId);
  if (confirmation.trim() !== ref.school.id) throw new AdminConfigError({ confirm: `type the school id "${ref.school.id}" exactly to confirm` });
  const erased = (await eraseSchoolData(deps, ref.school.id, ref.trustId)) ?? { mentions: 0, items: 0 };
  const at = deps.clock().toISOString();
  const heads = (await deps.store.users.list(ref.trustId)).filter((u) => u.schoolId === ref.school.id && u.trustId === ref.trustId);
  const note = `disabled because school ${ref.school.id} was removed by ${principal.email} on ${at.slice(0, 10)}`;
  for (const u of heads) await deps.store.users.disableWithNote(u.email, note, at);
  await deps.store.config.removeSchool(ref.trustId, ref.school.id);
  return { school: ref.school, erased, disabledUsers: heads.map((u) => u.email) };
}

/** Trust settings (name, retention, roll-up) without its schools. */
export const TrustSettings = z.object({ name: Trust.shape.name, retentionMonths: Trust.shape.retentionMonths, rollup: Trust.shape.rollup }).strict();

/** Saves the trust's name, retention months and roll-up (validated as in the config file). */
export async function saveTrustSettings(deps: Deps, principal: Principal, draft: unknown): Promise<TrustMeta> {
  requireAdmin(principal);
  const current = await deps.store.config.getTrust(principal.trustId);
  if (!current) throw new ConfigNotFoundError(`No trust "${principal.trustId}" is configured.`);
  const parsed = TrustSettings.safeParse(draft);
  if (!parsed.success) throw new AdminConfigError(problemsFrom(parsed.error.issues, [], TrustSettings));
  // Settings this form does not show (urgent categories, the alert webhook) are kept as they are.
  const meta: TrustMeta = { ...current, id: current.id, name: parsed.data.name, retentionMonths: parsed.data.retentionMonths, rollup: parsed.data.rollup };
  // The same write path as `config import` (a trust with no schools listed leaves its schools as they are).
  await deps.store.config.importConfig({ trusts: [{ ...meta, schools: [] }] });
  return meta;
}

/**
 * PUT /api/config: the trust's whole configuration, validated like `config import` and saved all-or-nothing.
 * Schools missing from the body are kept (as with import); the trust id must be the admin's own, and new
 * school ids must not belong to another trust.
 */
export async function replaceTrustConfig(deps: Deps, principal: Principal, input: unknown): Promise<ImportSummary> {
  requireAdmin(principal);
  const body = input && typeof input === 'object' && 'trust' in input ? (input as { trust: unknown }).trust : input;
  const withId = body && typeof body === 'object' && !Array.isArray(body) ? { id: principal.trustId, ...((await withStoredSecret(deps, principal, body)) as object) } : body;
  const parsed = ConfigFile.safeParse({ trusts: [withId] });
  if (!parsed.success) throw new AdminConfigError(problemsFrom(parsed.error.issues, ['trusts', 0], ConfigFile));
  const trust = parsed.data.trusts[0]!;
  if (trust.id !== principal.trustId) throw new AdminConfigError({ id: `you can only change your own trust ("${principal.trustId}")` });
  const problems: Record<string, string> = {};
  for (const [i, school] of trust.schools.entries()) {
    if (RESERVED_SCHOOL_IDS.has(school.id)) problems[`schools.${i}.id`] = `"${school.id}" is reserved; choose another id`;
    Object.assign(problems, prefixed(feedUrlProblems(school), `schools.${i}.`));
  }
  if (Object.keys(problems).length) throw new AdminConfigError(problems);
  try {
    return await deps.store.config.importConfig({ trusts: [trust] });
  } catch (err) {
    const index = (id: string) => trust.schools.findIndex((s) => s.id === id);
    if (err instanceof SchoolIdTakenError) throw new AdminConfigError(Object.fromEntries(err.schoolIds.map((id) => [`schools.${index(id)}.id`, schoolIdTakenMessage(id)])));
    if (err instanceof UrnTakenError) throw new AdminConfigError(Object.fromEntries(err.conflicts.map((c) => [`schools.${index(c.schoolId)}.urn`, urnConflictMessage(c)])));
    if (err instanceof ItemTooLargeError) throw new AdminConfigError({ form: err.message });
    throw err;
  }
}

const prefixed = (p: Record<string, string>, prefix: string) => Object.fromEntries(Object.entries(p).map(([k, v]) => [`${prefix}${k}`, v]));

// ---- the school form: flat form fields ⇄ a school draft (pure, unit-tested)

export const FEED_SOURCES = ['rss', 'google-news', 'bing-news', 'reddit', 'mastodon-tag', 'ofsted'] as const;
export const LIST_FIELDS = ['aliases', 'context', 'exclude', 'recipients', 'urgentRecipients'] as const;
/** The school's public facts (config `publicFacts`), one textarea each, one fact per line; form names `publicFacts.<kind>`. */
export const FACT_FIELDS = ['phones', 'addresses', 'postcodes', 'websites', 'people'] as const;
export type FactField = (typeof FACT_FIELDS)[number];

export interface FeedRow {
  source: string;
  url: string;
  label: string;
  query: string;
  instance: string;
  tag: string;
  remove: boolean;
  /** Save this RSS address even though the check before saving could not read it (the feed is down for now). */
  saveAnyway?: boolean;
}

export interface SchoolFormValues {
  id: string;
  name: string;
  timezone: string;
  digestHour: string;
  allClear: boolean;
  aliases: string;
  context: string;
  exclude: string;
  recipients: string;
  /** Empty: urgent alerts go to the digest recipients. */
  urgentRecipients: string;
  /** Public facts, one per line (empty lines ignored). */
  publicFacts: Record<FactField, string>;
  feeds: FeedRow[];
}

const noFacts = (): Record<FactField, string> => ({ phones: '', addresses: '', postcodes: '', websites: '', people: '' });

/** The feed rows the school form shows: not removed, and not blank. Error keys `feeds.<i>.…` count in this list. */
export function shownFeedRows(rows: readonly FeedRow[]): FeedRow[] {
  return rows.filter((r) => !r.remove && (r.source || r.url || r.query || r.tag));
}

const blankRow = (): FeedRow => ({ source: '', url: '', label: '', query: '', instance: '', tag: '', remove: false });

/** Form values for an existing school (one row per feed). */
export function schoolToForm(s: School): SchoolFormValues {
  return {
    id: s.id,
    name: s.name,
    timezone: s.timezone,
    digestHour: String(s.digestHour),
    allClear: s.allClear,
    aliases: s.aliases.join('\n'),
    context: s.context.join('\n'),
    exclude: s.exclude.join('\n'),
    recipients: s.recipients.join('\n'),
    urgentRecipients: (s.urgentRecipients ?? []).join('\n'),
    publicFacts: Object.fromEntries(FACT_FIELDS.map((k) => [k, (s.publicFacts?.[k] ?? []).join('\n')])) as Record<FactField, string>,
    feeds: s.feeds.map((f) => ({
      ...blankRow(),
      source: f.source,
      url: f.source === 'rss' ? f.url : f.source === 'ofsted' ? (f.url ?? '') : '',
      label: f.source === 'rss' ? (f.label ?? '') : '',
      query: 'query' in f ? (f.query ?? '') : '',
      instance: f.source === 'mastodon-tag' ? f.instance : '',
      tag: f.source === 'mastodon-tag' ? (f.tag ?? '') : '',
    })),
  };
}

export const emptySchoolForm = (): SchoolFormValues => ({
  id: '',
  name: '',
  timezone: 'Europe/London',
  digestHour: '7',
  allClear: false,
  aliases: '',
  context: '',
  exclude: '',
  recipients: '',
  urgentRecipients: '',
  publicFacts: noFacts(),
  feeds: [],
});

/** Reads the posted form (`feeds.N.source`, `feeds.N.url`, … and `feeds.N.remove`). */
export function formFromBody(body: Record<string, unknown>): SchoolFormValues {
  const s = (k: string) => (typeof body[k] === 'string' ? (body[k] as string) : '');
  const rows = new Map<number, FeedRow>();
  for (const key of Object.keys(body)) {
    const m = /^feeds\.(\d{1,2})\.(source|url|label|query|instance|tag|remove|saveAnyway)$/.exec(key);
    if (!m) continue;
    const row = rows.get(Number(m[1])) ?? blankRow();
    if (m[2] === 'remove') row.remove = true;
    else if (m[2] === 'saveAnyway') row.saveAnyway = true;
    else row[m[2] as Exclude<keyof FeedRow, 'remove' | 'saveAnyway'>] = s(key).trim();
    rows.set(Number(m[1]), row);
  }
  return {
    id: s('id').trim(),
    name: s('name'),
    timezone: s('timezone').trim(),
    digestHour: s('digestHour').trim(),
    allClear: s('allClear') === 'on',
    aliases: s('aliases'),
    context: s('context'),
    exclude: s('exclude'),
    recipients: s('recipients'),
    urgentRecipients: s('urgentRecipients'),
    publicFacts: Object.fromEntries(FACT_FIELDS.map((k) => [k, s(`publicFacts.${k}`)])) as Record<FactField, string>,
    feeds: [...rows.entries()].sort(([a], [b]) => a - b).map(([, r]) => r),
  };
}

/**
 * Form values → a school draft for `School` to validate, and for each draft feed the form row it came from
 * (rows without a source, and rows marked "remove", are left out), so a problem on `feeds.1.url` can be
 * shown on its row.
 */
export function draftFromForm(v: SchoolFormValues): { draft: Record<string, unknown>; feedRows: number[] } {
  const lines = (s: string) => s.split(/\r?\n/).map((x) => x.trim()).filter(Boolean);
  const feeds: Record<string, unknown>[] = [];
  const feedRows: number[] = [];
  v.feeds.forEach((row, i) => {
    if (!row.source || row.remove) return;
    const opt = (k: keyof FeedRow) => (row[k] ? { [k]: row[k] } : {});
    const spec: Record<string, unknown> =
      row.source === 'rss'
        ? { source: 'rss', url: row.url, ...opt('label') }
        : row.source === 'mastodon-tag'
          ? { source: 'mastodon-tag', ...opt('instance'), ...opt('tag') }
          : row.source === 'ofsted'
            ? { source: 'ofsted', ...opt('url') } // empty: Ofsted's page for the school's URN (an address is for a test or demo page)
            : { source: row.source, ...opt('query') };
    feeds.push(spec);
    feedRows.push(i);
  });
  return {
    draft: {
      id: v.id,
      name: v.name.trim(),
      aliases: lines(v.aliases),
      context: lines(v.context),
      exclude: lines(v.exclude),
      recipients: lines(v.recipients),
      ...(lines(v.urgentRecipients ?? '').length ? { urgentRecipients: lines(v.urgentRecipients) } : {}),
      ...factsDraft(v.publicFacts ?? noFacts(), lines),
      timezone: v.timezone,
      digestHour: /^\d{1,2}$/.test(v.digestHour) ? Number(v.digestHour) : v.digestHour,
      allClear: v.allClear,
      feeds,
    },
    feedRows,
  };
}

/** Public facts only when at least one line is filled in (a school without any keeps no `publicFacts`). */
function factsDraft(v: Record<FactField, string>, lines: (s: string) => string[]): { publicFacts?: Record<FactField, string[]> } {
  const facts = Object.fromEntries(FACT_FIELDS.map((k) => [k, lines(v[k] ?? '')])) as Record<FactField, string[]>;
  return FACT_FIELDS.some((k) => facts[k].length) ? { publicFacts: facts } : {};
}

/** Problems keyed by draft path → keyed by form field (`feeds.<row>.<field>`, list fields by their textarea). */
export function formProblems(problems: Record<string, string>, feedRows: number[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(problems)) {
    const parts = path.split('.');
    let key: string;
    let text = message;
    if (parts[0] === 'feeds' && parts.length >= 2 && /^\d+$/.test(parts[1]!)) {
      const field = parts[2] ?? 'source';
      key = `feeds.${feedRows[Number(parts[1])] ?? parts[1]}.${['url', 'label', 'query', 'instance', 'tag'].includes(field) ? field : 'source'}`;
    } else if (parts[0] === 'publicFacts' && (FACT_FIELDS as readonly string[]).includes(parts[1] ?? '')) {
      key = `publicFacts.${parts[1]}`;
      if (parts.length > 2) text = `line ${Number(parts[2]) + 1}: ${message}`;
    } else if ((LIST_FIELDS as readonly string[]).includes(parts[0]!) && parts.length > 1) {
      key = parts[0]!;
      text = `line ${Number(parts[1]) + 1}: ${message}`;
    } else key = parts[0]!;
    out[key] ??= text;
  }
  return out;
}

// ---- the trust form

export interface TrustFormValues {
  name: string;
  retentionMonths: string;
  rollupRecipients: string;
  rollupReplace: boolean;
  rollupTimezone: string;
  rollupDigestHour: string;
}

export function trustToForm(t: TrustMeta): TrustFormValues {
  return {
    name: t.name,
    retentionMonths: String(t.retentionMonths),
    rollupRecipients: t.rollup?.recipients.join('\n') ?? '',
    rollupReplace: t.rollup?.replaceSchoolDigests ?? false,
    rollupTimezone: t.rollup?.timezone ?? 'Europe/London',
    rollupDigestHour: String(t.rollup?.digestHour ?? 7),
  };
}

export function trustFormFromBody(body: Record<string, unknown>): TrustFormValues {
  const s = (k: string) => (typeof body[k] === 'string' ? (body[k] as string) : '');
  return {
    name: s('name'),
    retentionMonths: s('retentionMonths').trim(),
    rollupRecipients: s('rollupRecipients'),
    rollupReplace: s('rollupReplace') === 'on',
    rollupTimezone: s('rollupTimezone').trim(),
    rollupDigestHour: s('rollupDigestHour').trim(),
  };
}

/** No roll-up recipients means no roll-up (the other roll-up fields are then ignored). */
export function trustDraftFromForm(v: TrustFormValues): Record<string, unknown> {
  const num = (s: string) => (/^\d{1,4}$/.test(s) ? Number(s) : s);
  const recipients = v.rollupRecipients.split(/\r?\n/).map((x) => x.trim()).filter(Boolean);
  return {
    name: v.name.trim(),
    retentionMonths: num(v.retentionMonths),
    ...(recipients.length
      ? { rollup: { recipients, replaceSchoolDigests: v.rollupReplace, timezone: v.rollupTimezone || undefined, digestHour: v.rollupDigestHour === '' ? undefined : num(v.rollupDigestHour) } }
      : {}),
  };
}

/** Trust problems (`rollup.recipients.0`) → form fields (`rollupRecipients`). */
export function trustFormProblems(problems: Record<string, string>): Record<string, string> {
  const map: Record<string, string> = { recipients: 'rollupRecipients', replaceSchoolDigests: 'rollupReplace', timezone: 'rollupTimezone', digestHour: 'rollupDigestHour' };
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(problems)) {
    const parts = path.split('.');
    const key = parts[0] === 'rollup' ? (map[parts[1] ?? ''] ?? 'rollupRecipients') : parts[0]!;
    out[key] ??= parts[0] === 'rollup' && parts[1] === 'recipients' && parts[2] ? `line ${Number(parts[2]) + 1}: ${message}` : message;
  }
  return out;
}

