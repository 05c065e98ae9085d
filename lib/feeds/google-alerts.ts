/**
 * Google Alerts delivered as RSS: on google.com/alerts, "Show options" → "Deliver to: RSS feed", then the RSS
 * icon beside the alert links to https://www.google.com/alerts/feeds/<digits>/<digits>. Admins often paste the
 * alerts page itself instead; that is an HTML page that needs a Google sign-in, so it is named as the mistake
 * it is rather than fetched.
 */
const ALERTS_FEED = /^https:\/\/(?:www\.)?google\.(?:com|co\.uk|[a-z]{2})\/alerts\/feeds\/\d+\/\d+\/?$/i;
const ALERTS_PAGE = /^https?:\/\/(?:www\.)?google\.(?:com|co\.uk|[a-z]{2})\/alerts(?:[/?#]|$)/i;

export const GOOGLE_ALERTS_FEED_EXAMPLE = 'https://www.google.com/alerts/feeds/<digits>/<digits>';

/** Is this the RSS address of one Google Alert? */
export function isGoogleAlertsFeed(url: string): boolean {
  return ALERTS_FEED.test(url.trim());
}

/** A Google Alerts address that is not an alert's feed (the alerts page, a settings link), in plain words; else undefined. */
export function googleAlertsMistake(url: string): string | undefined {
  const u = url.trim();
  if (!ALERTS_PAGE.test(u) || ALERTS_FEED.test(u)) return undefined;
  if (/^http:/i.test(u) && ALERTS_FEED.test(u.replace(/^http:/i, 'https:'))) return `Google Alerts feeds are read over https: use ${u.replace(/^http:/i, 'https:')}.`;
  return `${u} is the Google Alerts page, not an alert's feed. On google.com/alerts, edit the alert, choose "Show options" → "Deliver to: RSS feed", save it, then copy the link of the RSS icon beside the alert: it looks like ${GOOGLE_ALERTS_FEED_EXAMPLE}.`;
}
