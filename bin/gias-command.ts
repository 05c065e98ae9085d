import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { buildGiasFetcher, buildGiasIndex, buildGiasIndexStore } from '../lib/app/build-gias';
import { GiasRefreshError, importGias, refreshGias, type GiasImportSummary } from '../lib/app/gias-import';
import { consoleLogger } from '../lib/app/deps';
import { loadEnv } from '../lib/config/env';
import { GiasIndexFormatError } from '../lib/gias/index-format';
import { GiasIndexStoreError } from '../lib/gias/index-store';
import { GiasFormatError } from '../lib/gias/parse';
import type { GiasRecord } from '../lib/gias/types';

export const GIAS_HELP = `Usage: npm run -s cli -- gias import FILE [--json] | gias show URN [--json] | gias refresh [--json]

  gias import FILE           load a GIAS all-establishments extract (edubasealldataYYYYMMDD.csv, from
                             https://get-information-schools.service.gov.uk/Downloads) into the per-URN index
                             that "school add URN" reads. Progress goes to stderr; rows without a usable URN are
                             skipped and counted. A file that is not an extract is refused and the index kept.
  gias show URN              print what the loaded GIAS data holds for one establishment
  gias refresh               download today's extract (GIAS_EXTRACT_URL) through the guarded fetcher and
                             replace the index, as the weekly job in AWS does; a failure keeps the old index

The index is DATA_DIR/gias/index.jsonl.gz (or the GIAS_BUCKET in S3 when set). In AWS a weekly job refreshes it.
Example: npm run -s cli -- gias import ~/Downloads/edubasealldata20261130.csv`;

const LABELS: [keyof GiasRecord, string][] = [
  ['name', 'Name'], ['status', 'Status'], ['type', 'Type'], ['phase', 'Phase'], ['localAuthority', 'Local authority'], ['trust', 'Trust'],
  ['phone', 'Telephone'], ['website', 'Website'],
];

function kb(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${(bytes / 1024).toFixed(1)} KB`;
}

function describeImport(s: GiasImportSummary): string {
  const lines = [`Imported ${s.source} (${s.encoding === 'windows-1252' ? 'Windows-1252' : 'UTF-8'}): ${s.rows} rows read, ${s.indexed} establishments indexed, ${s.skipped} rows skipped${s.skipped ? ':' : '.'}`];
  for (const [reason, count] of Object.entries(s.skippedByReason)) {
    const lineNos = s.skippedExamples.filter((e) => e.reason === reason).map((e) => e.line);
    lines.push(`  ${reason}: ${count}${lineNos.length ? ` (line${lineNos.length > 1 ? 's' : ''} ${lineNos.slice(0, 5).join(', ')}${lineNos.length > 5 ? ', …' : ''})` : ''}`);
  }
  lines.push(`Index: ${kb(s.indexBytes)} stored at ${s.where}${s.extractDate ? ` (GIAS data from ${s.extractDate})` : ''}.`);
  return lines.join('\n');
}

function describeRecord(r: GiasRecord): string {
  const address = [r.street, r.locality, r.address3, r.town, r.postcode].filter(Boolean).join(', ');
  const head = [r.headTitle, r.headFirstName, r.headLastName].filter(Boolean).join(' ');
  const rows: [string, string | undefined][] = [['URN', r.urn], ...LABELS.map(([k, label]): [string, string | undefined] => [label, r[k]]), ['Address', address || undefined], ['Head', head || undefined]];
  return rows.filter(([, v]) => v).map(([k, v]) => `${`${k}:`.padEnd(17)}${v}`).join('\n');
}

/** `gias import FILE` and `gias show URN`. Bad input is reported here, in words, and exits 1 (JSON with --json). */
export async function giasCommand(args: string[], usage: (message: string) => Error): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { json: { type: 'boolean' } }, allowPositionals: true });
  const [sub, arg] = positionals;
  const fail = (code: string, message: string) => {
    if (values.json) process.stdout.write(`${JSON.stringify({ error: { code, message } }, null, 2)}\n`);
    else console.error(message);
    return 1;
  };
  try {
    if (sub === 'import') {
      if (!arg) throw usage('gias import needs a FILE: npm run -s cli -- gias import edubasealldata20261130.csv');
      const size = await stat(arg).catch((err: NodeJS.ErrnoException) => {
        throw usage(`Cannot read ${arg}: ${err.code === 'ENOENT' ? 'no such file' : err.message}`);
      });
      if (!size.isFile()) throw usage(`${arg} is not a file. Give the path of the downloaded edubasealldataYYYYMMDD.csv.`);
      const started = Date.now();
      const summary = await importGias(buildGiasIndexStore(loadEnv()), createReadStream(arg), {
        source: basename(arg),
        progressEvery: 5_000,
        onProgress: (p) => process.stderr.write(`  ${p.rowsRead} rows read…\n`),
      });
      if (values.json) process.stdout.write(`${JSON.stringify({ ok: true, ...summary, seconds: (Date.now() - started) / 1000 }, null, 2)}\n`);
      else console.log(describeImport(summary));
      return 0;
    }
    if (sub === 'show') {
      if (!arg || !/^\s*\d{6}\s*$/.test(arg)) throw usage(`gias show needs a URN, the six-digit number GIAS gives each establishment${arg ? ` ("${arg}" is not one)` : ''}.`);
      const index = buildGiasIndex(loadEnv());
      const record = await index.get(arg.trim());
      if (record) {
        const from = await index.loadedAt();
        if (values.json) process.stdout.write(`${JSON.stringify({ ...record, giasDataFrom: from }, null, 2)}\n`);
        else console.log(`${describeRecord(record)}\n(GIAS data from ${from})`);
        return 0;
      }
      const from = await index.loadedAt();
      return fail(
        'not-found',
        from
          ? `URN ${arg.trim()} is not in the loaded GIAS data (from ${from}). Check the number on https://get-information-schools.service.gov.uk, or import a newer extract with \`npm run -s cli -- gias import FILE\`.`
          : `URN ${arg.trim()} is not in the loaded GIAS data: no extract has been imported yet. Import one with \`npm run -s cli -- gias import FILE\` (download "All establishment data" from https://get-information-schools.service.gov.uk/Downloads).`,
      );
    }
    if (sub === 'refresh') {
      const env = loadEnv();
      const fetcher = buildGiasFetcher(env);
      try {
        const result = await refreshGias({ store: buildGiasIndexStore(env), fetcher, clock: () => new Date(), log: consoleLogger('gias') }, { urlTemplate: env.GIAS_EXTRACT_URL });
        if (values.json) process.stdout.write(`${JSON.stringify({ ok: true, ...result }, null, 2)}\n`);
        else if (result.kind === 'not-modified') console.log(`${result.url} has not changed since it was imported; the index (${result.meta.count} establishments) is kept.`);
        else console.log(describeImport(result.summary));
        return 0;
      } finally {
        await fetcher.close();
      }
    }
    throw usage('gias takes "import FILE", "show URN" or "refresh"');
  } catch (err) {
    if (err instanceof GiasFormatError) return fail('not-gias', `${arg}: ${err.message}`);
    if (err instanceof GiasRefreshError) return fail('refresh-failed', err.message);
    if (err instanceof GiasIndexStoreError || err instanceof GiasIndexFormatError) return fail('index', err.message);
    throw err;
  }
}
