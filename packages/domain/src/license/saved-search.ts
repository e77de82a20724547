import { validateText } from '../account/profile.js';
import type { FieldError } from '../field-error.js';
import { licensePolicy } from './policy.js';

/** DASH-2: a saved search's name, as the dashboard lists it. */
export function validateSavedSearchName(name: string): FieldError[] {
  return validateText(name, 'name', 'name of the search', licensePolicy.maxSavedSearchNameLength);
}
