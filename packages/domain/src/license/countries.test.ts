import { describe, expect, it } from 'vitest';
import { type CountryName, editDistance, findCountry, suggestCountry } from './countries.js';

// Names as the server has them (ISO names from i18n-iso-countries, some spelled U.S.-style).
const countries: CountryName[] = [
  { code: 'US', name: 'United States of America' },
  { code: 'GB', name: 'United Kingdom' },
  { code: 'CA', name: 'Canada' },
  { code: 'MX', name: 'Mexico' },
  { code: 'DE', name: 'Germany' },
  { code: 'FR', name: 'France' },
  { code: 'AT', name: 'Austria' },
  { code: 'AU', name: 'Australia' },
  { code: 'KR', name: 'South Korea' },
  { code: 'KP', name: 'North Korea' },
  { code: 'RU', name: 'Russian Federation' },
  { code: 'VN', name: 'Vietnam' },
  { code: 'AE', name: 'United Arab Emirates' },
  { code: 'TW', name: 'Taiwan, Province of China' },
  { code: 'CN', name: "People's Republic of China" },
  { code: 'IR', name: 'Islamic Republic of Iran' },
  { code: 'SY', name: 'Syrian Arab Republic' },
  { code: 'LA', name: "Lao People's Democratic Republic" },
  { code: 'BO', name: 'Bolivia' },
  { code: 'VE', name: 'Venezuela' },
  { code: 'TZ', name: 'United Republic of Tanzania' },
  { code: 'MD', name: 'Moldova, Republic of' },
  { code: 'CZ', name: 'Czech Republic' },
  { code: 'TR', name: 'Türkiye' },
  { code: 'CI', name: "Cote d'Ivoire" },
  { code: 'NL', name: 'Netherlands' },
  { code: 'MK', name: 'The Republic of North Macedonia' },
  { code: 'MM', name: 'Myanmar' },
  { code: 'SZ', name: 'Eswatini' },
  { code: 'CV', name: 'Cape Verde' },
  { code: 'CD', name: 'Democratic Republic of the Congo' },
  { code: 'CG', name: 'Republic of the Congo' },
  { code: 'BN', name: 'Brunei Darussalam' },
  { code: 'PS', name: 'State of Palestine' },
  { code: 'RE', name: 'Réunion' },
  { code: 'KN', name: 'Saint Kitts and Nevis' },
  { code: 'MF', name: 'Saint Martin (French part)' },
  { code: 'VI', name: 'Virgin Islands, U.S.' },
  { code: 'VG', name: 'Virgin Islands, British' },
  { code: 'VA', name: 'Holy See (Vatican City State)' },
  { code: 'IN', name: 'India' },
  { code: 'OM', name: 'Oman' },
  { code: 'MT', name: 'Malta' },
];

