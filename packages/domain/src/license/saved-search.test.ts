import { describe, expect, it } from 'vitest';
import { validateSavedSearchName } from './saved-search.js';

describe('validateSavedSearchName (DASH-2)', () => {
  it('asks for a name of at most 100 characters', () => {
    expect(validateSavedSearchName('Flagged this month')).toEqual([]);
    expect(validateSavedSearchName('  ')[0]?.path).toBe('name');
    expect(validateSavedSearchName('x'.repeat(101))[0]?.message).toContain('100');
  });
});
