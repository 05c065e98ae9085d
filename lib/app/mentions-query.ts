import { z } from 'zod';
import { canSeeSchool, type Principal } from '../auth/principal';
import type { SchoolRef } from '../config/schema';
import type { Store } from '../store';
import type { Mention, ReviewStatus } from '../store/types';

/** The mention does not exist or is outside the caller's scope; callers answer 404 either way. */
export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
}

/** Bad filter values, by field, for messages next to the field. */
export class FilterError extends Error {
  override readonly name = 'FilterError';
  constructor(readonly problems: Record<string, string>) {
    super(`Invalid filters: ${Object.entries(problems).map(([k, v]) => `${k}: ${v}`).join('; ')}`);
  }
}

/** A stored mention with the review fields kept beside the snapshot. */
export type ReviewedMention = Mention & { assignee?: string; reviewedAt?: string; reviewedBy?: string };

export const STATUSES: readonly ReviewStatus[] = ['new', 'reviewed', 'escalated', 'dismissed'];
export const FAMILIES = ['abuse', 'confidential', 'reputation'] as const;
export const SEVERITIES = ['high', 'medium', 'low'] as const;

/**
 * A calendar day in the school's timezone, typed as people in the UK write it (30/03/2026) or as ISO
 * (2026-03-30, old links and the API); normalised to yyyy-mm-dd.
 */
const day = z
  .string()
  .trim()
  .transform((d, ctx) => {
    const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(d);
    const iso = uk ? `${uk[3]}-${uk[2]!.padStart(2, '0')}-${uk[1]!.padStart(2, '0')}` : d;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) {
      ctx.addIssue({ code: 'custom', message: 'use a date like 30/03/2026 (day/month/year)' });
      return z.NEVER;
    }
    const t = new Date(`${iso}T00:00:00Z`);
    if (Number.isNaN(t.getTime()) || t.toISOString().slice(0, 10) !== iso) {
      ctx.addIssue({ code: 'custom', message: `${d} is not a real date` });
      return z.NEVER;
    }
    return iso;
  });

