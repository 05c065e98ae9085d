/**
 * Checks a labelled item set's format without scoring it, so a blind author can check their work
 * without seeing what the scorer makes of it:
 *
 *   npx tsx scripts/check-item-set.ts DIR        # DIR holds items.jsonl and schools.json
 *
 * Checks: every line is JSON in the shared eval format (/work/shared/eval/README.md), ids are unique,
 * every item names a school in schools.json, the labels agree with each other (not about the school →
 * not flagged; flagged ↔ a family), and schools.json loads as the scorer's schools file. Prints the
 * counts per label and per source; exits 1 with every problem listed (line numbers) when any is found.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { loadSchoolsFile } from '../lib/score/assess';

const Item = z.object({
  id: z.string().min(1),
  school: z.string().min(1),
  source: z.enum(['news', 'forum', 'twitter', 'reddit', 'facebook', 'blog']),
  title: z.string().optional(),
  text: z.string().min(1),
  expect: z.object({
    mentioned: z.boolean(),
    flag: z.boolean(),
    family: z.enum(['abuse', 'confidential', 'reputation', 'both']).nullable(),
  }),
});

const dir = process.argv[2];
if (!dir) {
  console.error('usage: npx tsx scripts/check-item-set.ts DIR   (DIR holds items.jsonl and schools.json)');
  process.exit(2);
}
const problems: string[] = [];
const schoolsPath = join(dir, 'schools.json');
const itemsPath = join(dir, 'items.jsonl');
let schoolIds = new Set<string>();
if (!existsSync(schoolsPath)) problems.push(`${schoolsPath}: missing`);
else {
  try {
    schoolIds = new Set(loadSchoolsFile(JSON.parse(readFileSync(schoolsPath, 'utf8'))).keys());
  } catch (e) {
    problems.push(`${schoolsPath}: ${(e as Error).message}`);
  }
}
const counts = new Map<string, number>();
const sources = new Map<string, number>();
const ids = new Set<string>();
const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
if (!existsSync(itemsPath)) problems.push(`${itemsPath}: missing`);
else {
  readFileSync(itemsPath, 'utf8').split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    const at = `${itemsPath}:${i + 1}`;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      problems.push(`${at}: not valid JSON`);
      return;
    }
    const parsed = Item.safeParse(json);
    if (!parsed.success) {
      problems.push(`${at}: ${parsed.error.issues.map((x) => `${x.path.join('.') || 'item'}: ${x.message}`).join('; ')}`);
      return;
    }
    const it = parsed.data;
    if (ids.has(it.id)) problems.push(`${at}: id ${it.id} used twice`);
    ids.add(it.id);
    if (schoolIds.size && !schoolIds.has(it.school)) problems.push(`${at}: school "${it.school}" is not in schools.json`);
    const e = it.expect;
    if (!e.mentioned && (e.flag || e.family)) problems.push(`${at}: not about the school, so flag must be false and family null`);
    if (e.flag && !e.family) problems.push(`${at}: flagged items need a family`);
    if (!e.flag && e.family) problems.push(`${at}: unflagged items have family null`);
    bump(counts, !e.mentioned ? 'not about the school' : e.flag ? `flag: ${e.family}` : 'about the school, not flagged');
    bump(sources, it.source);
  });
}
console.log(`${ids.size} items, ${schoolIds.size} schools`);
for (const [k, n] of [...counts].sort()) console.log(`  ${k}: ${n}`);
console.log(`sources: ${[...sources].sort().map(([k, n]) => `${k} ${n}`).join(', ')}`);
if (problems.length) {
  console.error(`\n${problems.length} problem(s):`);
  for (const p of problems) console.error(`  ${p}`);
  process.exit(1);
}
console.log('format OK');
