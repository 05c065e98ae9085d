import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { GiasFormatError, parseGiasExtract } from '../../lib/gias/parse';
import type { GiasRecord } from '../../lib/gias/types';
import { decodeWindows1252 } from '../../lib/feeds/charset';
import { giasHeaderLine, giasLine } from '../support/gias-extract';

const fixture = readFileSync(join(import.meta.dirname, '../fixtures/gias/edubasealldata20261130.csv'));

/** Feeds the bytes in small chunks, so multi-byte characters and quoted fields straddle chunk boundaries. */
function chunked(bytes: Uint8Array, size = 7): AsyncIterable<Uint8Array> {
  const parts: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) parts.push(bytes.subarray(i, i + size));
  return Readable.from(parts);
}

async function parseAll(bytes: Uint8Array, size?: number) {
  const records: GiasRecord[] = [];
  const report = await parseGiasExtract(chunked(bytes, size), { onRecord: (r) => records.push(r) });
  return { records, report, byUrn: new Map(records.map((r) => [r.urn, r])) };
}

describe('parseGiasExtract', () => {
  it('reads the Windows-1252 extract by column name: quoted commas, curly apostrophes, accents', async () => {
    const { records, report, byUrn } = await parseAll(fixture);
    expect(report.encoding).toBe('windows-1252');
    expect(report.columns).toBeGreaterThan(130);
    expect(records.map((r) => r.urn)).toEqual(['137001', '145002', '110003', '150004']);
    expect(byUrn.get('137001')).toEqual({
      urn: '137001',
      name: 'St Mary’s Church of England Primary School, Ashworth',
      status: 'Open',
      type: 'Voluntary aided school',
      phase: 'Primary',
      street: 'Church Lane',
      locality: 'Ashworth Moor',
      town: 'Ashworth',
      postcode: 'BB4 9ZZ',
      phone: '01632960123',
      website: 'www.stmarysashworth.example',
      headTitle: 'Mrs',
      headFirstName: 'Renée',
      headLastName: 'Lefèvre',
      localAuthority: 'Lancashire',
    });
    expect(byUrn.get('150004')).toMatchObject({ name: 'The "Willows" School', trust: 'Fenland Café Trust, Norfolk', street: 'Église Way', town: 'King’s Lynn', headFirstName: 'José', headLastName: 'Núñez' });
  });

  it('keeps an empty head name and "Not applicable" out of the record', async () => {
    const { byUrn } = await parseAll(fixture);
    const academy = byUrn.get('145002')!;
    expect(academy).toMatchObject({ name: 'Northgate Park Academy', trust: 'MERIDIAN LEARNING TRUST', website: 'https://www.northgatepark.example/' });
    expect(academy).not.toHaveProperty('headFirstName');
    expect(academy).not.toHaveProperty('headLastName');
    expect(academy).not.toHaveProperty('headTitle');
    expect(academy).not.toHaveProperty('locality');
    expect(byUrn.get('150004')).not.toHaveProperty('phase');
  });

  it('keeps a closed school with its status', async () => {
    const { byUrn } = await parseAll(fixture);
    expect(byUrn.get('110003')).toMatchObject({ name: 'Old Mill Infant School', status: 'Closed', headLastName: 'O’Connor' });
  });

  it('counts and reports rows with a missing or bad URN instead of failing', async () => {
    const { report } = await parseAll(fixture);
    expect(report).toMatchObject({ rows: 6, records: 4, skipped: 2, skippedByReason: { 'no URN': 1, 'URN is not six digits': 1 } });
    expect(report.skippedExamples).toEqual([
      { line: 5, reason: 'no URN' },
      { line: 6, reason: 'URN is not six digits' },
    ]);
  });

  it('reads the same file saved as UTF-8, with and without a byte-order mark, identically', async () => {
    const text = decodeWindows1252(fixture);
    const expected = (await parseAll(fixture)).records;
    for (const bytes of [Buffer.from(text, 'utf8'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])]) {
      for (const size of [1, 2, 5, 4096]) {
        const { records, report } = await parseAll(bytes, size);
        expect(report.encoding).toBe('utf-8');
        expect(records).toEqual(expected);
      }
    }
    expect((await parseAll(fixture, 1)).records).toEqual(expected);
  });

  it('maps by header name, whatever the column order', async () => {
    const csv = '"Town","EstablishmentName","URN","TelephoneNum"\r\n"Leeds","Kirkgate Primary School",123456,"0113 496 0000"\r\n';
    const { records } = await parseAll(Buffer.from(csv));
    expect(records).toEqual([{ urn: '123456', name: 'Kirkgate Primary School', town: 'Leeds', phone: '0113 496 0000' }]);
  });

  it('skips a row with the wrong number of fields and says so', async () => {
    const csv = `${giasHeaderLine()}\r\n${giasLine({ URN: '123456', EstablishmentName: 'Good School' })}\r\n123457,"Short row"\r\n`;
    const { records, report } = await parseAll(Buffer.from(csv));
    expect(records.map((r) => r.urn)).toEqual(['123456']);
    expect(report.skippedByReason).toEqual({ 'wrong number of fields': 1 });
  });

  it('reports progress every N rows', async () => {
    const lines = [giasHeaderLine(), ...Array.from({ length: 25 }, (_, i) => giasLine({ URN: String(100000 + i), EstablishmentName: `School ${i}` }))];
    const seen: number[] = [];
    await parseGiasExtract(Readable.from([Buffer.from(lines.join('\r\n'))]), { onRecord() {}, onProgress: (p) => seen.push(p.rowsRead), progressEvery: 10 });
    expect(seen).toEqual([10, 20]);
  });

  it('refuses a file that is not a GIAS extract, in plain words', async () => {
    const onRecord = () => {
      throw new Error('no record expected');
    };
    const notGias = parseGiasExtract(Readable.from([Buffer.from('id,name,email\r\n1,Ann,ann@example.com\r\n')]), { onRecord });
    await expect(notGias).rejects.toBeInstanceOf(GiasFormatError);
    await expect(parseGiasExtract(Readable.from([Buffer.from('id,name\r\n')]), { onRecord })).rejects.toThrow(/not a GIAS all-establishments extract: its first line has no "URN" or "EstablishmentName" column \(it starts "id", "name"\)\. Download "All establishment data"/);
    await expect(parseGiasExtract(Readable.from([Buffer.from('<!DOCTYPE html><html><body>Service unavailable</body></html>')]), { onRecord })).rejects.toThrow(/looks like a web page/);
    await expect(parseGiasExtract(Readable.from([Buffer.alloc(0)]), { onRecord })).rejects.toThrow(/empty/);
  });
});
