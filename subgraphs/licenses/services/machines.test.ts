import { activationBlocker, capacityConflict, withOverage, type ActivationFacts } from './machines';

describe('withOverage', () => {
  it('keeps the limit exactly under NO_OVERAGE', () => {
    expect(withOverage(3, 'NO_OVERAGE')).toBe(3);
    expect(withOverage(0, 'NO_OVERAGE')).toBe(0);
  });

  it('multiplies and floors under the 1.25x, 1.5x and 2x allowances', () => {
    expect(withOverage(4, 'ALLOW_1_25X_OVERAGE')).toBe(5);
    expect(withOverage(3, 'ALLOW_1_25X_OVERAGE')).toBe(3); // 3.75
    expect(withOverage(7, 'ALLOW_1_25X_OVERAGE')).toBe(8); // 8.75
    expect(withOverage(3, 'ALLOW_1_5X_OVERAGE')).toBe(4); // 4.5
    expect(withOverage(1, 'ALLOW_1_5X_OVERAGE')).toBe(1); // 1.5
    expect(withOverage(10, 'ALLOW_1_5X_OVERAGE')).toBe(15);
    expect(withOverage(1, 'ALLOW_2X_OVERAGE')).toBe(2);
    expect(withOverage(64, 'ALLOW_2X_OVERAGE')).toBe(128);
  });

  it('is unlimited under ALWAYS_ALLOW_OVERAGE and when there is no limit', () => {
    expect(withOverage(1, 'ALWAYS_ALLOW_OVERAGE')).toBeNull();
    expect(withOverage(null, 'NO_OVERAGE')).toBeNull();
    expect(withOverage(null, 'ALLOW_2X_OVERAGE')).toBeNull();
  });

  it('stays exact for large limits (no floating-point drift)', () => {
    expect(withOverage(2_000_000_000, 'ALLOW_1_25X_OVERAGE')).toBe(2_500_000_000);
    expect(withOverage(2_147_483_647, 'ALLOW_1_5X_OVERAGE')).toBe(3_221_225_470);
  });
});

describe('capacityConflict', () => {
  const machines = [{ cores: 4 }, { cores: 2 }];

  it('lets a machine in while the count stays within maxMachines and the cores within maxCores', () => {
    expect(capacityConflict({ maxMachines: 3, maxCores: 8 }, 'NO_OVERAGE', machines, 2)).toBeNull();
    expect(capacityConflict({ maxMachines: null, maxCores: null }, 'NO_OVERAGE', machines, 100)).toBeNull();
  });

  it('refuses one machine too many, counting the new one', () => {
    expect(capacityConflict({ maxMachines: 2, maxCores: null }, 'NO_OVERAGE', machines, 1)).toBe('TOO_MANY_MACHINES');
    expect(capacityConflict({ maxMachines: 0, maxCores: null }, 'NO_OVERAGE', [], 1)).toBe('TOO_MANY_MACHINES');
  });

  it('refuses cores beyond maxCores, summing the existing machines with the new one', () => {
    expect(capacityConflict({ maxMachines: 5, maxCores: 8 }, 'NO_OVERAGE', machines, 3)).toBe('TOO_MANY_CORES');
    expect(capacityConflict({ maxMachines: 5, maxCores: 8 }, 'NO_OVERAGE', machines, 2)).toBeNull();
  });

  it('checks machines before cores', () => {
    expect(capacityConflict({ maxMachines: 2, maxCores: 1 }, 'NO_OVERAGE', machines, 9)).toBe('TOO_MANY_MACHINES');
  });

  it('applies the overage allowance to both limits', () => {
    expect(capacityConflict({ maxMachines: 2, maxCores: 6 }, 'ALLOW_1_5X_OVERAGE', machines, 3)).toBeNull(); // 3 <= 3, 9 <= 9
    expect(capacityConflict({ maxMachines: 2, maxCores: 6 }, 'ALLOW_1_5X_OVERAGE', machines, 4)).toBe('TOO_MANY_CORES');
    expect(capacityConflict({ maxMachines: 1, maxCores: 1 }, 'ALWAYS_ALLOW_OVERAGE', machines, 64)).toBeNull();
  });
});

describe('activationBlocker', () => {
  const now = new Date('2025-06-01T00:00:00Z');
  const fine: ActivationFacts = {
    suspended: false, revoked: false, ownerBanned: false, effectiveDate: null, expiry: null, expirationAccess: 'RESTRICT_ACCESS',
  };
  const past = new Date('2025-05-01T00:00:00Z');
  const future = new Date('2025-07-01T00:00:00Z');

  it('lets a license in good standing activate', () => {
    expect(activationBlocker(fine, now)).toBeNull();
    expect(activationBlocker({ ...fine, expiry: future, effectiveDate: past }, now)).toBeNull();
  });

  it('names the first reason in the order banned, suspended, revoked, not yet effective, expired', () => {
    const all = { suspended: true, revoked: true, ownerBanned: true, effectiveDate: future, expiry: past };
    expect(activationBlocker({ ...fine, ...all }, now)).toBe('LICENSE_BANNED');
    expect(activationBlocker({ ...fine, ...all, ownerBanned: false }, now)).toBe('LICENSE_SUSPENDED');
    expect(activationBlocker({ ...fine, ...all, ownerBanned: false, suspended: false }, now)).toBe('LICENSE_REVOKED');
    expect(activationBlocker({ ...fine, effectiveDate: future, expiry: past }, now)).toBe('LICENSE_NOT_YET_EFFECTIVE');
  });

  it('lets an expired license activate only under ALLOW_ACCESS (the expiry instant itself counts as expired)', () => {
    expect(activationBlocker({ ...fine, expiry: now, expirationAccess: 'REVOKE_ACCESS' }, now)).toBe('LICENSE_EXPIRED');
    expect(activationBlocker({ ...fine, expiry: past, expirationAccess: 'RESTRICT_ACCESS' }, now)).toBe('LICENSE_EXPIRED');
    expect(activationBlocker({ ...fine, expiry: past, expirationAccess: 'MAINTAIN_ACCESS' }, now)).toBe('LICENSE_EXPIRED');
    expect(activationBlocker({ ...fine, expiry: past, expirationAccess: 'ALLOW_ACCESS' }, now)).toBeNull();
  });
});
