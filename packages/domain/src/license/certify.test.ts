import { describe, expect, it } from 'vitest';
import { checkCertified } from './certify.js';

describe('checkCertified (LIC-6)', () => {
  it('refuses an application the applicant has not certified, at the certify path', () => {
    expect(checkCertified(false)).toEqual([{ path: 'certify', message: expect.stringContaining('Certify') }]);
    expect(checkCertified(true)).toEqual([]);
  });
});
