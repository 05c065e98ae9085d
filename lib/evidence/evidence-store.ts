import {
  DeleteObjectsCommand,
  PutObjectLegalHoldCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
  type PutObjectCommandInput,
} from '@aws-sdk/client-s3';

/** Object Lock settings for one capture (AWS only: the local S3 server has no Object Lock). */
export interface ObjectLock {
  /** COMPLIANCE: nobody, not even the account root, can delete before the date. */
  retainUntil: Date;
  /** Escalated mentions are kept past retention until released. */
  legalHold?: boolean;
}

/** The calls the capture, export, erase and download paths make on the evidence bucket. */
export interface EvidenceStore {
  put(key: string, body: Buffer, contentType: string, lock?: ObjectLock): Promise<void>;
  get(key: string): Promise<Buffer | undefined>;
  list(prefix: string): Promise<string[]>;
  /** Deletes every object under `prefix`; returns how many. */
  deletePrefix(prefix: string): Promise<number>;
  /** Puts (or lifts) an Object Lock legal hold on every object under `prefix`; 0 where there is no Object Lock (locally). */
  setLegalHold(prefix: string, on: boolean): Promise<number>;
}

/** An S3 (or S3-compatible) failure, named once here so callers never see SDK errors. */
export class EvidenceStoreError extends Error {
  override readonly name = 'EvidenceStoreError';
}

/** Keys always start with the trust, so a prefix can never reach another trust's evidence. */
export function mentionPrefix(ref: { trustId: string; schoolId: string; mentionId: string }): string {
  for (const [name, v] of Object.entries(ref)) {
    if (!/^[A-Za-z0-9_-]{1,100}$/.test(v)) throw new EvidenceStoreError(`The ${name} "${v}" cannot be part of an evidence key.`);
  }
  return `trust/${ref.trustId}/school/${ref.schoolId}/mention/${ref.mentionId}/`;
}

export function schoolPrefix(ref: { trustId: string; schoolId: string }): string {
  return mentionPrefix({ ...ref, mentionId: 'x' }).replace(/mention\/x\/$/, '');
}

export interface S3EvidenceStoreOptions {
  bucket: string;
  region?: string;
  /** An S3-compatible endpoint (the local s3rver); path-style addressing is used with it. */
  endpoint?: string;
  /** Set Object Lock retention / legal hold on each PutObject (AWS). Off locally. */
  objectLock?: boolean;
  client?: S3Client;
}

export function createS3Client(options: { region?: string; endpoint?: string }): S3Client {
  return new S3Client({
    region: options.region ?? 'eu-west-2',
    ...(options.endpoint
      ? {
          endpoint: options.endpoint,
          forcePathStyle: true,
          // s3rver accepts any signature made with its fixed key pair; real credentials are never sent to it.
          credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
        }
      : {}),
  });
}

export function createS3EvidenceStore(options: S3EvidenceStoreOptions): EvidenceStore {
  const client = options.client ?? createS3Client(options);
  const Bucket = options.bucket;
  const wrap = async <T>(what: string, call: () => Promise<T>): Promise<T> => {
    try {
      return await call();
    } catch (err) {
      throw new EvidenceStoreError(`Could not ${what} in the evidence bucket ${Bucket}: ${(err as Error).message}`, { cause: err });
    }
  };
  return {
    async put(key, body, contentType, lock) {
      const input: PutObjectCommandInput = { Bucket, Key: key, Body: body, ContentType: contentType };
      if (options.objectLock && lock) {
        input.ObjectLockMode = 'COMPLIANCE';
        input.ObjectLockRetainUntilDate = lock.retainUntil;
        if (lock.legalHold) input.ObjectLockLegalHoldStatus = 'ON';
      }
      await wrap(`store ${key}`, () => client.send(new PutObjectCommand(input)));
    },
    async get(key) {
      try {
        const res = await client.send(new GetObjectCommand({ Bucket, Key: key }));
        return Buffer.from(await res.Body!.transformToByteArray());
      } catch (err) {
        if (err instanceof NoSuchKey || (err as { name?: string }).name === 'NoSuchKey') return undefined;
        throw new EvidenceStoreError(`Could not read ${key} from the evidence bucket ${Bucket}: ${(err as Error).message}`, { cause: err });
      }
    },
    async list(prefix) {
      const keys: string[] = [];
      let token: string | undefined;
      do {
        const res = await wrap(`list ${prefix}`, () => client.send(new ListObjectsV2Command({ Bucket, Prefix: prefix, ContinuationToken: token })));
        for (const o of res.Contents ?? []) if (o.Key) keys.push(o.Key);
        token = res.IsTruncated ? res.NextContinuationToken : undefined;
      } while (token);
      return keys;
    },
    async deletePrefix(prefix) {
      const keys = await this.list(prefix);
      for (let i = 0; i < keys.length; i += 1000) {
        const batch = keys.slice(i, i + 1000);
        const res = await wrap(`delete ${prefix}`, () => client.send(new DeleteObjectsCommand({ Bucket, Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true } })));
        if (res.Errors?.length) throw new EvidenceStoreError(`Could not delete ${res.Errors.length} evidence file(s) under ${prefix}: ${res.Errors[0]?.Message ?? res.Errors[0]?.Code}`);
      }
      return keys.length;
    },
    async setLegalHold(prefix, on) {
      if (!options.objectLock) return 0;
      const keys = await this.list(prefix);
      for (const Key of keys) {
        await wrap(`set the legal hold on ${Key}`, () => client.send(new PutObjectLegalHoldCommand({ Bucket, Key, LegalHold: { Status: on ? 'ON' : 'OFF' } })));
      }
      return keys.length;
    },
  };
}
