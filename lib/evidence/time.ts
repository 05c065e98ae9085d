/** UTC offset of `timeZone` at `date`, as "+01:00" / "-05:00" / "+00:00". */
export function utcOffset(date: Date, timeZone: string): string {
  const name = new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'longOffset' }).formatToParts(date).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-]\d{2}):?(\d{2})?/.exec(name);
  return m ? `${m[1]}:${m[2] ?? '00'}` : '+00:00';
}

/** ISO-8601 with the school's local time and offset, e.g. 2026-06-01T09:30:00.000+01:00 (the same instant as the UTC form). */
export function isoWithOffset(date: Date, timeZone: string): string {
  const offset = utcOffset(date, timeZone);
  const sign = offset.startsWith('-') ? -1 : 1;
  const minutes = sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
  const local = new Date(date.getTime() + minutes * 60_000).toISOString().slice(0, -1);
  return `${local}${offset}`;
}

/** "30 November 2026, 12:03:04 (UTC+00:00, Europe/London)": what the banner and the evidence sheet print. */
export function humanTime(date: Date, timeZone: string): string {
  const local = new Intl.DateTimeFormat('en-GB', { timeZone, day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(date);
  return `${local} (UTC${utcOffset(date, timeZone)}, ${timeZone})`;
}
