import { easternDate } from '@aim/domain';
import { flushPromises } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { LicenseApplication, LicensePreview, LicenseReferenceData } from '../graphql/apply';
import { filerWithCompany, newFiler } from '../testing/fixtures';
import { type Reply, badUserInput, failure, mockApi } from '../testing/mock-api';
import { type AppWrapper, mountApp, submitFormOf } from '../testing/mount-app';

const reference: LicenseReferenceData = {
  htsCodes: [
    {
      code: '7601103000',
      display: '7601.10.3000',
      description: 'Unwrought aluminum, not alloyed, in coils',
      productType: 'ALUMINUM',
      productGroup: { id: '1', name: 'Unwrought Aluminum - Non-Alloy' },
    },
    {
      code: '7601203000',
      display: '7601.20.3000',
      description: 'Unwrought aluminum alloy, in coils',
      productType: 'ALUMINUM',
      productGroup: { id: '2', name: 'Unwrought Aluminum - Alloy' },
    },
  ],
  countries: [
    { code: 'CA', name: 'Canada' },
    { code: 'IS', name: 'Iceland' },
    { code: 'NO', name: 'Norway' },
  ],
  ports: [{ code: '3801', name: 'DETROIT', state: 'MI' }],
};

const eastern = (days: number) => easternDate(new Date(Date.now() + days * 86_400_000));

const preview = (): LicensePreview => ({
  flags: [],
  license: {
    productType: 'ALUMINUM',
    entryType: 'CONSUMPTION',
    customsEntryNumber: null,
    importerName: 'Great Lakes Metals Trading LLC',
    exporterName: 'Alouette Aluminium Inc.',
    manufacturerNames: ['Alouette Aluminium Inc.'],
    applicant: { name: 'Great Lakes Metals LLC', ein: '12-3456789' },
    contactName: 'Pat Lee',
    contactEmail: 'pat@glm.example',
    countryOfOrigin: { name: 'Canada' },
    countryOfExportation: { name: 'Canada' },
    portOfEntry: { code: '3801', name: 'DETROIT' },
    expectedExportDate: eastern(5),
    expectedImportDate: eastern(10),
    applicationDate: eastern(0),
    validFrom: eastern(0),
    validThrough: eastern(75),
    totalVolumeKg: 24_000,
    totalCustomsValueUsd: 65_280,
    products: [
      {
        line: 1,
        hts: { display: '7601.10.3000', description: 'Unwrought aluminum', productGroup: { name: 'Unwrought Aluminum - Non-Alloy' } },
        largestSmelt: { answer: 'COUNTRY', country: { name: 'Canada' } },
        secondSmelt: { answer: 'NOT_APPLICABLE', country: null },
        mostRecentCast: { name: 'Canada' },
        volumeKg: 24_000,
        customsValueUsd: 65_280,
        unitValueUsdPerKg: 2.72,
      },
    ],
  },
});

const issued = { data: { submitLicense: { number: 'JVAVSTFVW', status: 'SUBMITTED', validFrom: eastern(0), validThrough: eastern(75), flags: [] } } };

function api(replies: Record<string, Reply | ((variables: Record<string, unknown>) => Reply)> = {}) {
  return mockApi({
    LicenseReference: { data: reference },
    PreviewLicense: { data: { previewLicense: preview() } },
    SubmitLicense: issued,
    License: { data: { license: null } },
    ...replies,
  });
}

async function choose(wrapper: AppWrapper, id: string, text: string) {
  const input = wrapper.get<HTMLInputElement>(`#${id}`);
  await input.setValue(text);
  await input.trigger('input');
  const option = wrapper.findAll(`#${id}--list li[role=option]`).find((item) => item.text().startsWith(text));
  if (!option) throw new Error(`no option ${text} in ${id}`);
  await option.trigger('mousedown');
}

