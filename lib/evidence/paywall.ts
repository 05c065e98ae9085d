import cues from './paywall-cues.json';

const phrases = cues.cues.map((c) => c.toLowerCase());

/**
 * Whether a captured page looks like a subscription or registration wall rather than the article: little readable
 * text, and a wall's wording. The capture is still kept (the screen print shows what a visitor sees); this only
 * adds a note saying the article itself may be behind it.
 */
export function looksPaywalled(readable: string): boolean {
  const text = readable.toLowerCase().replace(/\s+/g, ' ').replace(/[’]/g, "'");
  if (text.length > cues.maxArticleChars) return false;
  return phrases.some((p) => text.includes(p));
}
