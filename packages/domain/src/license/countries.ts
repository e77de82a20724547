// LIC-5: bulk files may name a country by its full name, a common alias or its ISO code, in any case.
// The list of countries is passed in (the server has the ISO names), so this file holds only what
// that list cannot know: the alpha-3 codes and the names people actually write.

export interface CountryName {
  code: string;
  name: string;
}

/**
 * ISO 3166-1 alpha-3 → alpha-2, five characters each ('ABWAW' = ABW → AW). XKK/XK is Kosovo's
 * user-assigned code, matched only when the list holds XK.
 */
const ALPHA3 =
  'ABWAW AFGAF AGOAO AIAAI ALAAX ALBAL ANDAD AREAE ARGAR ARMAM ASMAS ATAAQ ATFTF ATGAG AUSAU AUTAT ' +
  'AZEAZ BDIBI BELBE BENBJ BESBQ BFABF BGDBD BGRBG BHRBH BHSBS BIHBA BLMBL BLRBY BLZBZ BMUBM BOLBO ' +
  'BRABR BRBBB BRNBN BTNBT BVTBV BWABW CAFCF CANCA CCKCC CHECH CHLCL CHNCN CIVCI CMRCM CODCD COGCG ' +
  'COKCK COLCO COMKM CPVCV CRICR CUBCU CUWCW CXRCX CYMKY CYPCY CZECZ DEUDE DJIDJ DMADM DNKDK DOMDO ' +
  'DZADZ ECUEC EGYEG ERIER ESHEH ESPES ESTEE ETHET FINFI FJIFJ FLKFK FRAFR FROFO FSMFM GABGA GBRGB ' +
  'GEOGE GGYGG GHAGH GIBGI GINGN GLPGP GMBGM GNBGW GNQGQ GRCGR GRDGD GRLGL GTMGT GUFGF GUMGU GUYGY ' +
  'HKGHK HMDHM HNDHN HRVHR HTIHT HUNHU IDNID IMNIM INDIN IOTIO IRLIE IRNIR IRQIQ ISLIS ISRIL ITAIT ' +
  'JAMJM JEYJE JORJO JPNJP KAZKZ KENKE KGZKG KHMKH KIRKI KNAKN KORKR KWTKW LAOLA LBNLB LBRLR LBYLY ' +
  'LCALC LIELI LKALK LSOLS LTULT LUXLU LVALV MACMO MAFMF MARMA MCOMC MDAMD MDGMG MDVMV MEXMX MHLMH ' +
  'MKDMK MLIML MLTMT MMRMM MNEME MNGMN MNPMP MOZMZ MRTMR MSRMS MTQMQ MUSMU MWIMW MYSMY MYTYT NAMNA ' +
  'NCLNC NERNE NFKNF NGANG NICNI NIUNU NLDNL NORNO NPLNP NRUNR NZLNZ OMNOM PAKPK PANPA PCNPN PERPE ' +
  'PHLPH PLWPW PNGPG POLPL PRIPR PRKKP PRTPT PRYPY PSEPS PYFPF QATQA REURE ROURO RUSRU RWARW SAUSA ' +
  'SDNSD SENSN SGPSG SGSGS SHNSH SJMSJ SLBSB SLESL SLVSV SMRSM SOMSO SPMPM SRBRS SSDSS STPST SURSR ' +
  'SVKSK SVNSI SWESE SWZSZ SXMSX SYCSC SYRSY TCATC TCDTD TGOTG THATH TJKTJ TKLTK TKMTM TLSTL TONTO ' +
  'TTOTT TUNTN TURTR TUVTV TWNTW TZATZ UGAUG UKRUA UMIUM URYUY USAUS UZBUZ VATVA VCTVC VENVE VGBVG ' +
  'VIRVI VNMVN VUTVU WLFWF WSMWS XKKXK YEMYE ZAFZA ZMBZM ZWEZW';

/** Names two countries answer to: a guess between them would be a coin toss, so neither is found or suggested. */
const AMBIGUOUS = ['Congo', 'Virgin Islands'];

const alpha2ByAlpha3 = new Map(ALPHA3.split(' ').map((pair) => [pair.slice(0, 3), pair.slice(3)] as const));

/**
 * Names in common use that differ from the ISO ones: short forms, former names, and how a
 * spreadsheet typed in a hurry spells them.
 */
