import { describe, expect, it } from 'vitest';
import * as license from './index.js';

describe('license API', () => {
  it('exports exactly the functions and constants the server and the apps are written against', () => {
    expect(Object.keys(license).sort()).toEqual([
      'LICENSE_HEADER_FIELDS',
      'addDays',
      'checkCertified',
      'checkLowValueLicense',
      'checkStandardLicense',
      'easternDate',
      'findCountry',
      'formatUsd',
      'importerKey',
      'licensePolicy',
      'licenseValidity',
      'normalizeEntryNumber',
      'suggestCountry',
      'toCents',
      'unitValueUsdPerKg',
      'unknownSmeltAllowed',
      'validateEntryNumber',
      'validateSavedSearchName',
    ]);
  });
});
