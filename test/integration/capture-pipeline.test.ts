import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPageCapturer } from '../../lib/app/build-capture-deps';
import { captureMention, retryDueCaptures, type CaptureDeps } from '../../lib/app/capture-mention';
import { importConfig } from '../../lib/app/config';
import { silentLogger, type AppDeps } from '../../lib/app/deps';
import { pollOnce } from '../../lib/app/poll-all';
import { eraseSchoolData, exportSchoolData, purgeExpired } from '../../lib/app/retention';
import { createS3EvidenceStore, mentionPrefix, type EvidenceStore } from '../../lib/evidence/evidence-store';
import type { PageCapturer } from '../../lib/evidence/page-capture';
import { createSafeFetcher } from '../../lib/feeds/fetch';
import { startLocalCaptureQueue, type LocalCaptureQueue } from '../../lib/local/capture-queue';
import { startLocalS3, type LocalS3 } from '../../lib/local/s3-server';
import { mentionIdFor } from '../../lib/store/mention-store';
import { startTestDynamo, type TestDynamo } from '../support/dynamo';
import { articleRoutes, startPageServer, type PageServer } from '../support/page-server';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Feed → flagged mention → capture queue → headless Chromium → s3rver → capture record, on real local parts. */
describe('capture pipeline (dynalite, s3rver, loopback site, Chromium)', () => {
  let dynamo: TestDynamo;
  let s3: LocalS3;
  let site: PageServer;
  let evidence: EvidenceStore;
  let capturer: PageCapturer;
  let queue: LocalCaptureQueue;
  let deps: AppDeps;
  let captureDeps: CaptureDeps;
  let now = new Date('2026-11-21T06:30:00Z');
  let forbiddenCount = 0;

  beforeAll(async () => {
    [dynamo, s3] = await Promise.all([startTestDynamo(), startLocalS3()]);
    site = await startPageServer({
      ...articleRoutes(),
      '/feed.xml': (_q, r) =>
        r.writeHead(200, { 'content-type': 'application/rss+xml' }).end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Gazette</title>
<item><title>Northgate Park Academy rated inadequate by Ofsted</title><link>${site.url}/news/northgate-protest</link><guid>a1</guid><description>Northgate Park Academy was rated inadequate by Ofsted.</description></item>
<item><title>Northgate Park Academy inspection: parents react</title><link>${site.url}/locked</link><guid>a2</guid><description>Northgate Park Academy was rated inadequate by Ofsted inspectors.</description></item>
</channel></rss>`),
      '/locked': (_q, r) => {
        forbiddenCount++;
        r.writeHead(403, { 'content-type': 'text/html' }).end('members only');
      },
    });
    const { store } = await dynamo.freshStore();
    evidence = createS3EvidenceStore({ bucket: s3.bucket, endpoint: s3.endpoint });
    let n = 0;
    const base = { clock: () => now, newId: () => `cap-${++n}` };
    capturer = buildPageCapturer({ FEED_ALLOW_HOSTS: [site.hostPort], FEED_USER_AGENT: 'Schoolwatch-test' }, base);
    captureDeps = { store, evidence, capturer, clock: () => now, log: silentLogger };
    queue = startLocalCaptureQueue((job) => captureMention(captureDeps, job), silentLogger);
    deps = {
      store,
      fetcher: createSafeFetcher({ allowHosts: [site.hostPort], timeoutMs: 5000 }),
      mailer: { send: async () => ({ messageId: 'x' }) } as unknown as AppDeps['mailer'],
      settings: { mailFrom: 'digest@schoolwatch.test', pollIntervalMinutes: 30 },
      ...base,
      log: silentLogger,
      evidence,
      captureQueue: queue,
    };
    await importConfig(deps, {
      trusts: [
        {
          id: 'meridian',
          name: 'Meridian Learning Trust',
          retentionMonths: 12,
          schools: [{ id: 'northgate', name: 'Northgate Park Academy', timezone: 'Europe/London', feeds: [{ source: 'rss', url: `${site.url}/feed.xml` }] }],
        },
      ],
    });
  });
  afterAll(async () => {
    await queue?.stop();
    await capturer?.close();
    await Promise.all([dynamo?.stop(), s3?.stop(), site?.close()]);
  });

  const articleId = () => mentionIdFor('meridian', 'northgate', `url:${site.url}/news/northgate-protest`);
  const lockedId = () => mentionIdFor('meridian', 'northgate', `url:${site.url}/locked`);

  it('a poll stores the flagged mentions and queues their captures without waiting for them', async () => {
    const [result] = await pollOnce(deps, { all: true });
    expect(result).toMatchObject({ outcome: 'stored', flagged: 2, stored: 2 });
    await queue.idle();
    const m = (await deps.store.mentions.get(articleId()))!;
    expect(m.capture).toMatchObject({ status: 'captured', attempts: 1, httpStatus: 200, capturedAt: '2026-11-21T06:30:00.000+00:00', finalUrl: `${site.url}/news/northgate-protest` });
    // The snapshot itself is untouched: its text and hash are still the feed's.
    expect(m.text).toBe('Northgate Park Academy was rated inadequate by Ofsted.');
  });

  it('stores the four files and the evidence sheet under the trust/school/mention prefix, hashes matching', async () => {
    const m = (await deps.store.mentions.get(articleId()))!;
    const prefix = `trust/meridian/school/northgate/mention/${m.id}/${m.capture!.captureId}/`;
    expect(m.capture!.prefix).toBe(prefix);
    const keys = await evidence.list(mentionPrefix({ trustId: 'meridian', schoolId: 'northgate', mentionId: m.id }));
    expect(keys.sort()).toEqual(['manifest.json', 'page.html', 'page.txt', 'screenshot.png', 'sheet.pdf'].map((f) => `${prefix}${f}`));
    for (const [name, f] of Object.entries(m.capture!.files!)) {
      const body = (await evidence.get(`${prefix}${name}`))!;
      expect(sha(body), name).toBe(f.sha256);
    }
    const manifest = JSON.parse((await evidence.get(`${prefix}manifest.json`))!.toString('utf8'));
    expect(manifest.files['screenshot.png'].sha256).toBe(m.capture!.files!['screenshot.png']!.sha256);
    expect((await evidence.get(`${prefix}sheet.pdf`))!.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('scores the page text: what the article says beyond the headline is added with spans into page.txt', async () => {
    const m = (await deps.store.mentions.get(articleId()))!;
    expect(m.score.categories.map((c) => c.id)).not.toContain('abuse.disparaging');
    const page = m.capture!.pageScore!;
    // a parent's insult of the head teacher, quoted in the article's first paragraph (an insult said of a school role
    // decides alone: the 0.6.0 known regression), and the protest the paragraphs report beyond the headline
    expect(page.newCategories).toContain('abuse.disparaging');
    expect(page.newCategories).toContain('reputation.protest');
    const text = (await evidence.get(`${m.capture!.prefix}page.txt`))!.toString('utf8');
    const span = page.evidence.find((e) => e.category === 'abuse.disparaging')!;
    expect(span.field).toBe('page-text');
    expect(text.slice(span.start, span.end)).toBe(span.text);
  });

  it('a page that refuses (403) is recorded with its reason and a retry time, and retried by the sweep', async () => {
    let m = (await deps.store.mentions.get(lockedId()))!;
    expect(m.capture).toMatchObject({ status: 'pending', attempts: 1, reason: { code: 'forbidden' }, nextAttemptAt: '2026-11-21T06:40:00.000Z' });
    expect(m.capture!.reason!.message).toMatch(/HTTP 403/);
    expect(await retryDueCaptures(captureDeps, queue)).toBe(0); // not due yet
    now = new Date('2026-11-21T06:41:00Z');
    const before = forbiddenCount;
    expect(await retryDueCaptures(captureDeps, queue)).toBe(1);
    await queue.idle();
    expect(forbiddenCount).toBe(before + 1);
    m = (await deps.store.mentions.get(lockedId()))!;
    expect(m.capture).toMatchObject({ status: 'pending', attempts: 2, nextAttemptAt: '2026-11-21T07:11:00.000Z' });
    expect(await retryDueCaptures(captureDeps, queue)).toBe(0); // the old retry is gone; only the new one is pending
  });

  it('gives up after the last attempt and says so', async () => {
    const outcome = await captureMention({ ...captureDeps, maxAttempts: 3 }, { trustId: 'meridian', schoolId: 'northgate', mentionId: lockedId(), url: `${site.url}/locked` });
    expect(outcome).toMatchObject({ outcome: 'failed', record: { status: 'failed', attempts: 3, reason: { code: 'forbidden' } } });
    expect(outcome.outcome === 'failed' && outcome.retryAt).toBeFalsy();
  });

  it('a job naming another trust is refused (tenancy is in the job and checked against the mention)', async () => {
    const outcome = await captureMention(captureDeps, { trustId: 'harbour', schoolId: 'northgate', mentionId: articleId(), url: `${site.url}/news/northgate-protest` });
    expect(outcome).toEqual({ outcome: 'skipped', reason: expect.stringContaining('not found') });
  });

  it('a redelivered job for a captured mention does not capture again', async () => {
    const outcome = await captureMention(captureDeps, { trustId: 'meridian', schoolId: 'northgate', mentionId: articleId(), url: `${site.url}/news/northgate-protest` });
    expect(outcome).toEqual({ outcome: 'skipped', reason: 'already captured' });
  });

  it('school export includes the evidence files; school erase deletes them', async () => {
    const exported = (await exportSchoolData(deps, 'northgate'))!;
    const withFiles = exported.mentions.find((m) => m.id === articleId())!;
    const png = withFiles.evidenceFiles!.find((f) => f.key.endsWith('screenshot.png'))!;
    expect(sha(Buffer.from(png.contentBase64, 'base64'))).toBe(png.sha256);
    expect(withFiles.evidenceFiles).toHaveLength(5);

    const erased = (await eraseSchoolData(deps, 'northgate'))!;
    expect(erased.evidenceFiles).toBe(5);
    expect(await evidence.list('trust/meridian/school/northgate/')).toEqual([]);
  });

  it('retention purge deletes a mention’s captures with it', async () => {
    const { store } = await dynamo.freshStore();
    const old = new Date('2025-01-10T10:00:00Z');
    await importConfig({ store }, { trusts: [{ id: 'meridian', name: 'Meridian', retentionMonths: 12, schools: [{ id: 'northgate', name: 'Northgate Park Academy' }] }] });
    await store.mentions.record({
      trustId: 'meridian',
      schoolId: 'northgate',
      itemKey: 'k-old',
      capturedAt: old.toISOString(),
      build: (at) => ({ id: 'old1', trustId: 'meridian', schoolId: 'northgate', itemKey: 'k-old', feedUrl: 'f', title: 't', capturedAt: at, text: 'x', textSha256: sha(Buffer.from('x')), match: { mentioned: true, reason: 'name' }, score: { flagged: true, score: 1, severity: 'low', families: ['reputation'], categories: [], evidence: [], explanation: '' }, severity: 'low', families: ['reputation'], status: 'new' }),
    });
    const key = `${mentionPrefix({ trustId: 'meridian', schoolId: 'northgate', mentionId: 'old1' })}c1/page.txt`;
    await evidence.put(key, Buffer.from('old page'), 'text/plain');
    await purgeExpired({ store, clock: () => now, log: silentLogger, evidence });
    expect(await evidence.get(key)).toBeUndefined();
    expect(await store.mentions.get('old1')).toBeUndefined();
  });

  it('the local S3 server refuses requests from web pages (Origin header)', async () => {
    const res = await fetch(`${s3.endpoint}/${s3.bucket}?list-type=2`, { headers: { origin: 'http://evil.example' } });
    expect(res.status).toBe(403);
  });
});
