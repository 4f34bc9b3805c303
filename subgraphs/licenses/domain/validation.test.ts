import { VALIDATION_CHECKS, validateLicense, type ValidationFacts, type ValidationMachine, type ValidationScope } from './validation';

const NOW = new Date('2024-06-01T12:00:00.000Z');
const DAY = 24 * 60 * 60 * 1000;
const at = (offsetMs: number): Date => new Date(NOW.getTime() + offsetMs);

const machine = (id: string, fingerprint: string, change: Partial<ValidationMachine> = {}): ValidationMachine => ({
  id, fingerprint, cores: 4, processes: 2, heartbeat: 'ALIVE', ...change,
});

/** A license that passes every check, even with every scope sent (FULL_SCOPE). */
function validFacts(): ValidationFacts {
  return {
    license: {
      productId: 'prod-1',
      policyId: 'pol-1',
      ownerId: 'owner-1',
      userIds: ['user-1'],
      suspended: false,
      revoked: false,
      effectiveDate: at(-10 * DAY),
      expiry: at(30 * DAY),
      nextCheckIn: at(DAY),
      entitlementCodes: ['FEATURE_A', 'FEATURE_B'],
    },
    limits: {
      maxMachines: 3, maxProcesses: 10, maxUsers: 3, maxCores: 16, maxUses: null, protected: false,
      floating: true, strict: true, requireHeartbeat: true, requireCheckIn: true, duration: 30 * 86_400,
    },
    policy: {
      expirationAccess: 'RESTRICT_ACCESS',
      fingerprintMatchingStrategy: 'MATCH_ANY',
      requireProductScope: false,
      requirePolicyScope: false,
      requireUserScope: false,
      requireEntitlementsScope: false,
      requireMachineScope: false,
      requireFingerprintScope: false,
    },
    ownerBanned: false,
    machines: [machine('m-1', 'fp-1'), machine('m-2', 'fp-2')],
  };
}

const FULL_SCOPE: ValidationScope = {
  product: 'prod-1', policy: 'pol-1', user: 'user-1', entitlements: ['FEATURE_A'], machine: 'm-1', fingerprint: 'fp-1',
};

/** Validates the valid fixture after one change, with FULL_SCOPE unless another scope is given. */
function run(change: (f: ValidationFacts) => void, scope: ValidationScope = FULL_SCOPE): { valid: boolean; code: string } {
  const facts = validFacts();
  change(facts);
  const { valid, code } = validateLicense(facts, scope, NOW);
  return { valid, code };
}
const noChange = (): void => undefined;
const expired = (f: ValidationFacts): void => {
  f.license.expiry = at(-DAY);
};

