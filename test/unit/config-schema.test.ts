import { describe, expect, it } from 'vitest';
import { ConfigFile, LIMITS } from '../../lib/config/schema';

describe('ConfigFile schema', () => {
  it('fills defaults for a minimal school', () => {
    const cfg = ConfigFile.parse({ trusts: [{ id: 'meridian', name: 'Meridian', schools: [{ id: 'northgate', name: 'Northgate Park Academy' }] }] });
    const school = cfg.trusts[0]!.schools[0]!;
    expect(school.timezone).toBe('Europe/London');
    expect(school.digestHour).toBe(7);
    expect(school.feeds).toEqual([]);
  });

  it('names the path of a bad field', () => {
    const res = ConfigFile.safeParse({ trusts: [{ id: 'm', name: 'M', schools: [{ id: 's', name: 'S', timezone: 'Mars/Base', feeds: [{ source: 'rss', url: 'file:///etc/passwd' }] }] }] });
    expect(res.success).toBe(false);
    const paths = res.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toContain('trusts.0.schools.0.timezone');
    expect(paths).toContain('trusts.0.schools.0.feeds.0.url');
  });

  it('rejects a school id used by two trusts', () => {
    const school = { id: 'dup', name: 'Dup School' };
    const res = ConfigFile.safeParse({ trusts: [{ id: 'a', name: 'A', schools: [school] }, { id: 'b', name: 'B', schools: [school] }] });
    expect(res.success).toBe(false);
    expect(res.error!.issues[0]!.message).toMatch(/already used by trust "a"/);
  });

  it('bounds every list and text to what a real trust needs, naming the field and the limit', () => {
    const problems = (cfg: unknown) => {
      const res = ConfigFile.safeParse(cfg);
      return res.success ? [] : res.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    };
    const trust = (schools: unknown[], extra: object = {}) => ({ trusts: [{ id: 'm', name: 'M', schools, ...extra }] });
    // The issue's file: thousands of long aliases on one school.
    const huge = { id: 's', name: 'S', aliases: Array.from({ length: 3000 }, (_, i) => `Alias ${i} ${'x'.repeat(300)}`) };
    expect(problems(trust([huge]))).toEqual([`trusts.0.schools.0.aliases: list at most ${LIMITS.listItems} entries`]);
    expect(problems(trust([{ id: 's', name: 'S', aliases: ['ok', 'x'.repeat(LIMITS.nameChars + 1)] }]))).toEqual([`trusts.0.schools.0.aliases.1: must be at most ${LIMITS.nameChars} characters`]);
    expect(problems(trust(Array.from({ length: LIMITS.schoolsPerTrust + 1 }, (_, i) => ({ id: `s${i}`, name: `School ${i}` })))))
      .toContain(`trusts.0.schools: list at most ${LIMITS.schoolsPerTrust} schools in one trust`);
    const many = (n: number, f: (i: number) => unknown) => Array.from({ length: n }, (_, i) => f(i));
    expect(problems(trust([{ id: 's', name: 'S', recipients: many(LIMITS.recipients + 1, (i) => `h${i}@x.example`) }]))).toContain(`trusts.0.schools.0.recipients: list at most ${LIMITS.recipients} addresses`);
    expect(problems(trust([{ id: 's', name: 'S', feeds: many(LIMITS.feeds + 1, (i) => ({ source: 'rss', url: `https://x.example/${i}` })) }]))).toContain(`trusts.0.schools.0.feeds: list at most ${LIMITS.feeds} feeds`);
    expect(problems(trust([{ id: 's', name: 'S', feeds: [{ source: 'rss', url: `https://x.example/${'a'.repeat(LIMITS.urlChars)}` }] }]))).toContain(`trusts.0.schools.0.feeds.0.url: must be at most ${LIMITS.urlChars} characters`);
    expect(problems(trust([{ id: 's', name: 'x'.repeat(LIMITS.nameChars + 1) }]))).toContain(`trusts.0.schools.0.name: must be at most ${LIMITS.nameChars} characters`);
    expect(problems(trust([{ id: 's', name: 'S', scoring: { extraTerms: many(LIMITS.scoringTerms + 1, (i) => `t${i}`) } }]))).toContain(`trusts.0.schools.0.scoring.extraTerms: list at most ${LIMITS.scoringTerms} terms`);
    expect(problems(trust([], { rollup: { recipients: many(LIMITS.recipients + 1, (i) => `c${i}@x.example`) } }))).toContain(`trusts.0.rollup.recipients: list at most ${LIMITS.recipients} addresses`);
    expect(problems({ trusts: many(LIMITS.trustsPerFile + 1, (i) => ({ id: `t${i}`, name: `T${i}` })) })).toContain(`trusts: list at most ${LIMITS.trustsPerFile} trusts in one file`);
    // At the limits a school is still far below DynamoDB's 400 KB item limit (checked in the store test).
    expect(problems(trust([{ id: 's', name: 'S', aliases: many(LIMITS.listItems, (i) => `${i}`.padEnd(LIMITS.nameChars, 'x')) }]))).toEqual([]);
  });
});
