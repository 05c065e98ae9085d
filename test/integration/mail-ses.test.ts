import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SESClient, GetSendQuotaCommand } from '@aws-sdk/client-ses';
import { createSesMailer } from '../../lib/digest/ses-mailer';
import { digestMail, renderDigest } from '../../lib/digest/render';
import { MailError } from '../../lib/digest/types';
import { sampleMentions, sampleSchool } from '../support/digest-sample';
import { startMailServer, type MailServer } from '../../lib/local/mail-server';

describe('SES mailer against aws-ses-v2-local (in process)', () => {
  let mail: MailServer;

  beforeAll(async () => {
    mail = await startMailServer({ port: 0 });
  });
  afterAll(async () => {
    await mail?.stop();
  });
  beforeEach(async () => {
    await mail.clear();
  });

  it('starts on an ephemeral port and serves the viewer', async () => {
    expect(mail.port).toBeGreaterThan(0);
    expect(mail.endpoint).toBe(`http://127.0.0.1:${mail.port}`);
    const res = await fetch(mail.viewerUrl);
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/<html/i);
  });

  it('says what to do when the port is taken, and stop() is idempotent', async () => {
    await expect(startMailServer({ port: mail.port })).rejects.toThrow(/port in use.*MAIL_PORT/);
    const other = await startMailServer({ port: 0 });
    expect(other.port).not.toBe(mail.port);
    await other.stop();
    await other.stop();
    await expect(other.fetchStore()).rejects.toThrow(/stopped/);
  });

  it('sends a real digest with its CSV attachment and reads it back from /store', async () => {
    const rendered = renderDigest({
      school: sampleSchool,
      trustName: 'Meridian Learning Trust',
      mentions: sampleMentions(),
      localDate: '2026-03-30',
      webBaseUrl: 'http://localhost:3000',
    });
    const outgoing = digestMail({ from: 'Schoolwatch <digest@schoolwatch.local>', school: sampleSchool, localDate: '2026-03-30', rendered });
    const mailer = createSesMailer({ endpoint: mail.endpoint, region: 'eu-west-2' });

    const { messageId } = await mailer.send(outgoing);
    expect(messageId).toMatch(/^ses-\d+$/);

    const emails = await mail.fetchStore();
    expect(emails).toHaveLength(1);
    const got = emails[0]!;
    expect(got.messageId).toBe(messageId);
    expect(got.subject).toBe(rendered.subject);
    expect(got.subject).toContain('Northgate Park Academy');
    expect(got.from).toContain('digest@schoolwatch.local');
    expect(got.destination.to.join(',')).toContain('head@northgate.example');
    expect(got.destination.to.join(',')).toContain('deputy@northgate.example');

    // Both parts arrive intact, hostile text still escaped.
    expect(got.body.html).toContain('<mark');
    expect(got.body.html).toContain('&lt;script&gt;alert(1)');
    expect(got.body.html).not.toMatch(/<script/i);
    expect(got.body.text).toContain('1. [HIGH]');
    expect(got.body.text).toContain('[[wait outside the gates]]');

    expect(got.attachments).toHaveLength(1);
    const att = got.attachments[0]!;
    expect(att.filename).toBe('schoolwatch-northgate-2026-03-30-evidence.csv');
    expect(att.contentType).toMatch(/^text\/csv/);
    const csv = Buffer.from(att.content, 'base64').toString('utf8');
    expect(csv).toBe(rendered.csv);
    expect(csv).toContain('SHA-256 of captured text');
    expect(csv.trim().split('\r\n')).toHaveLength(1 + sampleMentions().length);
  });

  it('sends the all-clear variant without an attachment', async () => {
    const rendered = renderDigest({ school: { ...sampleSchool, allClear: true }, mentions: [], localDate: '2026-03-30' });
    const mailer = createSesMailer({ endpoint: mail.endpoint });
    await mailer.send(digestMail({ from: 'digest@schoolwatch.local', school: sampleSchool, localDate: '2026-03-30', rendered }));
    const [got] = await mail.fetchStore();
    expect(got!.subject).toContain('all clear');
    expect(got!.attachments).toHaveLength(0);
    expect(got!.body.text).toContain('ALL CLEAR');
  });

  it('an SES call the local server does not implement times out instead of hanging (short client timeout)', async () => {
    const client = new SESClient({
      region: 'eu-west-2',
      endpoint: mail.endpoint,
      maxAttempts: 1,
      requestHandler: { requestTimeout: 500, throwOnRequestTimeout: true },
    });
    const started = Date.now();
    await expect(client.send(new GetSendQuotaCommand({}))).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(5000);
    client.destroy();
  });
});

describe('SES mailer against unreachable or failing endpoints', () => {
  let failing: Server;
  let hits = 0;
  let failingEndpoint = '';

  beforeAll(async () => {
    failing = createServer((req, res) => {
      hits += 1;
      req.resume();
      res.writeHead(503, { 'content-type': 'text/xml' });
      res.end('<ErrorResponse><Error><Type>Receiver</Type><Code>ServiceUnavailable</Code><Message>try later</Message></Error></ErrorResponse>');
    });
    await new Promise<void>((r) => failing.listen(0, '127.0.0.1', r));
    failingEndpoint = `http://127.0.0.1:${(failing.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((r) => failing.close(() => r()));
  });

  const mailOf = () => ({ from: 'digest@schoolwatch.local', to: ['head@northgate.example'], subject: 's', html: '<p>h</p>', text: 't' });

  it('retries a real 503 then gives up with a retryable MailError', async () => {
    hits = 0;
    const delays: number[] = [];
    const mailer = createSesMailer({ endpoint: failingEndpoint, maxAttempts: 3, baseDelayMs: 10, sleep: async (ms) => void delays.push(ms) });
    const err = await mailer.send(mailOf()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MailError);
    expect((err as MailError).retryable).toBe(true);
    expect((err as MailError).message).toMatch(/after 3 attempts/);
    expect(hits).toBe(3);
    expect(delays).toHaveLength(2);
  });

  it('treats a refused connection as a network error: retryable', async () => {
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((r) => probe.close(() => r()));
    const mailer = createSesMailer({ endpoint: `http://127.0.0.1:${port}`, maxAttempts: 2, sleep: async () => {} });
    const err = await mailer.send(mailOf()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MailError);
    expect((err as MailError).retryable).toBe(true);
  });
});
