import { describe, expect, it } from 'vitest';
import { decodeText, decodeWindows1252, detectCharset } from '../../lib/feeds/charset';
import { parseRetryAfter } from '../../lib/feeds/retry-after';
import { capLength, htmlToPlainText, parseFeedDate, stripInvisible } from '../../lib/feeds/text';

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p)))));

describe('charset detection', () => {
  it('prefers BOM, then Content-Type, then the XML declaration, then UTF-8', () => {
    const decl = bytes('<?xml version="1.0" encoding="ISO-8859-1"?><rss/>');
    expect(detectCharset(decl)).toBe('windows-1252');
    expect(detectCharset(decl, 'text/xml; charset=utf-8')).toBe('utf-8');
    expect(detectCharset(bytes([0xef, 0xbb, 0xbf], '<?xml version="1.0" encoding="ISO-8859-1"?>'), 'text/xml; charset=windows-1252')).toBe('utf-8');
    expect(detectCharset(bytes('<rss/>'))).toBe('utf-8');
    expect(detectCharset(bytes([0xff, 0xfe]))).toBe('utf-16le');
  });

  it('ignores unknown labels and UTF-16 declarations in ASCII documents', () => {
    expect(detectCharset(bytes('<rss/>'), 'text/xml; charset=x-klingon')).toBe('utf-8');
    expect(detectCharset(bytes('<?xml version="1.0" encoding="UTF-16"?><rss/>'))).toBe('utf-8');
  });

  it('decodes windows-1252 punctuation that Node 20 TextDecoder gets wrong', () => {
    expect(decodeWindows1252(Uint8Array.from([0x93, 0x41, 0x94, 0x20, 0x96, 0x20, 0x80, 0xa3, 0xe9]))).toBe('“A” – €£é');
    expect(decodeText(bytes('<?xml version="1.0" encoding="windows-1252"?><t>', [0x92], '</t>'))).toContain('’');
  });

  it('decodes other single-byte and UTF-16 charsets through TextDecoder', () => {
    expect(decodeText(Uint8Array.from([0xc0]), 'text/xml; charset=windows-1251')).toBe('А');
    expect(decodeText(bytes([0xff, 0xfe], [0x3c, 0, 0x72, 0]))).toBe('<r');
  });
});

describe('plain text', () => {
  it('strips markup and scripts, decodes entities and collapses whitespace', () => {
    expect(htmlToPlainText('<p>Fish &amp; chips&nbsp;&pound;5</p><script>alert(1)</script>\n\n\n<p>Next   para</p>', 1000)).toBe(
      'Fish & chips £5\n\nNext para',
    );
    expect(htmlToPlainText('<h1>Keep Case</h1><a href="https://x.example">link text</a>', 1000, true)).toBe('Keep Case link text');
  });

  it('removes control, zero-width and bidi override characters', () => {
    expect(stripInvisible('a\u0000b\u0007c\u200bd\u202ee\u2066f\ufeffg\u0085h\tI\nJ')).toBe('abcdefgh\tI\nJ');
  });

  it('caps without splitting a surrogate pair', () => {
    expect(capLength('ab😀cd', 3)).toBe('ab');
    expect(capLength('abc', 10)).toBe('abc');
    expect(htmlToPlainText(`<p>${'x'.repeat(100_000)}</p>`, 100)).toHaveLength(100);
  });
});

describe('parseFeedDate', () => {
  const now = new Date('2024-06-10T00:00:00Z');
  it.each([
    ['Wed, 05 Jun 2024 14:00:00 GMT', '2024-06-05T14:00:00.000Z'],
    ['Wed, 05 Jun 2024 14:00:00 BST', '2024-06-05T13:00:00.000Z'],
    ['Wed, 05 Jun 2024 14:00:00 +0200', '2024-06-05T12:00:00.000Z'],
    ['2024-06-05T14:00:00+01:00', '2024-06-05T13:00:00.000Z'],
    ['2024-06-05', '2024-06-05T00:00:00.000Z'],
    ['2024-06-05 14:00:00', '2024-06-05T14:00:00.000Z'],
  ])('%s → %s', (input, iso) => {
    expect(parseFeedDate(input, now)).toBe(iso);
  });

  it.each(['hello 1', '', 'yesterday', '2024-02-30T00:00:00Z', '31 Feb 2024 10:00 GMT', '2099-01-01T00:00:00Z', '1899-12-31', 'Mon, 99 Foo 2024'])(
    '%j is not a believable date',
    (input) => {
      expect(parseFeedDate(input, now)).toBeUndefined();
    },
  );

  it('ignores non-strings', () => {
    expect(parseFeedDate(undefined, now)).toBeUndefined();
    expect(parseFeedDate({ _: '2024-06-01' }, now)).toBeUndefined();
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2024-06-10T12:00:00Z');
  it('reads delta-seconds and HTTP dates, clamped', () => {
    expect(parseRetryAfter('120', 21600, now)).toBe(120);
    expect(parseRetryAfter('Mon, 10 Jun 2024 12:05:00 GMT', 21600, now)).toBe(300);
    expect(parseRetryAfter('Mon, 10 Jun 2024 11:00:00 GMT', 21600, now)).toBe(0);
    expect(parseRetryAfter('99999999999', 21600, now)).toBe(21600);
    expect(parseRetryAfter('Wed, 01 Jan 2031 00:00:00 GMT', 21600, now)).toBe(21600);
  });

  it('returns undefined when missing or unreadable', () => {
    expect(parseRetryAfter(undefined, 100, now)).toBeUndefined();
    expect(parseRetryAfter('soon', 100, now)).toBeUndefined();
    expect(parseRetryAfter('-5', 100, now)).toBeUndefined();
    expect(parseRetryAfter('', 100, now)).toBeUndefined();
  });
});
