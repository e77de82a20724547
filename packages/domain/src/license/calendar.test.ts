import { describe, expect, it } from 'vitest';
import { addDays, addYears, easternDate, isCalendarDate, licenseValidity } from './calendar.js';

describe('X-3 easternDate: the calendar date in New York', () => {
  it('X-3 is still the previous day in New York a few hours after midnight UTC', () => {
    expect(easternDate(new Date('2026-03-01T03:00:00Z'))).toBe('2026-02-28');
    expect(easternDate(new Date('2026-03-01T04:59:59Z'))).toBe('2026-02-28');
    expect(easternDate(new Date('2026-03-01T05:00:00Z'))).toBe('2026-03-01');
    expect(easternDate(new Date('2027-01-01T04:30:00Z'))).toBe('2026-12-31');
  });

  it('X-3 follows daylight saving time (UTC−4 from 2026-03-08, UTC−5 again from 2026-11-01)', () => {
    // Under EST all year, 04:00Z on 9 March would still be 8 March.
    expect(easternDate(new Date('2026-03-09T03:59:00Z'))).toBe('2026-03-08');
    expect(easternDate(new Date('2026-03-09T04:00:00Z'))).toBe('2026-03-09');
    expect(easternDate(new Date('2026-10-31T04:30:00Z'))).toBe('2026-10-31');
    // Under EDT all year, 04:30Z on 2 November would already be 2 November.
    expect(easternDate(new Date('2026-11-02T04:30:00Z'))).toBe('2026-11-01');
  });

  it('refuses an invalid Date instead of inventing a day', () => {
    expect(() => easternDate(new Date('not a date'))).toThrow(RangeError);
  });
});

describe('calendar dates', () => {
  it('isCalendarDate accepts only YYYY-MM-DD days that exist', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2100-02-29')).toBe(false);
    expect(isCalendarDate('2000-02-29')).toBe(true);
    expect(isCalendarDate('2026-04-31')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('2026-4-1')).toBe(false);
    expect(isCalendarDate('2026-04-01T00:00')).toBe(false);
  });

  it('addDays crosses months, years and leap days, both ways', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-03-08', 1)).toBe('2026-03-09'); // the day clocks spring forward
  });

  it('addDays refuses a date that does not exist or a fraction of a day', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addDays('2026-02-01', 0.5)).toThrow(RangeError);
  });

  it('addYears keeps the day, 29 February falling back to the 28th', () => {
    expect(addYears('2026-03-10', -1)).toBe('2025-03-10');
    expect(addYears('2028-02-29', -1)).toBe('2027-02-28');
    expect(addYears('2026-03-10', -5)).toBe('2021-03-10');
  });

});

describe('LIC-7 validity', () => {
  it('LIC-7 is valid from the application date through the 75th day after it', () => {
    expect(licenseValidity('2026-01-01', 'CONSUMPTION')).toEqual({ validFrom: '2026-01-01', validThrough: '2026-03-17' });
    expect(licenseValidity('2026-12-01', 'WAREHOUSE_WITHDRAWAL')).toEqual({
      validFrom: '2026-12-01',
      validThrough: '2027-02-14',
    });
  });

  it('LIC-7 foreign-trade-zone admission licenses do not expire', () => {
    expect(licenseValidity('2026-01-01', 'FOREIGN_TRADE_ZONE')).toEqual({ validFrom: '2026-01-01', validThrough: null });
  });
});