async function fillValidApplication(wrapper: AppWrapper) {
  await wrapper.get('#license-importerName').setValue('Great Lakes Metals Trading LLC');
  await wrapper.get('#license-exporterName').setValue('Alouette Aluminium Inc.');
  await wrapper.get('#license-manufacturerNames').setValue('Alouette Aluminium Inc.');
  await choose(wrapper, 'license-countryOfOrigin', 'Canada');
  await choose(wrapper, 'license-countryOfExportation', 'Canada');
  await choose(wrapper, 'license-portOfEntry', '3801');
  await wrapper.get('#license-expectedExportDate').setValue(eastern(5));
  await wrapper.get('#license-expectedImportDate').setValue(eastern(10));
  await choose(wrapper, 'license-products-0-htsCode', '7601.10.3000');
  await choose(wrapper, 'license-products-0-largestSmelt', 'Canada');
  await choose(wrapper, 'license-products-0-secondSmelt', 'Not applicable');
  await choose(wrapper, 'license-products-0-mostRecentCast', 'Canada');
  await wrapper.get('#license-products-0-volumeKg').setValue('24,000');
  await wrapper.get('#license-products-0-customsValueUsd').setValue('65280');
}

const productLines = (wrapper: AppWrapper) => wrapper.findAll('fieldset.product-line');
const button = (wrapper: AppWrapper, name: RegExp) => {
  const found = wrapper.findAll('button').find((candidate) => name.test(candidate.text()));
  if (!found) throw new Error(`no button ${name}`);
  return found;
};

beforeEach(() => localStorage.clear());

describe('ACC-3 the company profile comes first', () => {
  it('sends a filer without a company profile to My account instead of showing a form the server would refuse', async () => {
    for (const path of ['/licenses/new', '/licenses/new/low-value', '/licenses']) {
      const fake = api({ Licenses: { data: { licenses: { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] } } }, SavedSearches: { data: { savedSearches: [] } } });
      const { wrapper } = await mountApp(path, fake, newFiler);
      expect(wrapper.text()).toContain('Complete your company profile first');
      expect(wrapper.find('#license-importerName').exists()).toBe(false);
      expect(wrapper.find('#low-value-importerName').exists()).toBe(false);
      wrapper.unmount();
    }
  });

  it('offers both kinds of application from the dashboard', async () => {
    const fake = api({ Licenses: { data: { licenses: { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] } } }, SavedSearches: { data: { savedSearches: [] } } });
    const { wrapper } = await mountApp('/licenses', fake, filerWithCompany);
    const links = wrapper.findAll('a.usa-button').map((link) => [link.text(), link.attributes('href')]);
    expect(links).toContainEqual(['Apply for a license', '/licenses/new']);
    expect(links).toContainEqual(['Apply for a low value license', '/licenses/new/low-value']);
  });
});

describe('LIC-2 the product lines', () => {
  it('adds and removes lines, keeping at least one, and numbers them in order', async () => {
    const { wrapper } = await mountApp('/licenses/new', api(), filerWithCompany);
    expect(productLines(wrapper)).toHaveLength(1);
    expect(wrapper.text()).not.toContain('Remove product 1');

    await button(wrapper, /Add another product/).trigger('click');
    await button(wrapper, /Add another product/).trigger('click');
    expect(productLines(wrapper).map((line) => line.get('legend').text())).toEqual(['Product 1', 'Product 2', 'Product 3']);

    await wrapper.get('#license-products-1-volumeKg').setValue('7');
    await wrapper.get('#license-products-2-volumeKg').setValue('9');
    await button(wrapper, /Remove product 2/).trigger('click');
    expect(productLines(wrapper)).toHaveLength(2);
    expect(wrapper.get<HTMLInputElement>('#license-products-1-volumeKg').element.value).toBe('9');
  });

  it('fills in the description and product group of the HTS number chosen', async () => {
    const { wrapper } = await mountApp('/licenses/new', api(), filerWithCompany);
    await choose(wrapper, 'license-products-0-htsCode', '7601.20.3000');
    expect(wrapper.get('[data-test=hts-description]').text()).toContain('Unwrought aluminum alloy, in coils');
    expect(wrapper.get('[data-test=hts-description]').text()).toContain('Product group: Unwrought Aluminum - Alloy');
  });

  it('computes the unit value live as the filer types, with thousands separators accepted', async () => {
    const { wrapper } = await mountApp('/licenses/new', api(), filerWithCompany);
    const unitValue = () => wrapper.get('[data-test=unit-value]').text();
    expect(unitValue()).toContain('—');
    await wrapper.get('#license-products-0-volumeKg').setValue('24,000');
    expect(unitValue()).toContain('—');
    await wrapper.get('#license-products-0-customsValueUsd').setValue('65,280');
    expect(unitValue()).toContain('$2.72 per kg');
    await wrapper.get('#license-products-0-volumeKg').setValue('0');
    expect(unitValue()).toContain('—');
  });
});

