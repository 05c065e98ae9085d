import { describe, expect, it, vi } from 'vitest';
import { SendRawEmailCommand } from '@aws-sdk/client-ses';
import { buildRawMessage, classifySesError, createSesMailer, isRetryableSesError, type SesSendClient } from '../../lib/digest/ses-mailer';
import { MailError, type OutgoingMail } from '../../lib/digest/types';

const mail: OutgoingMail = {
  from: 'Schoolwatch <digest@schoolwatch.example>',
  to: ['head@northgate.example'],
  subject: 'Northgate Park Academy: 1 flagged mention',
  html: '<p>Hello</p>',
  text: 'Hello',
  attachments: [{ filename: 'evidence.csv', contentType: 'text/csv; charset=utf-8', content: 'a,b\r\n1,2\r\n' }],
};

/** An SDK-shaped service error. */
function sesError(name: string, status: number, extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(`${name} happened`), { name, $fault: status >= 500 ? 'server' : 'client', $metadata: { httpStatusCode: status }, ...extra });
}

function fakeClient(...outcomes: (Error | string)[]): SesSendClient & { calls: SendRawEmailCommand[] } {
  const calls: SendRawEmailCommand[] = [];
  return {
    calls,
    send: vi.fn(async (cmd: SendRawEmailCommand) => {
      calls.push(cmd);
      const next = outcomes.shift();
      if (next === undefined) throw new Error('fake: no more outcomes');
      if (next instanceof Error) throw next;
      return { MessageId: next };
    }),
  };
}

const noSleep = () => {
  const delays: number[] = [];
  return { delays, sleep: async (ms: number) => void delays.push(ms) };
};

describe('createSesMailer retries', () => {
  it('retries throttling, 503 and failures before sending (refused) with growing, jittered backoff, then succeeds', async () => {
    const client = fakeClient(
      sesError('Throttling', 400, { $retryable: { throttling: true } }),
      sesError('ServiceUnavailable', 503),
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }),
      'msg-123',
    );
    const { delays, sleep } = noSleep();
    const mailer = createSesMailer({ client, maxAttempts: 4, baseDelayMs: 100, sleep, random: () => 0.5 });
    await expect(mailer.send(mail)).resolves.toEqual({ messageId: 'msg-123' });
    expect(client.calls).toHaveLength(4);
    // equal jitter: exp/2 + random*exp/2 with exp = 100, 200, 400
    expect(delays).toEqual([75, 150, 300]);
    expect(client.calls[0]).toBeInstanceOf(SendRawEmailCommand);
  });

  it('keeps delays within [exp/2, exp] and under the cap', async () => {
    const client = fakeClient(...Array.from({ length: 5 }, () => sesError('ServiceUnavailable', 503)), 'ok');
    const { delays, sleep } = noSleep();
    const mailer = createSesMailer({ client, maxAttempts: 6, baseDelayMs: 1000, maxDelayMs: 4000, sleep, random: () => 0.999 });
    await mailer.send(mail);
    expect(delays).toHaveLength(5);
    expect(delays.every((d) => d <= 4000)).toBe(true);
    expect(delays[0]).toBeGreaterThanOrEqual(500);
    expect(delays.slice(-2)).toEqual([3998, 3998]); // capped at 4000 before jitter: 2000 + 0.999 * 2000
  });

  it('gives up after maxAttempts with a retryable MailError that keeps the cause', async () => {
    const last = sesError('Throttling', 400, { $retryable: { throttling: true }, message: 'Maximum sending rate exceeded.' });
    const client = fakeClient(sesError('Throttling', 400), sesError('Throttling', 400), last);
    const { sleep } = noSleep();
    const mailer = createSesMailer({ client, maxAttempts: 3, sleep });
    const err = await mailer.send(mail).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MailError);
    expect((err as MailError).retryable).toBe(true);
    expect((err as MailError).message).toMatch(/after 3 attempts/);
    expect((err as MailError).cause).toBe(last);
    expect(client.calls).toHaveLength(3);
  });

  it('fails fast on MessageRejected with a non-retryable MailError saying what to check', async () => {
    const client = fakeClient(sesError('MessageRejected', 400, { message: 'Email address is not verified.' }), 'never');
    const { delays, sleep } = noSleep();
    const mailer = createSesMailer({ client, sleep });
    const err = await mailer.send(mail).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MailError);
    expect((err as MailError).retryable).toBe(false);
    expect((err as MailError).message).toMatch(/verified in SES/);
    expect((err as MailError).message).toContain('digest@schoolwatch.example');
    expect(client.calls).toHaveLength(1);
    expect(delays).toHaveLength(0);
  });

  it.each([
    ['InvalidParameterValue', /valid email addresses/],
    ['AccessDenied', /ses:SendRawEmail/],
    ['AccountSendingPausedException', /paused/],
  ])('%s is not retried', async (name, advice) => {
    const client = fakeClient(sesError(name, 400), 'never');
    const mailer = createSesMailer({ client, sleep: async () => {} });
    const err = (await mailer.send(mail).catch((e: unknown) => e)) as MailError;
    expect(err).toBeInstanceOf(MailError);
    expect(err.retryable).toBe(false);
    expect(err.message).toMatch(advice);
    expect(client.calls).toHaveLength(1);
  });

  it('rejects mail with no recipients before calling SES', async () => {
    const client = fakeClient('never');
    const mailer = createSesMailer({ client });
    const err = (await mailer.send({ ...mail, to: [' '] }).catch((e: unknown) => e)) as MailError;
    expect(err).toBeInstanceOf(MailError);
    expect(err.retryable).toBe(false);
    expect(err.message).toMatch(/recipients/);
    expect(client.calls).toHaveLength(0);
  });
});

