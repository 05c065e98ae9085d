import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalizeUrl, itemKeyFor } from '../../lib/feeds/canonical';

describe('canonicalizeUrl', () => {
  it('lower-cases the host, drops the fragment and default port', () => {
    expect(canonicalizeUrl('HTTPS://News.Example.COM:443/Story/1#comments')).toBe('https://news.example.com/Story/1');
  });

  it('strips tracking parameters and keeps the ones that select content', () => {
    expect(
      canonicalizeUrl('https://news.example/a?id=7&utm_source=x&UTM_Medium=y&fbclid=1&gclid=2&mc_cid=3&mc_eid=4&ref=tw&ocid=msn&page=2'),
    ).toBe('https://news.example/a?id=7&page=2');
    expect(canonicalizeUrl('https://news.example/a?utm_campaign=z')).toBe('https://news.example/a');
  });

  it('unwraps Bing News apiclick redirects', () => {
    const bing =
      'http://www.bing.com/news/apiclick.aspx?ref=FexRss&aid=&tid=abc&url=https%3a%2f%2fwww.echo.example%2fnews%2fstory%3futm_source%3dbing&c=1&mkt=en-gb';
    expect(canonicalizeUrl(bing)).toBe('https://www.echo.example/news/story');
  });

  it('unwraps Google url?q= / url= redirects (Google Alerts links)', () => {
    expect(canonicalizeUrl('https://www.google.com/url?rct=j&sa=t&url=https://www.echo.example/news/story&ct=ga&cd=abc&usg=xyz')).toBe(
      'https://www.echo.example/news/story',
    );
    expect(canonicalizeUrl('https://www.google.co.uk/url?q=https%3A%2F%2Fwww.echo.example%2Fnews%2Fstory&sa=U')).toBe('https://www.echo.example/news/story');
  });

  it('unwraps Google News links that carry the article in url= or in the article id', () => {
    expect(canonicalizeUrl('https://news.google.com/news/url?sa=t&fd=R&url=https://www.echo.example/x')).toBe('https://www.echo.example/x');
    const article = 'https://www.echo.example/news/story';
    const id = Buffer.concat([Buffer.from([0x08, 0x13, 0x22, article.length]), Buffer.from(article), Buffer.from([0xd2, 0x01, 0x00])]).toString('base64url');
    expect(canonicalizeUrl(`https://news.google.com/rss/articles/${id}?oc=5`)).toBe(article);
  });

  it('keeps opaque Google News ids as the Google link without its tracking suffix', () => {
    expect(canonicalizeUrl('https://news.google.com/rss/articles/CBMiK0FVX3lxTE9wYXF1ZQ?oc=5&hl=en-GB')).toBe('https://news.google.com/rss/articles/CBMiK0FVX3lxTE9wYXF1ZQ');
  });

  it('does not unwrap to non-http targets', () => {
    expect(canonicalizeUrl('https://www.google.com/url?q=javascript:alert(1)')).toBe('https://www.google.com/url?q=javascript:alert(1)');
  });

  it.each(['javascript:alert(1)', 'ftp://x.example/', 'mailto:a@b.example', 'not a url', ''])('returns undefined for %j', (link) => {
    expect(canonicalizeUrl(link)).toBeUndefined();
  });
});

describe('itemKeyFor', () => {
  it('prefers the canonical URL, so one article from two aggregators is one key', () => {
    expect(itemKeyFor({ guid: 'google-123', canonicalUrl: 'https://echo.example/a', title: 't', text: 'x' })).toBe('url:https://echo.example/a');
    expect(itemKeyFor({ guid: 'bing-999', canonicalUrl: 'https://echo.example/a', title: 'other', text: 'y' })).toBe('url:https://echo.example/a');
  });

  it('falls back to the guid, then a hash of title and text', () => {
    expect(itemKeyFor({ guid: ' tag:x,2024:1 ', title: 't', text: 'x' })).toBe('guid:tag:x,2024:1');
    const hash = createHash('sha256').update('Title\nBody').digest('hex');
    expect(itemKeyFor({ title: 'Title', text: 'Body' })).toBe(`hash:${hash}`);
    expect(itemKeyFor({ guid: '   ', title: 'Title', text: 'Body' })).toBe(`hash:${hash}`);
  });

  it('hashes very long values so keys fit a DynamoDB sort key', () => {
    const key = itemKeyFor({ canonicalUrl: `https://x.example/${'a'.repeat(2000)}`, title: '', text: '' });
    expect(key).toMatch(/^url:sha256:[0-9a-f]{64}$/);
  });
});
