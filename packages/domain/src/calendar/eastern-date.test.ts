import { describe, expect, it } from 'vitest';
import { easternDate } from './eastern-date.js';

describe('X-3 calendar dates are Eastern', () => {
  it('keeps the Eastern date when UTC has already moved to the next day', () => {
    expect(easternDate(new Date('2026-03-02T03:30:00Z'))).toBe('2026-03-01');
    expect(easternDate(new Date('2026-07-01T04:30:00Z'))).toBe('2026-07-01');
  });
});
