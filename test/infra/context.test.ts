import { describe, expect, it } from 'vitest';
import { ContextError, parseContext } from '../../infra/context';

const ctx = (values: Record<string, unknown>) => (key: string) => values[key];
const errorOf = (values: Record<string, unknown>, givenKeys?: string[]): string => {
  try {
    parseContext(ctx(values), givenKeys);
  } catch (err) {
    expect(err).toBeInstanceOf(ContextError);
    return (err as Error).message;
  }
  throw new Error('expected a ContextError');
};

describe('CDK context', () => {
  it('fills defaults around a sender address', () => {
    const c = parseContext(ctx({ sender: 'Digest@Trust.org.uk' }));
    expect(c).toMatchObject({
      region: 'eu-west-2', stackName: 'Schoolwatch', sender: 'digest@trust.org.uk', senderIsDomain: false,
      mailFrom: 'Schoolwatch <digest@trust.org.uk>', pollIntervalMinutes: 30, logRetentionDays: 30, deletionProtection: true,
    });
    expect(c.opsEmail).toBeUndefined();
    expect(c.authDomainPrefix).toBeUndefined();
  });

  it('a domain sender defaults MAIL_FROM to digest@<domain>', () => {
    const c = parseContext(ctx({ sender: 'meridian.org.uk' }));
    expect(c.senderIsDomain).toBe(true);
    expect(c.mailFrom).toBe('Schoolwatch <digest@meridian.org.uk>');
  });

  it('parses -c strings: numbers and booleans', () => {
    const c = parseContext(ctx({ sender: 'a.example', pollIntervalMinutes: '15', deletionProtection: 'false', logRetentionDays: '90' }));
    expect(c).toMatchObject({ pollIntervalMinutes: 15, deletionProtection: false, logRetentionDays: 90 });
  });

  it('a missing sender names the key and shows -c sender=', () => {
    const msg = errorOf({});
    expect(msg).toContain('"sender"');
    expect(msg).toContain('-c sender=');
  });

  it('lists every bad key at once, each with its -c example', () => {
    const msg = errorOf({ sender: 'not an address', pollIntervalMinutes: '0', opsEmail: 'ops', logRetentionDays: 10, region: 'London', deletionProtection: 'maybe' });
    for (const key of ['sender', 'pollIntervalMinutes', 'opsEmail', 'logRetentionDays', 'region', 'deletionProtection']) {
      expect(msg).toContain(`"${key}"`);
      expect(msg).toContain(`-c ${key}=`);
    }
  });

  it('rejects a mailFrom the SES identity does not cover', () => {
    expect(errorOf({ sender: 'meridian.org.uk', mailFrom: 'Digest <digest@elsewhere.org>' })).toMatch(/"mailFrom".*not covered.*@meridian\.org\.uk/s);
    expect(errorOf({ sender: 'head@meridian.org.uk', mailFrom: 'other@meridian.org.uk' })).toContain('"mailFrom"');
    expect(parseContext(ctx({ sender: 'meridian.org.uk', mailFrom: 'Meridian Alerts <alerts@meridian.org.uk>' })).mailFrom).toBe('Meridian Alerts <alerts@meridian.org.uk>');
  });

  it('validates the Cognito domain prefix and web URL', () => {
    expect(errorOf({ sender: 'a.example', authDomainPrefix: 'my-aws-login' })).toContain('"authDomainPrefix"');
    expect(errorOf({ sender: 'a.example', authDomainPrefix: 'Bad_Prefix' })).toContain('-c authDomainPrefix=');
    expect(errorOf({ sender: 'a.example', webBaseUrl: 'http://insecure.example' })).toContain('"webBaseUrl"');
    expect(parseContext(ctx({ sender: 'a.example', webBaseUrl: 'https://watch.meridian.org.uk/' })).webBaseUrl).toBe('https://watch.meridian.org.uk');
  });

  it('names a misspelt key (case, hyphens) instead of silently using the default', () => {
    const msg = errorOf({ sender: 'a.example' }, ['sender', 'Sender', 'poll-interval-minutes', 'ops_email', '@aws-cdk/core:enablePartitionLiterals', 'acknowledged-issue-numbers']);
    expect(msg).toContain('"Sender" is not a Schoolwatch key');
    expect(msg).toContain('did you mean "pollIntervalMinutes"? Example: -c pollIntervalMinutes=30');
    expect(msg).toContain('did you mean "opsEmail"');
    expect(msg).not.toContain('acknowledged-issue-numbers');
    expect(msg).not.toContain('@aws-cdk');
  });

  it('evidence retention (months) and capture concurrency: defaults, -c strings, clear errors', () => {
    expect(parseContext(ctx({ sender: 'a.example' }))).toMatchObject({ evidenceRetentionMonths: 12, captureConcurrency: 2 });
    expect(parseContext(ctx({ sender: 'a.example', evidenceRetentionMonths: '36', captureConcurrency: '4' }))).toMatchObject({ evidenceRetentionMonths: 36, captureConcurrency: 4 });
    const msg = errorOf({ sender: 'a.example', evidenceRetentionMonths: '0', captureConcurrency: '1' });
    expect(msg).toContain('"evidenceRetentionMonths" must be at least 1');
    expect(msg).toContain('-c evidenceRetentionMonths=12');
    expect(msg).toContain('"captureConcurrency" must be at least 2 (the SQS event source minimum)');
    expect(errorOf({ sender: 'a.example', evidenceRetentionMonths: '1.5' })).toContain('whole number of months');
    expect(errorOf({ sender: 'a.example', evidenceRetentionMonths: '240' })).toContain('cannot be shortened');
  });

  it('an explicit account must be 12 digits', () => {
    expect(errorOf({ sender: 'a.example', account: '1234' })).toContain('"account"');
    expect(parseContext(ctx({ sender: 'a.example', account: '123456789012' })).account).toBe('123456789012');
  });
});
