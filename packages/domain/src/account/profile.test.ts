import { describe, expect, it } from 'vitest';
import { type ProfileInput, normalizeProfile, validateEin, validateProfile } from './profile.js';

const valid: ProfileInput = {
  ein: '12-3456789',
  companyName: 'Great Lakes Metals LLC',
  companyType: 'IMPORTER',
  street: '100 Harbor Dr',
  city: 'Detroit',
  state: 'MI',
  zip: '48226',
  phone: '313-555-0100',
};

const paths = (input: Partial<ProfileInput>, primaryEmail?: string) =>
  validateProfile({ ...valid, ...input }, primaryEmail).map((error) => error.path);

describe('ACC-3 company profile', () => {
  it('accepts a complete profile with or without the optional fields', () => {
    expect(validateProfile(valid)).toEqual([]);
    expect(
      validateProfile({ ...valid, zip: '48226-1234', fax: '313-555-0101', alternateEmail: 'ops@glm.example', branchName: 'East' }),
    ).toEqual([]);
  });

  it('requires the EIN as ##-####### and refuses a Social Security number', () => {
    expect(validateEin('123456789')[0]?.message).toMatch(/##-#######/);
    expect(validateEin('123-45-6789')[0]?.message).toMatch(/Social Security/);
    expect(validateEin('07-1234567')[0]?.message).toMatch(/No EIN starts with 07/);
    expect(validateEin('98-7654321')).toEqual([]);
  });

  it('validates ZIP, phone, fax and USPS state, naming each field', () => {
    expect(paths({ zip: '4822' })).toEqual(['zip']);
    expect(paths({ zip: '48226-12' })).toEqual(['zip']);
    expect(paths({ phone: '(313) 555-0100' })).toEqual(['phone']);
    expect(paths({ fax: '5550101' })).toEqual(['fax']);
    expect(paths({ state: 'ZZ' })).toEqual(['state']);
    expect(paths({ state: 'pr' })).toEqual([]);
  });

  it('requires a U.S. street address, city and company name, foreign filers included', () => {
    expect(paths({ street: '  ', city: '', companyName: '' })).toEqual(['companyName', 'street', 'city']);
  });

  it('ACC-5 checks the alternate email and that it differs from the primary', () => {
    expect(paths({ alternateEmail: 'not-an-email' })).toEqual(['alternateEmail']);
    expect(paths({ alternateEmail: 'Me@Example.com' }, 'me@example.com')).toEqual(['alternateEmail']);
  });

  it('normalizes for storage: trimmed, state upper-cased, blank optionals as null', () => {
    expect(normalizeProfile({ ...valid, state: ' mi ', fax: ' ', alternateEmail: ' Ops@GLM.example ' })).toMatchObject({
      state: 'MI',
      fax: null,
      alternateEmail: 'ops@glm.example',
      branchName: null,
    });
  });
});
