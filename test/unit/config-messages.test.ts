import { describe, expect, it } from 'vitest';
import { ConfigValidationError, importConfig } from '../../lib/app/config';
import { fieldMessage, issueSentence, JsonSyntaxError, parseJson } from '../../lib/config/messages';
import { ConfigFile, School } from '../../lib/config/schema';
import { toFeedError } from '../../lib/feeds/fetch-errors';
import { explainNetworkError } from '../../lib/feeds/network-probe';

const sentences = (schema: typeof School | typeof ConfigFile, value: unknown) => {
  const r = schema.safeParse(value);
  return r.success ? [] : r.error.issues.map((i) => issueSentence(i, schema));
};

describe('validation messages in people’s words', () => {
  it('states number bounds with both ends, types and required fields plainly', () => {
    expect(sentences(School, { id: 'x', name: 'X', digestHour: 30 })).toEqual(['Digest hour must be between 0 and 23']);
    expect(sentences(School, { id: 'x', name: 'X', digestHour: 'seven' })).toEqual(['Digest hour must be a number']);
    expect(sentences(School, { id: 'x' })).toEqual(['Name is required']);
    expect(sentences(ConfigFile, { trusts: [{ id: 't', name: 'T', retentionMonths: 0 }] })).toEqual(['Retention months must be between 1 and 120']);
  });

  it('suggests the nearest field for an unknown one, and lists the allowed values of a choice', () => {
    expect(sentences(ConfigFile, { trusts: [{ id: 't', name: 'T', schools: [{ id: 'x', name: 'X', recipient: ['a@b.example'] }] }] })).toEqual([
      "unknown field 'recipient' — did you mean 'recipients'?",
    ]);
    expect(sentences(ConfigFile, { trust: [] })).toContain("unknown field 'trust' — did you mean 'trusts'?");
    expect(sentences(School, { id: 'x', name: 'X', feeds: [{ source: 'rs' }] })).toEqual(['Feed source must be one of "rss", "google-news", "bing-news", "reddit", "mastodon-tag", "ofsted"']);
    expect(sentences(School, { id: 'x', name: 'X', recipients: ['ok@x.example', 'nope'] })).toEqual(['Recipients entry 2 must be an email address']);
  });

  it('keeps the project’s own field messages for forms, without the field name', () => {
    const r = School.safeParse({ id: 'x', name: 'X', recipients: ['nope'], digestHour: 24 });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => fieldMessage(i, School))).toEqual(['must be between 0 and 23', 'must be an email address']);
  });

  it('says where a configuration file is wrong when importing', async () => {
    const err = await importConfig({ store: {} as never }, { trusts: [{ id: 't', name: 'T', schools: [{ id: 'x', name: 'X', digestHour: 24, recipient: [] }] }] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigValidationError);
    expect((err as Error).message).toContain('trusts[0].schools[0].digestHour: Digest hour must be between 0 and 23');
    expect((err as Error).message).toContain("trusts[0].schools[0]: unknown field 'recipient' — did you mean 'recipients'?");
  });

  it('gives JSON syntax errors a line and column', () => {
    const bad = '{\n  "trusts": [\n    { "id": "a" "name": "A" }\n  ]\n}';
    expect(() => parseJson(bad)).toThrow(JsonSyntaxError);
    try {
      parseJson(bad);
    } catch (err) {
      expect(err).toMatchObject({ line: 3, column: 17 });
      expect((err as Error).message).toMatch(/^line 3, column 17: /);
    }
    expect(() => parseJson('{"a": 1,')).toThrow(/^line 1, column 9: /);
    expect(parseJson('{"a": [1]}')).toEqual({ a: [1] });
  });
});

describe('feed errors offline', () => {
  const notFound = () =>
    toFeedError(Object.assign(new Error('getaddrinfo ENOTFOUND news.example.org'), { code: 'ENOTFOUND' }), 'https://news.example.org/feed.xml', false, { timeoutMs: 10_000, maxBytes: 1 << 20 });

  it('says the network is unreachable, not "check the spelling", when no name can be looked up', async () => {
    const offline = await explainNetworkError(notFound(), async () => false);
    expect(offline.message).toContain('this computer cannot reach the internet');
    expect(offline.message).not.toMatch(/spell/);
    expect(offline.code).toBe('network');
  });

  it('keeps the spelling advice when other names resolve', async () => {
    const online = await explainNetworkError(notFound(), async () => true);
    expect(online.message).toMatch(/spelled correctly/);
  });
});

describe('environment variables', () => {
  it('names the variable and its bounds in words', async () => {
    const { loadEnv } = await import('../../lib/config/env');
    expect(() => loadEnv({ PORT: 'abc', MAIL_PORT: '70000' })).toThrow(/ {2}PORT must be a number \(got "abc"\)\n {2}MAIL_PORT must be between 0 and 65535 \(got "70000"\)/);
  });
});
