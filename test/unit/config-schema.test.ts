import { describe, expect, it } from 'vitest';
import { ConfigFile } from '../../lib/config/schema';

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
});
