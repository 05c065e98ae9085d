import { describe, expect, it } from 'vitest';
import { groupFeeds } from '../../lib/app/plan-polls';
import { School } from '../../lib/config/schema';
import { renderDigest, renderRollup } from '../../lib/digest/render';
import { feedKey } from '../../lib/feeds/sources';
import { ofstedMentionText, ofstedScore, type OfstedReportRecord } from '../../lib/ofsted/report';
import { FeedJobMessage } from '../../lib/queue/sqs-queue';
import type { Mention } from '../../lib/store/types';

const school = School.parse({ id: 'northgate', name: 'Northgate Park Academy', urn: '137001', recipients: ['head@northgate.example'], feeds: [{ source: 'ofsted' }, { source: 'google-news' }] });

function reportMention(record: OfstedReportRecord, id = 'm1'): Mention {
  const { title, text } = ofstedMentionText(record, school.name);
  const score = ofstedScore(record, text);
  return {
    id, trustId: 'meridian', schoolId: 'northgate', itemKey: `ofsted:137001:${record.reportId}`, url: record.link, feedUrl: record.pageUrl,
    title, text, textSha256: 'x', capturedAt: '2026-11-25T10:00:00.000Z', match: { mentioned: true, reason: 'URN' },
    score, severity: score.severity, families: score.families, status: 'new', ofsted: record,
  };
}

const base: OfstedReportRecord = {
  urn: '137001', reportId: '50184632', link: 'https://files.ofsted.gov.uk/v1/file/50184632', title: 'School report', inspectionType: 'Full inspection',
  inspectionDate: '2022-04-26', publishedDate: '2022-05-27', layout: 'graded', pageUrl: 'https://reports.ofsted.gov.uk/provider/21/137001',
  judgements: [{ area: 'Overall effectiveness', grade: 'Good', concern: false }],
};

describe('Ofsted jobs', () => {
  it('an ofsted feed becomes a job of kind "ofsted" on Ofsted\'s page for the URN, and the kind survives the queue', () => {
    const jobs = groupFeeds([{ trustId: 'meridian', school }]);
    const page = 'https://reports.ofsted.gov.uk/provider/21/137001';
    expect(jobs.find((j) => j.url === page)).toEqual({ url: page, urlHash: feedKey(page), schools: [{ trustId: 'meridian', schoolId: 'northgate' }], kind: 'ofsted' });
    expect(jobs.find((j) => j.url !== page)!.kind).toBeUndefined();
    expect(FeedJobMessage.parse(JSON.parse(JSON.stringify(jobs[0]))).kind).toBe('ofsted');
  });
});

describe('the digest\'s "New Ofsted report" section', () => {
  it('lists an unflagged report on its own (not as a flagged mention) and says why it was not flagged', () => {
    const out = renderDigest({ school, mentions: [reportMention(base)], localDate: '2026-11-26' });
    expect(out.kind).toBe('digest');
    expect(out.subject).toBe('Northgate Park Academy: new Ofsted report – Thu 26 Nov 2026');
    expect(out.counts.total).toBe(0);
    expect(out.text).toContain('NEW OFSTED REPORT: School report, inspection 26 April 2022');
    expect(out.text).toContain('Not flagged: no judgement is below Good.');
    expect(out.text).not.toContain('flagged mention');
    expect(out.csv).toContain('50184632'); // still in the evidence log
  });

  it('escapes whatever came from the page, and links only to http(s)', () => {
    const hostile = { ...base, link: 'javascript:alert(1)', judgements: [{ area: '<img src=x onerror=alert(1)>', grade: 'Requires improvement', concern: true }] };
    const out = renderDigest({ school, mentions: [reportMention(hostile)], localDate: '2026-11-26' });
    expect(out.html).not.toContain('<img src=x');
    expect(out.html).toContain('&lt;img');
    expect(out.html).not.toContain('href="javascript:');
    expect(out.subject).toContain('new Ofsted report (flagged)');
  });

  it('puts the report above the other flagged mentions and counts only those in the summary', () => {
    const other: Mention = { ...reportMention(base, 'm2'), ofsted: undefined, title: 'Parents protest outside Northgate Park Academy', score: { flagged: true, score: 0.5, severity: 'low', families: ['reputation'], categories: [], evidence: [], explanation: 'x' }, severity: 'low', families: ['reputation'] };
    const out = renderDigest({ school, mentions: [other, reportMention(base)], localDate: '2026-11-26' });
    expect(out.subject).toBe('Northgate Park Academy: new Ofsted report; 1 flagged mention (1 low) – Thu 26 Nov 2026');
    expect(out.text.indexOf('NEW OFSTED REPORT')).toBeLessThan(out.text.indexOf('Parents protest'));
    expect(out.counts.total).toBe(1);
  });

  it('the trust roll-up lists the report in its school\'s section too, not as a flagged mention', () => {
    const kestrel = School.parse({ id: 'kestrel', name: 'Kestrel Primary' });
    const out = renderRollup({ trust: { id: 'meridian', name: 'Meridian Learning Trust' }, groups: [{ school, mentions: [reportMention(base)] }, { school: kestrel, mentions: [] }], localDate: '2026-11-26' });
    expect(out.subject).toBe('Meridian Learning Trust: new Ofsted report; 0 flagged mentions across 1 school – Thu 26 Nov 2026');
    expect(out.text).toContain('  Northgate Park Academy: 0 new flagged mentions; new Ofsted report');
    expect(out.text).toContain('NEW OFSTED REPORT: School report, inspection 26 April 2022');
    expect(out.html).toContain('>New Ofsted report</p>');
    expect(out.counts.total).toBe(0);
    expect(out.perSchool).toEqual({ northgate: 1, kestrel: 0 });
  });
});
