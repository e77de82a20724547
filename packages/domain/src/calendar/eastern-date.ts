/** Commerce works in U.S. Eastern time: calendar dates are Eastern dates (SPEC X-3). */
export const COMMERCE_TIME_ZONE = 'America/New_York';

const easternDateFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: COMMERCE_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The Eastern calendar date (YYYY-MM-DD) of an instant. */
export function easternDate(instant: Date): string {
  return easternDateFormat.format(instant);
}
