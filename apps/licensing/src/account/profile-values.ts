import { COMPANY_TYPES, type CompanyType, type ProfileInput, US_STATES } from '@aim/domain';
import type { Choice } from '../forms/FormField.vue';
import type { User } from '../graphql/account';

/** The profile form's fields, all text while being edited. */
export type ProfileValues = { [Field in keyof ProfileInput]-?: string };

export function profileValues(user: User): ProfileValues {
  const company = user.company;
  return {
    ein: company?.ein ?? '',
    companyName: company?.name ?? '',
    companyType: company?.type ?? '',
    street: company?.street ?? '',
    city: company?.city ?? '',
    state: company?.state ?? '',
    zip: company?.zip ?? '',
    phone: company?.phone ?? '',
    fax: company?.fax ?? '',
    alternateEmail: user.alternateEmail ?? '',
    branchName: company?.branchName ?? '',
    branchAddress: company?.branchAddress ?? '',
  };
}

export function toProfileInput(values: ProfileValues): ProfileInput {
  // An unanswered company type stays '' so validateProfile names the field; nothing is sent until it passes.
  return { ...values, companyType: values.companyType as CompanyType };
}

const companyTypeLabels: Record<CompanyType, string> = {
  IMPORTER: 'Importer',
  CUSTOMS_BROKER: 'Customs broker',
  IMPORTER_AGENT: 'Importer’s agent',
};

export const companyTypeChoices: readonly Choice[] = COMPANY_TYPES.map((value) => ({ value, label: companyTypeLabels[value] }));

export const stateChoices: readonly Choice[] = US_STATES.map(({ code, name }) => ({ value: code, label: name }));
