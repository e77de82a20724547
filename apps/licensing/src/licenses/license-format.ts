const calendarDate = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' });
const kilograms = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });
const dollars = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
const perKg = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 4 });

/** A calendar date (`2026-12-10`, X-3: already a U.S. Eastern date) as written, never shifted by the reader's time zone. */
export function formatDate(date: string): string {
  return calendarDate.format(new Date(`${date}T12:00:00Z`));
}

export const formatKg = (kg: number) => `${kilograms.format(kg)} kg`;
export const formatUsd = (usd: number) => dollars.format(usd);
export const formatUsdPerKg = (usd: number) => `${perKg.format(usd)} per kg`;
