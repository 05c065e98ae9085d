import { pipeline, Transform, type Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { FeedError } from './errors';

/** A `maxBytes` overrun; fetch.ts turns it into a FeedError naming the URL. */
export class BodyTooLargeError extends Error {
  override readonly name = 'BodyTooLargeError';
}

function decoderFor(coding: string, url: string): Transform | undefined {
  switch (coding) {
    case 'identity':
    case '':
      return undefined;
    case 'gzip':
    case 'x-gzip':
      return createGunzip();
    case 'deflate':
      return createInflate();
    case 'br':
      return createBrotliDecompress();
    default:
      throw new FeedError(
        'network',
        `${url} sent its feed compressed with "${coding}", which Schoolwatch cannot read. Ask the publisher to serve gzip, deflate, br or uncompressed content.`,
        { url },
      );
  }
}

/** The decoders that undo a Content-Encoding header: codings are listed in the order applied, so undone in reverse. */
function decodersFor(contentEncoding: string | undefined, url: string): Transform[] {
  const codings = (contentEncoding ?? '')
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c !== '' && c !== 'identity')
    .reverse();
  return codings.map((c) => decoderFor(c, url)).filter((d): d is Transform => d !== undefined);
}

/**
 * Reads a response body, undoing Content-Encoding as a stream and stopping as soon as the
 * *decoded* size passes `maxBytes`, so a small gzip/brotli bomb never inflates beyond the cap.
 * Destroying the iterator tears down the whole pipeline, including the socket-backed source.
 */
export async function readCappedBody(source: Readable, contentEncoding: string | undefined, maxBytes: number, url: string): Promise<Uint8Array> {
  const decoders = decodersFor(contentEncoding, url);

  let stream: Readable = source;
  if (decoders.length > 0) {
    // Errors surface through iteration below; the callback only stops pipeline reporting them twice.
    stream = pipeline([source, ...decoders], () => {}) as unknown as Readable;
  }

  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      const buf = chunk as Buffer;
      total += buf.length;
      if (total > maxBytes) throw new BodyTooLargeError(`body exceeded ${maxBytes} bytes`);
      chunks.push(buf);
    }
  } catch (err) {
    // Tear everything down; destroying an unfinished body makes undici emit an error nobody needs.
    for (const stream of [source, ...decoders]) {
      stream.on('error', () => {});
      stream.destroy();
    }
    throw err;
  }
  return new Uint8Array(Buffer.concat(chunks, total));
}

/**
 * The streaming counterpart of readCappedBody: the decoded body as a stream that fails with BodyTooLargeError
 * as soon as it passes `maxBytes`. Destroying it tears down the socket-backed source too.
 */
export function cappedBodyStream(source: Readable, contentEncoding: string | undefined, maxBytes: number, url: string): Readable {
  const decoders = decodersFor(contentEncoding, url);
  let total = 0;
  const cap = new Transform({
    transform(chunk: Buffer, _enc, done) {
      total += chunk.length;
      if (total > maxBytes) done(new BodyTooLargeError(`body exceeded ${maxBytes} bytes`));
      else done(null, chunk);
    },
  });
  return pipeline([source, ...decoders, cap], () => {}) as unknown as Readable;
}
