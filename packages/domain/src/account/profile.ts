import type { Validation } from '../field-error.js';
import { validateEmail } from './email.js';
import { isUsState } from './us-states.js';

export const COMPANY_TYPES = ['IMPORTER', 'CUSTOMS_BROKER', 'IMPORTER_AGENT'] as const;
export type CompanyType = (typeof COMPANY_TYPES)[number];

/** The company profile a filer completes before the first license (SPEC ACC-3). */
export interface ProfileInput {
  ein: string;
  companyName: string;
  companyType: CompanyType;
  street: string;
  city: string;
  state: string;
  zip: string;
  phone: string;
  fax?: string | null;
  alternateEmail?: string | null;
  branchName?: string | null;
  branchAddress?: string | null;
}

// IRS campus prefixes never assigned to an EIN; a number starting with one is mistyped.
const unassignedEinPrefixes = new Set(['00', '07', '08', '09', '17', '18', '19', '28', '29', '49', '69', '70', '78', '79', '89', '96', '97']);

export function validateEin(ein: string, path = 'ein'): Validation {
  const value = ein.trim();
  if (/^\d{3}-?\d{2}-?\d{4}$/.test(value) && !/^\d{9}$/.test(value)) {
    return [{ path, message: 'This looks like a Social Security number. Enter the company’s EIN as ##-#######.' }];
  }
  if (!/^\d{2}-\d{7}$/.test(value)) {
    return [{ path, message: 'Enter the EIN as ##-####### (9 digits), for example 12-3456789.' }];
  }
  if (unassignedEinPrefixes.has(value.slice(0, 2))) {
    return [{ path, message: `No EIN starts with ${value.slice(0, 2)}. Check the number on the IRS notice.` }];
  }
  return [];
}

export function validateZip(zip: string, path = 'zip'): Validation {
  return /^\d{5}(-\d{4})?$/.test(zip.trim())
    ? []
    : [{ path, message: 'Enter the ZIP code as ##### or #####-####.' }];
}

export function validatePhone(phone: string, path = 'phone', label = 'phone number'): Validation {
  return /^\d{3}-\d{3}-\d{4}$/.test(phone.trim())
    ? []
    : [{ path, message: `Enter the ${label} as ###-###-####.` }];
}

export function validateUsState(state: string, path = 'state'): Validation {
  return isUsState(state.trim().toUpperCase())
    ? []
    : [{ path, message: 'Choose a U.S. state or territory (its two-letter USPS code).' }];
}

/** A required free-text field: present after trimming, and of a sensible length. */
export function validateText(value: string, path: string, label: string, maxLength = 200): Validation {
  const trimmed = value.trim();
  if (trimmed === '') return [{ path, message: `Enter the ${label}.` }];
  if (trimmed.length > maxLength) return [{ path, message: `The ${label} must be at most ${maxLength} characters.` }];
  return [];
}

function validateOptionalText(value: string | null | undefined, path: string, label: string, maxLength = 200): Validation {
  return value && value.trim().length > maxLength
    ? [{ path, message: `The ${label} must be at most ${maxLength} characters.` }]
    : [];
}

function isBlank(value: string | null | undefined): boolean {
  return value == null || value.trim() === '';
}

export function validateProfile(input: ProfileInput, primaryEmail?: string): Validation {
  const errors: Validation = [
    ...validateEin(input.ein),
    ...validateText(input.companyName, 'companyName', 'company name'),
    ...(COMPANY_TYPES.includes(input.companyType)
      ? []
      : [{ path: 'companyType', message: 'Choose importer, customs broker or importer’s agent.' }]),
    ...validateText(input.street, 'street', 'U.S. street address'),
    ...validateText(input.city, 'city', 'city', 100),
    ...validateUsState(input.state),
    ...validateZip(input.zip),
    ...validatePhone(input.phone),
    ...(isBlank(input.fax) ? [] : validatePhone(input.fax ?? '', 'fax', 'fax number')),
    ...validateOptionalText(input.branchName, 'branchName', 'branch name'),
    ...validateOptionalText(input.branchAddress, 'branchAddress', 'branch address', 400),
  ];
  if (!isBlank(input.alternateEmail)) {
    const alternate = input.alternateEmail ?? '';
    errors.push(...validateEmail(alternate, 'alternateEmail'));
    if (primaryEmail && alternate.trim().toLowerCase() === primaryEmail.trim().toLowerCase()) {
      errors.push({ path: 'alternateEmail', message: 'The alternate email must differ from your primary email.' });
    }
  }
  return errors;
}

/** The profile as stored: trimmed, state upper-cased, blank optional fields as null. */
export function normalizeProfile(input: ProfileInput): ProfileInput {
  const optional = (value: string | null | undefined) => (isBlank(value) ? null : (value ?? '').trim());
  return {
    ein: input.ein.trim(),
    companyName: input.companyName.trim(),
    companyType: input.companyType,
    street: input.street.trim(),
    city: input.city.trim(),
    state: input.state.trim().toUpperCase(),
    zip: input.zip.trim(),
    phone: input.phone.trim(),
    fax: optional(input.fax),
    alternateEmail: optional(input.alternateEmail)?.toLowerCase() ?? null,
    branchName: optional(input.branchName),
    branchAddress: optional(input.branchAddress),
  };
}
