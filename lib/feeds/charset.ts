/**
 * Turns feed bytes into text with the right character set.
 *
 * Order: a byte-order mark wins (it is unambiguous, and the WHATWG Encoding standard lets it
 * override everything else), then the Content-Type charset, then the XML declaration's
 * encoding, then UTF-8. Labels go through TextDecoder, so "iso-8859-1" and "latin1" decode as
 * windows-1252 exactly as browsers do (curly quotes in 0x80–0x9F come out right).
 */
export function detectCharset(bytes: Uint8Array, contentType?: string): string {
  const bom = bomCharset(bytes);
  if (bom) return bom;
  const fromHeader = usableLabel(/;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '')?.[1]);
  if (fromHeader) return fromHeader;
  // The declaration is ASCII by definition, so latin1 is a safe way to read the first bytes.
  const head = Buffer.from(bytes.subarray(0, 256)).toString('latin1');
  const fromDecl = usableLabel(/^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head)?.[1]);
  // A UTF-16 declaration in a document we could read as ASCII is a lie (WHATWG treats it as UTF-8).
  if (fromDecl && !fromDecl.startsWith('utf-16')) return fromDecl;
  return 'utf-8';
}

export function decodeText(bytes: Uint8Array, contentType?: string): string {
  const charset = detectCharset(bytes, contentType);
  if (charset === 'windows-1252') return decodeWindows1252(bytes);
  return new TextDecoder(charset).decode(bytes);
}

// Node 20's TextDecoder decodes windows-1252 (and so "iso-8859-1"/"latin1") as true ISO-8859-1,
// turning curly quotes, dashes and € into invisible C1 controls. These are the 0x80–0x9F code points
// per the WHATWG index; the five unassigned bytes map to themselves, as browsers do.
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString('latin1')
    .replace(/[\u0080-\u009f]/g, (c) => String.fromCharCode(CP1252_HIGH[c.charCodeAt(0) - 0x80]!));
}

function bomCharset(b: Uint8Array): string | undefined {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8';
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  return undefined;
}

/** The canonical WHATWG name for a charset label, or undefined when TextDecoder does not know it. */
function usableLabel(label: string | undefined): string | undefined {
  if (!label) return undefined;
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return undefined;
  }
}
