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

export const entryTypeLabels = {
  CONSUMPTION: 'Consumption',
  FOREIGN_TRADE_ZONE: 'Foreign-trade zone admission',
  WAREHOUSE_WITHDRAWAL: 'Warehouse withdrawal for consumption',
} as const;

/** LIC-4: a smelt answer in words, the country's name when it names one. */
export function smeltLabel(smelt: { answer: 'COUNTRY' | 'NOT_APPLICABLE' | 'UNKNOWN'; country?: { name: string } | null }): string {
  if (smelt.answer === 'COUNTRY') return smelt.country?.name ?? '';
  return smelt.answer === 'NOT_APPLICABLE' ? 'Not applicable' : 'Unknown';
}