describe('LIC-5 findCountry', () => {
  it('LIC-5 takes the ISO alpha-2 code in any case', () => {
    expect(findCountry('CA', countries)).toBe('CA');
    expect(findCountry(' de ', countries)).toBe('DE');
    expect(findCountry('In', countries)).toBe('IN');
  });

  it('LIC-5 takes the ISO alpha-3 code in any case', () => {
    expect(findCountry('CAN', countries)).toBe('CA');
    expect(findCountry('deu', countries)).toBe('DE');
    expect(findCountry('GBR', countries)).toBe('GB');
    expect(findCountry('COD', countries)).toBe('CD');
    expect(findCountry('cog', countries)).toBe('CG');
  });

  it('LIC-5 takes the full name, ignoring case, spaces, punctuation and accents', () => {
    expect(findCountry('  united   STATES of america ', countries)).toBe('US');
    expect(findCountry('COTE D IVOIRE', countries)).toBe('CI');
    expect(findCountry('Côte d’Ivoire', countries)).toBe('CI');
    expect(findCountry('Reunion', countries)).toBe('RE');
    expect(findCountry('Turkiye', countries)).toBe('TR');
    expect(findCountry('St. Kitts & Nevis', countries)).toBe('KN');
    expect(findCountry('Republic of North Macedonia', countries)).toBe('MK');
  });

  it('LIC-5 takes a name however an ISO list orders or qualifies it', () => {
    expect(findCountry('Republic of Moldova', countries)).toBe('MD');
    expect(findCountry('Saint Martin', countries)).toBe('MF');
    expect(findCountry('St Martin', countries)).toBe('MF');
    expect(findCountry('Holy See', countries)).toBe('VA');
  });

  it.each([
    ['USA', 'US'], ['United States', 'US'], ['U.S.A.', 'US'], ['United States of America', 'US'],
    ['UK', 'GB'], ['Great Britain', 'GB'], ['Britain', 'GB'],
    ['South Korea', 'KR'], ['Korea', 'KR'], ['Republic of Korea', 'KR'], ['North Korea', 'KP'],
    ['Russia', 'RU'], ['Viet Nam', 'VN'], ['UAE', 'AE'], ['Emirates', 'AE'], ['Taiwan', 'TW'], ['China', 'CN'],
    ['Iran', 'IR'], ['Syria', 'SY'], ['Laos', 'LA'], ['Bolivia', 'BO'], ['Venezuela', 'VE'], ['Tanzania', 'TZ'],
    ['Moldova', 'MD'], ['Czech Republic', 'CZ'], ['Czechia', 'CZ'], ['Turkey', 'TR'], ['Türkiye', 'TR'],
    ['Ivory Coast', 'CI'], ['Holland', 'NL'], ['The Netherlands', 'NL'], ['Macedonia', 'MK'], ['North Macedonia', 'MK'],
    ['Burma', 'MM'], ['Swaziland', 'SZ'], ['Cabo Verde', 'CV'], ['Congo-Kinshasa', 'CD'], ['DRC', 'CD'],
    ['Congo-Brazzaville', 'CG'], ['Brunei', 'BN'], ['Palestine', 'PS'], ['Vatican', 'VA'],
    ['US Virgin Islands', 'VI'], ['British Virgin Islands', 'VG'],
  ])('LIC-5 takes the common alias %s', (alias, code) => {
    expect(findCountry(alias, countries)).toBe(code);
    expect(findCountry(alias.toLowerCase(), countries)).toBe(code);
  });

  it('LIC-5 refuses anything else, ambiguous names included', () => {
    for (const text of ['', '   ', 'Atlantis', 'XX', 'XXX', 'Congo', 'Virgin Islands', 'Canada, eh']) {
      expect(findCountry(text, countries)).toBeUndefined();
    }
  });

  it('LIC-5 knows only the countries of the list it is given', () => {
    const few: CountryName[] = [{ code: 'CA', name: 'Canada' }];
    expect(findCountry('JP', few)).toBeUndefined();
    expect(findCountry('JPN', few)).toBeUndefined();
    expect(findCountry('Burma', few)).toBeUndefined();
    expect(findCountry('can', few)).toBe('CA');
  });
});

describe('LIC-5 suggestCountry, for "did you mean"', () => {
  it('LIC-5 finds the country within two slips of the name or an alias', () => {
    expect(suggestCountry('Canda', countries)).toEqual({ code: 'CA', name: 'Canada' });
    expect(suggestCountry('Germny', countries)?.code).toBe('DE');
    expect(suggestCountry('Fracne', countries)?.code).toBe('FR');
    expect(suggestCountry('Untied States', countries)?.code).toBe('US');
    expect(suggestCountry('Rusia', countries)?.code).toBe('RU');
    expect(suggestCountry('Mexicco', countries)?.code).toBe('MX');
    expect(suggestCountry('Vietnma', countries)?.code).toBe('VN');
  });

  it('LIC-5 picks the closest when several are near', () => {
    expect(suggestCountry('Austria', countries)?.code).toBe('AT');
    expect(suggestCountry('Australia', countries)?.code).toBe('AU');
    expect(suggestCountry('Australa', countries)?.code).toBe('AU');
  });

  it('LIC-5 suggests nothing when nothing is close, and allows short words only one slip', () => {
    expect(suggestCountry('Atlantis', countries)).toBeUndefined();
    expect(suggestCountry('', countries)).toBeUndefined();
    expect(suggestCountry('Omna', countries)?.code).toBe('OM');
    expect(suggestCountry('Mali', countries)).toBeUndefined(); // two slips from Malta
  });

  it('LIC-5 suggests nothing for a name two countries answer to, rather than a near miss', () => {
    expect(suggestCountry('Congo', [...countries, { code: 'TG', name: 'Togo' }])).toBeUndefined();
    expect(suggestCountry('Virgin Islands', countries)).toBeUndefined();
  });

  it('LIC-5 lets the list settle a name it gives one country', () => {
    const isoShortNames: CountryName[] = [
      { code: 'CG', name: 'Congo' },
      { code: 'CD', name: 'Congo, Democratic Republic of the' },
    ];
    expect(findCountry('Congo', isoShortNames)).toBe('CG');
    expect(findCountry('Democratic Republic of the Congo', isoShortNames)).toBe('CD');
  });

  it('counts an adjacent swap as one edit', () => {
    expect(editDistance('france', 'fracne')).toBe(1);
    expect(editDistance('canada', 'canda')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });
});
