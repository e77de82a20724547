import { validateText } from '../account/profile.js';
import { formatHtsCode } from '../anomaly/format.js';
import type { FieldError } from '../field-error.js';
import { addDays, addYears, assertCalendarDate, isCalendarDate, licenseValidity } from './calendar.js';
import { normalizeEntryNumber, validateEntryNumber } from './entry-number.js';
import { formatUsd, toCents, unitValueUsdPerKg } from './money.js';
import { licensePolicy } from './policy.js';
import { checkSmelts } from './smelt.js';
import {
  type LicenseProduct,
  type LicenseProductInput,
  type LicenseReference,
  type ProductType,
  type StandardLicense,
  type StandardLicenseInput,
  isEntryType,
  isProductType,
} from './types.js';

type Check<T> = { ok: true; license: T } | { ok: false; errors: FieldError[] };

const productWord: Record<ProductType, string> = { ALUMINUM: 'an aluminum', STEEL: 'a steel' };

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

function checkCountry(value: string, path: string, label: string, reference: LicenseReference): FieldError[] {
  const code = value.trim().toUpperCase();
  if (code === '') return [{ path, message: `Choose the ${label} from the list of countries.` }];
  if (!reference.isCountry(code)) {
    return [{ path, message: `${code} is not a country code we know. Choose the ${label} from the list.` }];
  }
  return [];
}

function checkPort(value: string, reference: LicenseReference): FieldError[] {
  const path = 'portOfEntry';
  const code = value.trim();
  if (!/^\d{4}$/.test(code)) {
    return [{ path, message: 'Enter the expected port of entry as its 4-digit CBP port code, for example 3801 for Detroit.' }];
  }
  if (!reference.isPort(code)) return [{ path, message: `No CBP port has the code ${code}. Choose the port from the list.` }];
  return [];
}

function checkManufacturers(names: readonly string[]): FieldError[] {
  if (names.length === 0) {
    return [{ path: 'manufacturerNames', message: 'Enter at least one manufacturer name, or Unknown.' }];
  }
  if (names.length > licensePolicy.maxManufacturers) {
    return [
      {
        path: 'manufacturerNames',
        message: `A license names at most ${licensePolicy.maxManufacturers} manufacturers; this one has ${names.length}. Split the goods over several licenses.`,
      },
    ];
  }
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  names.forEach((name, index) => {
    const path = `manufacturerNames.${index}`;
    const invalid = validateText(name, path, 'manufacturer name (or Unknown)', licensePolicy.maxNameLength);
    if (invalid.length > 0) {
      errors.push(...invalid);
      return;
    }
    const key = name.trim().toLowerCase().replace(/\s+/g, ' ');
    if (seen.has(key)) errors.push({ path, message: `${name.trim()} is already listed. Name each manufacturer once.` });
    seen.add(key);
  });
  return errors;
}

function checkDates(input: StandardLicenseInput, applicationDate: string): FieldError[] {
  const errors: FieldError[] = [];
  const exportDate = input.expectedExportDate.trim();
  const importDate = input.expectedImportDate.trim();
  const exportValid = isCalendarDate(exportDate);
  const importValid = isCalendarDate(importDate);
  const dateMessage = (date: string, what: string) =>
    date === '' ? `Enter the expected date of ${what}.` : `Enter the expected date of ${what} as a real date, YYYY-MM-DD.`;
  if (!exportValid) errors.push({ path: 'expectedExportDate', message: dateMessage(exportDate, 'export') });
  if (!importValid) {
    errors.push({ path: 'expectedImportDate', message: dateMessage(importDate, 'import') });
    return errors;
  }
  const earliestApplication = addDays(importDate, -licensePolicy.applyDaysBeforeImport);
  if (applicationDate < earliestApplication) {
    errors.push({
      path: 'expectedImportDate',
      message: `You can apply at most ${licensePolicy.applyDaysBeforeImport} days before the expected date of import, so from ${earliestApplication} for an import on ${importDate}.`,
    });
  }
  const warehouse = input.entryType === 'WAREHOUSE_WITHDRAWAL';
  const years = warehouse
    ? licensePolicy.maxWarehouseImportYearsBeforeApplication
    : licensePolicy.maxImportYearsBeforeApplication;
  if (importDate < addYears(applicationDate, -years)) {
    errors.push({
      path: 'expectedImportDate',
      message: warehouse
        ? `The date of import (${importDate}) is more than ${years} years ago; goods stay in a bonded warehouse at most ${years} years. Check the year.`
        : `The date of import (${importDate}) is more than a year ago, long after its entry summary was due. Check the year.`,
    });
  }
  if (exportValid && exportDate > importDate) {
    errors.push({
      path: 'expectedExportDate',
      message: `The expected date of export (${exportDate}) is after the expected date of import (${importDate}); goods leave the exporting country first.`,
    });
  }
  return errors;
}

