/**
 * Text hygiene for feed content shown in email: escaping, control/bidi stripping, safe links.
 * Feed text arrives entity-decoded (`&lt;script&gt;` in the source is `<script>` here), so every
 * piece of it is escaped exactly once, at the point it is written into HTML.
 */

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escape for HTML text and double- or single-quoted attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

// C0 controls except TAB/LF/CR, DEL, C1 controls.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
// Bidi embeddings, overrides and isolates (can reorder what is displayed, e.g. "gpj.exe" tricks).
// LRM/RLM/ALM are kept: they are common in real Arabic/Hebrew text and cannot reorder a run.
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// Line/paragraph separators and other odd line breaks.
const ODD_BREAKS = /[\u2028\u2029\u0085]/g;

/** Remove control characters, bidi overrides and lone surrogates; keep tabs and newlines. */
export function cleanText(s: string): string {
  return s
    .replace(/\r\n?/g, '\n')
    .replace(ODD_BREAKS, '\n')
    .replace(CONTROL, '')
    .replace(BIDI_CONTROL, '')
    .replace(LONE_SURROGATE, '\uFFFD');
}

/** `cleanText` and collapse all whitespace (including newlines) to single spaces. */
export function oneLine(s: string): string {
  return cleanText(s).replace(/\s+/g, ' ').trim();
}

/** Shorten to at most `max` code points, ending with an ellipsis when cut. */
export function truncate(s: string, max: number): string {
  const cps = Array.from(s);
  if (cps.length <= max) return s;
  return `${cps.slice(0, Math.max(0, max - 1)).join('').trimEnd()}…`;
}

const LONG_RUN = 24;
const CHUNK = 16;

/**
 * Escape for HTML and let long unbroken runs (URLs, "aaaa…", base64) wrap on a phone by putting
 * `<wbr>` between chunks. Input must already be cleaned; `<wbr>` is inserted between escaped
 * chunks, never inside an entity.
 */
export function escapeWrap(s: string): string {
  return s
    .split(/(\s+)/)
    .map((tok) => {
      if (tok.length <= LONG_RUN || /^\s+$/.test(tok)) return escapeHtml(tok);
      const cps = Array.from(tok);
      const chunks: string[] = [];
      for (let i = 0; i < cps.length; i += CHUNK) chunks.push(escapeHtml(cps.slice(i, i + CHUNK).join('')));
      return chunks.join('<wbr>');
    })
    .join('');
}

/**
 * The normalised address when `raw` is an absolute http(s) URL, otherwise undefined.
 * The result is percent-encoded with a punycode host, so it cannot carry markup or bidi tricks.
 */
export function safeHttpUrl(raw: string | undefined | null): URL | undefined {
  if (!raw) return undefined;
  const trimmed = raw.trim();
  if (!/^https?:\/\//i.test(trimmed)) return undefined;
  try {
    const u = new URL(trimmed);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u : undefined;
  } catch {
    return undefined;
  }
}
