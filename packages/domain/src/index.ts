export type { FieldError, Validation } from './field-error.js';
export { accountPolicy } from './account/policy.js';
export { PASSWORD_RULE, validatePassword } from './account/password.js';
export { normalizeEmail, validateEmail } from './account/email.js';
export { validateVerificationCode } from './account/verification-code.js';
export { US_STATES } from './account/us-states.js';
export {
  COMPANY_TYPES,
  type CompanyType,
  type ProfileInput,
  normalizeProfile,
  validateProfile,
  validateText,
} from './account/profile.js';
export { type SignUpInput, validateSignUp } from './account/sign-up.js';
export * from './anomaly/index.js';
export * from './license/index.js';
export * from './bulk/index.js';