describe('classifySesError: only failures known to be before SES took the message are retried', () => {
  const timeout = (message: string, code?: string) => Object.assign(new Error(message), { name: 'TimeoutError', ...(code ? { code } : {}) });
  it.each([
    [sesError('Throttling', 400), 'retry'],
    [sesError('TooManyRequestsException', 429), 'retry'],
    [sesError('ServiceUnavailable', 503), 'retry'],
    [Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }), 'retry'],
    [Object.assign(new Error('getaddrinfo ENOTFOUND email.eu-west-2.amazonaws.com'), { code: 'ENOTFOUND' }), 'retry'],
    [timeout('the request socket did not establish a connection with the server within the configured timeout of 3000 ms.'), 'retry'],
    [sesError('MessageRejected', 400), 'permanent'],
    [sesError('ValidationError', 400), 'permanent'],
    [sesError('InternalFailure', 500), 'unknown'],
    [sesError('Whatever', 502), 'unknown'],
    [timeout('a request has exceeded the configured 30000 ms requestTimeout.', 'ETIMEDOUT'), 'unknown'],
    [timeout('socket hang up', 'ECONNRESET'), 'unknown'],
    [new TypeError('bug'), 'unknown'],
  ])('%o → %s', (err, expected) => {
    expect(classifySesError(err)).toBe(expected);
    expect(isRetryableSesError(err)).toBe(expected === 'retry');
  });

  it('a timeout after sending is not retried: one call, outcome unknown, saying how long it waited', async () => {
    const client = fakeClient(timeout('a request has exceeded the configured 30000 ms requestTimeout.', 'ETIMEDOUT'), 'never');
    const { delays, sleep } = noSleep();
    const err = (await createSesMailer({ client, sleep, requestTimeoutMs: 30_000 }).send(mail).catch((e: unknown) => e)) as MailError;
    expect(err).toBeInstanceOf(MailError);
    expect(err.outcome).toBe('unknown');
    expect(err.retryable).toBe(false);
    expect(err.message).toMatch(/^outcome unknown: the mail server did not answer in 30 s/);
    expect(client.calls).toHaveLength(1);
    expect(delays).toHaveLength(0);
  });
});

describe('buildRawMessage', () => {
  it('builds multipart/mixed with a multipart/alternative text+html body and the CSV attachment', async () => {
    const raw = (await buildRawMessage({ ...mail, subject: 'Line\r\nBcc: victim@example.com' })).toString('utf8');
    expect(raw).toMatch(/^Content-Type: multipart\/mixed;/m);
    expect(raw).toMatch(/^Content-Type: multipart\/alternative;/m);
    expect(raw).toMatch(/^Content-Type: text\/plain/m);
    expect(raw).toMatch(/^Content-Type: text\/html/m);
    expect(raw).toMatch(/^Content-Type: text\/csv; charset=utf-8; name=evidence\.csv/m);
    expect(raw).toMatch(/^Content-Disposition: attachment; filename=evidence\.csv/m);
    expect(raw).toMatch(/^To: head@northgate\.example/m);
    expect(raw).not.toMatch(/^Bcc:/m);
    expect(raw).toMatch(/^Subject: Line Bcc: victim@example\.com/m);
  });
});
