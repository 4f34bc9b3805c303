import {
  checkUsageDecrement,
  checkUsageIncrement,
  effectiveLimits,
  MAX_USES,
  nextCheckIn,
  renewedExpiry,
  type LicenseLimitOverrides,
  type PolicyLimits,
} from './limits';

const floatingPolicy: PolicyLimits = {
  maxMachines: 5,
  maxProcesses: 10,
  maxUsers: 3,
  maxCores: 64,
  maxUses: 100,
  protected: false,
  floating: true,
  strict: false,
  requireHeartbeat: false,
  requireCheckIn: false,
  duration: 86_400,
};

describe('effectiveLimits', () => {
  it('inherits every limit from the policy when there is no override', () => {
    expect(effectiveLimits(floatingPolicy, {})).toEqual(floatingPolicy);
  });

  it('inherits when the overrides are null or undefined', () => {
    const blank: LicenseLimitOverrides = {
      maxMachines: null, maxProcesses: null, maxUsers: undefined, maxCores: null, maxUses: undefined,
      protected: null, floating: undefined, strict: null, requireHeartbeat: null, requireCheckIn: undefined, duration: null,
    };
    expect(effectiveLimits(floatingPolicy, blank)).toEqual(floatingPolicy);
  });

  const overrides: Array<[keyof PolicyLimits, PolicyLimits[keyof PolicyLimits]]> = [
    ['maxMachines', 2],
    ['maxProcesses', 1],
    ['maxUsers', 7],
    ['maxCores', 8],
    ['maxUses', 0],
    ['protected', true],
    ['strict', true],
    ['requireHeartbeat', true],
    ['requireCheckIn', true],
    ['duration', 3600],
  ];
  it.each(overrides)('overrides %s with %p and keeps the rest', (key, value) => {
    expect(effectiveLimits(floatingPolicy, { [key]: value })).toEqual({ ...floatingPolicy, [key]: value });
  });

  it('an override of false or 0 is an override, not a blank', () => {
    const policy = { ...floatingPolicy, protected: true, strict: true };
    expect(effectiveLimits(policy, { protected: false, strict: false, maxUses: 0 })).toEqual({
      ...policy, protected: false, strict: false, maxUses: 0,
    });
  });

  it('a node-locked policy limits the license to 1 machine', () => {
    const nodeLocked = { ...floatingPolicy, floating: false, maxMachines: 5 };
    expect(effectiveLimits(nodeLocked, {})).toEqual({ ...nodeLocked, maxMachines: 1 });
    expect(effectiveLimits({ ...nodeLocked, maxMachines: null }, { maxMachines: null }).maxMachines).toBe(1);
  });

  it('a node-locked license keeps a maxMachines override', () => {
    const nodeLocked = { ...floatingPolicy, floating: false };
    expect(effectiveLimits(nodeLocked, { maxMachines: 3 }).maxMachines).toBe(3);
  });

  it('the floating override decides node-locking', () => {
    expect(effectiveLimits(floatingPolicy, { floating: false })).toEqual({ ...floatingPolicy, floating: false, maxMachines: 1 });
    const nodeLocked = { ...floatingPolicy, floating: false, maxMachines: null };
    expect(effectiveLimits(nodeLocked, { floating: true })).toEqual({ ...nodeLocked, floating: true, maxMachines: null });
  });

  it('a floating policy without maxMachines stays unlimited', () => {
    expect(effectiveLimits({ ...floatingPolicy, maxMachines: null }, {}).maxMachines).toBeNull();
  });

  it('does not mutate its inputs', () => {
    const policy = { ...floatingPolicy, floating: false };
    const over: LicenseLimitOverrides = { maxUsers: 9 };
    effectiveLimits(policy, over);
    expect(policy).toEqual({ ...floatingPolicy, floating: false });
    expect(over).toEqual({ maxUsers: 9 });
  });
});

