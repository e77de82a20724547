import type { User } from '../graphql/account';

export const newFiler: User = {
  id: '1',
  email: 'pat@glm.example',
  alternateEmail: null,
  displayName: 'Pat at GLM',
  firstName: 'Pat',
  lastName: 'Lee',
  role: 'FILER',
  company: null,
};

export const filerWithCompany: User = {
  ...newFiler,
  alternateEmail: 'ops@glm.example',
  company: {
    ein: '12-3456789',
    name: 'Great Lakes Metals LLC',
    type: 'CUSTOMS_BROKER',
    street: '100 Harbor Dr',
    city: 'Detroit',
    state: 'MI',
    zip: '48226',
    phone: '313-555-0100',
    fax: null,
    branchName: null,
    branchAddress: null,
  },
};

export const PASSWORD = 'Correct-horse-9';
