import { describe, expect, it } from 'vitest';
import { captureBackoffMs, captureJobFor } from '../../lib/app/capture-mention';
import { EvidenceStoreError, mentionPrefix, schoolPrefix } from '../../lib/evidence/evidence-store';
import { looksPaywalled } from '../../lib/evidence/paywall';
import { readableText } from '../../lib/evidence/readable';
import { humanTime, isoWithOffset } from '../../lib/evidence/time';
import { articlePage } from '../support/page-server';

describe('evidence helpers', () => {
  it('gives capture times in the school’s timezone with the UTC offset (summer and winter)', () => {
    expect(isoWithOffset(new Date('2026-06-01T08:30:00.000Z'), 'Europe/London')).toBe('2026-06-01T09:30:00.000+01:00');
    expect(isoWithOffset(new Date('2026-12-01T08:30:00.000Z'), 'Europe/London')).toBe('2026-12-01T08:30:00.000+00:00');
    expect(isoWithOffset(new Date('2026-06-01T08:30:00.000Z'), 'America/New_York')).toBe('2026-06-01T04:30:00.000-04:00');
    expect(humanTime(new Date('2026-06-01T08:30:00.000Z'), 'Europe/London')).toMatch(/1 June 2026.*09:30:00 \(UTC\+01:00, Europe\/London\)/);
  });

  it('backs off 10 min, 30 min, 90 min… and never beyond 12 h', () => {
    expect([1, 2, 3].map(captureBackoffMs)).toEqual([600_000, 1_800_000, 5_400_000]);
    expect(captureBackoffMs(20)).toBe(12 * 3600_000);
  });

  it('keys name the trust first, and refuse ids that could climb out of their prefix', () => {
    expect(mentionPrefix({ trustId: 'meridian', schoolId: 'northgate', mentionId: 'abc123' })).toBe('trust/meridian/school/northgate/mention/abc123/');
    expect(schoolPrefix({ trustId: 'meridian', schoolId: 'northgate' })).toBe('trust/meridian/school/northgate/');
    expect(() => mentionPrefix({ trustId: 'meridian', schoolId: '../harbour', mentionId: 'x' })).toThrow(EvidenceStoreError);
  });

  it('captures only web addresses, preferring the canonical link', () => {
    const base = { trustId: 't', schoolId: 's', id: 'm' };
    expect(captureJobFor({ ...base, url: 'https://news.google.com/rss/x', canonicalUrl: 'https://paper.example/a' })?.url).toBe('https://paper.example/a');
    expect(captureJobFor({ ...base, url: 'javascript:alert(1)' })).toBeUndefined();
    expect(captureJobFor({ ...base })).toBeUndefined();
  });

  it('reads the article, not the navigation, sidebar or scripts', () => {
    const { title, text } = readableText(articlePage(), 'https://paper.example/a');
    expect(title).toMatch(/Parents protest/);
    expect(text).toMatch(/^Northgate Park Academy was rated inadequate|By Jo Reporter/);
    expect(text).not.toMatch(/Most read|setAttribute|Home News Sport/);
  });
});

describe('paywall wording', () => {
  it('notes a short page with a subscription wall, not an article that mentions subscribing', () => {
    expect(looksPaywalled('Parents protest at school\nThis article is for subscribers only. Already a subscriber? Log in.')).toBe(true);
    expect(looksPaywalled(readableText(articlePage(), 'https://paper.example/a').text)).toBe(false);
    expect(looksPaywalled(`${'Long article text about the school. '.repeat(60)} Subscribe to read more stories like this.`)).toBe(false);
  });
});