describe('validateLicense: one test per code', () => {
  it('VALID', () => {
    expect(run(noChange)).toEqual({ valid: true, code: 'VALID' });
    expect(run(noChange, {})).toEqual({ valid: true, code: 'VALID' });
    expect(validateLicense(validFacts(), FULL_SCOPE, NOW)).toEqual({ valid: true, code: 'VALID', detail: 'is valid' });
  });
  it('NOT_FOUND', () => {
    expect(validateLicense(null, FULL_SCOPE, NOW)).toEqual({ valid: false, code: 'NOT_FOUND', detail: 'does not exist' });
  });
  it('BANNED', () => {
    expect(run((f) => { f.ownerBanned = true; })).toEqual({ valid: false, code: 'BANNED' });
  });
  it('SUSPENDED', () => {
    expect(validateLicense({ ...validFacts(), license: { ...validFacts().license, suspended: true } }, FULL_SCOPE, NOW))
      .toEqual({ valid: false, code: 'SUSPENDED', detail: 'is suspended' });
  });
  it('REVOKED', () => {
    expect(run((f) => { f.license.revoked = true; })).toEqual({ valid: false, code: 'REVOKED' });
  });
  it('NOT_YET_EFFECTIVE', () => {
    expect(run((f) => { f.license.effectiveDate = at(1); })).toEqual({ valid: false, code: 'NOT_YET_EFFECTIVE' });
  });
  it('EXPIRED (restrict access: invalid, decided last)', () => {
    expect(run(expired)).toEqual({ valid: false, code: 'EXPIRED' });
  });
  it('OVERDUE', () => {
    expect(run((f) => { f.license.nextCheckIn = at(-1); })).toEqual({ valid: false, code: 'OVERDUE' });
  });
  it('PRODUCT_SCOPE_MISMATCH', () => {
    expect(run(noChange, { ...FULL_SCOPE, product: 'prod-2' })).toEqual({ valid: false, code: 'PRODUCT_SCOPE_MISMATCH' });
  });
  it('PRODUCT_SCOPE_REQUIRED', () => {
    expect(run((f) => { f.policy.requireProductScope = true; }, { ...FULL_SCOPE, product: null }))
      .toEqual({ valid: false, code: 'PRODUCT_SCOPE_REQUIRED' });
  });
  it('POLICY_SCOPE_MISMATCH', () => {
    expect(run(noChange, { ...FULL_SCOPE, policy: 'pol-2' })).toEqual({ valid: false, code: 'POLICY_SCOPE_MISMATCH' });
  });
  it('POLICY_SCOPE_REQUIRED', () => {
    expect(run((f) => { f.policy.requirePolicyScope = true; }, { ...FULL_SCOPE, policy: undefined }))
      .toEqual({ valid: false, code: 'POLICY_SCOPE_REQUIRED' });
  });
  it('USER_SCOPE_MISMATCH', () => {
    expect(run(noChange, { ...FULL_SCOPE, user: 'stranger' })).toEqual({ valid: false, code: 'USER_SCOPE_MISMATCH' });
  });
  it('USER_SCOPE_REQUIRED', () => {
    expect(run((f) => { f.policy.requireUserScope = true; }, { ...FULL_SCOPE, user: null }))
      .toEqual({ valid: false, code: 'USER_SCOPE_REQUIRED' });
  });
  it('ENTITLEMENTS_MISSING', () => {
    expect(run(noChange, { ...FULL_SCOPE, entitlements: ['FEATURE_A', 'FEATURE_C'] }))
      .toEqual({ valid: false, code: 'ENTITLEMENTS_MISSING' });
  });
  it('ENTITLEMENTS_SCOPE_REQUIRED', () => {
    expect(run((f) => { f.policy.requireEntitlementsScope = true; }, { ...FULL_SCOPE, entitlements: null }))
      .toEqual({ valid: false, code: 'ENTITLEMENTS_SCOPE_REQUIRED' });
  });
  it('MACHINE_SCOPE_MISMATCH', () => {
    expect(run(noChange, { ...FULL_SCOPE, machine: 'm-9' })).toEqual({ valid: false, code: 'MACHINE_SCOPE_MISMATCH' });
  });
  it('MACHINE_SCOPE_REQUIRED', () => {
    expect(run((f) => { f.policy.requireMachineScope = true; }, { ...FULL_SCOPE, machine: null }))
      .toEqual({ valid: false, code: 'MACHINE_SCOPE_REQUIRED' });
  });
  it('FINGERPRINT_SCOPE_MISMATCH', () => {
    expect(validateLicense(validFacts(), { ...FULL_SCOPE, fingerprint: 'fp-9' }, NOW)).toEqual({
      valid: false, code: 'FINGERPRINT_SCOPE_MISMATCH', detail: 'fingerprint is not activated (does not match any associated machines)',
    });
  });
  it('FINGERPRINT_SCOPE_REQUIRED', () => {
    expect(run((f) => { f.policy.requireFingerprintScope = true; }, { ...FULL_SCOPE, fingerprint: null }))
      .toEqual({ valid: false, code: 'FINGERPRINT_SCOPE_REQUIRED' });
  });
  it('NO_MACHINE (node-locked, nothing activated)', () => {
    const nodeLocked = (f: ValidationFacts): void => {
      f.limits.floating = false;
      f.machines = [];
    };
    expect(run(nodeLocked, { ...FULL_SCOPE, machine: null })).toEqual({ valid: false, code: 'NO_MACHINE' });
  });
  it('NO_MACHINES (floating, nothing activated)', () => {
    expect(run((f) => { f.machines = []; }, { ...FULL_SCOPE, machine: null })).toEqual({ valid: false, code: 'NO_MACHINES' });
  });
  it('HEARTBEAT_NOT_STARTED', () => {
    expect(run((f) => { f.machines[0].heartbeat = 'NOT_STARTED'; }, { fingerprint: 'fp-1' }))
      .toEqual({ valid: false, code: 'HEARTBEAT_NOT_STARTED' });
  });
  it('HEARTBEAT_DEAD', () => {
    expect(run((f) => { f.machines[0].heartbeat = 'DEAD'; }, { fingerprint: 'fp-1' }))
      .toEqual({ valid: false, code: 'HEARTBEAT_DEAD' });
  });
  it('TOO_MANY_USERS', () => {
    expect(run((f) => { f.license.userIds = ['user-1', 'user-2', 'user-3']; })).toEqual({ valid: false, code: 'TOO_MANY_USERS' });
  });
  it('TOO_MANY_MACHINES', () => {
    expect(run((f) => { f.limits.maxMachines = 1; })).toEqual({ valid: false, code: 'TOO_MANY_MACHINES' });
  });
  it('TOO_MANY_CORES', () => {
    expect(run((f) => { f.limits.maxCores = 7; })).toEqual({ valid: false, code: 'TOO_MANY_CORES' });
  });
  it('TOO_MANY_PROCESSES', () => {
    expect(run((f) => { f.limits.maxProcesses = 3; })).toEqual({ valid: false, code: 'TOO_MANY_PROCESSES' });
  });
});