function checkProduct(
  product: LicenseProductInput,
  index: number,
  productType: ProductType | undefined,
  reference: LicenseReference,
  applicationDate: string,
): { errors: FieldError[]; product?: LicenseProduct } {
  const path = `products.${index}`;
  const errors: FieldError[] = [];

  let productGroupId: number | undefined;
  const htsCode = (product.htsCode ?? '').replace(/[.\s]/g, '');
  if (!/^\d{10}$/.test(htsCode)) {
    errors.push({ path: `${path}.htsCode`, message: 'Enter the 10-digit HTS number, for example 7601.10.30.00.' });
  } else {
    const hts = reference.hts(htsCode);
    const shown = formatHtsCode(htsCode);
    if (!hts) {
      errors.push({
        path: `${path}.htsCode`,
        message: `${shown} is not an HTS number covered by import licensing. Check the number on the commercial invoice.`,
      });
    } else if (hts.status !== 'current') {
      errors.push({
        path: `${path}.htsCode`,
        message: `${shown} is no longer in the HTS and is not accepted on new licenses. Use the number that replaced it.`,
      });
    } else if (productType && hts.productType !== productType) {
      // LIC-14
      errors.push({
        path: `${path}.htsCode`,
        message: `This is ${productWord[hts.productType]} code; steel and aluminum never share a license. Apply for ${productWord[hts.productType]} license for it.`,
      });
    } else {
      productGroupId = hts.productGroupId;
    }
  }

  const smelts = checkSmelts(product, path, reference, applicationDate);
  errors.push(...smelts.errors);

  const volumeKg = product.volumeKg;
  const volumeValid = typeof volumeKg === 'number' && Number.isFinite(volumeKg) && volumeKg > 0;
  if (!volumeValid) {
    errors.push({ path: `${path}.volumeKg`, message: 'Enter the net volume in kilograms, more than 0.' });
  } else if (volumeKg > licensePolicy.maxVolumeKg) {
    errors.push({
      path: `${path}.volumeKg`,
      message: `${grouped.format(volumeKg)} kg is over a million metric tons, more than any single entry. Check the unit: kilograms, net.`,
    });
  }

  const usd = product.customsValueUsd;
  const cents = toCents(usd);
  if (typeof usd !== 'number' || !Number.isFinite(usd) || usd <= 0) {
    errors.push({ path: `${path}.customsValueUsd`, message: 'Enter the customs value in U.S. dollars, more than 0.' });
  } else if (cents === undefined) {
    errors.push({
      path: `${path}.customsValueUsd`,
      message: 'Enter the customs value in dollars and whole cents, at most 2 decimals (for example 12500.75).',
    });
  } else if (usd > licensePolicy.maxCustomsValueUsd) {
    errors.push({
      path: `${path}.customsValueUsd`,
      message: `${formatUsd(cents)} is more than any single entry (at most ${formatUsd(licensePolicy.maxCustomsValueUsd * 100)}). Check the amount.`,
    });
  }

  if (errors.length > 0 || productGroupId === undefined || cents === undefined) return { errors };
  return {
    errors,
    product: {
      line: index + 1,
      htsCode,
      productGroupId,
      largestSmelt: smelts.largestSmelt,
      secondSmelt: smelts.secondSmelt,
      mostRecentCast: smelts.mostRecentCast,
      volumeKg,
      customsValueCents: cents,
      unitValueUsdPerKg: unitValueUsdPerKg(cents, volumeKg),
    },
  };
}

