import { describe, expect, it } from 'vitest';
import {
  AdminConfigError,
  draftFromForm,
  formFromBody,
  formProblems,
  parseSchool,
  schoolToForm,
  trustDraftFromForm,
  trustFormProblems,
  TrustSettings,
  problemsFrom,
} from '../../lib/app/admin-config';
import { cognitoInviteCommands, UserInputError } from '../../lib/app/users';
import { School } from '../../lib/config/schema';
import { schoolFormBody } from '../../lib/web/admin-views';

describe('admin school form ⇄ school draft', () => {
  it('round-trips a school through the form fields, feed rows included', () => {
    const s = School.parse({
      id: 'northgate',
      name: 'Northgate Park Academy',
      aliases: ['Northgate Park', 'NPA'],
      recipients: ['head@northgate.example'],
      feeds: [{ source: 'google-news', query: '"Northgate Park"' }, { source: 'rss', url: 'https://news.example/feed.xml', label: 'Local' }, { source: 'mastodon-tag', instance: 'mastodon.social', tag: 'Northgate' }],
    });
    const form = schoolToForm(s);
    const body: Record<string, string> = { id: form.id, name: form.name, timezone: form.timezone, digestHour: form.digestHour, aliases: form.aliases, context: '', exclude: '', recipients: form.recipients };
    form.feeds.forEach((f, i) => {
      for (const k of ['source', 'url', 'label', 'query', 'instance', 'tag'] as const) body[`feeds.${i}.${k}`] = f[k];
    });
    const { draft } = draftFromForm(formFromBody(body));
    expect(parseSchool(draft)).toEqual(s);
  });

  it('drops blank and removed feed rows, and maps problems back to the row they came from', () => {
    const values = formFromBody({
      id: 'x',
      name: 'X School',
      timezone: 'Europe/London',
      digestHour: '7',
      'feeds.0.source': 'google-news',
      'feeds.1.source': 'rss',
      'feeds.1.url': 'https://a.example/feed',
      'feeds.1.remove': 'on',
      'feeds.2.source': 'rss',
      'feeds.2.url': 'not a url',
      'feeds.3.source': '',
    });
    const { draft, feedRows } = draftFromForm(values);
    expect(draft.feeds).toEqual([{ source: 'google-news' }, { source: 'rss', url: 'not a url' }]);
    expect(feedRows).toEqual([0, 2]);
    let problems: Record<string, string> = {};
    try {
      parseSchool(draft);
    } catch (err) {
      expect(err).toBeInstanceOf(AdminConfigError);
      problems = (err as AdminConfigError).problems;
    }
    expect(problems).toHaveProperty(['feeds.1.url']);
    expect(formProblems(problems, feedRows)).toEqual({ 'feeds.2.url': expect.stringMatching(/web address/) });
  });

  it('names the line of a bad list entry and the field of a bad number', () => {
    const { draft, feedRows } = draftFromForm(formFromBody({ id: 'x', name: 'X', timezone: 'Nowhere/Land', digestHour: 'seven', recipients: 'ok@x.example\nnot-an-email' }));
    const problems = (() => {
      try {
        parseSchool(draft);
        return {};
      } catch (err) {
        return formProblems((err as AdminConfigError).problems, feedRows);
      }
    })();
    expect(problems.recipients).toBe('line 2: must be an email address');
    expect(problems.timezone).toMatch(/IANA/);
    expect(problems.digestHour).toBeDefined();
  });

  it('offers "Ofsted reports" as a source, which needs the school\'s URN (said on the row, naming the school)', () => {
    const page = String(schoolFormBody({ mode: 'new', values: formFromBody({ id: 'x', name: 'X' }), problems: {}, csrf: 't' }));
    expect(page).toContain('<option value="ofsted">Ofsted reports');
    const { draft, feedRows } = draftFromForm(formFromBody({ id: 'kestrel', name: 'Kestrel Primary', timezone: 'Europe/London', digestHour: '7', 'feeds.0.source': 'ofsted' }));
    expect(draft.feeds).toEqual([{ source: 'ofsted' }]);
    try {
      parseSchool(draft);
      expect.unreachable('a school without a URN cannot watch Ofsted');
    } catch (err) {
      expect(formProblems((err as AdminConfigError).problems, feedRows)).toEqual({ 'feeds.0.source': expect.stringMatching(/^Ofsted reports need the school's URN, and "Kestrel Primary" has none/) });
    }
    const withUrn = parseSchool({ ...draft, urn: '137002' });
    expect(withUrn.feeds).toEqual([{ source: 'ofsted' }]);
    expect(schoolToForm(withUrn).feeds[0]).toMatchObject({ source: 'ofsted', url: '' });
  });

  it('refuses a Mastodon feed whose hashtag cannot be made from the name, on the tag field', () => {
    expect(() => parseSchool({ id: 'x', name: '!!!', feeds: [{ source: 'mastodon-tag' }] })).toThrow(AdminConfigError);
    try {
      parseSchool({ id: 'x', name: '!!!', feeds: [{ source: 'mastodon-tag' }] });
    } catch (err) {
      expect(Object.keys((err as AdminConfigError).problems)).toEqual(['feeds.0.tag']);
    }
  });
});

describe('trust settings form', () => {
  it('leaves the roll-up out when it has no recipients, and maps roll-up problems to their fields', () => {
    const none = trustDraftFromForm({ name: ' Meridian ', retentionMonths: '24', rollupRecipients: '', rollupReplace: true, rollupTimezone: 'Europe/London', rollupDigestHour: '7' });
    expect(TrustSettings.parse(none)).toEqual({ name: 'Meridian', retentionMonths: 24 });
    const bad = trustDraftFromForm({ name: 'M', retentionMonths: '0', rollupRecipients: 'central@x.example\nnope', rollupReplace: false, rollupTimezone: 'Mars/Base', rollupDigestHour: '30' });
    const parsed = TrustSettings.safeParse(bad);
    expect(parsed.success).toBe(false);
    const problems = trustFormProblems(problemsFrom(parsed.error!.issues));
    expect(Object.keys(problems).sort()).toEqual(['retentionMonths', 'rollupDigestHour', 'rollupRecipients', 'rollupTimezone']);
    expect(problems.rollupRecipients).toBe('line 2: must be an email address');
  });
});

describe('Cognito invite commands', () => {
  it('prints the exact admin-create-user and group commands, quoting what the shell would mangle', () => {
    const [create, group] = cognitoInviteCommands('eu-west-2_AbC123', 'meridian', { email: 'Head@Northgate.example', role: 'head', schoolId: 'northgate' });
    expect(create).toBe(
      'aws cognito-idp admin-create-user --user-pool-id eu-west-2_AbC123 --username head@northgate.example --user-attributes Name=email,Value=head@northgate.example Name=email_verified,Value=true Name=custom:trust_id,Value=meridian Name=custom:school_id,Value=northgate --desired-delivery-mediums EMAIL',
    );
    expect(group).toBe('aws cognito-idp admin-add-user-to-group --user-pool-id eu-west-2_AbC123 --username head@northgate.example --group-name head');
    expect(cognitoInviteCommands('<user-pool-id>', 'meridian', { email: 'a@b.example', role: 'admin' })[0]).toContain("--user-pool-id '<user-pool-id>'");
    expect(() => cognitoInviteCommands('p_1', 'meridian', { email: 'a@b.example', role: 'head' })).toThrow(UserInputError);
  });
});
