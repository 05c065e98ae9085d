#!/usr/bin/env node
import { readFileSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { ConfigValidationError, exportConfig, importConfig } from '../lib/app/config';
import { consoleLogger, type Logger } from '../lib/app/deps';
import { describeSuppressionReason, liftSuppression, LiftSuppressionError } from '../lib/app/mail-events';
import { pollAndAlert } from '../lib/app/poll-all';
import { eraseSchoolData, exportSchoolData, purgeExpired } from '../lib/app/retention';
import { sendDigests } from '../lib/app/send-digests';
import { DigestReleaseError, releaseDigestClaim } from '../lib/app/digest-release';
import { ConfigError, loadEnv } from '../lib/config/env';
import { FeedError } from '../lib/feeds/errors';
import { createSafeFetcher } from '../lib/feeds/fetch';
import { DataDirBusyError } from '../lib/local/data-dir-lock';
import { ThrowawayMailError, withCliRuntime } from '../lib/local/cli-runtime';
import { parseUserCommand, readPassword, runUserCommand, USER_HELP, UserInputError } from '../lib/app/users';
import { JsonSyntaxError, parseJson } from '../lib/config/messages';
import { testFeed } from '../lib/app/feed-test';
import { assessItem, loadSchoolsFile } from '../lib/score/assess';
import { buildPageCapturer } from '../lib/app/build-capture-deps';
import { captureUrlToDirectory } from '../lib/app/capture-url';
import { CaptureError } from '../lib/evidence/errors';
import { runSchoolAdd, SCHOOL_ADD_HELP } from '../lib/app/school-add-command';
import { UrnLookupError } from '../lib/app/school-from-urn';
import { GIAS_HELP, giasCommand } from './gias-command';
import { backfillUnreviewedIndex, DEFAULT_MIGRATE_BATCH, ensureIndexes, MigrationError, MIGRATIONS } from '../lib/app/migrate';

// The local tools support Node 20.19+; the SDK's Node 22 advisory is for the Lambda runtime, which is on 22+.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const HELP = `Usage: npm run -s cli -- <command> [options]

Commands:
  config import FILE         validate a configuration file (trusts, schools, feeds) and save it;
                             a bad file is rejected whole, naming each bad field
  config export [--out F]    print (or write) the saved configuration as JSON
  poll --once [--all]        poll every due feed now (--all: every feed, due or not)
  digest --now [--school ID] [--throwaway-mail]
                             send today's digests now, ignoring the digest hour (never twice a day); needs
                             SES_ENDPOINT (a mail server someone reads) unless --throwaway-mail. Exits 2 when a
                             send failed, its outcome is unknown, or a held day's last attempt failed
  digest release --trust T [--school S] --date YYYY-MM-DD --note "…"
                             release a held digest claim (a dead run, or an "outcome unknown" send you checked
                             did not arrive) so the next run sends it now; without --school: the trust roll-up
  assess [--schools FILE]    score JSON lines {id, school, title, text} from stdin, one JSON line out per item;
                             without --schools the text is scored alone (no school matching)
  feed test URL [--json]     fetch and parse one feed with the production fetcher and show its items
  capture URL --out DIR [--json] [--timezone TZ]   capture one web page as evidence into DIR: screenshot.png,
                             page.html, page.txt, manifest.json (same guarded fetcher and browser as the pipeline)
  migrate unreviewed-index [--again] [--batch N]
                             bring a store written before 0.5 up to date: add the unreviewed index (a local
                             store's table is rebuilt) and index every unreviewed mention; resumable, safe to repeat
  purge [--dry-run]          erase snapshots older than each trust's retention period (escalated ones are kept)
  school add URN [URN…] --trust T [--yes] [--json] [--preview]
                             fill schools from GIAS by URN (name, aliases, context, public facts) and show the
                             drafts; --yes saves them (all or none)
  school export ID [--out F] everything held about one school's mentions, as JSON (subject-access requests)
  school erase ID --yes      erase all of one school's mentions, audit trail and digest records (config stays)
  mail suppressed | mail unsuppress EMAIL --note "…"   list addresses digests skip (bounce, complaint, repeated
                             soft bounces), or lift one once it works again (the note is kept in its history)
  gias import FILE | gias show URN | gias refresh   load the GIAS all-establishments extract (the school
                             register) into the index "school add URN" reads, show one establishment from it,
                             or download today's extract (GIAS_EXTRACT_URL) as the weekly job in AWS does
${USER_HELP}

Environment: DYNAMODB_ENDPOINT and SES_ENDPOINT point the CLI at a running stack (npm start prints them);
SCHOOLWATCH_TARGET=aws (with TABLE_NAME, AWS_REGION and AWS credentials) points it at a deployed stack;
otherwise it opens the embedded store in DATA_DIR (default .schoolwatch). FEED_ALLOW_HOSTS=host:port,…
lets 'feed test' and polling reach named loopback feed servers.`;

/** `npm run -s cli -- COMMAND --help`: that command's lines of the help, with an example or two. */
const COMMAND_HELP: Record<string, string> = {
  config: `Usage: npm run -s cli -- config import FILE | config export [--out FILE]

  config import FILE         validate a configuration file (trusts, schools, feeds) and save it. The whole
                             file is checked first; a bad file is rejected whole, naming each bad field, and
                             nothing is saved. Re-importing the same file changes nothing.
  config export [--out F]    print (or write to F) the saved configuration as JSON, ready to edit and import

Example: npm run -s cli -- config export > schools.json && npm run -s cli -- config import schools.json`,
  poll: `Usage: npm run -s cli -- poll --once [--all]

Polls every feed that is due now (--all: every feed, due or not), with one progress line per feed on stderr.
Exit code 2 when a feed failed. The scheduler in \`npm start\` polls continuously; this is for a one-off run.`,
  digest: `Usage: npm run -s cli -- digest --now [--school ID]

Sends today's digests now, ignoring each school's digest hour (--school: only that school). A school's digest
still goes at most once per local day. Exit code 2 when a send failed.`,
  assess: `Usage: npm run -s cli -- assess [--schools FILE] < items.jsonl

Reads JSON lines {id, school?, title, text} from stdin and writes one JSON line per item:
{id, mentioned, flagged, score, families, categories, evidence}. With --schools (a configuration file) each
item is matched to its school first (its publicFacts, e.g. the office number, are never flagged as a leak);
without it the text is scored alone.`,
  feed: `Usage: npm run -s cli -- feed test URL [--json]

Fetches and parses one feed with the production fetcher (the same limits and address guard as polling)
and lists its items. --json prints the parsed feed, and any error, as JSON. The admin console checks a
pasted feed address with the same code before saving. A Google Alert delivered as RSS has an address like
https://www.google.com/alerts/feeds/<digits>/<digits>; the alerts page itself is refused with the steps.
Loopback or private feed servers must be listed in FEED_ALLOW_HOSTS=host:port,…`,
  migrate: `Usage: npm run -s cli -- migrate unreviewed-index [--again] [--batch N]

Brings a store written before 0.5 up to date for the Overview, which counts unreviewed items from a sparse
index (GSI2) instead of reading every item a trust ever had:
  1. the table gets the index. In AWS, deploy the stack first (\`npx cdk deploy\` adds it). The embedded local
     store (no DYNAMODB_ENDPOINT; stop \`npm start\` first) cannot add an index to a table, so its table is
     copied aside, re-created with the index and copied back; an interrupted copy resumes.
  2. every mention with status "new" gets the index keys, school by school, with a progress line per page
     (--batch N mentions, default ${DEFAULT_MIGRATE_BATCH}). Progress is saved per school: run it again after an interruption and
     it resumes; a finished school is skipped unless --again (which re-checks every mention and writes only
     what is missing). New mentions and reviews keep the index right by themselves.
Until step 2 has finished, the Overview counts only the mentions indexed so far.`,
  purge: `Usage: npm run -s cli -- purge [--dry-run]

Erases snapshots older than each trust's retentionMonths (escalated items are kept); --dry-run only reports.`,
  school: `Usage: npm run -s cli -- school add URN [URN…] --trust T [--yes] | school export ID [--out FILE] | school erase ID --yes

${SCHOOL_ADD_HELP.replace(/^Usage: npm run -s cli -- /, '  ')}

  school export ID [--out F] everything held about one school's mentions, as JSON (subject-access requests)
  school erase ID --yes      erase all of one school's mentions, audit trail and digest records (config stays)`,
  mail: `Usage: npm run -s cli -- mail suppressed | mail unsuppress EMAIL --note "why it works again"

  mail suppressed            list the addresses digests skip (bounce, complaint, repeated soft bounces)
  mail unsuppress EMAIL --note "…"   lift one once it works again; the note is kept in its history`,
  gias: GIAS_HELP,
  user: `Usage: npm run -s cli -- user add|list|disable|enable …

${USER_HELP}

Example: printf '%s\\n' "$PASSWORD" | npm run -s cli -- user add head@school.example --role head --trust T --school S`,
};

type Handler = (args: string[], log: Logger) => Promise<number>;

const commands: Record<string, Handler> = {
  async config(args, log) {
    const [sub, file] = args;
    const { values } = parseArgs({ args: args.slice(1), options: { out: { type: 'string' } }, allowPositionals: true });
    const env = loadEnv();
    if (sub === 'import') {
      if (!file) throw new UsageError('config import needs a FILE: npm run -s cli -- config import schools.json');
      const json = readJsonFile(file);
      return withCliRuntime(env, { log, command: 'schoolwatch config import' }, async (deps) => {
        const s = await importConfig(deps, json);
        console.log(`Imported ${file}: ${s.created} created, ${s.updated} updated, ${s.unchanged} unchanged.`);
        return 0;
      });
    }
    if (sub === 'export') {
      return withCliRuntime(env, { log, command: 'schoolwatch config export' }, async (deps) => {
        const json = `${JSON.stringify(await exportConfig(deps), null, 2)}\n`;
        if (values.out) {
          writeFileSync(values.out, json);
          console.error(`Wrote ${values.out}`);
        } else process.stdout.write(json);
        return 0;
      });
    }
    throw new UsageError('config takes "import FILE" or "export"');
  },

  async poll(args, log) {
    const { values } = parseArgs({ args, options: { once: { type: 'boolean' }, all: { type: 'boolean' } } });
    if (!values.once) throw new UsageError('poll needs --once (the scheduler in `npm start` polls continuously)');
    return withCliRuntime(loadEnv(), { log, mail: true, command: 'schoolwatch poll --once' }, async (deps, notes) => {
      const { polls: results, alerts } = await pollAndAlert(deps, {
        all: values.all,
        onResult: (r, done, total) =>
          console.error(`[${done}/${total}] ${r.outcome === 'failed' ? `FAILED ${r.error?.code}: ${r.error?.message}` : `${r.outcome}: ${r.items} items, ${r.matched} matched, ${r.flagged} flagged, ${r.stored} new`} — ${r.url}`),
      });
      const failed = results.filter((r) => r.outcome === 'failed').length;
      if (results.length === 0) console.log('No feeds are due. Use --all to poll every feed now, or add feeds with config import.');
      else {
        const reports = results.reduce((n, r) => n + (r.newReports ?? 0), 0);
        console.log(`Polled ${results.length} feed(s): ${results.reduce((n, r) => n + r.stored, 0)} new flagged mention(s)${reports ? `, ${reports} new Ofsted report(s)` : ''}, ${failed} feed(s) failed.`);
      }
      for (const a of alerts.filter((x) => x.mentions > 0)) console.log(`urgent alert ${a.schoolId}: ${a.outcome} (${a.mentions} mention(s))${a.dueAt ? ` due ${a.dueAt}` : ''}${a.error ? ` — ${a.error}` : ''}`);
      if (alerts.some((a) => a.outcome === 'sent')) notes.forEach((n) => console.error(n));
      return failed > 0 ? 2 : 0;
    });
  },

  async digest(args, log) {
    if (args[0] === 'release') {
      const { values } = parseArgs({ args: args.slice(1), options: { trust: { type: 'string' }, school: { type: 'string' }, date: { type: 'string' }, note: { type: 'string' } } });
      if (!values.trust || !values.date || !values.note?.trim()) {
        throw new UsageError('digest release needs --trust T [--school S] --date YYYY-MM-DD --note "why" (without --school it releases the trust roll-up)');
      }
      return withCliRuntime(loadEnv(), { log, command: 'schoolwatch digest release' }, async (deps) => {
        try {
          const by = `cli:${process.env.USER || process.env.USERNAME || 'unknown'}`;
          const { previous } = await releaseDigestClaim(deps, { trustId: values.trust!, schoolId: values.school, localDate: values.date!, by, note: values.note! });
          const what = values.school ? `the digest of ${values.school}` : `the roll-up of ${values.trust}`;
          console.log(`Released ${what} on ${values.date} (claimed ${previous.claimedAt}${previous.lastError ? `; last error: ${previous.lastError}` : ''}). The next run sends it (digest --now, or the next scheduled run); your note is kept with the day's record.`);
          return 0;
        } catch (err) {
          if (!(err instanceof DigestReleaseError)) throw err;
          console.error(err.message);
          return 1;
        }
      });
    }
    const { values } = parseArgs({ args, options: { now: { type: 'boolean' }, school: { type: 'string' }, 'throwaway-mail': { type: 'boolean' } } });
    if (!values.now) throw new UsageError('digest needs --now (scheduled digests go out at each school’s digest hour), or "release"');
    const command = `schoolwatch digest --now${values.school ? ` --school ${values.school}` : ''}`;
    return withCliRuntime(loadEnv(), { log, mail: true, throwawayMail: values['throwaway-mail'], command }, async (deps, notes) => {
      const results = await sendDigests(deps, { force: true, schoolId: values.school });
      if (values.school && results.length === 0) throw new UsageError(`No school with id "${values.school}". See the ids with: npm run -s cli -- config export`);
      for (const r of results) {
        console.log(`${r.schoolId} ${r.localDate}: ${r.outcome}${r.mentions ? ` (${r.mentions} mention(s))` : ''}${r.messageId ? ` message ${r.messageId}` : ''}${r.error ? ` — ${r.error}` : ''}`);
        if (r.message && r.outcome !== 'sent') console.log(`  ${r.message}`);
      }
      notes.forEach((n) => console.error(n));
      // A held day whose last attempt failed (or may have gone) needs a person: say so in the exit code too.
      return results.some((r) => r.outcome === 'failed' || r.outcome === 'unknown' || (r.outcome === 'in-progress' && r.error)) ? 2 : 0;
    });
  },

  async migrate(args, log) {
    const [name] = args;
    const { values } = parseArgs({ args: args.slice(1), options: { again: { type: 'boolean' }, batch: { type: 'string' } } });
    if (!name || !(MIGRATIONS as readonly string[]).includes(name)) throw new UsageError(`migrate takes the name of a migration: ${MIGRATIONS.join(', ')} (see npm run -s cli -- migrate --help)`);
    const pageSize = values.batch === undefined ? DEFAULT_MIGRATE_BATCH : Number(values.batch);
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 5000) throw new UsageError(`--batch must be a whole number from 1 to 5000, not "${values.batch}"`);
    return withCliRuntime(loadEnv(), { log, command: `schoolwatch migrate ${name}` }, async (deps, _notes, table) => {
      const say = (line: string) => console.error(line);
      try {
        const index = await ensureIndexes(table, say);
        say(index === 'present' ? `Table "${table.tableName}" already has its indexes.` : `Table "${table.tableName}" now has its indexes (${index}).`);
        const r = await backfillUnreviewedIndex(deps, { say, pageSize, again: values.again });
        console.log(`Unreviewed index: ${r.schools} school(s), ${r.read.toLocaleString('en-GB')} mention(s) read, ${r.added.toLocaleString('en-GB')} indexed, ${r.removed} stale key(s) removed, ${r.raced} changed meanwhile${r.complete ? '. Done.' : '; not finished: run the command again to resume.'}`);
        return r.complete ? 0 : 2;
      } catch (err) {
        if (!(err instanceof MigrationError)) throw err;
        console.error(err.message);
        return 1;
      }
    });
  },

  async purge(args, log) {
    const { values } = parseArgs({ args, options: { 'dry-run': { type: 'boolean' } } });
    return withCliRuntime(loadEnv(), { log, command: 'schoolwatch purge' }, async (deps) => {
      const results = await purgeExpired(deps, { dryRun: values['dry-run'] });
      for (const r of results) console.log(`${r.schoolId}: ${values['dry-run'] ? 'would erase' : 'erased'} ${r.mentionsErased} snapshot(s), kept ${r.escalatedKept} escalated, ${r.seenMarkersPurged} expired dedupe marker(s) removed, ${r.alertBatchesPurged} old alert record(s) ${values['dry-run'] ? 'due' : 'removed'}`);
      if (results.length === 0) console.log('No schools are configured.');
      return 0;
    });
  },

  async school(args, log) {
    if (args[0] === 'add') {
      const { values, positionals } = parseArgs({ args: args.slice(1), options: { trust: { type: 'string' }, yes: { type: 'boolean' }, json: { type: 'boolean' }, preview: { type: 'boolean' } }, allowPositionals: true });
      if (!positionals.length || !values.trust) throw new UsageError('usage: school add URN [URN…] --trust T [--yes] [--json] [--preview]');
      return withCliRuntime(loadEnv(), { log, command: 'schoolwatch school add' }, async (deps) => {
        const { code, text } = await runSchoolAdd(deps, { urns: positionals, trustId: values.trust!, yes: !!values.yes, json: !!values.json, preview: !!values.preview });
        process.stdout.write(text);
        return code;
      });
    }
    const [sub, id] = args;
    const { values } = parseArgs({ args: args.slice(2), options: { out: { type: 'string' }, yes: { type: 'boolean' } } });
    if (!id || (sub !== 'export' && sub !== 'erase')) throw new UsageError('usage: school export ID [--out FILE] | school erase ID --yes');
    if (sub === 'erase' && !values.yes) throw new UsageError(`Erasing deletes every snapshot and audit event of "${id}" for good. Add --yes to confirm.`);
    return withCliRuntime(loadEnv(), { log, command: `schoolwatch school ${sub}` }, async (deps) => {
      if (sub === 'export') {
        const data = await exportSchoolData(deps, id);
        if (!data) throw new UsageError(`No school with id "${id}". See the ids with: npm run -s cli -- config export`);
        const json = `${JSON.stringify(data, null, 2)}\n`;
        if (values.out) {
          writeFileSync(values.out, json);
          console.error(`Wrote ${data.mentions.length} mention(s) of ${id} to ${values.out}`);
        } else process.stdout.write(json);
        return 0;
      }
      const erased = await eraseSchoolData(deps, id);
      if (!erased) throw new UsageError(`No school with id "${id}". See the ids with: npm run -s cli -- config export`);
      console.log(`Erased ${erased.mentions} mention(s), ${erased.evidenceFiles} evidence file(s) and ${erased.items} other record(s) of ${id}; its configuration is kept.`);
      return 0;
    });
  },

  async mail(args, log) {
    const [sub, email] = args;
    const { values } = parseArgs({ args: args.slice(sub === 'unsuppress' ? 2 : 1), options: { note: { type: 'string' } } });
    if (sub !== 'suppressed' && sub !== 'unsuppress') throw new UsageError('usage: mail suppressed | mail unsuppress EMAIL --note "why it works again"');
    if (sub === 'unsuppress' && (!email || !values.note?.trim())) throw new UsageError('mail unsuppress needs an EMAIL and --note "why it works again" (kept with the address\'s history)');
    return withCliRuntime(loadEnv(), { log, command: `schoolwatch mail ${sub}` }, async (deps) => {
      if (sub === 'suppressed') {
        const [list, soft] = await Promise.all([deps.store.suppressions.list(), deps.store.suppressions.listSoftBounces(deps.clock().toISOString())]);
        for (const r of list) console.log(`${r.email}\t${describeSuppressionReason(r.reason)}${r.detail ? ` (${r.detail})` : ''}\tsince ${r.at}\tmessage ${r.messageId}`);
        if (list.length === 0) console.log('No address is suppressed.');
        const unsuppressed = soft.filter((b) => !list.some((r) => r.email === b.email));
        if (unsuppressed.length) console.log(`Soft bounces in the last 14 days (not suppressed): ${unsuppressed.map((b) => `${b.email} ${b.count}`).join(', ')}`);
        return 0;
      }
      try {
        const lift = await liftSuppression(deps, { email: email!, by: `cli:${process.env.USER || process.env.USERNAME || 'unknown'}`, note: values.note! });
        console.log(`Lifted the suppression of ${lift.email} (${describeSuppressionReason(lift.suppression.reason)} since ${lift.suppression.at}); digests go to it again.`);
        return 0;
      } catch (err) {
        if (!(err instanceof LiftSuppressionError)) throw err;
        console.error(err.message);
        return 1;
      }
    });
  },

  async assess(args) {
    const { values } = parseArgs({ args, options: { schools: { type: 'string' } } });
    const schools = values.schools ? loadSchoolsFile(readJsonFile(values.schools)) : undefined;
    let line = 0;
    let bad = 0;
    for await (const raw of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
      line++;
      if (!raw.trim()) continue;
      try {
        const item = JSON.parse(raw) as Parameters<typeof assessItem>[0];
        if (typeof item !== 'object' || item === null || typeof item.id !== 'string') throw new Error('each line needs a string "id"');
        process.stdout.write(`${JSON.stringify(assessItem(item, schools))}\n`);
      } catch (err) {
        bad++;
        console.error(`line ${line}: skipped, ${(err as Error).message}`);
      }
    }
    return bad > 0 ? 1 : 0;
  },

  async user(args, log) {
    const cmd = parseUserCommand(args);
    const password = cmd.sub === 'add' ? await readPassword(process.stdin, `Password for ${cmd.email}: `) : undefined;
    return withCliRuntime(loadEnv(), { log, command: `schoolwatch user ${cmd.sub}` }, async (deps) => {
      console.log(await runUserCommand(deps, cmd, password));
      return 0;
    });
  },

  async capture(args) {
    const { values, positionals } = parseArgs({ args, options: { out: { type: 'string' }, json: { type: 'boolean' }, timezone: { type: 'string', default: 'Europe/London' } }, allowPositionals: true });
    const [url] = positionals;
    if (!url || !values.out) throw new UsageError('usage: capture URL --out DIR [--json] [--timezone Europe/London]');
    const timeZone = values.timezone!;
    try {
      new Intl.DateTimeFormat('en-GB', { timeZone });
    } catch {
      throw new UsageError(`--timezone "${timeZone}" is not a time zone name such as Europe/London.`);
    }
    const env = loadEnv();
    const capturer = buildPageCapturer(env, { clock: () => new Date(), newId: () => crypto.randomUUID() });
    try {
      const { manifest, files } = await captureUrlToDirectory(capturer, url, values.out, timeZone);
      if (values.json) process.stdout.write(`${JSON.stringify({ ok: true, dir: values.out, files, manifest }, null, 2)}\n`);
      else console.log(`Captured ${manifest.finalUrl} (HTTP ${manifest.httpStatus}) at ${manifest.capturedAt} into ${values.out}: ${files.map((f) => f.split(/[\\/]/).pop()).join(', ')}`);
      return 0;
    } catch (err) {
      if (!(err instanceof CaptureError)) throw err;
      if (values.json) process.stdout.write(`${JSON.stringify({ ok: false, code: err.code, reason: err.message })}\n`);
      console.error(`Capture failed (${err.code}): ${err.message.replace(/\s+/g, ' ')}`);
      return 2;
    } finally {
      await capturer.close();
    }
  },
  gias: (args) => giasCommand(args, (message) => new UsageError(message)),
  async feed(args) {
    const [sub, url] = args;
    const { values } = parseArgs({ args: args.slice(2), options: { json: { type: 'boolean' } } });
    if (sub !== 'test' || !url) throw new UsageError('usage: feed test URL [--json]');
    const env = loadEnv();
    const fetcher = createSafeFetcher({ userAgent: env.FEED_USER_AGENT, allowHosts: env.FEED_ALLOW_HOSTS });
    const fetched = await testFeed({ fetcher }, url);
    if (fetched.kind === 'not-modified') {
      console.log('Not modified (304).');
      return 0;
    }
    const { feed } = fetched;
    if (values.json) {
      process.stdout.write(`${JSON.stringify(feed, null, 2)}\n`);
      return 0;
    }
    console.log(`${feed.title ?? '(untitled feed)'} — ${feed.items.length} item(s) from ${fetched.finalUrl}`);
    for (const item of feed.items) {
      console.log(`\n• ${item.title}\n  ${item.canonicalUrl ?? item.link ?? '(no link)'}\n  published ${item.publishedAt ?? 'unknown'}  key ${item.itemKey}\n  ${item.text.slice(0, 200)}${item.text.length > 200 ? '…' : ''}`);
    }
    return 0;
  },
};