describe('validateLicense: order of the checks', () => {
  it('lists 15 checks after NOT_FOUND', () => {
    expect(VALIDATION_CHECKS).toHaveLength(15);
  });
  it('banned AND suspended → BANNED', () => {
    expect(run((f) => { f.ownerBanned = true; f.license.suspended = true; })).toEqual({ valid: false, code: 'BANNED' });
  });
  it('suspended AND expired → SUSPENDED, whatever the expiration access', () => {
    for (const access of ['REVOKE_ACCESS', 'RESTRICT_ACCESS', 'MAINTAIN_ACCESS', 'ALLOW_ACCESS'] as const) {
      expect(run((f) => { expired(f); f.license.suspended = true; f.policy.expirationAccess = access; }))
        .toEqual({ valid: false, code: 'SUSPENDED' });
    }
  });
  it('suspended AND revoked → SUSPENDED; revoked AND not yet effective → REVOKED', () => {
    expect(run((f) => { f.license.suspended = true; f.license.revoked = true; })).toEqual({ valid: false, code: 'SUSPENDED' });
    expect(run((f) => { f.license.revoked = true; f.license.effectiveDate = at(DAY); })).toEqual({ valid: false, code: 'REVOKED' });
  });
  it('not yet effective AND revoke-access expired → NOT_YET_EFFECTIVE', () => {
    const change = (f: ValidationFacts): void => {
      expired(f);
      f.policy.expirationAccess = 'REVOKE_ACCESS';
      f.license.effectiveDate = at(DAY);
    };
    expect(run(change)).toEqual({ valid: false, code: 'NOT_YET_EFFECTIVE' });
  });
  it('revoke-access expired AND overdue → EXPIRED', () => {
    const change = (f: ValidationFacts): void => {
      expired(f);
      f.policy.expirationAccess = 'REVOKE_ACCESS';
      f.license.nextCheckIn = at(-DAY);
    };
    expect(run(change)).toEqual({ valid: false, code: 'EXPIRED' });
  });
  it('revoke-access expired with a product mismatch → EXPIRED', () => {
    const change = (f: ValidationFacts): void => {
      expired(f);
      f.policy.expirationAccess = 'REVOKE_ACCESS';
    };
    expect(run(change, { ...FULL_SCOPE, product: 'prod-2' })).toEqual({ valid: false, code: 'EXPIRED' });
  });
  it('restrict-access expired AND overdue → OVERDUE', () => {
    expect(run((f) => { expired(f); f.license.nextCheckIn = at(-DAY); })).toEqual({ valid: false, code: 'OVERDUE' });
  });
  it('overdue with a product mismatch → OVERDUE; overdue is not checked when check-in is not required', () => {
    const overdue = (f: ValidationFacts): void => {
      f.license.nextCheckIn = at(-DAY);
    };
    expect(run(overdue, { ...FULL_SCOPE, product: 'prod-2' })).toEqual({ valid: false, code: 'OVERDUE' });
    expect(run((f) => { overdue(f); f.limits.requireCheckIn = false; })).toEqual({ valid: true, code: 'VALID' });
    expect(run((f) => { f.license.nextCheckIn = NOW; })).toEqual({ valid: true, code: 'VALID' });
  });
  it('restrict-access expired with a product mismatch → PRODUCT_SCOPE_MISMATCH', () => {
    expect(run(expired, { ...FULL_SCOPE, product: 'prod-2' })).toEqual({ valid: false, code: 'PRODUCT_SCOPE_MISMATCH' });
  });
  it('maintain-access and allow-access expired → valid true, code EXPIRED', () => {
    for (const access of ['MAINTAIN_ACCESS', 'ALLOW_ACCESS'] as const) {
      expect(run((f) => { expired(f); f.policy.expirationAccess = access; })).toEqual({ valid: true, code: 'EXPIRED' });
    }
  });
  it('maintain-access expired still fails a scope mismatch or a limit', () => {
    const maintain = (f: ValidationFacts): void => {
      expired(f);
      f.policy.expirationAccess = 'MAINTAIN_ACCESS';
    };
    expect(run(maintain, { ...FULL_SCOPE, user: 'stranger' })).toEqual({ valid: false, code: 'USER_SCOPE_MISMATCH' });
    expect(run((f) => { maintain(f); f.limits.maxCores = 1; })).toEqual({ valid: false, code: 'TOO_MANY_CORES' });
  });
  it('expiry exactly now counts as expired', () => {
    expect(run((f) => { f.license.expiry = NOW; })).toEqual({ valid: false, code: 'EXPIRED' });
  });
  it('non-strict with too many machines, cores and processes → VALID', () => {
    const change = (f: ValidationFacts): void => {
      f.limits.strict = false;
      f.limits.maxMachines = 1;
      f.limits.maxCores = 1;
      f.limits.maxProcesses = 1;
    };
    expect(run(change)).toEqual({ valid: true, code: 'VALID' });
  });
  it('non-strict with too many users → TOO_MANY_USERS', () => {
    expect(run((f) => { f.limits.strict = false; f.limits.maxUsers = 1; })).toEqual({ valid: false, code: 'TOO_MANY_USERS' });
  });
  it('strict: machines before cores before processes', () => {
    const all = (f: ValidationFacts): void => {
      f.limits.maxMachines = 1;
      f.limits.maxCores = 1;
      f.limits.maxProcesses = 1;
    };
    expect(run(all)).toEqual({ valid: false, code: 'TOO_MANY_MACHINES' });
    expect(run((f) => { all(f); f.limits.maxMachines = null; })).toEqual({ valid: false, code: 'TOO_MANY_CORES' });
  });
  it('TOO_MANY_USERS before the strict limits', () => {
    expect(run((f) => { f.limits.maxUsers = 1; f.limits.maxMachines = 1; })).toEqual({ valid: false, code: 'TOO_MANY_USERS' });
  });
  it('scopes in order: product, policy, user, entitlements, machine, fingerprint', () => {
    const bad: ValidationScope = {
      product: 'x', policy: 'x', user: 'x', entitlements: ['X'], machine: 'x', fingerprint: 'x',
    };
    expect(run(noChange, bad).code).toBe('PRODUCT_SCOPE_MISMATCH');
    expect(run(noChange, { ...bad, product: 'prod-1' }).code).toBe('POLICY_SCOPE_MISMATCH');
    expect(run(noChange, { ...bad, product: 'prod-1', policy: 'pol-1' }).code).toBe('USER_SCOPE_MISMATCH');
    expect(run(noChange, { ...FULL_SCOPE, entitlements: ['X'], machine: 'x', fingerprint: 'x' }).code).toBe('ENTITLEMENTS_MISSING');
    expect(run(noChange, { ...FULL_SCOPE, machine: 'x', fingerprint: 'x' }).code).toBe('MACHINE_SCOPE_MISMATCH');
  });
  it('a scope mismatch comes before TOO_MANY_USERS', () => {
    expect(run((f) => { f.limits.maxUsers = 0; }, { ...FULL_SCOPE, fingerprint: 'fp-9' }).code).toBe('FINGERPRINT_SCOPE_MISMATCH');
  });
});

