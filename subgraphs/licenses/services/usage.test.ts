import { MAX_USES } from '../domain/limits';
import { meterIncrementConflict } from './meters';
import { usesCeiling } from './usage';

describe('usesCeiling', () => {
  it('is the effective maxUses, or 2,147,483,647 when there is none (seed 001 `uses`)', () => {
    expect(usesCeiling(20)).toBe(20);
    expect(usesCeiling(0)).toBe(0);
    expect(usesCeiling(null)).toBe(MAX_USES);
    expect(usesCeiling(MAX_USES + 10)).toBe(MAX_USES);
  });
});

describe('meterIncrementConflict', () => {
  it('is TOO_MANY_USES when totalUses would pass allowedUses', () => {
    expect(meterIncrementConflict({ totalUses: 9, allowedUses: 10, grossUses: 9 }, 2)).toBe('TOO_MANY_USES');
    expect(meterIncrementConflict({ totalUses: 0, allowedUses: 0, grossUses: 0 }, 1)).toBe('TOO_MANY_USES');
  });

  it('is INTEGER_OVERFLOW when only grossUses (never reset) would pass 2,147,483,647', () => {
    expect(meterIncrementConflict({ totalUses: 0, allowedUses: 10, grossUses: MAX_USES }, 1)).toBe('INTEGER_OVERFLOW');
  });
});
