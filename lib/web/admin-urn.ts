import type { Context, Hono } from 'hono';
import { AdminConfigError, parseSchool } from '../app/admin-config';
import { previewSchool, type PreviewResult } from '../app/preview';
import { draftSchoolsFromUrns, parseUrnList, saveSchoolsFromUrns, SchoolsNotSavedError, UrnLookupError } from '../app/school-from-urn';
import { urnSchoolDefaults } from '../gias/derive';
import type { AppEnv, WebContext } from './app';
import { infoFromDraft, LIST_KEYS, rowFromSchool, urnPageBody, type UrnRowInfo, type UrnRowValues } from './admin-urn-views';
import type { Html } from './layout';
import { csrfToken } from './security';

type Render = (c: Context<AppEnv>, title: string, body: Html, status?: 200 | 400 | 403 | 404 | 409 | 429, current?: 'mentions' | 'admin') => Response | Promise<Response>;

/**
 * The admin console's "Add from URN" (behind the /admin/* admin-only guard, CSRF-checked like every form):
 * GET looks URNs up (reads only, so a plain link or the phone test can show the review), POST previews one
 * draft or saves the ticked ones through `saveSchoolsFromUrns` (all or none).
 */
export const CONSOLE_MAX_URNS = 25; // keeps the review form under the app's 64 KB body limit

const PATH = '/admin/schools/new/from-urn';
const TITLE = 'Add schools from their URN';

const lines = (s: string) => s.split(/\r?\n/).map((x) => x.trim()).filter(Boolean);

/** Posted rows (`s.N.field`) in their order. */
function rowsFromBody(body: Record<string, unknown>): UrnRowValues[] {
  const rows = new Map<number, UrnRowValues>();
  const blank = (): UrnRowValues => ({ urn: '', include: false, id: '', name: '', aliases: '', context: '', recipients: '', phones: '', addresses: '', postcodes: '', websites: '', people: '' });
  for (const [k, v] of Object.entries(body)) {
    const m = /^s\.(\d{1,2})\.(\w+)$/.exec(k);
    if (!m || typeof v !== 'string') continue;
    const row = rows.get(Number(m[1])) ?? blank();
    const f = m[2] as keyof UrnRowValues;
    if (f === 'include') row.include = true;
    else if (f in row) (row as unknown as Record<string, string>)[f] = v;
    rows.set(Number(m[1]), row);
  }
  return [...rows.entries()].sort(([a], [b]) => a - b).map(([, r]) => r);
}

/** A reviewed row → a school draft in the configuration's shape (feeds and schedule: the URN defaults). */
export function draftFromRow(r: UrnRowValues): Record<string, unknown> {
  return {
    id: r.id.trim(),
    name: r.name.trim(),
    urn: r.urn.trim(),
    aliases: lines(r.aliases),
    context: lines(r.context),
    ...urnSchoolDefaults(),
    recipients: lines(r.recipients),
    publicFacts: { phones: lines(r.phones), addresses: lines(r.addresses), postcodes: lines(r.postcodes), websites: lines(r.websites), people: lines(r.people) },
  };
}

/** A save problem's field (`aliases.2`, `publicFacts.phones.0`, `recipients.1`) → the row's form field, with the line. */
export function rowProblemKey(row: number, field: string, message: string): [string, string] {
  const parts = field.split('.');
  const [head, ...rest] = parts[0] === 'publicFacts' ? parts.slice(1) : parts;
  const known = ['id', 'name', 'urn', ...LIST_KEYS] as string[];
  if (!head || !known.includes(head)) return [`${row}.form`, message];
  const line = rest[0] && /^\d+$/.test(rest[0]) ? `line ${Number(rest[0]) + 1}: ` : '';
  return [`${row}.${head}`, `${line}${message}`];
}

