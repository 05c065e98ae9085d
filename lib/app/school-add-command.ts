import type { School } from '../config/schema';
import type { FeedFetcher } from '../feeds/types';
import { previewSchool, type PreviewResult } from './preview';
import { draftSchoolsFromUrns, parseUrnList, saveSchoolsFromUrns, SchoolsNotSavedError, type SchoolFromUrnDeps, type UrnResult } from './school-from-urn';

/**
 * `school add URN [URN…] --trust T [--yes] [--json] [--preview]`: the CLI's "add a school by URN". Drafts are
 * printed for review; only `--yes` saves, and then all of them or none. Kept out of bin/ so tests can run it
 * in-process against dynalite and an in-memory GIAS index.
 */
export interface SchoolAddCommand {
  urns: string[];
  trustId: string;
  yes: boolean;
  json: boolean;
  /** Read each draft's feeds now and show what they would match (network; nothing stored). */
  preview: boolean;
}

export interface SchoolAddDeps extends SchoolFromUrnDeps {
  fetcher?: FeedFetcher;
  clock?: () => Date;
}

export const SCHOOL_ADD_HELP = `Usage: npm run -s cli -- school add URN [URN…] --trust T [--yes] [--json] [--preview]

Fills a school from the GIAS data (\`gias import FILE\` loads it): official name, aliases people use (without
"School", "Church of England"…, St/Saint, apostrophes, initials), context words (town, local authority,
trust), public facts (office phone, address, postcode, website, head's name) and a Google News feed.
Prints each draft for review; nothing is saved unless you add --yes, and then every school or none.
  --preview   read each draft's feeds now and show what they would match (saves nothing)
  --json      the drafts (and what was saved) as JSON
Edit a saved school afterwards in the admin console or with config export / config import.

Example: npm run -s cli -- school add 114501 137010 --trust meridian --yes`;

/** The GIAS date as people read it. */
const day = (iso?: string) => (iso ? new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' }) : 'unknown date');

function describeDraft(r: Extract<UrnResult, { ok: true }>, preview?: PreviewResult): string {
  const { school: s, filled, missing, warnings } = r.draft;
  const f = s.publicFacts;
  const list = (xs: readonly string[] | undefined) => (xs && xs.length ? xs.join('; ') : '—');
  const lines = [
    `URN ${r.urn}: ${s.name}`,
    `  id:            ${s.id}`,
    `  aliases:       ${list(s.aliases)}`,
    `  context words: ${list(s.context)}`,
    `  feeds:         ${s.feeds.map((x) => x.source).join(', ') || '—'}`,
    `  public facts:  phone ${list(f?.phones)} · address ${list(f?.addresses)} · postcode ${list(f?.postcodes)}`,
    `                 website ${list(f?.websites)} · head ${list(f?.people)}`,
    `  from GIAS:     ${filled.map((x) => x.from).filter((v, i, a) => a.indexOf(v) === i).join(', ')}`,
  ];
  if (missing.length) lines.push(`  not in GIAS:   ${missing.join(', ')} (add by hand if you know it)`);
  for (const w of warnings) lines.push(`  warning:       ${w}`);
  if (preview) {
    lines.push(`  preview:       ${preview.totals.items} item(s) read now, ${preview.totals.matched} about this school, ${preview.totals.flagged} would be flagged${preview.totals.failedFeeds ? `, ${preview.totals.failedFeeds} feed(s) could not be read` : ''}`);
    for (const feed of preview.feeds) {
      if (!feed.ok) lines.push(`                 ${feed.spec.source}: could not read (${feed.error?.code}): ${feed.error?.message}`);
      for (const item of feed.items.filter((i) => i.matched).slice(0, 5)) lines.push(`                 ${item.flagged ? 'FLAGGED ' : ''}“${item.title}”${item.link ? ` ${item.link}` : ''}`);
    }
  }
  return lines.join('\n');
}

/** Runs the command; `code` is 0 when every URN drafted (and, with --yes, saved), 1 otherwise. */
export async function runSchoolAdd(deps: SchoolAddDeps, cmd: SchoolAddCommand): Promise<{ code: number; text: string }> {
  // "114501,136285" or "URN: 114501" as pasted work too
  const { results, giasDate } = await draftSchoolsFromUrns(deps, { trustId: cmd.trustId, urns: parseUrnList(cmd.urns.join(' ')) });
  const ok = results.filter((r): r is Extract<UrnResult, { ok: true }> => r.ok);
  const failed = results.filter((r): r is Extract<UrnResult, { ok: false }> => !r.ok);
  const previews = new Map<string, PreviewResult>();
  if (cmd.preview && deps.fetcher) {
    for (const r of ok) previews.set(r.urn, await previewSchool({ fetcher: deps.fetcher, clock: deps.clock ?? (() => new Date()) }, r.draft.school));
  }
  let saved: School[] = [];
  let saveError: SchoolsNotSavedError | undefined;
  if (cmd.yes && failed.length === 0 && ok.length) {
    try {
      saved = await saveSchoolsFromUrns(deps, { trustId: cmd.trustId, schools: ok.map((r) => r.draft.school) });
    } catch (err) {
      if (!(err instanceof SchoolsNotSavedError)) throw err;
      saveError = err;
    }
  }
  const code = failed.length || saveError || ok.length === 0 ? 1 : 0;
  if (cmd.json) {
    const body = {
      saved: saved.length > 0,
      giasDate,
      schools: results.map((r) =>
        r.ok ? { urn: r.urn, ok: true, school: r.draft.school, filled: r.draft.filled, missing: r.draft.missing, warnings: r.draft.warnings, ...(previews.has(r.urn) ? { preview: previews.get(r.urn) } : {}) } : { urn: r.urn, ok: false, error: { code: r.error.problem, message: r.error.message } },
      ),
      ...(saveError ? { error: { code: 'not-saved', message: saveError.message, problems: saveError.problems } } : {}),
    };
    return { code, text: `${JSON.stringify(body, null, 2)}\n` };
  }
  const out: string[] = [];
  if (ok.length) out.push(`Draft${ok.length === 1 ? '' : 's'} from GIAS data of ${day(giasDate)}:`, '', ...ok.map((r) => `${describeDraft(r, previews.get(r.urn))}\n`));
  for (const r of failed) out.push(`${r.urn || '(no URN)'}: ${r.error.message}`);
  if (failed.length) out.push('', `${failed.length} URN(s) could not be drafted: nothing saved. Fix or leave them out and run again.`);
  else if (saveError) out.push(saveError.message);
  else if (saved.length) out.push(`Saved ${saved.length} school(s) to trust ${cmd.trustId}: ${saved.map((s) => s.id).join(', ')}. Their feeds are polled from the next run.`);
  else if (ok.length) out.push(`Nothing saved; run again with --yes to save${ok.length > 1 ? ` all ${ok.length} schools` : ''}.${cmd.preview ? '' : ' Add --preview to see what their feeds match now.'}`);
  return { code, text: `${out.join('\n')}\n` };
}
