import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { GetObjectCommand, HeadObjectCommand, NoSuchKey, NotFound, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { GIAS_INDEX_KEY } from './index-key';

/** Where the encoded index lives: one blob, replaced whole, so a reader never sees half of a new index. */
export interface GiasIndexStore {
  /** Human words for where it is, for summaries ("/data/gias/index.jsonl.gz", "s3://bucket/key"). */
  readonly where: string;
  read(): Promise<Buffer | undefined>;
  write(bytes: Buffer): Promise<void>;
  /** Changes whenever the stored blob does (mtime+size, or the S3 ETag); undefined when there is none. */
  version(): Promise<string | undefined>;
}

/** Reading or writing the stored index failed (disk, S3); the message names where and what to check. */
export class GiasIndexStoreError extends Error {
  override readonly name = 'GiasIndexStoreError';
}

/** Local: DATA_DIR/gias/index.jsonl.gz beside the embedded store. */
export function giasIndexPath(dataDir: string): string {
  return join(dataDir, 'gias', 'index.jsonl.gz');
}

export class FileGiasIndexStore implements GiasIndexStore {
  constructor(readonly path: string) {}

  get where(): string {
    return this.path;
  }

  async read(): Promise<Buffer | undefined> {
    try {
      return await readFile(this.path);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw new GiasIndexStoreError(`Could not read the GIAS index ${this.path}: ${(err as Error).message}`, { cause: err });
    }
  }

  /** Write beside, flush, then rename over: a crash or a full disk leaves the previous index as it was. */
  async write(bytes: Buffer): Promise<void> {
    const tmp = `${this.path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      await mkdir(dirname(this.path), { recursive: true });
      const handle = await open(tmp, 'w');
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(tmp, this.path);
    } catch (err) {
      await rm(tmp, { force: true });
      throw new GiasIndexStoreError(`Could not save the GIAS index to ${this.path}: ${(err as Error).message}. Check the folder (DATA_DIR) is writable and has space; the previous index is unchanged.`, { cause: err });
    }
  }

  async version(): Promise<string | undefined> {
    try {
      const s = await stat(this.path);
      return `${s.mtimeMs}:${s.size}`;
    } catch {
      return undefined;
    }
  }
}

/** AWS: one object in the GIAS data bucket. A PutObject replaces it atomically. */
export class S3GiasIndexStore implements GiasIndexStore {
  constructor(
    private readonly client: S3Client,
    readonly bucket: string,
    readonly key = GIAS_INDEX_KEY,
  ) {}

  get where(): string {
    return `s3://${this.bucket}/${this.key}`;
  }

  async read(): Promise<Buffer | undefined> {
    try {
      const out = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: this.key }));
      return Buffer.from(await out.Body!.transformToByteArray());
    } catch (err) {
      if (err instanceof NoSuchKey || (err as { name?: string }).name === 'NoSuchKey') return undefined;
      throw new GiasIndexStoreError(`Could not read the GIAS index ${this.where}: ${(err as Error).message}`, { cause: err });
    }
  }

  async write(bytes: Buffer): Promise<void> {
    try {
      await this.client.send(new PutObjectCommand({ Bucket: this.bucket, Key: this.key, Body: bytes, ContentType: 'application/gzip' }));
    } catch (err) {
      throw new GiasIndexStoreError(`Could not save the GIAS index to ${this.where}: ${(err as Error).message}. The previous index is unchanged.`, { cause: err });
    }
  }

  async version(): Promise<string | undefined> {
    try {
      return (await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: this.key }))).ETag;
    } catch (err) {
      if (err instanceof NotFound || (err as { name?: string }).name === 'NotFound' || (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return undefined;
      throw new GiasIndexStoreError(`Could not check the GIAS index ${this.where}: ${(err as Error).message}`, { cause: err });
    }
  }
}
