import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LexiconFileError, parseLexiconTsv, type LexEntry } from '../../lib/score/lexicon-data';

/** Every *.tsv of a folder, in name order, checked; the same term twice in one category is an error. */
export function loadLexiconDir(dir: string): LexEntry[] {
  const out: LexEntry[] = [];
  const seen = new Map<string, string>();
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.tsv')).sort()) {
    const file = join(dir, name);
    const entries = parseLexiconTsv(readFileSync(file, 'utf8'), file);
    for (const e of entries) {
      const key = `${e.category}\t${e.term}`;
      const before = seen.get(key);
      if (before) throw new LexiconFileError(`${file}: "${e.term}" is already in category ${e.category} (${before}); keep one line`);
      seen.set(key, file);
      out.push(e);
    }
  }
  return out;
}
