import { describe, expect, it } from 'vitest';
import { formatLocal, formatLocalDate, isDigestDue, localParts } from '../../lib/digest/schedule';

const at = (iso: string) => new Date(iso);
const london = { timezone: 'Europe/London', digestHour: 7 };

describe('localParts', () => {
  it('reads the London date, hour and offset either side of the March 2026 change (29 Mar, 01:00Z)', () => {
    expect(localParts(at('2026-03-29T00:59:59Z'), 'Europe/London')).toMatchObject({ date: '2026-03-29', hour: 0, offset: '+00:00' });
    expect(localParts(at('2026-03-29T01:00:00Z'), 'Europe/London')).toMatchObject({ date: '2026-03-29', hour: 2, offset: '+01:00' });
  });

  it('reads the London date, hour and offset either side of the October 2026 change (25 Oct, 01:00Z)', () => {
    expect(localParts(at('2026-10-25T00:30:00Z'), 'Europe/London')).toMatchObject({ date: '2026-10-25', hour: 1, offset: '+01:00' });
    expect(localParts(at('2026-10-25T01:30:00Z'), 'Europe/London')).toMatchObject({ date: '2026-10-25', hour: 1, offset: '+00:00' });
  });

  it('rolls the local date over before UTC does in summer', () => {
    expect(localParts(at('2026-06-30T23:30:00Z'), 'Europe/London')).toMatchObject({ date: '2026-07-01', hour: 0, minute: 30 });
  });

  it('handles negative, half-hour and 45-minute zones', () => {
    expect(localParts(at('2026-07-01T03:00:00Z'), 'America/New_York')).toMatchObject({ date: '2026-06-30', hour: 23, offset: '-04:00' });
    expect(localParts(at('2026-01-15T03:00:00Z'), 'America/New_York')).toMatchObject({ date: '2026-01-14', hour: 22, offset: '-05:00' });
    expect(localParts(at('2026-07-01T12:00:00Z'), 'Asia/Kolkata')).toMatchObject({ hour: 17, minute: 30, offset: '+05:30' });
    expect(localParts(at('2026-07-01T12:00:00Z'), 'Asia/Kathmandu')).toMatchObject({ hour: 17, minute: 45, offset: '+05:45', offsetMinutes: 345 });
  });

  it('gives hour 0 (not 24) at local midnight', () => {
    expect(localParts(at('2026-01-10T00:00:00Z'), 'UTC')).toMatchObject({ date: '2026-01-10', hour: 0, offset: '+00:00' });
  });

  it('rejects an unknown zone and an invalid date', () => {
    expect(() => localParts(new Date(), 'Mars/Base')).toThrow(RangeError);
    expect(() => localParts(new Date('nope'), 'UTC')).toThrow(RangeError);
  });
});

