import { request } from 'node:http';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSesMailer } from '../../lib/digest/ses-mailer';
import { startLocalDynamo, type LocalDynamo } from '../../lib/local/dynamo-server';
import { startMailServer, type MailServer } from '../../lib/local/mail-server';
import { createDynamoClient } from '../../lib/store';
import { startLocalS3, type LocalS3 } from '../../lib/local/s3-server';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';

/**
 * Issue 10.7: the embedded DynamoDB and mail server answer programs on this computer (the AWS SDK, the CLI)
 * and never a web page: any Origin, any CORS preflight, any cross-site browser request, or a Host that is not
 * loopback (DNS rebinding) gets 403 without CORS headers.
 */
function raw(endpoint: string, path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  const url = new URL(path, endpoint);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path: url.pathname + url.search, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const corsHeaders = (h: Record<string, unknown>) => Object.keys(h).filter((k) => k.startsWith('access-control-'));
const EVIL = 'http://evil.example';
const listTables = { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'DynamoDB_20120810.ListTables' };

describe('embedded DynamoDB: loopback programs only', () => {
  let dynamo: LocalDynamo;
  beforeAll(async () => {
    dynamo = await startLocalDynamo();
  });
  afterAll(async () => dynamo?.stop());

  it('refuses a request with an Origin, a CORS preflight and a rebound Host with 403 and no CORS headers', async () => {
    for (const attempt of <{ method: string; headers: Record<string, string>; body?: string }[]>[
      { method: 'POST', headers: { ...listTables, origin: EVIL }, body: '{}' },
      { method: 'OPTIONS', headers: { origin: EVIL, 'access-control-request-method': 'POST', 'access-control-request-headers': 'x-amz-target' } },
      { method: 'OPTIONS', headers: {} },
      { method: 'POST', headers: { ...listTables, host: 'evil.example:8004' }, body: '{}' },
      { method: 'POST', headers: { ...listTables, 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'no-cors' }, body: '{}' },
    ]) {
      const res = await raw(dynamo.endpoint, '/', attempt);
      expect(res.status, JSON.stringify(attempt)).toBe(403);
      expect(corsHeaders(res.headers), JSON.stringify(attempt)).toEqual([]);
      expect(res.body).not.toContain('TableNames');
    }
  });

  it('still answers the AWS SDK', async () => {
    const client = createDynamoClient({ region: 'eu-west-2', endpoint: dynamo.endpoint });
    await expect(client.send(new ListTablesCommand({}))).resolves.toMatchObject({ TableNames: expect.any(Array) });
    client.destroy();
  });

  it('binds to loopback only', async () => {
    await expect(startLocalDynamo({ host: '0.0.0.0' })).rejects.toThrow(/loopback/);
  });
});

describe('embedded mail server: loopback programs, and the viewer only as a same-origin GET', () => {
  let mail: MailServer;
  beforeAll(async () => {
    mail = await startMailServer({ port: 0 });
  });
  afterAll(async () => mail?.stop());

  it('refuses other origins, preflights, cross-site requests and rebound Hosts with 403 and no CORS headers', async () => {
    const sendForm = 'Action=SendEmail&Source=a%40b.example&Destination.ToAddresses.member.1=c%40d.example&Message.Subject.Data=x&Message.Body.Text.Data=y';
    for (const [path, attempt] of [
      ['/store', { headers: { origin: EVIL } }],
      ['/store', { headers: { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'no-cors' } }],
      ['/store', { headers: { host: 'evil.example:8005' } }],
      ['/', { method: 'OPTIONS', headers: { origin: EVIL, 'access-control-request-method': 'POST' } }],
      ['/', { method: 'POST', headers: { origin: EVIL, 'content-type': 'application/x-www-form-urlencoded' }, body: sendForm }],
      ['/clear-store', { method: 'POST', headers: { origin: mail.endpoint, 'sec-fetch-site': 'same-origin' } }],
    ] as const) {
      const res = await raw(mail.endpoint, path, attempt);
      expect(res.status, `${path} ${JSON.stringify(attempt)}`).toBe(403);
      expect(corsHeaders(res.headers)).toEqual([]);
    }
    expect(await mail.fetchStore()).toEqual([]);
  });

  it('shows the viewer to a browser on the same origin, and the SDK and our client still work', async () => {
    const viewer = await raw(mail.endpoint, '/', { headers: { 'sec-fetch-site': 'none', 'sec-fetch-mode': 'navigate' } });
    expect(viewer.status).toBe(200);
    expect(viewer.body).toMatch(/<html/i);
    const poll = await raw(mail.endpoint, '/store', { headers: { 'sec-fetch-site': 'same-origin', 'sec-fetch-mode': 'cors' } });
    expect(poll.status).toBe(200);

    const mailer = createSesMailer({ region: 'eu-west-2', endpoint: mail.endpoint, maxAttempts: 1 });
    await mailer.send({ from: 'digest@schoolwatch.test', to: ['head@northgate.example'], subject: 'Guarded', html: '<p>x</p>', text: 'x' });
    expect((await mail.fetchStore()).map((e) => e.subject)).toEqual(['Guarded']);
    await mail.clear();
    expect(await mail.fetchStore()).toEqual([]);
  });

  it('binds to loopback only', async () => {
    await expect(startMailServer({ port: 0, host: '0.0.0.0' })).rejects.toThrow(/loopback/);
  });
});

describe('embedded evidence store (s3rver): loopback programs only', () => {
  let s3: LocalS3;
  beforeAll(async () => {
    s3 = await startLocalS3();
  });
  afterAll(async () => s3?.stop());

  it('refuses a request with an Origin, a CORS preflight, a cross-site request and a rebound Host with 403 and no CORS headers', async () => {
    for (const attempt of <{ method: string; headers: Record<string, string> }[]>[
      { method: 'GET', headers: { origin: EVIL } },
      { method: 'OPTIONS', headers: { origin: EVIL, 'access-control-request-method': 'GET' } },
      { method: 'OPTIONS', headers: {} },
      { method: 'GET', headers: { host: 'evil.example:8007' } },
      { method: 'GET', headers: { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'no-cors' } },
    ]) {
      const res = await raw(s3.endpoint, `/${s3.bucket}?list-type=2`, attempt);
      expect(res.status, JSON.stringify(attempt)).toBe(403);
      expect(corsHeaders(res.headers), JSON.stringify(attempt)).toEqual([]);
      expect(res.body).not.toContain('ListBucketResult');
    }
  });

  it('still answers the S3 client', async () => {
    const client = new S3Client({ region: 'eu-west-2', endpoint: s3.endpoint, forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
    await expect(client.send(new ListObjectsV2Command({ Bucket: s3.bucket }))).resolves.toMatchObject({ $metadata: { httpStatusCode: 200 } });
    client.destroy();
  });
});