describe('LIC-4 the smelt answers the rules allow', () => {
  const optionsOf = (wrapper: AppWrapper, id: string) => wrapper.findAll(`#${id}--list li[role=option]`).map((option) => option.text());

  it('offers Not applicable but not Unknown on an application dated today, and only countries for the cast', async () => {
    const { wrapper } = await mountApp('/licenses/new', api(), filerWithCompany);
    expect(optionsOf(wrapper, 'license-products-0-largestSmelt')).toEqual(['Not applicable', 'Canada', 'Iceland', 'Norway']);
    expect(optionsOf(wrapper, 'license-products-0-secondSmelt')).toContain('Not applicable');
    expect(optionsOf(wrapper, 'license-products-0-mostRecentCast')).toEqual(['Canada', 'Iceland', 'Norway']);
  });

  it('offers Unknown when correcting a license applied for on or before 2022-06-28', async () => {
    const license: LicenseApplication = {
      number: 'OLD000001',
      kind: 'STANDARD',
      status: 'SUBMITTED',
      customsEntryNumber: null,
      entryType: 'CONSUMPTION',
      importerName: 'Great Lakes Metals Trading LLC',
      exporterName: 'Alouette Aluminium Inc.',
      manufacturerNames: ['Unknown'],
      countryOfOrigin: { code: 'CA' },
      countryOfExportation: { code: 'CA' },
      portOfEntry: { code: '3801' },
      expectedExportDate: '2022-06-20',
      expectedImportDate: '2022-06-25',
      applicationDate: '2022-06-01',
      flags: [],
      products: [
        {
          hts: { code: '7601103000' },
          largestSmelt: { answer: 'UNKNOWN', country: null },
          secondSmelt: { answer: 'UNKNOWN', country: null },
          mostRecentCast: { code: 'CA' },
          volumeKg: 1000,
          customsValueUsd: 2500,
        },
      ],
    };
    const { wrapper } = await mountApp('/licenses/OLD000001/correct', api({ LicenseApplication: { data: { license } } }), filerWithCompany);
    expect(optionsOf(wrapper, 'license-products-0-largestSmelt').slice(0, 2)).toEqual(['Not applicable', 'Unknown']);
    expect(wrapper.get<HTMLInputElement>('#license-products-0-largestSmelt').element.value).toBe('Unknown');
  });

  it('answers Not applicable for the second smelt when the largest is Not applicable', async () => {
    const { wrapper } = await mountApp('/licenses/new', api(), filerWithCompany);
    await choose(wrapper, 'license-products-0-largestSmelt', 'Not applicable');
    expect(wrapper.get<HTMLInputElement>('#license-products-0-secondSmelt').element.value).toBe('Not applicable');
  });
});