describe('isDigestDue', () => {
  it('a 07:00 London digest is due at 06:00Z in summer (BST) and 07:00Z in winter (GMT)', () => {
    // Summer, the day after the March change.
    expect(isDigestDue(at('2026-03-30T06:00:00Z'), london)).toBe(true);
    expect(isDigestDue(at('2026-03-30T07:00:00Z'), london)).toBe(false);
    expect(isDigestDue(at('2026-03-30T05:00:00Z'), london)).toBe(false);
    // The day of the March change itself is already BST by 07:00.
    expect(isDigestDue(at('2026-03-29T06:00:00Z'), london)).toBe(true);
    expect(isDigestDue(at('2026-03-29T07:00:00Z'), london)).toBe(false);
    // Winter: the day before the March change, and the day of and after the October change.
    expect(isDigestDue(at('2026-03-28T07:00:00Z'), london)).toBe(true);
    expect(isDigestDue(at('2026-03-28T06:00:00Z'), london)).toBe(false);
    expect(isDigestDue(at('2026-10-24T06:00:00Z'), london)).toBe(true); // still BST on the Saturday
    expect(isDigestDue(at('2026-10-25T07:00:00Z'), london)).toBe(true);
    expect(isDigestDue(at('2026-10-25T06:00:00Z'), london)).toBe(false);
    expect(isDigestDue(at('2026-10-26T07:00:00Z'), london)).toBe(true);
  });

  it('is due for the whole local hour (an hourly schedule may run late in the hour)', () => {
    expect(isDigestDue(at('2026-01-05T07:59:59Z'), london)).toBe(true);
    expect(isDigestDue(at('2026-01-05T08:00:00Z'), london)).toBe(false);
  });

  it('is due exactly once a day over a whole year of hourly runs, in several zones', () => {
    for (const timezone of ['Europe/London', 'America/New_York', 'Australia/Sydney', 'Asia/Kathmandu']) {
      for (const digestHour of [0, 1, 2, 7, 23]) {
        const dueDates = new Map<string, number>();
        for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 3_600_000) {
          const now = new Date(t + 15 * 60_000);
          if (isDigestDue(now, { timezone, digestHour })) {
            const d = localParts(now, timezone).date;
            dueDates.set(d, (dueDates.get(d) ?? 0) + 1);
          }
        }
        // Every local date in the range gets a digest; only a repeated (autumn) hour gives two, which the digest record dedupes.
        expect(dueDates.size, `${timezone} ${digestHour}`).toBeGreaterThanOrEqual(364);
        const multi = [...dueDates.values()].filter((n) => n > 1).length;
        expect(multi, `${timezone} ${digestHour}`).toBeLessThanOrEqual(1);
      }
    }
  });

  it('does not skip a day when the clock change jumps over the digest hour (01:00 London, 29 Mar 2026)', () => {
    const s = { timezone: 'Europe/London', digestHour: 1 };
    expect(isDigestDue(at('2026-03-29T00:00:00Z'), s)).toBe(false); // 00:00 GMT
    expect(isDigestDue(at('2026-03-29T01:00:00Z'), s)).toBe(true); // 02:00 BST: 01:00 never happened
    expect(isDigestDue(at('2026-03-29T02:00:00Z'), s)).toBe(false);
    expect(isDigestDue(at('2026-03-30T00:00:00Z'), s)).toBe(true); // next day, 01:00 BST
  });

  it('New York 07:00 digest: 11:00Z in summer (EDT), 12:00Z in winter (EST), across the 8 Mar and 1 Nov 2026 changes', () => {
    const ny = { timezone: 'America/New_York', digestHour: 7 };
    expect(isDigestDue(at('2026-03-07T12:00:00Z'), ny)).toBe(true);
    expect(isDigestDue(at('2026-03-08T11:00:00Z'), ny)).toBe(true);
    expect(isDigestDue(at('2026-03-08T12:00:00Z'), ny)).toBe(false);
    expect(isDigestDue(at('2026-10-31T11:00:00Z'), ny)).toBe(true);
    expect(isDigestDue(at('2026-11-01T12:00:00Z'), ny)).toBe(true);
    expect(isDigestDue(at('2026-11-01T11:00:00Z'), ny)).toBe(false);
  });

  it('Sydney (southern hemisphere) 07:00 digest: 20:00Z the day before in winter (AEST), 20:00Z/21:00Z around the 4 Oct 2026 change', () => {
    const syd = { timezone: 'Australia/Sydney', digestHour: 7 };
    expect(isDigestDue(at('2026-07-01T21:00:00Z'), syd)).toBe(true); // 07:00 AEST (+10) on 2 Jul
    expect(isDigestDue(at('2026-10-04T20:00:00Z'), syd)).toBe(true); // 07:00 AEDT (+11) on 5 Oct
    expect(isDigestDue(at('2026-10-04T21:00:00Z'), syd)).toBe(false);
  });
});

describe('formatLocal', () => {
  it('shows BST with its offset in summer and GMT in winter', () => {
    expect(formatLocal('2026-03-30T07:15:00Z', 'Europe/London')).toBe('Mon 30 Mar 2026, 08:15 BST (UTC+01:00)');
    expect(formatLocal('2026-03-28T07:15:00Z', 'Europe/London')).toBe('Sat 28 Mar 2026, 07:15 GMT (UTC+00:00)');
    expect(formatLocal('2026-10-25T00:30:00Z', 'Europe/London')).toBe('Sun 25 Oct 2026, 01:30 BST (UTC+01:00)');
    expect(formatLocal('2026-10-25T01:30:00Z', 'Europe/London')).toBe('Sun 25 Oct 2026, 01:30 GMT (UTC+00:00)');
  });

  it('always includes the numeric offset, even where the zone has no short name in en-GB', () => {
    expect(formatLocal('2026-07-01T12:00:00Z', 'America/New_York')).toMatch(/^Wed 1 Jul 2026, 08:00 (\S+ )?\(UTC-04:00\)$/);
    expect(formatLocal('2026-07-01T12:00:00Z', 'Asia/Kathmandu')).toMatch(/17:45 (\S+ )?\(UTC\+05:45\)$/);
    expect(formatLocal('2026-07-01T12:00:00Z', 'Europe/Paris')).toBe('Wed 1 Jul 2026, 14:00 CEST (UTC+02:00)');
  });

  it('accepts a Date and returns unparseable input unchanged', () => {
    expect(formatLocal(new Date('2026-01-05T09:05:00Z'), 'UTC')).toBe('Mon 5 Jan 2026, 09:05 UTC (UTC+00:00)');
    expect(formatLocal('yesterday-ish', 'Europe/London')).toBe('yesterday-ish');
  });

  it('formatLocalDate turns a local date into words', () => {
    expect(formatLocalDate('2026-03-29')).toBe('Sun 29 Mar 2026');
    expect(formatLocalDate('not a date')).toBe('not a date');
  });
});
