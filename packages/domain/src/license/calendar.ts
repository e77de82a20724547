import { licensePolicy } from './policy.js';
import type { EntryType } from './types.js';

// Calendar dates are 'YYYY-MM-DD' strings, never Date objects, so that no time zone creeps in
// between the server, the browser and the database: X-3 makes them U.S. Eastern calendar dates.

const eastern = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'America/New_York',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date in U.S. Eastern time, where Commerce works, of an instant. */
export function easternDate(instant: Date): string {
  if (Number.isNaN(instant.getTime())) throw new RangeError('easternDate needs a valid Date');
  // formatToParts, not format: the locale's punctuation and order are not a contract.
  const parts = Object.fromEntries(eastern.formatToParts(instant).map((part) => [part.type, part.value]));
  return `${parts['year']}-${parts['month']}-${parts['day']}`;
}

const DAY_MS = 86_400_000;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** 'YYYY-MM-DD' naming a day that exists (no 2026-02-30), years 1000–9999. */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return year >= 1000 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** For dates the system itself supplies (the application date): a bad one is a bug, not a filer's slip. */
export function assertCalendarDate(date: string): void {
  if (!isCalendarDate(date)) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
}

function toUtcMs(date: string): number {
  assertCalendarDate(date);
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, day);
}

function fromUtcMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The date `days` later (earlier when negative). Counting in UTC days avoids daylight-saving gaps. */
export function addDays(date: string, days: number): string {
  if (!Number.isInteger(days)) throw new RangeError(`addDays needs whole days, got ${days}`);
  return fromUtcMs(toUtcMs(date) + days * DAY_MS);
}

/** The same day `years` later; 29 February falls back to the 28th in a common year. */
export function addYears(date: string, years: number): string {
  assertCalendarDate(date);
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const target = year + years;
  const clamped = Math.min(day, daysInMonth(target, month));
  return `${String(target).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(clamped).padStart(2, '0')}`;
}

/**
 * LIC-7: valid from the application date through the 75th day after it. A foreign-trade-zone admission
 * license never expires (null), since no second license is needed when the goods leave the zone.
 */
export function licenseValidity(
  applicationDate: string,
  entryType: EntryType,
): { validFrom: string; validThrough: string | null } {
  assertCalendarDate(applicationDate);
  return {
    validFrom: applicationDate,
    validThrough: entryType === 'FOREIGN_TRADE_ZONE' ? null : addDays(applicationDate, licensePolicy.validityDays),
  };
}
