/**
 * The one date rule of the service: ISO-8601 dates and date-times whose every part exists and is in range.
 * `Date.parse` rolls 2024-02-30 over to March 1; this refuses it.
 */

/** Years a date may name: nothing in a labour market is older or that far ahead. */
export const YEAR_RANGE = [1900, 2100] as const;

const ISO_DATE =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?)?)?$/;

/**
 * Why `value` is not an ISO-8601 date (YYYY, YYYY-MM, YYYY-MM-DD) or date-time, or null when it is one.
 * With `dateTime`, a day is required (a date alone means its midnight UTC).
 */
export function dateProblem(value: unknown, opts: { dateTime?: boolean } = {}): string | null {
  const m = typeof value === 'string' ? ISO_DATE.exec(value.trim()) : null;
  const example = opts.dateTime ? '2024-03-01T12:00:00Z' : '2024-03 or 2024-03-01T12:00:00Z';
  if (!m || (opts.dateTime && m[3] === undefined))
    return `must be an ISO-8601 ${opts.dateTime ? 'date-time' : 'date'} such as ${example} (got ${JSON.stringify(value)})`;
  const [year, month = 1, day = 1, hour = 0, minute = 0, second = 0] = m
    .slice(1, 7)
    .map((x) => (x === undefined ? undefined : Number(x)));
  const zone = m[7];
  if (year! < YEAR_RANGE[0] || year! > YEAR_RANGE[1])
    return `year must be between ${YEAR_RANGE[0]} and ${YEAR_RANGE[1]} (got ${year})`;
  if (month < 1 || month > 12) return `month must be 01 to 12 (got ${JSON.stringify(value)})`;
  const days = new Date(Date.UTC(year!, month, 0)).getUTCDate();
  if (day < 1 || day > days) return `day must be 01 to ${days} in that month (got ${JSON.stringify(value)})`;
  if (hour > 23 || minute > 59 || second > 59) return `is not a valid time of day (got ${JSON.stringify(value)})`;
  if (zone && zone !== 'Z' && (Number(zone.slice(1, 3)) > 18 || Number(zone.slice(-2)) > 59))
    return `has an invalid UTC offset (got ${JSON.stringify(value)})`;
  return null;
}
