import { type LicenseReference, type StandardLicense, type StandardLicenseInput, checkStandardLicense } from '@aim/domain';
import { invalidInput } from '../errors.js';
import type { ReferenceData } from '../reference/reference-data.js';

/** The domain's view of the reference data: what a license may name (LIC-1, LIC-2, LIC-5). */
export function licenseReference(reference: ReferenceData): LicenseReference {
  return {
    hts: (code) => reference.htsByCode.get(code),
    isCountry: (code) => reference.countryByCode.has(code),
    isPort: (code) => reference.portByCode.has(code),
  };
}

/**
 * Applies every LIC rule of @aim/domain (the same the form and the bulk importer apply) and
 * returns the license normalized, or throws BAD_USER_INPUT naming each failing field.
 */
export function checkedLicense(input: StandardLicenseInput, reference: ReferenceData, applicationDate: string): StandardLicense {
  const checked = checkStandardLicense(input, licenseReference(reference), applicationDate);
  if (!checked.ok) throw invalidInput(checked.errors);
  return checked.license;
}
