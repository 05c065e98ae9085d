import { readFileSync, writeFileSync } from 'node:fs';

/**
 * The compile scripts' two modes: write the compiled JSON, or (`check`) exit 1 when the committed JSON differs from
 * what the data files compile to, saying which command to run. Returns true when it wrote the file.
 */
export function writeOrCheck(options: { check: boolean; out: string; json: string; source: string; command: string; entries: number }): boolean {
  if (!options.check) {
    writeFileSync(options.out, options.json);
    return true;
  }
  let current = '';
  try {
    current = readFileSync(options.out, 'utf8');
  } catch {
    /* missing counts as out of date */
  }
  if (current !== options.json) {
    console.error(`${options.out} is out of date with ${options.source}: run \`${options.command}\` and commit the result.`);
    process.exit(1);
  }
  console.log(`${options.out} is up to date (${options.entries} entries).`);
  return false;
}
