import countries from 'i18n-iso-countries';

// The package's English names, except where U.S. government usage differs.
const usGovernmentNames: Record<string, string> = {
  US: 'United States',
  TW: 'Taiwan',
  RU: 'Russia',
  IR: 'Iran',
  KR: 'South Korea',
  KP: 'North Korea',
  CZ: 'Czechia',
  TR: 'Turkey',
};

/** ISO 3166-1 alpha-2 countries with their names, sorted by name. */
export function isoCountries(): Array<{ code: string; name: string }> {
  return Object.entries(countries.getNames('en'))
    .map(([code, name]) => ({ code, name: usGovernmentNames[code] ?? name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en'));
}
