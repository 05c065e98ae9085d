import { compile } from 'html-to-text';

/**
 * Plain-text normalisation for everything a feed says: the digest, the scorer and the evidence
 * record all want readable text with no markup, no invisible characters and a bounded size.
 */

const toText = compile({
  wordwrap: false,
  // We cap input ourselves (html-to-text would console.warn when truncating).
  limits: { maxInputLength: undefined, maxDepth: 200, maxChildNodes: 10_000 },
  selectors: [
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'img', format: 'skip' },
    // Never let executable or hidden content leak into the text we score and show.
    { selector: 'script', format: 'skip' },
    { selector: 'style', format: 'skip' },
    { selector: 'noscript', format: 'skip' },
    { selector: 'template', format: 'skip' },
    { selector: 'iframe', format: 'skip' },
    { selector: 'object', format: 'skip' },
    { selector: 'svg', format: 'skip' },
    { selector: 'head', format: 'skip' },
    // Evidence keeps the author's capitalisation.
    ...(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'] as const).map((selector) => ({ selector, options: { uppercase: false } })),
    { selector: 'table', options: { uppercaseHeaderCells: false } },
  ],
});

/*
 * Characters stripped from every field: C0/C1 controls (except tab/newline, which become
 * whitespace), zero-width characters, bidi embeddings/overrides/isolates (used to disguise text)
 * and lone surrogates.
 */
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF\uFFF9-\uFFFB]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Removes invisible and control characters. */
export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

/** Cuts to at most `max` UTF-16 units without splitting a surrogate pair. */
export function capLength(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return cut.trimEnd();
}

/**
 * HTML (or text that may contain markup and entities) to plain text: tags removed, scripts
 * dropped, entities decoded, invisible characters stripped, whitespace collapsed (paragraph
 * breaks kept unless `singleLine`), and capped at `maxChars`.
 */
export function htmlToPlainText(html: string, maxChars: number, singleLine = false): string {
  // Markup shrinks when converted, so reading a few times the cap is enough and bounds the work.
  const input = html.length > maxChars * 4 + 1000 ? html.slice(0, maxChars * 4 + 1000) : html;
  const text = stripInvisible(toText(stripInvisible(input)));
  return capLength(collapseWhitespace(text, singleLine), maxChars);
}

/** Plain text that should not be treated as markup (e.g. JSON Feed content_text). */
export function plainText(text: string, maxChars: number, singleLine = false): string {
  return capLength(collapseWhitespace(stripInvisible(text), singleLine), maxChars);
}

function collapseWhitespace(text: string, singleLine: boolean): string {
  if (singleLine) return text.replace(/\s+/g, ' ').trim();
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

// Zones that feeds use but Date.parse does not know; UK feeds in summer say "BST".
const ZONE_OFFSETS: Record<string, string> = { BST: '+0100', IST: '+0100', CET: '+0100', CEST: '+0200', WET: '+0000', WEST: '+0100', Z: '+0000' };
const EARLIEST = Date.UTC(1990, 0, 1);
const FUTURE_SLACK_MS = 2 * 24 * 60 * 60 * 1000;

/**
 * A feed date as ISO-8601 UTC, or undefined when it is not a believable publication time.
 * Date.parse alone is far too lenient (it reads "hello 1" as 2001), so we require a four-digit
 * year and a result between 1990 and two days after `now` (clock skew, time-zone mistakes).
 */
export function parseFeedDate(value: unknown, now: Date = new Date()): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (text.length < 8 || text.length > 64 || !/(^|\D)(19|20)\d\d(\D|$)/.test(text)) return undefined;
  let withZone = text.replace(/\s([A-Z]{1,4})$/, (m, zone: string) => (ZONE_OFFSETS[zone] ? ` ${ZONE_OFFSETS[zone]}` : m));
  // A time without a zone would be read in the server's local zone; feeds mean UTC far more often.
  if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(withZone)) withZone = `${withZone.replace(' ', 'T')}Z`;
  else if (/(^|[^+\-\d])\d{1,2}:\d{2}(:\d{2})?$/.test(withZone)) withZone = `${withZone} +0000`;
  if (!calendarDayExists(withZone)) return undefined;
  const ms = Date.parse(withZone);
  if (Number.isNaN(ms) || ms < EARLIEST || ms > now.getTime() + FUTURE_SLACK_MS) return undefined;
  return new Date(ms).toISOString();
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Date.parse rolls "2024-02-31" over to 2 March; a feed that says 31 February is wrong, not early March. */
function calendarDayExists(text: string): boolean {
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  const rfc = /(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{4})/.exec(text);
  let year: number, month: number, day: number;
  if (iso) [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (rfc) [year, month, day] = [Number(rfc[3]), MONTHS.indexOf(rfc[2]!.toLowerCase()) + 1, Number(rfc[1])];
  else return true;
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}
