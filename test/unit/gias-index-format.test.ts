import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeGiasIndex, encodeGiasIndex, extractDateOf, GiasIndexFormatError, rowToRecord } from '../../lib/gias/index-format';

describe('GIAS index format', () => {
  const records = [
    { urn: '145002', name: 'Northgate Park Academy', trust: 'MERIDIAN LEARNING TRUST' },
    { urn: '110003', name: 'Old Mill Infant School', status: 'Closed' },
  ];

  it('round-trips records, sorted by URN, with trailing empty fields dropped', () => {
    const { bytes, count } = encodeGiasIndex({ importedAt: '2026-11-30T09:00:00.000Z', source: 'edubasealldata20261130.csv', extractDate: '2026-11-30' }, records);
    expect(count).toBe(2);
    const decoded = decodeGiasIndex(bytes, 'test');
    expect(decoded.meta).toMatchObject({ format: 'schoolwatch-gias-index', version: 1, count: 2, extractDate: '2026-11-30' });
    expect([...decoded.rows.keys()]).toEqual(['110003', '145002']);
    expect(decoded.rows.get('110003')).toEqual(['110003', 'Old Mill Infant School', 'Closed']);
    expect(rowToRecord(decoded.meta, decoded.rows.get('145002')!)).toEqual(records[0]);
  });

  it('names a damaged or foreign index and says to re-import', () => {
    expect(() => decodeGiasIndex(Buffer.from('not gzip'), '/data/gias/index.jsonl.gz')).toThrow(GiasIndexFormatError);
    expect(() => decodeGiasIndex(gzipSync('{"format":"something-else"}\n'), '/x')).toThrow(/The stored GIAS index at \/x cannot be read: it is not a Schoolwatch GIAS index\. Import the extract again/);
    expect(() => decodeGiasIndex(gzipSync('{"format":"schoolwatch-gias-index","version":9,"fields":[]}\n'), '/x')).toThrow(/version 9/);
  });

  it('reads the extract date from the file name', () => {
    expect(extractDateOf('edubasealldata20261130.csv')).toBe('2026-11-30');
    expect(extractDateOf('https://host/edubase/downloads/public/edubasealldata20260102.csv')).toBe('2026-01-02');
    expect(extractDateOf('my-copy.csv')).toBeUndefined();
  });
});
