/**
 * An item as a feed format gave it, before normalisation. Values are `unknown` on purpose:
 * XML parsers turn odd markup into objects (a <link> holding <a>, a <title> with attributes),
 * and parse.ts coerces everything defensively rather than trusting the shape.
 */
export interface RawItem {
  guid?: unknown;
  link?: unknown;
  /** Title; may contain markup and entities. */
  title?: unknown;
  /** Body that is HTML (RSS description, Atom content, JSON Feed content_html). */
  html?: unknown;
  /** Body that is plain text (JSON Feed content_text). */
  text?: unknown;
  author?: unknown;
  /** Candidate dates, best first (published before updated). */
  dates: unknown[];
}

export interface RawFeed {
  title?: unknown;
  items: RawItem[];
}