describe('checkUsageIncrement', () => {
  it('MAX_USES is the largest 4-byte integer', () => {
    expect(MAX_USES).toBe(2_147_483_647);
  });

  it('adds the increment', () => {
    expect(checkUsageIncrement(0, 1, null)).toEqual({ ok: true, next: 1 });
    expect(checkUsageIncrement(5, 10, null)).toEqual({ ok: true, next: 15 });
  });

  it('allows reaching maxUses exactly, not beyond', () => {
    expect(checkUsageIncrement(99, 1, 100)).toEqual({ ok: true, next: 100 });
    expect(checkUsageIncrement(100, 1, 100)).toEqual({ ok: false, reason: 'TOO_MANY_USES' });
    expect(checkUsageIncrement(90, 11, 100)).toEqual({ ok: false, reason: 'TOO_MANY_USES' });
    expect(checkUsageIncrement(0, 1, 0)).toEqual({ ok: false, reason: 'TOO_MANY_USES' });
  });

  it('allows reaching 2,147,483,647 exactly, not beyond', () => {
    expect(checkUsageIncrement(MAX_USES - 1, 1, null)).toEqual({ ok: true, next: 2_147_483_647 });
    expect(checkUsageIncrement(MAX_USES, 1, null)).toEqual({ ok: false, reason: 'INTEGER_OVERFLOW' });
    expect(checkUsageIncrement(1, MAX_USES, null)).toEqual({ ok: false, reason: 'INTEGER_OVERFLOW' });
    expect(checkUsageIncrement(MAX_USES, 1, MAX_USES)).toEqual({ ok: false, reason: 'INTEGER_OVERFLOW' });
  });

  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('rejects the increment %p', (amount) => {
    expect(checkUsageIncrement(0, amount, null)).toEqual({ ok: false, reason: 'INVALID_AMOUNT' });
  });
});

describe('checkUsageDecrement', () => {
  it('subtracts the decrement down to 0', () => {
    expect(checkUsageDecrement(5, 2)).toEqual({ ok: true, next: 3 });
    expect(checkUsageDecrement(1, 1)).toEqual({ ok: true, next: 0 });
    expect(checkUsageDecrement(MAX_USES, MAX_USES)).toEqual({ ok: true, next: 0 });
  });

  it('never goes below 0', () => {
    expect(checkUsageDecrement(0, 1)).toEqual({ ok: false, reason: 'NEGATIVE_USES' });
    expect(checkUsageDecrement(3, 4)).toEqual({ ok: false, reason: 'NEGATIVE_USES' });
  });

  it.each([0, -1, 0.5, Number.NaN])('rejects the decrement %p', (amount) => {
    expect(checkUsageDecrement(10, amount)).toEqual({ ok: false, reason: 'INVALID_AMOUNT' });
  });
});

describe('renewedExpiry', () => {
  const NOW = new Date('2024-06-01T12:00:00.000Z');
  const DAY_S = 86_400;

  it('extends a future expiry by the duration from the expiry', () => {
    expect(renewedExpiry(new Date('2024-06-10T00:00:00.000Z'), 30 * DAY_S, NOW)).toEqual(new Date('2024-07-10T00:00:00.000Z'));
  });

  it('extends an expired license by the duration from now', () => {
    expect(renewedExpiry(new Date('2024-01-01T00:00:00.000Z'), 30 * DAY_S, NOW)).toEqual(new Date('2024-07-01T12:00:00.000Z'));
  });

  it('an expiry of exactly now is expired: renewed from now', () => {
    expect(renewedExpiry(NOW, DAY_S, NOW)).toEqual(new Date('2024-06-02T12:00:00.000Z'));
  });

  it('a license without expiry is renewed from now', () => {
    expect(renewedExpiry(null, DAY_S, NOW)).toEqual(new Date('2024-06-02T12:00:00.000Z'));
  });

  it('a null duration leaves the expiry unchanged', () => {
    const expiry = new Date('2024-06-10T00:00:00.000Z');
    expect(renewedExpiry(expiry, null, NOW)).toBe(expiry);
    expect(renewedExpiry(null, null, NOW)).toBeNull();
  });
});

describe('nextCheckIn', () => {
  it('is one interval after the last check-in', () => {
    expect(nextCheckIn(new Date('2024-06-01T12:00:00.000Z'), 7 * 86_400)).toEqual(new Date('2024-06-08T12:00:00.000Z'));
    expect(nextCheckIn(new Date('2024-06-01T12:00:00.000Z'), 1)).toEqual(new Date('2024-06-01T12:00:01.000Z'));
  });
});
