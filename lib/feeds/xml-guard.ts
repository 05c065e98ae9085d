import { FeedError } from './errors';

export const MAX_XML_DEPTH = 100;

/** What the pre-scan learnt about a document that is safe to hand to the XML parser. */
export interface XmlInspection {
  /** Root element name as written, e.g. "rss", "feed", "rdf:RDF". */
  root: string;
  /** The XML with a harmless external-only DOCTYPE blanked out (see below). */
  xml: string;
}

const FEED_ROOTS = /^(rss|feed|([A-Za-z_][\w.-]*:)?RDF)$/;

/**
 * A linear pre-scan of the markup before any XML parser sees it. It refuses:
 *  - DOCTYPEs with an internal subset and any ENTITY declaration (billion laughs, XXE);
 *  - nesting deeper than MAX_XML_DEPTH (stack exhaustion in recursive consumers);
 *  - HTML pages and other non-feed roots, with advice to find the page's feed link.
 * A bare external DOCTYPE (old RSS 0.91 feeds carry one) is blanked rather than refused: it
 * declares no entities, and the parser never fetches external DTDs.
 */
export function inspectXml(text: string, feedUrl: string, contentType?: string): XmlInspection {
  const servedAsHtml = /^\s*(text\/html|application\/xhtml\+xml)\b/i.test(contentType ?? '');
  let xml = text;
  let root: string | undefined;
  let depth = 0;
  let i = 0;
  const len = xml.length;

  while ((i = xml.indexOf('<', i)) !== -1) {
    if (xml.startsWith('<!--', i)) {
      const end = xml.indexOf('-->', i + 4);
      if (end === -1) break;
      i = end + 3;
      continue;
    }
    if (xml.startsWith('<![CDATA[', i)) {
      const end = xml.indexOf(']]>', i + 9);
      if (end === -1) break;
      i = end + 3;
      continue;
    }
    if (xml.startsWith('<?', i)) {
      const end = xml.indexOf('?>', i + 2);
      if (end === -1) break;
      i = end + 2;
      continue;
    }
    if (xml.startsWith('<!', i)) {
      const decl = xml.slice(i + 2, i + 200);
      if (root === undefined && /^doctype\s+html\b/i.test(decl)) throw notAFeed(feedUrl, 'a web page');
      const end = xml.indexOf('>', i);
      const body = end === -1 ? decl : xml.slice(i + 2, end);
      if (end !== -1 && root === undefined && /^DOCTYPE\s/.test(body) && !body.includes('[') && !/ENTITY/i.test(body)) {
        xml = xml.slice(0, i) + ' '.repeat(end + 1 - i) + xml.slice(end + 1);
        i = end + 1;
        continue;
      }
      throw new FeedError(
        'parse-error',
        `${feedUrl} contains a DOCTYPE or ENTITY declaration. Schoolwatch refuses those because they can expand into huge documents or read private files (XML entity attacks). Real feeds do not need them; ask the publisher for a plain RSS/Atom feed.`,
        { url: feedUrl },
      );
    }
    if (xml[i + 1] === '/') {
      depth -= 1;
      const end = xml.indexOf('>', i);
      if (end === -1) break;
      i = end + 1;
      continue;
    }

    const name = /^[^\s/>]+/.exec(xml.slice(i + 1, i + 101))?.[0] ?? '';
    if (root === undefined) {
      root = name;
      if (/^html$/i.test(name)) throw notAFeed(feedUrl, 'a web page');
      if (!FEED_ROOTS.test(name)) throw notAFeed(feedUrl, servedAsHtml ? 'a web page' : `XML whose top element is <${name.slice(0, 40)}>`);
    }
    // Find the end of the tag, skipping ">" inside quoted attribute values.
    let j = i + 1;
    let quote: string | undefined;
    for (; j < len; j++) {
      const c = xml[j];
      if (quote) {
        if (c === quote) quote = undefined;
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '>') break;
    }
    if (xml[j - 1] !== '/') {
      depth += 1;
      if (depth > MAX_XML_DEPTH) {
        throw new FeedError(
          'parse-error',
          `${feedUrl} nests elements more than ${MAX_XML_DEPTH} levels deep, which no real feed does, so it was not parsed. Check the address points at a feed.`,
          { url: feedUrl },
        );
      }
    }
    i = j + 1;
  }

  if (root === undefined) throw notAFeed(feedUrl, servedAsHtml ? 'a web page' : 'something that is neither XML nor JSON');
  return { root, xml };
}

export function notAFeed(feedUrl: string, what: string): FeedError {
  const advice =
    what === 'a web page'
      ? 'look for its RSS link (often an orange icon or "RSS" in the page footer) and use that address instead'
      : 'use the address of an RSS, Atom or JSON Feed';
  return new FeedError('not-a-feed', `${feedUrl} returned ${what}, not a feed; ${advice}.`, { url: feedUrl });
}
