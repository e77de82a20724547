import { validateText } from '../account/profile.js';
import type { FieldError } from '../field-error.js';
import { assertCalendarDate, licenseValidity } from './calendar.js';
import { licensePolicy } from './policy.js';
import { type LowValueLicense, type LowValueLicenseInput, isProductType } from './types.js';

/**
 * Importer names compared case- and space-insensitively: 'ACME  Metals' and 'Acme Metals' are one
 * importer (one low value license per importer, LIC-12; MON-6 counts). Punctuation still counts, since
 * 'A.B. Metals' and 'AB Metals' may well be two companies.
 */
export function importerKey(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/**
 * LIC-12: the low value license, multiple-use, for one importer. SPEC gives it no validity period
 * of its own, so LIC-7's applies: from the application date through the 75th day after it. Within
 * that period it covers any number of entries of at most USD 5,000 each; the server, which sees the
 * other licenses, enforces one per importer with `importerKey`.
 */
export function checkLowValueLicense(
  input: LowValueLicenseInput,
  applicationDate: string,
): { ok: true; license: LowValueLicense } | { ok: false; errors: FieldError[] } {
  assertCalendarDate(applicationDate);
  const errors: FieldError[] = [
    ...(isProductType(input.productType) ? [] : [{ path: 'productType', message: 'Choose aluminum or steel.' }]),
    ...validateText(input.importerName, 'importerName', 'importer name', licensePolicy.maxNameLength),
  ];
  if (errors.length > 0 || !isProductType(input.productType)) return { ok: false, errors };
  return {
    ok: true,
    license: {
      productType: input.productType,
      importerName: input.importerName.trim(),
      applicationDate,
      ...licenseValidity(applicationDate, 'CONSUMPTION'),
    },
  };
}
