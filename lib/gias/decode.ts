import { TextDecoder } from 'node:util';
import { decodeWindows1252 } from '../feeds/charset';

export type GiasEncoding = 'utf-8' | 'windows-1252';

/**
 * Decodes the extract's bytes as a stream of text. The published file is Windows-1252 (so "St Mary’s" has a
 * 0x92 byte), but a copy re-saved by a spreadsheet is often UTF-8, with or without a byte-order mark. A BOM
 * settles it; otherwise the text stays undecided while it is plain ASCII (identical in both) and the first
 * non-ASCII bytes decide: a well-formed UTF-8 sequence means UTF-8, anything else Windows-1252.
 * `onDecided` reports the choice (for the import summary).
 */
export async function* decodeGiasBytes(source: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>, onDecided?: (encoding: GiasEncoding) => void): AsyncGenerator<string> {
  let mode: GiasEncoding | undefined;
  let utf8: TextDecoder | undefined;
  let pending: Buffer = Buffer.alloc(0);
  let first = true;
  const decide = (m: GiasEncoding) => {
    mode = m;
    if (m === 'utf-8') utf8 = new TextDecoder('utf-8', { ignoreBOM: false });
    onDecided?.(m);
  };
  for await (const chunk of source) {
    if (typeof chunk === 'string') {
      // Already text (a test or a caller that decoded it): nothing to guess.
      if (!mode) decide('utf-8');
      yield first ? chunk.replace(/^\uFEFF/, '') : chunk;
      first = false;
      continue;
    }
    let bytes: Buffer = pending.length ? Buffer.concat([pending, chunk]) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    pending = Buffer.alloc(0);
    if (first) {
      if (bytes.length < 3 && bytes.every((b, i) => b === [0xef, 0xbb, 0xbf][i])) {
        pending = bytes; // could still be the start of a BOM
        continue;
      }
      first = false;
      if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) decide('utf-8');
    }
    if (!mode) {
      const at = bytes.findIndex((b) => b >= 0x80);
      if (at === -1) {
        yield bytes.toString('latin1');
        continue;
      }
      const verdict = utf8Verdict(bytes, at);
      if (verdict === 'need-more') {
        // A multi-byte sequence split across chunks: emit the ASCII before it, decide with the next chunk.
        yield bytes.subarray(0, at).toString('latin1');
        pending = Buffer.from(bytes.subarray(at));
        continue;
      }
      decide(verdict);
    }
    if (mode === 'utf-8') yield utf8!.decode(bytes, { stream: true });
    else yield decodeWindows1252(bytes);
  }
  if (pending.length) {
    if (!mode) decide(pending.every((b) => b < 0x80) || isUtf8BomPrefix(pending) ? 'utf-8' : 'windows-1252');
    if (mode === 'utf-8') yield (utf8 ?? new TextDecoder()).decode(pending, { stream: true });
    else yield decodeWindows1252(pending);
  }
  if (utf8) {
    const rest = utf8.decode();
    if (rest) yield rest;
  }
}

function isUtf8BomPrefix(b: Buffer): boolean {
  return b.every((x, i) => x === [0xef, 0xbb, 0xbf][i]);
}

/** Whether the sequence starting at `at` (a byte ≥ 0x80) is well-formed UTF-8, checked over the rest of the chunk. */
function utf8Verdict(bytes: Buffer, at: number): GiasEncoding | 'need-more' {
  let i = at;
  let checked = 0;
  // Look at up to 64 non-ASCII sequences: enough to be sure, cheap for a large chunk.
  while (i < bytes.length && checked < 64) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (len === 0) return 'windows-1252';
    if (i + len > bytes.length) return checked > 0 ? 'utf-8' : 'need-more';
    for (let k = 1; k < len; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return 'windows-1252';
    i += len;
    checked++;
  }
  return 'utf-8';
}
