import { describe, expect, it } from 'vitest';
import { writeTarget } from '../../bench/write-target';

describe('bench:web writes BENCHMARKS.md only when asked', () => {
  it('prints only by default, writes with --write, or to an explicit --out', () => {
    expect(writeTarget({})).toBeUndefined();
    expect(writeTarget({ write: true })).toBe('BENCHMARKS.md');
    expect(writeTarget({ out: 'x.md' })).toBe('x.md');
  });
});
