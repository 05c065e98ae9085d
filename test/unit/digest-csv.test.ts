import { describe, expect, it } from 'vitest';
import { csvCell, EVIDENCE_CSV_HEADER, evidenceCsv, toCsv } from '../../lib/digest/csv';
import { evidenceCsv as webEvidenceCsv } from '../../lib/web/app';
import { sampleMention, sampleMentions } from '../support/digest-sample';

/** A small RFC 4180 parser for checking round trips. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  if (cell || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

describe('csvCell', () => {
  it('quotes commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line1\nline2')).toBe('"line1\nline2"');
    expect(csvCell('line1\r\nline2')).toBe('"line1\r\nline2"');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(null)).toBe('');
    expect(csvCell(3)).toBe('3');
  });

  it.each([
    ['=HYPERLINK("http://evil.example","click")', `"'=HYPERLINK(""http://evil.example"",""click"")"`],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', `"'\r=1"`],
  ])('neutralises a formula-looking cell %j', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it('leaves cells that merely contain those characters alone', () => {
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell('user@example.com')).toBe('user@example.com');
  });
});

describe('toCsv', () => {
  it('uses CRLF line ends, a trailing CRLF, and an optional BOM', () => {
    expect(toCsv([['a', 'b'], ['1', '2']])).toBe('a,b\r\n1,2\r\n');
    expect(toCsv([['a']], { bom: true })).toBe('\uFEFFa\r\n');
    expect(toCsv([])).toBe('');
  });
});

describe('evidenceCsv', () => {
  it('writes the header and one row per mention with the evidence fields', () => {
    const csv = evidenceCsv(sampleMentions(), { schoolName: 'Northgate Park Academy' });
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual([...EVIDENCE_CSV_HEADER]);
    expect(rows).toHaveLength(1 + sampleMentions().length);
    const byId = new Map(rows.slice(1).map((r) => [r[13], r]));
    const high = byId.get('m-high-1')!;
    expect(high[0]).toBe('Northgate Park Academy');
    expect(high[1]).toBe('2026-03-29T22:10:03.000Z');
    expect(high[2]).toBe('2026-03-29T21:47:00Z');
    expect(high[3]).toBe('https://social.example/@harlowfenparents/112233445566');
    expect(high[4]).toContain('wait outside the gates');
    expect(high[5]).toBe('Abuse or harassment');
    expect(high[6]).toBe('Threat (abuse.threat); Insult to staff (abuse.insult)');
    expect(high[7]).toBe('high');
    expect(high[8]).toBe('new');
    expect(high[11]).toMatch(/^[a-f0-9]{64}$/);
    // A mention without a published time leaves the cell empty.
    expect(byId.get('m-med-1')![2]).toBe('');
  });

  it('round-trips hostile titles and keeps formula text inert', () => {
    const m = sampleMention({
      id: 'x',
      title: '=cmd|\' /C calc\'!A0, "quoted"\nnext line',
      text: 'text',
      url: '@evil',
      categories: [{ id: 'abuse.insult', family: 'abuse', label: 'Insult', policyClause: 'p', severity: 'low', reason: 'r' }],
    });
    const rows = parseCsv(evidenceCsv([{ ...m, canonicalUrl: undefined }]));
    expect(rows).toHaveLength(2);
    expect(rows[1]![4]).toBe('\'=cmd|\' /C calc\'!A0, "quoted"\nnext line');
    expect(rows[1]![3]).toBe("'@evil");
    // School name falls back to the id.
    expect(rows[1]![0]).toBe('northgate');
    // No cell starts with a formula character.
    for (const r of rows) for (const cell of r) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });
});

describe('one evidence log for web and email', () => {
  it('the web export and the email attachment have the same columns, the cleaned address and family names', () => {
    const m = { ...sampleMentions()[0]!, url: 'https://news.example/a?utm_source=x&fbclid=y', canonicalUrl: 'https://news.example/a' };
    const web = parseCsv(webEvidenceCsv([m], new Map([[m.schoolId, 'Northgate Park Academy']])).replace(/^\uFEFF/, ''));
    const email = parseCsv(evidenceCsv([m], { schoolName: 'Northgate Park Academy' }));
    expect(web[0]).toEqual(email[0]);
    expect(web[0]).toEqual([...EVIDENCE_CSV_HEADER]);
    expect(email[1]![3]).toBe('https://news.example/a');
    expect(email[1]![5]).toBe(web[1]![5]);
  });
});