const ALIASES: Record<string, readonly string[]> = {
  US: ['USA', 'US', 'U.S.', 'U.S.A.', 'United States', 'United States of America'],
  GB: ['UK', 'U.K.', 'United Kingdom', 'Great Britain', 'Britain', 'England', 'Scotland', 'Wales',
    'Northern Ireland', 'United Kingdom of Great Britain and Northern Ireland'],
  KR: ['South Korea', 'Korea', 'Republic of Korea', 'Korea, Republic of', 'Korea, South', 'ROK'],
  KP: ['North Korea', 'DPRK', "Democratic People's Republic of Korea", 'Korea, North'],
  RU: ['Russia', 'Russian Federation'],
  VN: ['Vietnam', 'Viet Nam'],
  AE: ['UAE', 'U.A.E.', 'Emirates', 'United Arab Emirates'],
  TW: ['Taiwan', 'Chinese Taipei', 'Taiwan, Province of China'],
  CN: ['China', 'PRC', "People's Republic of China", 'Mainland China'],
  HK: ['Hong Kong', 'Hong Kong SAR'],
  MO: ['Macau', 'Macao'],
  IR: ['Iran', 'Islamic Republic of Iran'],
  SY: ['Syria', 'Syrian Arab Republic'],
  LA: ['Laos', 'Lao', 'Lao PDR', "Lao People's Democratic Republic"],
  BO: ['Bolivia', 'Plurinational State of Bolivia'],
  VE: ['Venezuela', 'Bolivarian Republic of Venezuela'],
  TZ: ['Tanzania', 'United Republic of Tanzania'],
  MD: ['Moldova', 'Republic of Moldova'],
  CZ: ['Czech Republic', 'Czechia'],
  SK: ['Slovak Republic', 'Slovakia'],
  KG: ['Kyrgyz Republic', 'Kyrgyzstan'],
  TR: ['Turkey', 'Türkiye', 'Turkiye'],
  CI: ['Ivory Coast', "Côte d'Ivoire", "Cote d'Ivoire"],
  NL: ['Holland', 'Netherlands', 'The Netherlands', 'Kingdom of the Netherlands', 'Netherlands (Kingdom of the)'],
  MK: ['Macedonia', 'North Macedonia', 'Republic of North Macedonia', 'FYROM'],
  MM: ['Burma', 'Myanmar'],
  SZ: ['Swaziland', 'Eswatini'],
  CV: ['Cape Verde', 'Cabo Verde'],
  CD: ['Congo-Kinshasa', 'Congo Kinshasa', 'DRC', 'DR Congo', 'Democratic Republic of the Congo',
    'Democratic Republic of Congo', 'Congo, Democratic Republic of the', 'Zaire'],
  CG: ['Congo-Brazzaville', 'Congo Brazzaville', 'Republic of the Congo', 'Republic of Congo',
    'Congo, Republic of the'],
  BN: ['Brunei', 'Brunei Darussalam'],
  PS: ['Palestine', 'State of Palestine', 'Palestinian Territories', 'Palestinian Territory', 'West Bank', 'Gaza',
    'Gaza Strip'],
  VA: ['Vatican', 'Vatican City', 'Holy See'],
  FM: ['Micronesia', 'Federated States of Micronesia'],
  TL: ['East Timor', 'Timor-Leste'],
  FK: ['Falkland Islands', 'Falklands'],
  VI: ['U.S. Virgin Islands', 'US Virgin Islands'],
  VG: ['British Virgin Islands', 'BVI'],
  BA: ['Bosnia', 'Bosnia-Herzegovina', 'Bosnia and Herzegovina'],
  BS: ['Bahamas', 'The Bahamas'],
  GM: ['Gambia', 'The Gambia'],
  XK: ['Kosovo'],
  PN: ['Pitcairn', 'Pitcairn Islands'],
  AX: ['Aland', 'Aland Islands'],
  VC: ['Saint Vincent', 'Saint Vincent and the Grenadines'],
  ST: ['Sao Tome', 'Sao Tome and Principe'],
};

/**
 * The comparable form of a country name: accents, case, punctuation and spaces dropped, '&' read as
 * 'and', 'St' as 'Saint', a leading 'The' ignored. 'Côte d’Ivoire' and 'cote divoire' meet here.
 */
function countryKey(text: string): string {
  const words = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '')
    .map((word) => (word === 'st' ? 'saint' : word));
  if (words[0] === 'the' && words.length > 1) words.shift();
  return words.join('');
}

/**
 * The other ways an ISO-style name is read: 'Moldova, Republic of' is also 'Republic of Moldova' and
 * 'Moldova'; 'Holy See (Vatican City State)' is also 'Holy See'.
 */
