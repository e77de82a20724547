import { countryName } from '../anomaly/format.js';
import type { FieldError } from '../field-error.js';
import { licensePolicy } from './policy.js';
import { type LicenseProductInput, type LicenseReference, type Smelt, type SmeltInput, isSmeltAnswer } from './types.js';

// LIC-4: where the product's aluminum was smelted (largest and second largest source) and last cast.

export interface SmeltCheck {
  errors: FieldError[];
  largestSmelt: Smelt;
  secondSmelt: Smelt;
  mostRecentCast: string;
}

const LARGEST = 'country of largest smelt';
const SECOND = 'country of second largest smelt';
const CAST = 'country of most recent cast';

function optionalCode(value: string | null | undefined): string | null {
  const code = (value ?? '').trim().toUpperCase();
  return code === '' ? null : code;
}

function describeCountry(code: string): string {
  const name = countryName(code);
  return name === code ? code : `${name} (${code})`;
}

function unknownRefused(label: string, notApplicableMeans: string): string {
  return (
    `Unknown is accepted only on applications dated on or before ${licensePolicy.unknownSmeltUntil}. ` +
    `Choose the ${label}, or Not applicable ${notApplicableMeans}.`
  );
}

function checkSmelt(
  input: SmeltInput | null | undefined,
  path: string,
  label: string,
  notApplicableMeans: string,
  unknownAllowed: boolean,
  reference: Pick<LicenseReference, 'isCountry'>,
): { smelt: Smelt; error?: FieldError } {
  const country = optionalCode(input?.country);
  const answer = input?.answer;
  if (!isSmeltAnswer(answer)) {
    const choices = unknownAllowed ? 'a country, Not applicable or Unknown' : 'a country or Not applicable';
    return { smelt: { answer: 'UNKNOWN', country: null }, error: { path, message: `Choose the ${label}: ${choices}.` } };
  }
  const smelt: Smelt = { answer, country: answer === 'COUNTRY' ? country : null };
  if (answer === 'COUNTRY') {
    if (country === null) return { smelt, error: { path, message: `Choose the ${label} from the list of countries.` } };
    if (!reference.isCountry(country)) {
      return { smelt, error: { path, message: `${country} is not a country code we know. Choose the ${label} from the list.` } };
    }
    return { smelt };
  }
  const answerName = answer === 'UNKNOWN' ? 'Unknown' : 'Not applicable';
  if (country !== null) {
    return { smelt, error: { path, message: `For the ${label}, give either a country or ${answerName}, not both.` } };
  }
  if (answer === 'UNKNOWN' && !unknownAllowed) {
    return { smelt, error: { path, message: unknownRefused(label, notApplicableMeans) } };
  }
  return { smelt };
}

const NOT_A_COUNTRY = /^(n\/?a|not applicable|unknown|none|-)$/i;

/** LIC-4: `Unknown` is an answer for the smelt countries only on applications dated on or before the cut-off. */
export function unknownSmeltAllowed(applicationDate: string): boolean {
  return applicationDate <= licensePolicy.unknownSmeltUntil;
}

/**
 * LIC-4 for one product line, errors at `${path}.largestSmelt`, `.secondSmelt`, `.mostRecentCast`:
 * at most one per field, the one that tells the filer what to change.
 */
export function checkSmelts(
  product: Pick<LicenseProductInput, 'largestSmelt' | 'secondSmelt' | 'mostRecentCast'>,
  path: string,
  reference: Pick<LicenseReference, 'isCountry'>,
  applicationDate: string,
): SmeltCheck {
  const unknownAllowed = unknownSmeltAllowed(applicationDate);
  const largest = checkSmelt(
    product.largestSmelt,
    `${path}.largestSmelt`,
    LARGEST,
    'when the product holds only secondary (recycled) aluminum',
    unknownAllowed,
    reference,
  );
  const second = checkSmelt(
    product.secondSmelt,
    `${path}.secondSmelt`,
    SECOND,
    'when there is no second source',
    unknownAllowed,
    reference,
  );

  let secondError = second.error;
  if (largest.smelt.answer === 'NOT_APPLICABLE' && second.smelt.answer !== 'NOT_APPLICABLE') {
    // This outranks what else is wrong with the second answer: whatever it says, it must change to
    // this. It holds even when the largest also names a country: the answer given is Not applicable,
    // and the filer sees both fields to fix at once.
    secondError = {
      path: `${path}.secondSmelt`,
      message:
        'When the country of largest smelt is Not applicable (only recycled aluminum), the country of second largest smelt is Not applicable too.',
    };
  } else if (
    !largest.error &&
    !second.error &&
    largest.smelt.answer === 'COUNTRY' &&
    second.smelt.answer === 'COUNTRY' &&
    largest.smelt.country === second.smelt.country
  ) {
    secondError = {
      path: `${path}.secondSmelt`,
      message: `The second largest smelt must be a different country from the largest, ${describeCountry(
        largest.smelt.country ?? '',
      )}. If all the primary aluminum was smelted there, choose Not applicable.`,
    };
  }

  const cast = (product.mostRecentCast ?? '').trim();
  const castCode = cast.toUpperCase();
  let castError: FieldError | undefined;
  if (cast === '') {
    castError = { path: `${path}.mostRecentCast`, message: `Choose the ${CAST} from the list of countries.` };
  } else if (NOT_A_COUNTRY.test(cast)) {
    castError = {
      path: `${path}.mostRecentCast`,
      message: `The ${CAST} is always a real country; Not applicable and Unknown are not accepted here.`,
    };
  } else if (!reference.isCountry(castCode)) {
    castError = { path: `${path}.mostRecentCast`, message: `${castCode} is not a country code we know. Choose the ${CAST} from the list.` };
  }

  return {
    errors: [largest.error, secondError, castError].filter((error): error is FieldError => error !== undefined),
    largestSmelt: largest.smelt,
    secondSmelt: second.smelt,
    mostRecentCast: castCode,
  };
}
