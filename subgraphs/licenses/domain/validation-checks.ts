/**
 * The checks of license validation that read the license's state, the product/policy/user/entitlement scopes
 * and the limits. The order in which they run is fixed in validation.ts.
 */
import { isExpired } from './status';
import {
  invalid,
  sent,
  type ValidationCheck,
  type ValidationCode,
  type ValidationContext,
  type ValidationResult,
} from './validation-types';

// --- state ---------------------------------------------------------------------------------------------

export const checkBanned: ValidationCheck = ({ facts }) => (facts.ownerBanned ? invalid('BANNED', 'is banned') : null);

/** Seed 001 `suspended`: "A suspended license will always fail validation." */
export const checkSuspended: ValidationCheck = ({ facts }) =>
  facts.license.suspended ? invalid('SUSPENDED', 'is suspended') : null;

export const checkRevoked: ValidationCheck = ({ facts }) => (facts.license.revoked ? invalid('REVOKED', 'is revoked') : null);

/** Seed 000 `effectiveDate`: the license is not usable before it. */
export const checkEffective: ValidationCheck = ({ facts, now }) => {
  const effective = facts.license.effectiveDate;
  return effective !== null && effective.getTime() > now.getTime() ? invalid('NOT_YET_EFFECTIVE', 'is not yet effective') : null;
};

/** An expired license under REVOKE_ACCESS fails before any scope is looked at. */
export const checkExpiredRevoked: ValidationCheck = ({ facts, now }) =>
  facts.policy.expirationAccess === 'REVOKE_ACCESS' && isExpired(facts.license.expiry, now)
    ? invalid('EXPIRED', 'is expired')
    : null;

/** Seed 001 `requireCheckIn`: "if a license misses a check-in, it will be invalidated" (still on time at the due instant itself). */
export const checkOverdue: ValidationCheck = ({ facts, now }) => {
  const due = facts.license.nextCheckIn;
  if (!facts.limits.requireCheckIn || due === null) return null;
  return due.getTime() < now.getTime() ? invalid('OVERDUE', 'is overdue for check in') : null;
};

// --- product, policy, user and entitlement scopes ------------------------------------------------------

type ScopeName = 'product' | 'policy' | 'user' | 'machine' | 'fingerprint';

const SCOPE_REQUIRED: Readonly<Record<ScopeName, ValidationCode>> = {
  product: 'PRODUCT_SCOPE_REQUIRED',
  policy: 'POLICY_SCOPE_REQUIRED',
  user: 'USER_SCOPE_REQUIRED',
  machine: 'MACHINE_SCOPE_REQUIRED',
  fingerprint: 'FINGERPRINT_SCOPE_REQUIRED',
};

/** For a scope that was not sent: `*_SCOPE_REQUIRED` when the policy requires it, else null (nothing to check). */
export function requiredScope(name: ScopeName, required: boolean): ValidationResult | null {
  return required ? invalid(SCOPE_REQUIRED[name], `${name} scope is required`) : null;
}

export const checkProductScope: ValidationCheck = ({ facts, scope }) => {
  if (!sent(scope.product)) return requiredScope('product', facts.policy.requireProductScope);
  return scope.product === facts.license.productId ? null : invalid('PRODUCT_SCOPE_MISMATCH', 'product scope does not match');
};

export const checkPolicyScope: ValidationCheck = ({ facts, scope }) => {
  if (!sent(scope.policy)) return requiredScope('policy', facts.policy.requirePolicyScope);
  return scope.policy === facts.license.policyId ? null : invalid('POLICY_SCOPE_MISMATCH', 'policy scope does not match');
};

/** The users of a license: its owner (if any) and its other users, each once. */
export function licenseUsers(ctx: Pick<ValidationContext, 'facts'>): string[] {
  const { ownerId, userIds } = ctx.facts.license;
  return [...new Set(ownerId === null ? userIds : [ownerId, ...userIds])];
}

export const checkUserScope: ValidationCheck = (ctx) => {
  const { facts, scope } = ctx;
  if (!sent(scope.user)) return requiredScope('user', facts.policy.requireUserScope);
  return licenseUsers(ctx).includes(scope.user) ? null : invalid('USER_SCOPE_MISMATCH', 'user scope does not match');
};

/** Every entitlement code sent must be granted to the license. */
export const checkEntitlementsScope: ValidationCheck = ({ facts, scope }) => {
  if (!sent(scope.entitlements)) {
    return facts.policy.requireEntitlementsScope ? invalid('ENTITLEMENTS_SCOPE_REQUIRED', 'entitlements scope is required') : null;
  }
  const granted = new Set(facts.license.entitlementCodes);
  const missing = scope.entitlements.some((code) => !granted.has(code));
  return missing ? invalid('ENTITLEMENTS_MISSING', 'is missing one or more required entitlements') : null;
};

// --- limits ----------------------------------------------------------------------------------------------

function exceeds(count: number, max: number | null): boolean {
  return max !== null && count > max;
}

export const checkTooManyUsers: ValidationCheck = (ctx) =>
  exceeds(licenseUsers(ctx).length, ctx.facts.limits.maxUsers) ? invalid('TOO_MANY_USERS', 'has too many associated users') : null;

/** Seed 001 `strict`: machine, core and process limits only invalidate a license under a strict policy. */
export const checkStrictLimits: ValidationCheck = ({ facts }) => {
  const { limits, machines } = facts;
  if (!limits.strict) return null;
  if (exceeds(machines.length, limits.maxMachines)) return invalid('TOO_MANY_MACHINES', 'has too many associated machines');
  // Seed 001 `maxCores`: "The count is the sum of all cores for the license's machines."
  const cores = machines.reduce((sum, m) => sum + m.cores, 0);
  if (exceeds(cores, limits.maxCores)) return invalid('TOO_MANY_CORES', 'has too many associated machine cores');
  const processes = machines.reduce((sum, m) => sum + m.processes, 0);
  if (exceeds(processes, limits.maxProcesses)) return invalid('TOO_MANY_PROCESSES', 'has too many associated processes');
  return null;
};

/** The last word on expiry: still valid under MAINTAIN_ACCESS / ALLOW_ACCESS, invalid under RESTRICT_ACCESS. */
export const checkExpired: ValidationCheck = ({ facts, now }) => {
  if (!isExpired(facts.license.expiry, now)) return null;
  const access = facts.policy.expirationAccess;
  return { valid: access === 'MAINTAIN_ACCESS' || access === 'ALLOW_ACCESS', code: 'EXPIRED', detail: 'is expired' };
};
