import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

/** Longest readable text kept (a long article is ~50 kB; the cap stops a hostile page filling the store). */
export const READABLE_TEXT_CAP = 200_000;

export interface ReadableText {
  title?: string;
  text: string;
}

function tidy(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\f\v\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
    .slice(0, READABLE_TEXT_CAP);
}

/**
 * The article text of a page as served, as Firefox's reader view would show it (@mozilla/readability over a
 * server-side DOM; no script runs). Pages Readability cannot make sense of fall back to the body's text.
 */
export function readableText(html: string, url: string): ReadableText {
  const { document } = parseHTML(html);
  const title = document.title?.trim() || undefined;
  try {
    // Readability resolves relative links against the document's URL; linkedom has none, so give it a base.
    if (!document.querySelector('base') && document.head) {
      const base = document.createElement('base');
      base.setAttribute('href', url);
      document.head.appendChild(base);
    }
    const article = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], { charThreshold: 200 }).parse();
    const text = article?.textContent ? tidy(article.textContent) : '';
    if (text) return { title: article?.title?.trim() || title, text };
  } catch {
    // A page Readability chokes on still has text; fall through to the body.
  }
  const { document: fresh } = parseHTML(html);
  for (const el of fresh.querySelectorAll('script, style, noscript, template')) el.remove();
  return { title, text: tidy(fresh.body?.textContent ?? fresh.documentElement?.textContent ?? '') };
}