export function registerAdminUrn(app: Hono<AppEnv>, ctx: WebContext, render: Render): void {
  const page = (c: Context<AppEnv>, input: Omit<Parameters<typeof urnPageBody>[0], 'csrf' | 'maxUrns'>, status: 200 | 400 = 200) =>
    render(c, TITLE, urnPageBody({ ...input, csrf: csrfToken(c), maxUrns: CONSOLE_MAX_URNS }), status, 'admin');

  app.get(PATH, async (c) => {
    const p = c.get('principal')!;
    const text = c.req.query('urns') ?? '';
    const giasDate = ctx.gias ? await ctx.gias.loadedAt() : undefined;
    const urns = parseUrnList(text);
    // Without GIAS data the page's notice already says how to load it; one message, not one per URN.
    if (urns.length === 0 || !giasDate) return page(c, { urns: text, giasDate, failures: [], rows: [], info: [], problems: {} });
    if (urns.length > CONSOLE_MAX_URNS) {
      return page(c, { urns: text, giasDate, failures: [{ urn: `${urns.length} URNs`, message: `that is more than one page takes; look up at most ${CONSOLE_MAX_URNS} at a time.` }], rows: [], info: [], problems: {} }, 400);
    }
    try {
      const { results } = await draftSchoolsFromUrns({ store: ctx.store, gias: ctx.gias }, { trustId: p.trustId, urns });
      const ok = results.flatMap((r) => (r.ok ? [r.draft] : []));
      const failures = results.flatMap((r) => (r.ok ? [] : [{ urn: r.urn, message: r.error.message.replace(/`npm run -s cli -- gias import FILE`/g, 'the `gias import` command') }]));
      ctx.log.info('schools drafted from URNs', { trustId: p.trustId, by: p.email, drafted: ok.length, failed: failures.length });
      return page(c, { urns: text, giasDate, failures, rows: ok.map((d) => rowFromSchool(d.school)), info: ok.map(infoFromDraft), problems: {} });
    } catch (err) {
      if (!(err instanceof UrnLookupError)) throw err;
      return page(c, { urns: text, giasDate, failures: [{ urn: err.urn, message: err.message }], rows: [], info: [], problems: {} }, 400);
    }
  });

  app.post(PATH, async (c) => {
    const p = c.get('principal')!;
    const body = await c.req.parseBody();
    const text = typeof body.urns === 'string' ? body.urns : '';
    const rows = rowsFromBody(body).slice(0, CONSOLE_MAX_URNS);
    const giasDate = ctx.gias ? await ctx.gias.loadedAt() : undefined;
    // What GIAS said (filled from / missing / warnings) is shown again beside the edited fields. Worked out only
    // when the page is shown again: a successful save redirects, so drafting every URN again would be wasted.
    const rowInfo = async (): Promise<(UrnRowInfo | undefined)[]> => {
      if (!ctx.gias) return [];
      const { results } = await draftSchoolsFromUrns({ store: ctx.store, gias: ctx.gias }, { trustId: p.trustId, urns: rows.map((r) => r.urn).filter((u) => /^\d{6}$/.test(u)) }).catch(() => ({ results: [] }));
      const byUrn = new Map(results.map((x) => [x.urn, x]));
      return rows.map((r) => {
        const hit = byUrn.get(r.urn);
        return hit?.ok ? infoFromDraft(hit.draft) : undefined;
      });
    };
    const again = async (problems: Record<string, string>, extra: { preview?: { row: number; result: PreviewResult }; formProblem?: string } = {}, status: 200 | 400 = 400) =>
      page(c, { urns: text, giasDate, failures: [], rows, info: await rowInfo(), problems, ...extra }, status);
    const intent = typeof body.intent === 'string' ? body.intent : 'save';

    const preview = /^preview:(\d{1,2})$/.exec(intent);
    if (preview) {
      const row = Number(preview[1]);
      const r = rows[row];
      if (!r) return again({}, { formProblem: 'That school is no longer on the form; look the URNs up again.' });
      try {
        const school = parseSchool(draftFromRow(r));
        const result = await previewSchool({ fetcher: ctx.fetcher(), clock: ctx.clock }, school);
        ctx.log.info('school preview', { schoolId: school.id, by: p.email, feeds: result.feeds.length, items: result.totals.items });
        return again({}, { preview: { row, result } }, 200);
      } catch (err) {
        if (!(err instanceof AdminConfigError)) throw err;
        return again(Object.fromEntries(Object.entries(err.problems).map(([f, m]) => rowProblemKey(row, f, m))));
      }
    }

    const chosen = rows.map((r, i) => ({ r, i })).filter((x) => x.r.include);
    try {
      const saved = await saveSchoolsFromUrns({ store: ctx.store }, { trustId: p.trustId, schools: chosen.map((x) => draftFromRow(x.r)) });
      ctx.log.info('schools added from URNs', { trustId: p.trustId, by: p.email, schools: saved.map((s) => s.id) });
      return c.redirect(`/admin?saved=1&added=${saved.length}`, 303);
    } catch (err) {
      if (!(err instanceof SchoolsNotSavedError)) throw err;
      const problems: Record<string, string> = {};
      let formProblem: string | undefined;
      for (const pr of err.problems) {
        if (pr.field === 'form' && (chosen.length === 0 || /limit|at most|no school/.test(pr.message))) {
          formProblem = chosen.length === 0 ? 'No school is ticked: tick at least one to save.' : pr.message;
          continue;
        }
        const [k, m] = rowProblemKey(chosen[pr.index]?.i ?? 0, pr.field, pr.message);
        problems[k] ??= m;
      }
      return again(problems, { formProblem });
    }
  });
}