export const MentionFilters = z
  .object({
    school: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'is not a school id').optional(),
    family: z.enum(FAMILIES).optional(),
    category: z.string().trim().max(100).optional(),
    severity: z.enum(SEVERITIES).optional(),
    status: z.enum(['new', 'reviewed', 'escalated', 'dismissed']).optional(),
    from: day.optional(),
    to: day.optional(),
    q: z.string().trim().max(200, 'keep the search under 200 characters').optional(),
    sort: z.enum(['newest', 'severity', 'published'], { message: 'choose newest, severity or published' }).default('newest'),
    /** `me`: only items assigned to the signed-in person. */
    assigned: z.enum(['me'], { message: 'can only be "me"' }).optional(),
    cursor: z.string().regex(/^(o:\d{1,6}|[0-9T:.Z-]{10,40}#[A-Za-z0-9_-]{1,64})$/, 'is not a page marker from this list').optional(),
    /** "Previous page": the page of items just newer than this key (the first item of the page the reader was on). */
    back: z.string().regex(/^[0-9T:.Z-]{10,40}#[A-Za-z0-9_-]{1,64}$/, 'is not a page marker from this list').optional(),
    limit: z.coerce.number().int().min(1).max(200).default(25),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { path: ['to'], message: 'must be on or after the “from” date' });
export type MentionFilters = z.infer<typeof MentionFilters>;

/** Query-string values → filters. Empty values mean "any". Throws FilterError naming each bad field. */
export function parseFilters(query: Record<string, string | undefined>): MentionFilters {
  const cleaned = Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const parsed = MentionFilters.safeParse(cleaned);
  if (!parsed.success) {
    const problems: Record<string, string> = {};
    for (const issue of parsed.error.issues) problems[String(issue.path[0] ?? 'filters')] ??= issue.message;
    throw new FilterError(problems);
  }
  return parsed.data;
}

export interface MentionList {
  mentions: ReviewedMention[];
  /** Pass as `cursor` for the next page. */
  next?: string;
  /** The severity ordering read this many and stopped: narrow the filters to see the rest. */
  truncated: boolean;
  /**
   * How to reach the previous page: `{ back }` (newest-first keyset paging), `{ cursor }` (severity offsets),
   * or `{}` for the first page. Absent on the first page.
   */
  prev?: { back?: string; cursor?: string };
}

const CHUNK = 200;
/** Most items read to answer one page of the newest-first list before handing back a "continue" cursor. */
const MAX_SCAN_PER_PAGE = 5_000;
/** Most matching items the severity ordering sorts. */
const MAX_SORTED = 5_000;
/** Most items read to find a "previous" page (beyond this the reader is better served by dates or filters). */
const MAX_BACK_SCAN = 50_000;
const SEVERITY_RANK: Record<string, number> = { high: 0, medium: 1, low: 2 };

/**
 * Every read of flagged mentions goes through here, scoped to a verified Principal: a head reads only the
 * partition of their school, trust and admin users only their trust's index partition, and single-item
 * reads check the item's trust/school before the snapshot is read. Out of scope is indistinguishable from
 * missing (NotFoundError).
 */
export class MentionsQuery {
  constructor(
    private readonly store: Store,
    readonly principal: Principal,
  ) {}

  /** Schools the principal may see. */
  async schools(): Promise<SchoolRef[]> {
    const p = this.principal;
    const all = await this.store.config.listSchools(p.trustId);
    return all.filter((s) => canSeeSchool(p, s.trustId, s.school.id)).sort((a, b) => a.school.name.localeCompare(b.school.name));
  }

  async get(id: string): Promise<ReviewedMention> {
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) throw new NotFoundError('No such mention');
    const where = await this.store.mentions.locate(id);
    if (!where || !canSeeSchool(this.principal, where.trustId, where.schoolId)) throw new NotFoundError('No such mention');
    const mention = (await this.store.mentions.get(id)) as ReviewedMention | undefined;
    if (!mention || !canSeeSchool(this.principal, mention.trustId, mention.schoolId)) throw new NotFoundError('No such mention');
    return mention;
  }

  async list(filters: MentionFilters): Promise<MentionList> {
    const partition = await this.partitionFor(filters);
    if (!partition) return { mentions: [], truncated: false };
    const matches = this.matcher(filters, filters.from || filters.to ? await this.timezones() : undefined);
    // Dates are days in each school's timezone: read a day either side in UTC, then keep the local-day matches.
    const from = filters.from ? `${shiftDay(filters.from, -1)}T` : undefined;
    const upper = filters.to ? `${shiftDay(filters.to, 1)}T99` : undefined;

    if (filters.sort === 'severity' || filters.sort === 'published') {
      const found: ReviewedMention[] = [];
      let before = upper;
      let truncated = false;
      for (;;) {
        const chunk = await this.store.mentions.scan(partition, { from, before, limit: CHUNK });
        found.push(...(chunk.mentions as ReviewedMention[]).filter(matches));
        if (found.length >= MAX_SORTED) {
          truncated = !chunk.exhausted;
          break;
        }
        if (chunk.exhausted || !chunk.lastKey) break;
        before = chunk.lastKey;
      }
      if (filters.sort === 'severity') found.sort((a, b) => rank(a) - rank(b) || key(b).localeCompare(key(a)));
      else found.sort((a, b) => published(b).localeCompare(published(a)) || key(b).localeCompare(key(a)));
      const offset = filters.cursor?.startsWith('o:') ? Number(filters.cursor.slice(2)) : 0;
      const pageItems = found.slice(offset, offset + filters.limit);
      const prev = offset > 0 ? (offset - filters.limit > 0 ? { cursor: `o:${offset - filters.limit}` } : {}) : undefined;
      return { mentions: pageItems, next: offset + filters.limit < found.length ? `o:${offset + filters.limit}` : undefined, truncated, prev };
    }

    if (filters.back) return this.pageBefore(partition, matches, filters.back, upper, filters.limit);

    const cursor = filters.cursor && !filters.cursor.startsWith('o:') ? filters.cursor : undefined;
    // Not the first page: "previous" shows the items just newer than this page's first (or the first page).
    const prevOf = (page: ReviewedMention[]) => (cursor ? (page[0] ? { back: key(page[0]) } : {}) : undefined);
    let before = cursor && upper ? (cursor < upper ? cursor : upper) : (cursor ?? upper);
    const found: ReviewedMention[] = [];
    let scanned = 0;
    // Unfiltered, the page needs only limit + 1 items (one more tells whether there is a next page); filtered,
    // larger chunks save round trips.
    const filtered = Boolean(filters.family || filters.severity || filters.status || filters.category || filters.q || filters.assigned || filters.from || filters.to);
    let size = filtered ? CHUNK : Math.min(CHUNK, filters.limit + 1);
    for (;;) {
      const chunk = await this.store.mentions.scan(partition, { from, before, limit: size });
      size = CHUNK;
      for (const m of chunk.mentions as ReviewedMention[]) {
        scanned++;
        if (!matches(m)) continue;
        found.push(m);
        if (found.length > filters.limit) {
          const page = found.slice(0, filters.limit);
          return { mentions: page, next: key(page.at(-1)!), truncated: false, prev: prevOf(page) };
        }
      }
      if (chunk.exhausted || !chunk.lastKey) return { mentions: found, truncated: false, prev: prevOf(found) };
      before = chunk.lastKey;
      if (scanned >= MAX_SCAN_PER_PAGE) {
        // Many items read and the page is not full: return what there is and let the reader continue.
        return { mentions: found, next: before, truncated: false, prev: prevOf(found) };
      }
    }
  }

  /**
   * The page before one whose first item has key `back`: the `limit` matching items just newer than it.
   * Keys only sort newest-first here, so this reads from the top of the range down to `back`, keeping a
   * sliding window; its cost grows with how far back the reader has paged (as paging there did).
   */
  private async pageBefore(
    partition: Partition,
    matches: (m: ReviewedMention) => boolean,
    back: string,
    upper: string | undefined,
    limit: number,
  ): Promise<MentionList> {
    const window: ReviewedMention[] = [];
    let newer = false;
    let before = upper;
    let scanned = 0;
    for (;;) {
      const chunk = await this.store.mentions.scan(partition, { from: back, before, limit: CHUNK });
      for (const m of chunk.mentions as ReviewedMention[]) {
        scanned++;
        if (key(m) <= back || !matches(m)) continue;
        window.push(m);
        if (window.length > limit) {
          window.shift();
          newer = true;
        }
      }
      if (chunk.exhausted || !chunk.lastKey || scanned >= MAX_BACK_SCAN) break;
      before = chunk.lastKey;
    }
    return { mentions: window, next: window.length ? key(window.at(-1)!) : back, truncated: false, prev: newer && window[0] ? { back: key(window[0]) } : undefined };
  }

  /** Every match (for the CSV export), newest first or by severity, up to `max`. */
  async all(filters: MentionFilters, max = 10_000): Promise<{ mentions: ReviewedMention[]; truncated: boolean }> {
    const out: ReviewedMention[] = [];
    let cursor: string | undefined;
    for (;;) {
      const page = await this.list({ ...filters, limit: 200, cursor });
      out.push(...page.mentions);
      if (out.length >= max) return { mentions: out.slice(0, max), truncated: true };
      if (!page.next) return { mentions: out, truncated: page.truncated };
      cursor = page.next;
    }
  }

  private async partitionFor(filters: MentionFilters): Promise<Partition | undefined> {
    const p = this.principal;
    if (p.role === 'head') {
      if (!p.schoolId || (filters.school && filters.school !== p.schoolId)) return undefined;
      return { trustId: p.trustId, schoolId: p.schoolId };
    }
    if (filters.school) {
      const ref = await this.store.config.getSchool(filters.school, p.trustId);
      return ref ? { trustId: p.trustId, schoolId: filters.school } : undefined;
    }
    return { trustId: p.trustId };
  }

  /** Each visible school's timezone, for day filters. */
  private async timezones(): Promise<Map<string, string>> {
    return new Map((await this.schools()).map((s) => [s.school.id, s.school.timezone]));
  }

  private matcher(f: MentionFilters, zones?: Map<string, string>): (m: ReviewedMention) => boolean {
    const q = f.q ? fold(f.q) : undefined;
    const category = f.category?.toLowerCase();
    const me = this.principal.email.toLowerCase();
    const inDays = (m: ReviewedMention) => {
      if (!f.from && !f.to) return true;
      const d = localDay(m.capturedAt, zones?.get(m.schoolId) ?? 'Europe/London');
      return (!f.from || d >= f.from) && (!f.to || d <= f.to);
    };
    return (m) =>
      canSeeSchool(this.principal, m.trustId, m.schoolId) &&
      inDays(m) &&
      (!f.assigned || (m.assignee ?? '').toLowerCase() === me) &&
      (!f.family || m.families.includes(f.family)) &&
      (!f.severity || m.severity === f.severity) &&
      (!f.status || m.status === f.status) &&
      (!category || m.score.categories.some((c) => c.id.toLowerCase() === category || c.label.toLowerCase() === category)) &&
      (!q || fold([m.title, m.text, m.url ?? '', m.author ?? ''].join('\n')).includes(q));
  }
}

/** A trust's index partition, or one school of it (always named with its trust). */
type Partition = Parameters<Store['mentions']['scan']>[0];

const key = (m: Mention) => `${m.capturedAt}#${m.id}`;
const rank = (m: Mention) => SEVERITY_RANK[m.severity ?? ''] ?? 3;
const fold = (s: string) => s.normalize('NFKC').toLowerCase();
/** Publication time for ordering; items whose feed gave none (or an unreadable one) sort last. */
const published = (m: Mention) => {
  const t = m.publishedAt ? Date.parse(m.publishedAt) : NaN;
  return Number.isNaN(t) ? '' : new Date(t).toISOString();
};
const shiftDay = (isoDay: string, days: number) => new Date(Date.parse(`${isoDay}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const dayFormats = new Map<string, Intl.DateTimeFormat>();
/** The calendar day (yyyy-mm-dd) of an instant in a timezone. */
export function localDay(iso: string, timeZone: string): string {
  let f = dayFormats.get(timeZone);
  if (!f) dayFormats.set(timeZone, (f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  return f.format(new Date(iso));
}

export function mentionsFor(deps: { store: Store }, principal: Principal): MentionsQuery {
  return new MentionsQuery(deps.store, principal);
}