/**
 * LIC-1 to LIC-4, LIC-7 and LIC-14 for a standard license applied for on `applicationDate` (Eastern,
 * every error at once, each at its input path, or the license as it would be stored.
 */
export function checkStandardLicense(
  input: StandardLicenseInput,
  reference: LicenseReference,
  applicationDate: string,
): Check<StandardLicense> {
  assertCalendarDate(applicationDate);
  const errors: FieldError[] = [];

  const productType = isProductType(input.productType) ? input.productType : undefined;
  if (!productType) errors.push({ path: 'productType', message: 'Choose aluminum or steel.' });

  const entryNumberText = input.customsEntryNumber ?? '';
  errors.push(...validateEntryNumber(entryNumberText));
  const customsEntryNumber = normalizeEntryNumber(entryNumberText) || null;

  const entryType = isEntryType(input.entryType) ? input.entryType : undefined;
  if (!entryType) {
    errors.push({
      path: 'entryType',
      message: 'Choose the entry type: consumption, foreign-trade zone admission, or warehouse withdrawal for consumption.',
    });
  }

  errors.push(
    ...validateText(input.importerName, 'importerName', 'importer name', licensePolicy.maxNameLength),
    ...validateText(input.exporterName, 'exporterName', 'exporter name', licensePolicy.maxNameLength),
    ...checkManufacturers(input.manufacturerNames),
    ...checkCountry(input.countryOfOrigin, 'countryOfOrigin', 'country of origin', reference),
    ...checkCountry(input.countryOfExportation, 'countryOfExportation', 'country of exportation', reference),
    ...checkPort(input.portOfEntry, reference),
    ...checkDates(input, applicationDate),
  );

  const products: LicenseProduct[] = [];
  if (input.products.length === 0) {
    errors.push({ path: 'products', message: 'Add at least one product.' });
  } else if (input.products.length > licensePolicy.maxProducts) {
    // Checking each of thousands of lines would bury this, the one change that matters.
    errors.push({
      path: 'products',
      message: `A license holds at most ${licensePolicy.maxProducts} products; this one has ${input.products.length}. Split them over several licenses.`,
    });
  } else {
    input.products.forEach((product, index) => {
      const checked = checkProduct(product, index, productType, reference, applicationDate);
      errors.push(...checked.errors);
      if (checked.product) products.push(checked.product);
    });
  }

  if (errors.length > 0 || !productType || !entryType) return { ok: false, errors };

  const totalVolumeKg = products.reduce((sum, product) => sum + product.volumeKg, 0);
  return {
    ok: true,
    license: {
      productType,
      customsEntryNumber,
      entryType,
      importerName: input.importerName.trim(),
      exporterName: input.exporterName.trim(),
      manufacturerNames: input.manufacturerNames.map((name) =>
        name.trim().toLowerCase() === 'unknown' ? 'Unknown' : name.trim(),
      ),
      countryOfOrigin: input.countryOfOrigin.trim().toUpperCase(),
      countryOfExportation: input.countryOfExportation.trim().toUpperCase(),
      portOfEntry: input.portOfEntry.trim(),
      expectedExportDate: input.expectedExportDate.trim(),
      expectedImportDate: input.expectedImportDate.trim(),
      applicationDate,
      ...licenseValidity(applicationDate, entryType),
      products,
      // Kilograms may carry decimals; rounding to the milligram drops float noise (0.30000000000000004).
      totalVolumeKg: Math.round(totalVolumeKg * 1e6) / 1e6,
      totalCustomsValueCents: products.reduce((sum, product) => sum + product.customsValueCents, 0),
    },
  };
}