class UsageError extends Error {}

function readJsonFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`Cannot read ${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
  }
  try {
    return parseJson(text);
  } catch (err) {
    if (!(err instanceof JsonSyntaxError)) throw err;
    throw new UsageError(`${file} is not valid JSON: ${err.message}. Fix that spot (a missing comma or quote is the usual cause) and run the command again.`);
  }
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(rest[0] && COMMAND_HELP[rest[0]] ? COMMAND_HELP[rest[0]] : HELP);
    return 0;
  }
  const handler = commands[name];
  if (!handler) throw new UsageError(`Unknown command "${name}".`);
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(COMMAND_HELP[name] ?? HELP);
    return 0;
  }
  return handler(rest, consoleLogger());
}

const argv = process.argv.slice(2);
main(argv).then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (argv.includes('--json')) {
      // Asked for JSON: the error is JSON too (on stdout, where the answer would have been), exit code 1.
      const code = err instanceof FeedError ? err.code : err instanceof UsageError ? 'usage' : err instanceof UserInputError ? 'invalid-input' : err instanceof UrnLookupError ? err.problem : 'failed';
      process.stdout.write(`${JSON.stringify({ error: { code, message: (err as Error).message ?? String(err), ...(err instanceof FeedError ? err.details : {}) } }, null, 2)}\n`);
      process.exit(1);
    }
    if (err instanceof UsageError) console.error(`${err.message}\nRun with --help for usage.`);
    else if (err instanceof ConfigValidationError || err instanceof ConfigError || err instanceof DataDirBusyError || err instanceof ThrowawayMailError) console.error(err.message);
    else if (err instanceof FeedError) console.error(`Feed error (${err.code}): ${err.message}`);
    else if (err instanceof UserInputError) console.error(`${err.message}\nRun with --help for usage.`);
    else if (err instanceof UrnLookupError) console.error(err.message);
    else console.error(`Failed: ${(err as Error).message ?? String(err)}`);
    process.exit(1);
  },
);
