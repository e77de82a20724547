// Licenses (SPEC LIC, X-1, X-3): rules shared by the server, the form and the bulk importer.
// Only these names leave the folder, so the package's `export *` cannot collide with another folder.
export type {
  ProductType,
  EntryType,
  SmeltAnswer,
  SmeltInput,
  LicenseProductInput,
  StandardLicenseInput,
  LowValueLicenseInput,
  LicenseReference,
  Smelt,
  LicenseProduct,
  StandardLicense,
} from './types.js';
export { LICENSE_HEADER_FIELDS } from './types.js';
export { checkStandardLicense } from './standard-license.js';
export { checkLowValueLicense, importerKey } from './low-value-license.js';
export { easternDate, addDays, licenseValidity } from './calendar.js';
export { licensePolicy } from './policy.js';
export { toCents, formatUsd, unitValueUsdPerKg } from './money.js';
export { unknownSmeltAllowed } from './smelt.js';
export { checkCertified } from './certify.js';
export { validateSavedSearchName } from './saved-search.js';
export { type CountryName, findCountry, suggestCountry } from './countries.js';
export { normalizeEntryNumber, validateEntryNumber } from './entry-number.js';
