/**
 * Where a benchmark's section goes: printed only, unless the run asks to record it (`--write`, or an explicit
 * `--out FILE`). So trying `npm run bench:web` on a laptop never rewrites the committed BENCHMARKS.md.
 */
export function writeTarget(values: { write?: boolean; out?: string }, fallback = 'BENCHMARKS.md'): string | undefined {
  if (values.out) return values.out;
  return values.write ? fallback : undefined;
}