describe('validateLicense: scopes', () => {
  it('the owner and the other users both match the user scope; users are counted once', () => {
    expect(run(noChange, { user: 'owner-1' })).toEqual({ valid: true, code: 'VALID' });
    expect(run(noChange, { user: 'user-1' })).toEqual({ valid: true, code: 'VALID' });
    const dup = (f: ValidationFacts): void => {
      f.license.userIds = ['owner-1', 'user-1', 'user-1'];
      f.limits.maxUsers = 2;
    };
    expect(run(dup)).toEqual({ valid: true, code: 'VALID' });
  });
  it('a license without owner counts only its users', () => {
    const change = (f: ValidationFacts): void => {
      f.license.ownerId = null;
      f.limits.maxUsers = 1;
    };
    expect(run(change, { user: 'user-1' })).toEqual({ valid: true, code: 'VALID' });
    expect(run(change, { user: 'owner-1' })).toEqual({ valid: false, code: 'USER_SCOPE_MISMATCH' });
  });
  it('required scopes that are sent and match are VALID; a sent scope that mismatches is MISMATCH even when required', () => {
    const requireAll = (f: ValidationFacts): void => {
      Object.assign(f.policy, {
        requireProductScope: true, requirePolicyScope: true, requireUserScope: true,
        requireEntitlementsScope: true, requireMachineScope: true, requireFingerprintScope: true,
      });
    };
    expect(run(requireAll)).toEqual({ valid: true, code: 'VALID' });
    expect(run(requireAll, { ...FULL_SCOPE, product: 'x' }).code).toBe('PRODUCT_SCOPE_MISMATCH');
    expect(run(requireAll, { ...FULL_SCOPE, fingerprint: 'x' }).code).toBe('FINGERPRINT_SCOPE_MISMATCH');
    expect(run(requireAll, {}).code).toBe('PRODUCT_SCOPE_REQUIRED');
    expect(run(requireAll, { ...FULL_SCOPE, entitlements: [] }).code).toBe('ENTITLEMENTS_SCOPE_REQUIRED');
    expect(run(requireAll, { ...FULL_SCOPE, fingerprint: null, fingerprints: ['fp-2'] })).toEqual({ valid: true, code: 'VALID' });
  });
  it('scopes that are not sent and not required are not checked', () => {
    expect(run(noChange, { product: null, policy: '', user: undefined, entitlements: [], machine: null, fingerprints: [] }))
      .toEqual({ valid: true, code: 'VALID' });
  });
  it('heartbeats are only checked when the policy requires them', () => {
    const dead = (f: ValidationFacts): void => {
      f.machines[0].heartbeat = 'DEAD';
      f.machines[1].heartbeat = 'NOT_STARTED';
      f.limits.requireHeartbeat = false;
    };
    expect(run(dead)).toEqual({ valid: true, code: 'VALID' });
  });
  it('heartbeats are checked for the machine scope and only for the matched machines', () => {
    expect(run((f) => { f.machines[0].heartbeat = 'DEAD'; }, { machine: 'm-1' })).toEqual({ valid: false, code: 'HEARTBEAT_DEAD' });
    expect(run((f) => { f.machines[1].heartbeat = 'DEAD'; }, { machine: 'm-1', fingerprint: 'fp-1' }))
      .toEqual({ valid: true, code: 'VALID' });
    const both = (f: ValidationFacts): void => {
      f.machines[0].heartbeat = 'DEAD';
      f.machines[1].heartbeat = 'NOT_STARTED';
    };
    expect(run(both, { fingerprints: ['fp-1', 'fp-2'] })).toEqual({ valid: false, code: 'HEARTBEAT_NOT_STARTED' });
  });
  it('no activated machine: NO_MACHINE(S) only when a fingerprint is sent', () => {
    expect(run((f) => { f.machines = []; }, { product: 'prod-1' })).toEqual({ valid: true, code: 'VALID' });
    expect(run((f) => { f.machines = []; }, { machine: 'm-1' })).toEqual({ valid: false, code: 'MACHINE_SCOPE_MISMATCH' });
  });
});

