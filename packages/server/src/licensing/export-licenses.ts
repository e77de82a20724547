import { easternDate } from '@aim/domain';
import { tables } from '@aim/db';
import { and, asc, desc, inArray } from 'drizzle-orm';
import type { UserRow } from '../accounts/sessions.js';
import { invalidInput } from '../errors.js';
import { referenceData } from '../reference/reference-data.js';
import type { Services } from '../services.js';
import type { LicenseFilter } from './license.model.js';
import { type LicenseProductRow, unitValue, usd } from './license-record.js';
import { licenseConditions } from './list-licenses.js';

/** An export is a file to open in Excel, not a data dump: past this, narrow the filter. */
export const MAX_EXPORTED_LICENSES = 10_000;

export const EXPORT_COLUMNS = [
  'License number', 'Kind', 'Status', 'Created', 'Application date', 'Valid through', 'Entry type', 'Customs entry number',
  'Importer', 'Exporter', 'Manufacturers', 'Country of origin', 'Country of exportation', 'Port of entry',
  'Expected date of export', 'Expected date of import', 'Line', 'HTS number', 'Product group',
  'Country of largest smelt', 'Country of second largest smelt', 'Country of most recent cast',
  'Volume (kg)', 'Customs value (USD)', 'Unit value (USD per kg)', 'Flags',
] as const;

export type ExportCell = string | number | null;

/**
 * DASH-2: exactly the licenses the dashboard shows for `filter`, newest first, one row per product
 * line (a low value license has one row without products), in the words of the screens.
 */
export async function exportLicenses(services: Services, viewer: UserRow, filter: LicenseFilter): Promise<ExportCell[][]> {
  if (!viewer.companyId) return [];
  const where = and(...licenseConditions({ ...filter, companyId: viewer.companyId }));
  const rows = await services.db
    .select()
    .from(tables.licenses)
    .where(where)
    .orderBy(desc(tables.licenses.createdAt), desc(tables.licenses.id))
    .limit(MAX_EXPORTED_LICENSES + 1);
  if (rows.length > MAX_EXPORTED_LICENSES) {
    throw invalidInput([{ path: 'filter', message: `More than ${MAX_EXPORTED_LICENSES} licenses match: narrow the filter (dates, status) and export in parts.` }]);
  }
  const reference = await referenceData(services.db);
  const products = new Map<string, LicenseProductRow[]>();
  if (rows.length) {
    const lines = await services.db
      .select()
      .from(tables.licenseProducts)
      .where(inArray(tables.licenseProducts.licenseId, rows.map((row) => row.id)))
      .orderBy(asc(tables.licenseProducts.line));
    for (const line of lines) products.set(line.licenseId, [...(products.get(line.licenseId) ?? []), line]);
  }
  const countryName = (code: string | null) => (code ? (reference.countryByCode.get(code)?.name ?? code) : null);
  const smelt = (answer: LicenseProductRow['largestSmeltAnswer'], code: string | null) =>
    answer === 'COUNTRY' ? countryName(code) : answer === 'NOT_APPLICABLE' ? 'Not applicable' : 'Unknown';
  return rows.flatMap((row) => {
    const header: ExportCell[] = [
      row.number, row.kind === 'LOW_VALUE' ? 'Low value' : 'Standard', row.status, easternDate(row.createdAt), row.applicationDate,
      row.validThrough ?? 'Does not expire', row.entryType, row.customsEntryNumber, row.importerName, row.exporterName,
      row.manufacturerNames.join('; '), countryName(row.countryOfOrigin), countryName(row.countryOfExportation), row.portOfEntry,
      row.expectedExportDate, row.expectedImportDate,
    ];
    const flags = row.flags.map((flag) => flag.reason).join(' | ') || null;
    const lines = products.get(row.id) ?? [];
    if (lines.length === 0) return [[...header, null, null, null, null, null, null, null, null, null, flags]];
    return lines.map((line) => {
      const hts = reference.htsByCode.get(line.htsCode);
      return [
        ...header, line.line, hts?.display ?? line.htsCode, hts ? (reference.productGroupById.get(hts.productGroupId)?.name ?? null) : null,
        smelt(line.largestSmeltAnswer, line.largestSmeltCountry), smelt(line.secondSmeltAnswer, line.secondSmeltCountry),
        countryName(line.mostRecentCast), line.volumeKg, usd(line.customsValueCents),
        unitValue(line.customsValueCents, line.volumeKg), flags,
      ];
    });
  });
}