function nameVariants(name: string): string[] {
  const variants: string[] = [];
  const withoutParenthesis = name.replace(/\s*\([^)]*\)\s*/g, ' ').trim();
  if (withoutParenthesis !== name) variants.push(withoutParenthesis);
  const comma = withoutParenthesis.indexOf(',');
  if (comma > 0) {
    const head = withoutParenthesis.slice(0, comma).trim();
    const tail = withoutParenthesis.slice(comma + 1).trim();
    variants.push(`${tail} ${head}`, head);
  }
  return variants;
}

interface CountryIndex {
  byCode: Map<string, CountryName>;
  /** comparable name → alpha-2: names first, then aliases, then unambiguous name variants */
  byKey: Map<string, string>;
  /** comparable names that two countries answer to, and the list does not settle */
  ambiguous: Set<string>;
}

// The same list object is asked about row after row of a bulk file: index it once.
const indexes = new WeakMap<readonly CountryName[], CountryIndex>();

function indexOf(countries: readonly CountryName[]): CountryIndex {
  const cached = indexes.get(countries);
  if (cached) return cached;
  const byCode = new Map<string, CountryName>();
  for (const country of countries) {
    const code = country.code.toUpperCase();
    if (!byCode.has(code)) byCode.set(code, country);
  }
  const byKey = new Map<string, string>();
  for (const [code, country] of byCode) {
    const key = countryKey(country.name);
    if (key !== '' && !byKey.has(key)) byKey.set(key, code);
  }
  for (const [code, aliases] of Object.entries(ALIASES)) {
    if (!byCode.has(code)) continue;
    for (const alias of aliases) {
      const key = countryKey(alias);
      if (!byKey.has(key)) byKey.set(key, code);
    }
  }
  // A variant two countries share ('Virgin Islands' of 'Virgin Islands, U.S.' and '…, British')
  // names neither.
  const ambiguous = new Set(AMBIGUOUS.map(countryKey).filter((key) => !byKey.has(key)));
  const variants = new Map<string, string | null>();
  for (const [code, country] of byCode) {
    for (const variant of nameVariants(country.name)) {
      const key = countryKey(variant);
      if (key === '' || byKey.has(key) || ambiguous.has(key)) continue;
      const seen = variants.get(key);
      variants.set(key, seen === undefined || seen === code ? code : null);
    }
  }
  for (const [key, code] of variants) {
    if (code === null) ambiguous.add(key);
    else byKey.set(key, code);
  }
  const index = { byCode, byKey, ambiguous };
  indexes.set(countries, index);
  return index;
}

/**
 * LIC-5: the alpha-2 code of the country `text` names (ISO alpha-2 or alpha-3 code, full name,
 * or common alias; any case, accents optional), or undefined when it names none of `countries`.
 */
export function findCountry(text: string, countries: readonly CountryName[]): string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const index = indexOf(countries);
  const upper = trimmed.toUpperCase();
  if (/^[A-Z]{2}$/.test(upper) && index.byCode.has(upper)) return upper;
  if (/^[A-Z]{3}$/.test(upper)) {
    const alpha2 = alpha2ByAlpha3.get(upper);
    if (alpha2 && index.byCode.has(alpha2)) return alpha2;
  }
  return index.byKey.get(countryKey(trimmed));
}

/**
 * Edit distance counting an adjacent swap as one edit (optimal string alignment): 'Fracne' is one
 * slip from 'France', as a typist sees it.
 */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  const at = (i: number, j: number) => d[i * cols + j] ?? 0;
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      d[i * cols + j] = best;
    }
  }
  return at(a.length, b.length);
}

/**
 * For "did you mean": the country whose name or alias is within two edits of `text` ('Canda' →
 * Canada), the closest first. Words of four letters or fewer get one edit only: two edits turn
 * 'Oman' into 'Iran' and 'Mali' into 'Malta', a guess too wide to help.
 */
export function suggestCountry(text: string, countries: readonly CountryName[]): CountryName | undefined {
  const key = countryKey(text);
  const index = indexOf(countries);
  if (key === '' || index.ambiguous.has(key)) return undefined;
  const limit = key.length <= 4 ? 1 : 2;
  let best: { code: string; distance: number } | undefined;
  for (const [candidate, code] of index.byKey) {
    if (Math.abs(candidate.length - key.length) > limit) continue;
    const distance = editDistance(key, candidate);
    if (distance <= limit && (best === undefined || distance < best.distance)) best = { code, distance };
  }
  return best && index.byCode.get(best.code);
}
