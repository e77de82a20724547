import { describe, expect, it } from 'vitest';
import { ENTRY_TYPES, PRODUCT_TYPES, SMELT_ANSWERS, isEntryType, isProductType, isSmeltAnswer } from './types.js';

describe('license enums', () => {
  it('match the GraphQL contract enums ProductType, EntryType and SmeltAnswer', () => {
    expect(PRODUCT_TYPES).toEqual(['ALUMINUM', 'STEEL']);
    expect(ENTRY_TYPES).toEqual(['CONSUMPTION', 'FOREIGN_TRADE_ZONE', 'WAREHOUSE_WITHDRAWAL']);
    expect(SMELT_ANSWERS).toEqual(['COUNTRY', 'NOT_APPLICABLE', 'UNKNOWN']);
  });

  it('recognize their values exactly, case and all (bulk input arrives untyped)', () => {
    expect(isProductType('STEEL')).toBe(true);
    expect(isProductType('steel')).toBe(false);
    expect(isEntryType('FOREIGN_TRADE_ZONE')).toBe(true);
    expect(isEntryType('FTZ')).toBe(false);
    expect(isSmeltAnswer('UNKNOWN')).toBe(true);
    expect(isSmeltAnswer(undefined)).toBe(false);
  });
});