describe('validateLicense: fingerprint matching strategies', () => {
  const five = (f: ValidationFacts): void => {
    f.limits.maxMachines = 5;
    f.limits.maxCores = null;
    f.limits.maxProcesses = null;
    f.machines = ['a', 'b', 'c', 'd', 'e'].map((x) => machine(`m-${x}`, `fp-${x}`));
  };
  /** `matching` of the fingerprints sent belong to activated machines, `total` are sent. */
  const sentPrints = (matching: number, total: number): string[] =>
    [...['fp-a', 'fp-b', 'fp-c', 'fp-d', 'fp-e'].slice(0, matching), ...['x1', 'x2', 'x3', 'x4', 'x5'].slice(0, total - matching)];
  const codeFor = (strategy: ValidationFacts['policy']['fingerprintMatchingStrategy'], matching: number, total: number): string =>
    run((f) => { five(f); f.policy.fingerprintMatchingStrategy = strategy; }, { fingerprints: sentPrints(matching, total) }).code;

  it.each([
    ['MATCH_ANY', 1, 4, 'VALID'], ['MATCH_ANY', 0, 4, 'FINGERPRINT_SCOPE_MISMATCH'], ['MATCH_ANY', 1, 1, 'VALID'],
    ['MATCH_TWO', 2, 4, 'VALID'], ['MATCH_TWO', 1, 4, 'FINGERPRINT_SCOPE_MISMATCH'], ['MATCH_TWO', 1, 1, 'VALID'],
    ['MATCH_TWO', 0, 1, 'FINGERPRINT_SCOPE_MISMATCH'],
    ['MATCH_MOST', 3, 4, 'VALID'], ['MATCH_MOST', 2, 4, 'FINGERPRINT_SCOPE_MISMATCH'], ['MATCH_MOST', 2, 3, 'VALID'],
    ['MATCH_MOST', 1, 1, 'VALID'], ['MATCH_MOST', 1, 2, 'FINGERPRINT_SCOPE_MISMATCH'],
    ['MATCH_ALL', 4, 4, 'VALID'], ['MATCH_ALL', 3, 4, 'FINGERPRINT_SCOPE_MISMATCH'], ['MATCH_ALL', 1, 1, 'VALID'],
  ] as const)('%s with %i of %i fingerprints matching → %s', (strategy, matching, total, code) => {
    expect(codeFor(strategy, matching, total)).toBe(code);
  });

  it('fingerprint and fingerprints are combined and counted once', () => {
    const all = (f: ValidationFacts): void => {
      f.policy.fingerprintMatchingStrategy = 'MATCH_ALL';
    };
    expect(run(all, { fingerprint: 'fp-1', fingerprints: ['fp-1', 'fp-2'] })).toEqual({ valid: true, code: 'VALID' });
    expect(run(all, { fingerprint: 'fp-9', fingerprints: ['fp-1', 'fp-2'] }).code).toBe('FINGERPRINT_SCOPE_MISMATCH');
  });

  it('details name the strategy when some but not enough fingerprints match', () => {
    const facts = validFacts();
    facts.policy.fingerprintMatchingStrategy = 'MATCH_ALL';
    expect(validateLicense(facts, { fingerprints: ['fp-1', 'x'] }, NOW).detail)
      .toBe('one or more fingerprint is not activated (does not match all associated machines)');
  });
});
