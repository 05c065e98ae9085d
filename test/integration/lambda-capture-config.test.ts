import { afterEach, describe, expect, it, vi } from 'vitest';

/**
 * functions/capture.ts at cold start: the stack's EvidenceStore.connectWriter sets EVIDENCE_BUCKET; without it
 * (a hand-made function, a renamed variable) the function must fail at load, naming the variable and who sets
 * it, rather than render a page and then fail to store the evidence.
 */
describe('capture Lambda configuration', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
    vi.resetModules();
  });

  it('refuses to start without EVIDENCE_BUCKET, saying which construct sets it', async () => {
    delete process.env.EVIDENCE_BUCKET;
    process.env.TABLE_NAME = 'schoolwatch-test';
    await expect(import('../../functions/capture')).rejects.toThrow(/EVIDENCE_BUCKET is not set: the stack's EvidenceStore\.connectWriter sets it/);
  });

  it('refuses a malformed bucket name with the variable named', async () => {
    process.env.EVIDENCE_BUCKET = 'Not A Bucket';
    process.env.TABLE_NAME = 'schoolwatch-test';
    await expect(import('../../functions/capture')).rejects.toThrow(/EVIDENCE_BUCKET:? must be an S3 bucket name/);
  });

  it('loads with the variables the stack gives it', async () => {
    process.env.EVIDENCE_BUCKET = 'schoolwatch-evidencebucket-abc123';
    process.env.CAPTURE_QUEUE_URL = 'https://sqs.eu-west-2.amazonaws.com/123456789012/capture-jobs';
    process.env.TABLE_NAME = 'schoolwatch-test';
    const mod = await import('../../functions/capture');
    expect(typeof mod.handler).toBe('function');
  });
});
