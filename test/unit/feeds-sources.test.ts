import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FeedSpec, School } from '../../lib/config/schema';
import { buildQuery, defaultMastodonTag, feedKey, feedUrlFor } from '../../lib/feeds/sources';

const school = School.parse({
  id: 'northgate',
  name: 'Northgate Park Academy',
  aliases: ['Northgate Park'],
  exclude: ['Northgate Park Retail'],
});

const q = (url: string) => new URL(url).searchParams.get('q');

describe('buildQuery', () => {
  const terms = { phrases: ['Northgate Park Academy', 'Northgate Park'], exclude: ['Northgate Park Retail'] };

  it('uses -"x" exclusions for Google and Bing', () => {
    expect(buildQuery(terms, 'google')).toBe('"Northgate Park Academy" OR "Northgate Park" -"Northgate Park Retail"');
    expect(buildQuery(terms, 'bing')).toBe('"Northgate Park Academy" OR "Northgate Park" -"Northgate Park Retail"');
  });

  it('uses NOT for Reddit', () => {
    expect(buildQuery(terms, 'reddit')).toBe('"Northgate Park Academy" OR "Northgate Park" NOT "Northgate Park Retail"');
  });

  it('drops quotes inside phrases, duplicates and empty terms', () => {
    expect(buildQuery({ phrases: ['St Mary\'s "Star" School', 'st mary\'s "star" school', '  '], exclude: [] }, 'google')).toBe('"St Mary\'s Star School"');
  });

  it('refuses an empty phrase list', () => {
    expect(() => buildQuery({ phrases: [], exclude: [] }, 'google')).toThrow();
  });
});

describe('feedUrlFor', () => {
  it('builds a Google News RSS search for the school name and aliases', () => {
    const url = feedUrlFor(FeedSpec.parse({ source: 'google-news' }), school);
    expect(url.startsWith('https://news.google.com/rss/search?q=')).toBe(true);
    expect(url.endsWith('&hl=en-GB&gl=GB&ceid=GB:en')).toBe(true);
    expect(q(url)).toBe('"Northgate Park Academy" OR "Northgate Park" -"Northgate Park Retail"');
  });

  it('builds Bing News and Reddit search feeds in their own syntax', () => {
    const bing = feedUrlFor(FeedSpec.parse({ source: 'bing-news' }), school);
    expect(bing).toMatch(/^https:\/\/www\.bing\.com\/news\/search\?q=.+&format=rss$/);
    expect(q(bing)).toContain('-"Northgate Park Retail"');
    const reddit = feedUrlFor(FeedSpec.parse({ source: 'reddit' }), school);
    expect(reddit).toMatch(/^https:\/\/www\.reddit\.com\/search\.rss\?q=.+&sort=new$/);
    expect(q(reddit)).toBe('"Northgate Park Academy" OR "Northgate Park" NOT "Northgate Park Retail"');
  });

  it('uses an explicit query verbatim', () => {
    expect(q(feedUrlFor(FeedSpec.parse({ source: 'google-news', query: '"Northgate" Ofsted' }), school))).toBe('"Northgate" Ofsted');
  });

  it('builds Mastodon tag feeds, defaulting the tag to the school name', () => {
    expect(feedUrlFor(FeedSpec.parse({ source: 'mastodon-tag' }), school)).toBe('https://mastodon.social/tags/NorthgateParkAcademy.rss');
    expect(feedUrlFor(FeedSpec.parse({ source: 'mastodon-tag', instance: 'Mastodon.Online', tag: 'harlowfen' }), school)).toBe(
      'https://mastodon.online/tags/harlowfen.rss',
    );
    expect(defaultMastodonTag("St Mary's C of E École")).toBe('StMarysCofEEcole');
  });

  it('returns an rss feed address as given', () => {
    expect(feedUrlFor(FeedSpec.parse({ source: 'rss', url: 'https://alerts.example/feeds/123/456' }), school)).toBe('https://alerts.example/feeds/123/456');
  });
});

describe('feedKey', () => {
  it('is the sha256 hex of the normalised URL, so equal addresses share state', () => {
    const url = 'https://news.example/feed.xml';
    expect(feedKey(url)).toBe(createHash('sha256').update(url).digest('hex'));
    expect(feedKey('https://NEWS.example:443/feed.xml')).toBe(feedKey(url));
    expect(feedKey('https://news.example/other.xml')).not.toBe(feedKey(url));
  });
});