describe('LIC-1..6 checking, previewing and submitting', () => {
  it('checks with the domain rules before sending: nothing reaches the API, each error is beside its field', async () => {
    const fake = api();
    const { wrapper } = await mountApp('/licenses/new', fake, filerWithCompany);
    await wrapper.get('#license-products-0-volumeKg').setValue('-5');
    await submitFormOf(wrapper, '#license-importerName');

    expect(fake.callsTo('PreviewLicense')).toHaveLength(0);
    expect(wrapper.get('#license-importerName-error').text()).toBe('Enter the importer name.');
    expect(wrapper.get('#license-products-0-volumeKg-error').text()).toContain('more than 0');
    expect(wrapper.get('#license-expectedImportDate-error').text()).toBe('Enter the expected date of import.');
    expect(document.activeElement?.textContent).toContain('There is a problem');
  });

  it('places the server’s field errors on the right input, products.N.* included', async () => {
    const fake = api({
      PreviewLicense: badUserInput(
        { path: 'products.1.customsValueUsd', message: 'Enter the customs value in dollars and whole cents.' },
        { path: 'manufacturerNames.0', message: 'A manufacturer name has at most 200 characters.' },
      ),
    });
    const { wrapper } = await mountApp('/licenses/new', fake, filerWithCompany);
    await fillValidApplication(wrapper);
    await button(wrapper, /Add another product/).trigger('click');
    await choose(wrapper, 'license-products-1-htsCode', '7601.20.3000');
    await choose(wrapper, 'license-products-1-largestSmelt', 'Norway');
    await choose(wrapper, 'license-products-1-secondSmelt', 'Iceland');
    await choose(wrapper, 'license-products-1-mostRecentCast', 'Canada');
    await wrapper.get('#license-products-1-volumeKg').setValue('18000');
    await wrapper.get('#license-products-1-customsValueUsd').setValue('54900');
    await submitFormOf(wrapper, '#license-importerName');

    expect(fake.callsTo('PreviewLicense')).toHaveLength(1);
    expect(wrapper.get('#license-products-1-customsValueUsd-error').text()).toContain('whole cents');
    expect(wrapper.find('#license-products-0-customsValueUsd-error').exists()).toBe(false);
    expect(wrapper.get('#license-manufacturerNames-error').text()).toContain('at most 200');
  });

  it('previews the license, asks for the certification, submits once and shows the number', async () => {
    const fake = api();
    const { wrapper, router } = await mountApp('/licenses/new', fake, filerWithCompany);
    await fillValidApplication(wrapper);
    await submitFormOf(wrapper, '#license-importerName');

    expect(fake.callsTo('PreviewLicense')[0]).toMatchObject({
      input: {
        productType: 'ALUMINUM',
        manufacturerNames: ['Alouette Aluminium Inc.'],
        portOfEntry: '3801',
        products: [{ htsCode: '7601103000', largestSmelt: { answer: 'COUNTRY', country: 'CA' }, secondSmelt: { answer: 'NOT_APPLICABLE' }, volumeKg: 24_000, customsValueUsd: 65_280 }],
      },
    });
    expect(wrapper.text()).toContain('Preview and certify');
    expect(wrapper.text()).toContain('$2.72 per kg');

    await submitFormOf(wrapper, '#license-certify');
    expect(fake.callsTo('SubmitLicense')).toHaveLength(0);
    expect(wrapper.get('#license-certify-error').text()).toContain('Certify');

    await wrapper.get('#license-certify').setValue(true);
    await submitFormOf(wrapper, '#license-certify');
    expect(fake.callsTo('SubmitLicense')).toHaveLength(1);
    expect(fake.callsTo('SubmitLicense')[0]?.idempotencyKey).toEqual(expect.any(String));
    await vi.waitFor(() => expect(wrapper.find('[data-test=issued-number]').exists()).toBe(true));
    expect(router.currentRoute.value.fullPath).toBe('/licenses/JVAVSTFVW/issued');
    expect(wrapper.get('[data-test=issued-number]').text()).toBe('JVAVSTFVW');
  });
});

describe('the draft (issue #6)', () => {
  it('survives a reload, is said to be the unfinished one, and is forgotten once submitted or on sign-out', async () => {
    const first = await mountApp('/licenses/new', api(), filerWithCompany);
    await first.wrapper.get('#license-importerName').setValue('Kept Importer LLC');
    await flushPromises();
    first.wrapper.unmount();

    const reloaded = await mountApp('/licenses/new', api(), filerWithCompany);
    expect(reloaded.wrapper.get<HTMLInputElement>('#license-importerName').element.value).toBe('Kept Importer LLC');
    expect(reloaded.wrapper.text()).toContain('application you had not submitted yet');

    reloaded.session.signedOut();
    expect(Object.keys(localStorage)).toEqual([]);
  });

  it('keeps the draft when the session has ended, and offers to sign in again', async () => {
    const fake = api({ PreviewLicense: failure('UNAUTHENTICATED') });
    const { wrapper } = await mountApp('/licenses/new', fake, filerWithCompany);
    await fillValidApplication(wrapper);
    await submitFormOf(wrapper, '#license-importerName');

    expect(wrapper.text()).toContain('Your session has ended');
    const signIn = wrapper.findAll('a').find((link) => link.text() === 'Sign in again');
    expect(signIn?.attributes('href')).toContain('/sign-in?next=/licenses/new');
    expect(JSON.stringify(Object.values(localStorage))).toContain('Great Lakes Metals Trading LLC');
  });
});
