import type { FieldError } from '../field-error.js';

/** LIC-6: no license is submitted until the applicant certifies the information is true. */
export function checkCertified(certify: boolean): FieldError[] {
  return certify ? [] : [{ path: 'certify', message: 'Certify that the information in this application is true before you submit it.' }];
}
