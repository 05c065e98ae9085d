import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OfstedPageError, parseOfstedDate, parseOfstedPage, type OfstedPage } from '../../lib/ofsted/parse';
import { ofstedMentionText, ofstedRecord, ofstedScore } from '../../lib/ofsted/report';

const PAGE = 'https://reports.ofsted.gov.uk/provider/21/137001';
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/ofsted/${name}`, import.meta.url)));

function page(name: string): OfstedPage {
  const result = parseOfstedPage(fixture(name), { pageUrl: PAGE, contentType: 'text/html; charset=utf-8' });
  if (!result.ok) throw result.error;
  return result.page;
}

function reports(name: string) {
  const p = page(name);
  if (p.kind !== 'reports') throw new Error(`expected reports, got ${p.kind}`);
  return p.reports;
}

describe('parseOfstedPage: graded-judgement layout', () => {
  it('lists the reports newest first, skipping events without a report, with dates, type and link', () => {
    const list = reports('graded-good.html');
    expect(list.map((r) => r.id)).toEqual(['50184632', '2661907']);
    expect(list[0]).toMatchObject({
      link: 'https://files.ofsted.gov.uk/v1/file/50184632',
      title: 'School report',
      inspectionType: 'Full inspection',
      inspectionDate: '2022-04-26',
      publishedDate: '2022-05-27',
      layout: 'graded',
    });
    expect(list[1]).toMatchObject({ inspectionDate: '2017-03-14', publishedDate: '2017-04-19', inspectionType: 'Section 5 inspection', judgements: [] });
  });

  it('gives the latest inspection its overall and key judgements, none a concern when all are Good or better', () => {
    const [latest] = reports('graded-good.html');
    expect(latest!.judgements.map((j) => `${j.area}=${j.grade}`)).toEqual([
      'Overall effectiveness=Good',
      'Quality of education=Good',
      'Behaviour and attitudes=Outstanding',
      'Personal development=Good',
      'Leadership and management=Good',
      'Sixth form provision=Good',
    ]);
    expect(latest!.judgements.some((j) => j.concern)).toBe(false);
  });

  it('marks judgements below Good as concerns', () => {
    const [latest] = reports('graded-requires-improvement.html');
    expect(latest).toMatchObject({ id: '50271145', inspectionDate: '2025-03-05', publishedDate: '2025-04-11', layout: 'graded' });
    expect(latest!.judgements.filter((j) => j.concern).map((j) => j.area)).toEqual(['Overall effectiveness', 'Quality of education', 'Leadership and management']);
  });
});

describe('parseOfstedPage: report-card layout (November 2025)', () => {
  it('reads each area with its grade, safeguarding, and the relative report-card link made absolute', () => {
    const [latest, previous] = reports('report-card.html');
    expect(latest).toMatchObject({
      id: '50301122',
      link: 'https://reports.ofsted.gov.uk/provider/21/137001/report-card/50301122',
      title: 'Report card',
      inspectionType: 'Report card inspection',
      inspectionDate: '2026-01-14',
      publishedDate: '2026-02-20',
      layout: 'report-card',
    });
    expect(latest!.judgements.map((j) => `${j.area}=${j.grade}${j.concern ? '!' : ''}`)).toEqual([
      'Inclusion=Needs attention!',
      'Curriculum and teaching=Expected standard',
      'Achievement=Expected standard',
      'Attendance and behaviour=Strong standard',
      'Personal development and well-being=Expected standard',
      'Post-16 provision=Expected standard',
      'Leadership and governance=Needs attention!',
      'Safeguarding=Met',
    ]);
    // The older graded report keeps no judgements: the page shows only the latest inspection's.
    expect(previous).toMatchObject({ id: '50184632', judgements: [] });
  });
});

describe('parseOfstedPage: no reports and unknown layouts', () => {
  it('a school Ofsted has not inspected yet is "no reports", not an error', () => {
    expect(page('no-reports.html')).toEqual({ kind: 'no-reports', providerName: 'Harlow Fen Free School' });
  });

  it('a page in a layout it does not know is an OfstedPageError value saying what to check', () => {
    const result = parseOfstedPage(fixture('unrecognised.html'), { pageUrl: PAGE });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toBeInstanceOf(OfstedPageError);
    expect(result.error.message).toContain(PAGE);
    expect(result.error.message).toMatch(/changed the page layout/);
    expect(result.error.message).toMatch(/check the school's URN/);
  });

  it('grades it does not know are an error, not a silently unflagged report', () => {
    const html = readFileSync(new URL('../fixtures/ofsted/graded-good.html', import.meta.url), 'utf8').replaceAll('<strong>Good</strong>', '<strong>Grade 2</strong>').replace('<strong>Outstanding</strong>', '<strong>Grade 1</strong>');
    const result = parseOfstedPage(new TextEncoder().encode(html), { pageUrl: PAGE });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/not Ofsted grades Schoolwatch knows \(Overall effectiveness: Grade 2/);
  });

  it('bytes that are not HTML, or empty, are an error value too', () => {
    for (const body of ['', '{"reports": []}', 'Service Unavailable']) {
      const result = parseOfstedPage(new TextEncoder().encode(body), { pageUrl: PAGE });
      expect(result.ok).toBe(false);
    }
  });
});

describe('parseOfstedDate', () => {
  it('reads the page\'s date forms and refuses impossible dates', () => {
    expect(parseOfstedDate('26 April 2022')).toBe('2022-04-26');
    expect(parseOfstedDate('Published 3 Sept 2024')).toBe('2024-09-03');
    expect(parseOfstedDate('2026-01-14')).toBe('2026-01-14');
    expect(parseOfstedDate('31 February 2024')).toBeUndefined();
    expect(parseOfstedDate('soon')).toBeUndefined();
  });
});

describe('Ofsted report → mention text and score', () => {
  it('a report-card with areas that need attention is flagged reputation.inspection (medium) with the grades as evidence', () => {
    const record = ofstedRecord(reports('report-card.html')[0]!, '137001', PAGE);
    const { title, text } = ofstedMentionText(record, 'Northgate Park Academy');
    expect(title).toBe('New Ofsted report for Northgate Park Academy (inspection 14 January 2026): Report card: Inclusion "Needs attention", Leadership and governance "Needs attention"');
    expect(text).toContain('Inclusion: Needs attention.');
    expect(text).toContain('Published: 20 February 2026.');
    expect(text).toContain('Report: https://reports.ofsted.gov.uk/provider/21/137001/report-card/50301122');
    const score = ofstedScore(record, text);
    expect(score).toMatchObject({ flagged: true, severity: 'medium', families: ['reputation'] });
    expect(score.categories.map((c) => c.id)).toEqual(['reputation.inspection']);
    expect(score.categories[0]!.reason).toBe('Ofsted graded Inclusion "Needs attention", Leadership and governance "Needs attention"');
    expect(score.evidence.map((e) => text.slice(e.start, e.end))).toEqual(['Needs attention', 'Needs attention']);
  });

  it('a Good report is recorded unflagged; Inadequate or urgent improvement is high', () => {
    const good = ofstedRecord(reports('graded-good.html')[0]!, '137001', PAGE);
    expect(ofstedScore(good, ofstedMentionText(good, 'N').text)).toMatchObject({ flagged: false, severity: null, categories: [] });
    const inadequate = { ...good, judgements: [{ area: 'Overall effectiveness', grade: 'Inadequate', concern: true }] };
    expect(ofstedScore(inadequate, ofstedMentionText(inadequate, 'N').text)).toMatchObject({ flagged: true, severity: 'high' });
    const urgent = { ...good, layout: 'report-card' as const, judgements: [{ area: 'Inclusion', grade: 'Urgent improvement', concern: true }] };
    expect(ofstedScore(urgent, ofstedMentionText(urgent, 'N').text)).toMatchObject({ flagged: true, severity: 'high' });
  });
});
