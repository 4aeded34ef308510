/**
 * Calendar arithmetic on ISO dates (yyyy-mm-dd) with integers only: no clock, no time zones.
 * Days are counted from 1970-01-01 with the proleptic Gregorian calendar.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Parses an ISO date into days since 1970-01-01. Throws a RangeError for anything that is not a
 * real calendar date in yyyy-mm-dd form.
 *
 * Formula: the days-from-civil algorithm (eras of 400 years). Unit: days.
 */
export function isoDateToDays(iso: string): number {
  const match = ISO_DATE.exec(iso);
  if (!match) throw new RangeError(`assessedOn must be an ISO date (yyyy-mm-dd), got "${iso}"`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`assessedOn is not a real date: "${iso}"`);
  }
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const monthIndex = (month + 9) % 12;
  const dayOfYear = Math.floor((153 * monthIndex + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/**
 * Turns days since 1970-01-01 back into an ISO date.
 *
 * Formula: the civil-from-days algorithm. Range: any integer day count.
 */
export function daysToIsoDate(days: number): string {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1;
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Adds whole days to an ISO date. Unit: days; `days` may be negative. */
export function addDays(iso: string, days: number): string {
  return daysToIsoDate(isoDateToDays(iso) + days);
}

/**
 * The first Monday strictly after the given date (a week later when the date is itself a Monday).
 *
 * Formula: 1970-01-01 was a Thursday, so weekday = (days + 3) mod 7 with Monday = 0.
 */
export function nextMonday(iso: string): string {
  const days = isoDateToDays(iso);
  const weekday = (((days + 3) % 7) + 7) % 7;
  return daysToIsoDate(days + (7 - weekday));
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Adds whole calendar months to an ISO date, keeping the day of the month where it exists and
 * otherwise taking the month's last day (31 January plus one month is 28 or 29 February).
 * Unit: months; `months` may be negative.
 */
export function addMonths(iso: string, months: number): string {
  isoDateToDays(iso);
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  const day = Number(iso.slice(8, 10));
  const index = year * 12 + (month - 1) + Math.trunc(months);
  const newYear = Math.floor(index / 12);
  const newMonth = index - newYear * 12 + 1;
  const newDay = Math.min(day, daysInMonth(newYear, newMonth));
  return `${String(newYear).padStart(4, "0")}-${String(newMonth).padStart(2, "0")}-${String(newDay).padStart(2, "0")}`;
}

/**
 * Calendar months from `from` to `to`, to the nearest whole month: the whole months that fit,
 * plus one when the days left over are at least half of the month that follows. For example
 * 2026-04-16 to 2026-11-16 is 7; to 2026-11-30 still 7 (14 of the next 30 days); to 2026-12-01
 * it is 8 (15 of 30). Unit: months; 0 or more (the two dates in either order).
 */
export function monthsBetween(from: string, to: string): number {
  const [start, end] = isoDateToDays(from) <= isoDateToDays(to) ? [from, to] : [to, from];
  const endDays = isoDateToDays(end);
  const rough =
    (Number(end.slice(0, 4)) - Number(start.slice(0, 4))) * 12 + Number(end.slice(5, 7)) - Number(start.slice(5, 7));
  let whole = Math.max(0, rough);
  while (whole > 0 && isoDateToDays(addMonths(start, whole)) > endDays) whole -= 1;
  const reached = isoDateToDays(addMonths(start, whole));
  const nextMonth = isoDateToDays(addMonths(start, whole + 1));
  return 2 * (endDays - reached) >= nextMonth - reached ? whole + 1 : whole;
}
