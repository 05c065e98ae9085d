/**
 * Digest timing: pure functions over `Date` and IANA zone names, using only `Intl`.
 * Nothing here reads the clock; callers pass `now`.
 */
import type { School } from '../config/schema';

export interface LocalParts {
  /** Local calendar date, `YYYY-MM-DD`. */
  date: string;
  /** Local hour, 0..23. */
  hour: number;
  /** Local minute, 0..59. */
  minute: number;
  /** Offset from UTC in force at that instant, e.g. `+01:00`, `-05:00`, `+05:45`. */
  offset: string;
  /** The same offset in minutes east of UTC (BST = 60). */
  offsetMinutes: number;
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = partsFormatters.get(timeZone);
  if (!f) {
    // Throws RangeError for an unknown zone, which is what a caller with a bad config should see.
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      era: 'short',
    });
    partsFormatters.set(timeZone, f);
  }
  return f;
}

function assertValidDate(d: Date, what: string): void {
  if (Number.isNaN(d.getTime())) throw new RangeError(`${what} is not a valid date`);
}

function pad(n: number, width = 2): string {
  return String(Math.abs(n)).padStart(width, '0');
}

/** `+01:00` style offset from minutes east of UTC. */
export function formatOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** The wall-clock date, hour and UTC offset in `timeZone` at the instant `now`. */
export function localParts(now: Date, timeZone: string): LocalParts {
  assertValidDate(now, 'now');
  const get = (parts: Intl.DateTimeFormatPart[], type: Intl.DateTimeFormatPartTypes): number => {
    const p = parts.find((x) => x.type === type);
    return p ? Number(p.value) : 0;
  };
  const parts = partsFormatter(timeZone).formatToParts(now);
  let year = get(parts, 'year');
  const era = parts.find((x) => x.type === 'era')?.value ?? 'AD';
  if (era === 'BC' || era === 'B') year = 1 - year;
  const month = get(parts, 'month');
  const day = get(parts, 'day');
  let hour = get(parts, 'hour');
  if (hour === 24) hour = 0; // some ICU builds still emit 24 for midnight
  const minute = get(parts, 'minute');
  const second = get(parts, 'second');
  // The wall time read as if it were UTC, minus the real instant (to whole seconds), is the offset.
  const wallAsUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  const instant = Math.floor(now.getTime() / 1000) * 1000;
  const offsetMinutes = Math.round((wallAsUtc - instant) / 60_000);
  const yyyy = year >= 0 && year <= 9999 ? pad(year, 4) : String(year);
  return {
    date: `${yyyy}-${pad(month)}-${pad(day)}`,
    hour,
    minute,
    offset: formatOffset(offsetMinutes),
    offsetMinutes,
  };
}

/**
 * Is this school's digest due in the hour containing `now`?
 *
 * True when the school's local hour equals `digestHour`. One addition: when a clock change skips
 * the digest hour altogether (e.g. digestHour 1 in Europe/London on the last Sunday of March, when
 * 01:00 jumps to 02:00), the first local hour after the gap is due instead, so no day loses its
 * digest. When a clock change repeats the hour (October) it is due in both; the digest record
 * (`DIGEST#yyyy-mm-dd`) makes the second a no-op.
 */
export function isDigestDue(now: Date, school: Pick<School, 'timezone' | 'digestHour'>): boolean {
  const cur = localParts(now, school.timezone);
  if (cur.hour === school.digestHour) return true;
  if (cur.hour < school.digestHour) return false;
  // Past the digest hour: due only if an hour ago it was still before it on the same local date,
  // i.e. the digest hour was skipped by a clock change.
  const prev = localParts(new Date(now.getTime() - 3_600_000), school.timezone);
  return prev.date < cur.date || (prev.date === cur.date && prev.hour < school.digestHour);
}

const displayFormatters = new Map<string, { main: Intl.DateTimeFormat; zone: Intl.DateTimeFormat }>();

function displayFormatter(timeZone: string) {
  let f = displayFormatters.get(timeZone);
  if (!f) {
    f = {
      main: new Intl.DateTimeFormat('en-GB', {
        timeZone,
        weekday: 'short',
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }),
      zone: new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'short' }),
    };
    displayFormatters.set(timeZone, f);
  }
  return f;
}

/**
 * Short zone name when the locale data has a real abbreviation (BST, GMT, CEST); undefined when it
 * would only be a generic `GMT+2` style label (the offset is shown anyway).
 */
function zoneAbbreviation(date: Date, timeZone: string): string | undefined {
  const name = displayFormatter(timeZone).zone.formatToParts(date).find((p) => p.type === 'timeZoneName')?.value;
  if (!name) return undefined;
  if (/^(GMT|UTC)[+\-−]/.test(name)) return undefined;
  if (name === 'UTC' && timeZone !== 'UTC' && timeZone !== 'Etc/UTC') return undefined;
  return name;
}

/**
 * A timestamp for people: `Mon 30 Mar 2026, 08:15 BST (UTC+01:00)` in `timeZone`.
 * Input that is not a parseable date is returned unchanged (it is evidence, shown as found).
 */
export function formatLocal(iso: string | Date, timeZone: string): string {
  const date = iso instanceof Date ? iso : new Date(iso);
  if (Number.isNaN(date.getTime())) return String(iso);
  const parts = displayFormatter(timeZone).main.formatToParts(date);
  const v = (t: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === t)?.value ?? '';
  const { offset } = localParts(date, timeZone);
  const abbr = zoneAbbreviation(date, timeZone);
  const hour = v('hour') === '24' ? '00' : v('hour');
  return `${v('weekday')} ${v('day')} ${v('month')} ${v('year')}, ${hour}:${v('minute')}${abbr ? ` ${abbr}` : ''} (UTC${offset})`;
}

/** `2026-03-30` → `Mon 30 Mar 2026` (a calendar date, no zone involved). */
export function formatLocalDate(localDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(localDate);
  if (!m) return localDate;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (Number.isNaN(d.getTime())) return localDate;
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }).formatToParts(d);
  const v = (t: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === t)?.value ?? '';
  return `${v('weekday')} ${v('day')} ${v('month')} ${v('year')}`;
}
