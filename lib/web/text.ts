import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import { oneLine, truncate } from '../digest/text';

// Bidi embeddings/overrides/isolates, C0/C1 controls (not tab/newline), zero-width and BOM characters.
const INVISIBLE = /([\u202A-\u202E\u2066-\u2069\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200F\u2028\u2029\uFEFF])/;

/** Feed text for one line of a list: control and bidi characters removed, whitespace collapsed, shortened. */
export function short(s: string | undefined, max = 160): string {
  return truncate(oneLine(s ?? ''), max);
}

/**
 * Evidence text shown exactly, but harmlessly: escaped, and every invisible or direction-changing character
 * drawn as a visible `[U+202E]` marker instead of acting on the text around it.
 */
export function visible(s: string): HtmlEscapedString | Promise<HtmlEscapedString> {
  const parts = s.split(INVISIBLE);
  return html`${parts.map((part, i) =>
    i % 2 === 1
      ? html`<span class="ctl" title="hidden control character">[U+${part.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}]</span>`
      : part,
  )}`;
}
