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

describe('urgent alert settings', () => {
  const trust = (extra: object, school: object = {}) => ({ trusts: [{ id: 'm', name: 'M', ...extra, schools: [{ id: 's', name: 'S', recipients: ['head@s.example'], ...school }] }] });
  const problems = (input: object) => {
    const res = ConfigFile.safeParse(input);
    return res.success ? [] : res.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };

  it('urgentRecipients is optional (alerts then go to recipients) and must be addresses, at most 50', () => {
    expect(ConfigFile.parse(trust({})).trusts[0]!.schools[0]!.urgentRecipients).toBeUndefined();
    expect(problems(trust({}, { urgentRecipients: ['dsl@s.example'] }))).toEqual([]);
    expect(problems(trust({}, { urgentRecipients: ['not an address'] }))).toEqual(['trusts.0.schools.0.urgentRecipients.0: must be an email address']);
    expect(problems(trust({}, { urgentRecipients: Array.from({ length: 51 }, (_, i) => `a${i}@s.example`) }))).toEqual(['trusts.0.schools.0.urgentRecipients: list at most 50 addresses']);
  });

  it('urgentCategories takes known category ids and names the unknown one', () => {
    expect(problems(trust({ urgentCategories: ['abuse.threat', 'abuse.extremist'] }))).toEqual([]);
    expect(problems(trust({ urgentCategories: ['abuse.threats'] }))[0]).toMatch(/^trusts\.0\.urgentCategories\.0: unknown category "abuse\.threats"; use one of abuse\.disparaging/);
  });

  it('alertWebhook must be https (http only to loopback, for tests) with a long secret', () => {
    const secret = 'x'.repeat(32);
    expect(problems(trust({ alertWebhook: { kind: 'teams', url: 'https://example.webhook.office.com/x', secret } }))).toEqual([]);
    expect(problems(trust({ alertWebhook: { kind: 'generic', url: 'http://127.0.0.1:9000/hook', secret } }))).toEqual([]);
    expect(problems(trust({ alertWebhook: { kind: 'generic', url: 'http://hooks.example/x', secret } }))[0]).toMatch(/alertWebhook\.url: must start with https:\/\//);
    expect(problems(trust({ alertWebhook: { kind: 'generic', url: 'https://hooks.example/x', secret: 'short' } }))[0]).toMatch(/alertWebhook\.secret: must be at least 32 characters/);
  });
});
