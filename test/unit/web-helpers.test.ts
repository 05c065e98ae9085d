import { describe, expect, it } from 'vitest';
import { FilterError, parseFilters } from '../../lib/app/mentions-query';
import { parseUserCommand, UserInputError } from '../../lib/app/users';
import { evidenceCsv } from '../../lib/web/app';
import { safeNext } from '../../lib/web/security';
import { short, visible } from '../../lib/web/text';
import { mention } from '../support/fixtures';

describe('web helpers', () => {
  it('only returns to local paths after sign-in', () => {
    expect(safeNext('/mentions/abc?x=1')).toBe('/mentions/abc?x=1');
    for (const bad of ['https://evil.example/', '//evil.example', '/\\evil.example', 'javascript:alert(1)', '/auth/login', undefined, '/a b']) expect(safeNext(bad)).toBe('/mentions');
  });

  it('draws bidi and control characters as visible markers and escapes markup', async () => {
    const out = String(await visible('a\u202Eb<script>\u200B'));
    expect(out).toBe('a<span class="ctl" title="hidden control character">[U+202E]</span>b&lt;script&gt;<span class="ctl" title="hidden control character">[U+200B]</span>');
    expect(short('x\u202Ey\n\n z')).toBe('xy z');
  });

  it('parses filters, treating blanks as "any", and names bad fields', () => {
    expect(parseFilters({ status: '', severity: 'high', limit: '10' })).toMatchObject({ severity: 'high', limit: 10, sort: 'newest' });
    try {
      parseFilters({ from: '2026-13-45', cursor: '<script>', status: 'new' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(FilterError);
      expect(Object.keys((err as FilterError).problems).sort()).toEqual(['cursor', 'from']);
    }
    expect(() => parseFilters({ from: '2026-02-01', to: '2026-01-01' })).toThrow(/on or after/);
  });

  it('writes a formula-safe evidence CSV', () => {
    const csv = evidenceCsv([mention({ id: 'm1', schoolId: 's', trustId: 't', capturedAt: '2026-01-01T00:00:00.000Z', title: '=cmd|"/c calc"!A1', author: '@x' })], new Map([['s', 'School, "S"']]));
    const [header, row] = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(header).toMatch(/^School,Captured at \(UTC\),/);
    expect(row).toContain(`"School, ""S"""`);
    expect(row).toContain(`"'=cmd|""/c calc""!A1"`);
  });

  it('parses `user` CLI arguments', () => {
    expect(parseUserCommand(['add', 'h@x.example', '--role', 'head', '--trust', 't', '--school', 's'])).toEqual({ sub: 'add', email: 'h@x.example', role: 'head', trustId: 't', schoolId: 's', replace: false });
    expect(parseUserCommand(['list', '--trust', 't'])).toEqual({ sub: 'list', trustId: 't' });
    expect(() => parseUserCommand(['add', 'h@x.example', '--role'])).toThrow(UserInputError);
    expect(() => parseUserCommand(['add', 'h@x.example', '--role', 'head', '--trust', 't', '--colour', 'red'])).toThrow(/unknown option/);
  });
});
