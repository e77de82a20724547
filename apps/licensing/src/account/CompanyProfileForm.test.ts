import { describe, expect, it } from 'vitest';
import { filerWithCompany, newFiler } from '../testing/fixtures';
import { badUserInput, mockApi } from '../testing/mock-api';
import { mountApp, submitFormOf } from '../testing/mount-app';

const tokens = { ApiTokens: { data: { apiTokens: [] } } };

describe('Company profile', () => {
  it('ACC-3 starts from the stored company profile', async () => {
    const { wrapper } = await mountApp('/account', mockApi(tokens), filerWithCompany);

    expect(wrapper.get<HTMLInputElement>('#profile-ein').element.value).toBe('12-3456789');
    expect(wrapper.get<HTMLInputElement>('#profile-companyName').element.value).toBe('Great Lakes Metals LLC');
    expect(wrapper.get<HTMLInputElement>('input[value=CUSTOMS_BROKER]').element.checked).toBe(true);
    expect(wrapper.get<HTMLSelectElement>('#profile-state').element.value).toBe('MI');
    expect(wrapper.get<HTMLInputElement>('#profile-alternateEmail').element.value).toBe('ops@glm.example');
    expect(wrapper.text()).not.toContain('complete your company profile');
  });

  it('ACC-3 shows the server’s EIN message beside the EIN field and moves focus to the summary', async () => {
    const einMessage = 'No EIN starts with 07. Check the number on the IRS notice.';
    const api = mockApi({ ...tokens, UpdateProfile: badUserInput({ path: 'ein', message: einMessage }) });
    const { wrapper } = await mountApp('/account', api, filerWithCompany);

    await wrapper.get('#profile-ein').setValue('12-3456780');
    await submitFormOf(wrapper, '#profile-ein');

    expect(api.callsTo('UpdateProfile')).toHaveLength(1);
    const field = wrapper.get('#profile-ein').element.closest('.usa-form-group');
    expect(field?.classList).toContain('usa-form-group--error');
    expect(wrapper.get('#profile-ein-error').text()).toBe(einMessage);
    expect(wrapper.get('#profile-ein').attributes('aria-describedby')).toContain('profile-ein-error');
    const summary = wrapper.get('#profile-heading ~ form .usa-alert--error');
    expect(summary.text()).toContain(einMessage);
    expect(document.activeElement).toBe(summary.element);
  });

  it('ACC-3 checks every field with the shared rules before sending, an SSN in place of the EIN included', async () => {
    const api = mockApi(tokens);
    const { wrapper } = await mountApp('/account', api, newFiler);
    expect(wrapper.text()).toContain('Step 3 of 3: complete your company profile.');

    await wrapper.get('#profile-ein').setValue('123-45-6789');
    await submitFormOf(wrapper, '#profile-ein');

    expect(api.callsTo('UpdateProfile')).toEqual([]);
    expect(wrapper.get('#profile-ein-error').text()).toContain('This looks like a Social Security number');
    expect(wrapper.get('#profile-companyType-error').text()).toBe('Choose importer, customs broker or importer’s agent.');
    expect(wrapper.get('#profile-zip-error').text()).toBe('Enter the ZIP code as ##### or #####-####.');
  });

  it('ACC-3 sends the completed profile and confirms it was saved', async () => {
    const api = mockApi({
      ...tokens,
      UpdateProfile: { data: { updateProfile: { ...newFiler, company: filerWithCompany.company } } },
    });
    const { wrapper } = await mountApp('/account', api, newFiler);

    await wrapper.get('#profile-ein').setValue('12-3456789');
    await wrapper.get('#profile-companyName').setValue(' Great Lakes Metals LLC ');
    await wrapper.get('input[value=CUSTOMS_BROKER]').setValue(true);
    await wrapper.get('#profile-street').setValue('100 Harbor Dr');
    await wrapper.get('#profile-city').setValue('Detroit');
    await wrapper.get('#profile-state').setValue('MI');
    await wrapper.get('#profile-zip').setValue('48226');
    await wrapper.get('#profile-phone').setValue('313-555-0100');
    await submitFormOf(wrapper, '#profile-ein');

    expect(api.callsTo('UpdateProfile')).toEqual([
      {
        input: {
          ein: '12-3456789',
          companyName: 'Great Lakes Metals LLC',
          companyType: 'CUSTOMS_BROKER',
          street: '100 Harbor Dr',
          city: 'Detroit',
          state: 'MI',
          zip: '48226',
          phone: '313-555-0100',
          fax: null,
          alternateEmail: null,
          branchName: null,
          branchAddress: null,
        },
      },
    ]);
    expect(document.activeElement?.textContent).toContain('Company profile saved.');
    expect(wrapper.text()).not.toContain('complete your company profile');
  });
});
