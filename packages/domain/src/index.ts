export { type FieldError, type Validation, underPath } from './field-error.js';
export { accountPolicy } from './account/policy.js';
export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, PASSWORD_RULE, validatePassword } from './account/password.js';
export { normalizeEmail, validateEmail } from './account/email.js';
export { validateVerificationCode } from './account/verification-code.js';
export { US_STATES, isUsState } from './account/us-states.js';
export {
  COMPANY_TYPES,
  type CompanyType,
  type ProfileInput,
  normalizeProfile,
  validateEin,
  validatePhone,
  validateProfile,
  validateText,
  validateUsState,
  validateZip,
} from './account/profile.js';
export { type SignUpInput, validateSignUp } from './account/sign-up.js';
export { COMMERCE_TIME_ZONE, easternDate } from './calendar/eastern-date.js';
