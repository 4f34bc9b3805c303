/** The facts, scope and result of license validation (API.md "validation"). See validation.ts for the order. */
import type { HeartbeatStatus } from './heartbeat';
import type { PolicyLimits } from './limits';

/** What an expired license may still do (seed 000 `expirationStrategy`). */
export type ExpirationAccess = 'REVOKE_ACCESS' | 'RESTRICT_ACCESS' | 'MAINTAIN_ACCESS' | 'ALLOW_ACCESS';

/**
 * Of the fingerprints sent, how many must belong to activated machines: at least one, at least two, more than
 * half, or all of them (seed 000 `fingerprintMatchingStrategy`: "exact" = MATCH_ALL, "fuzzy" = MATCH_MOST).
 */
export type FingerprintMatchingStrategy = 'MATCH_ANY' | 'MATCH_TWO' | 'MATCH_MOST' | 'MATCH_ALL';

export type ValidationCode =
  | 'VALID'
  | 'NOT_FOUND'
  | 'BANNED'
  | 'SUSPENDED'
  | 'REVOKED'
  | 'NOT_YET_EFFECTIVE'
  | 'EXPIRED'
  | 'OVERDUE'
  | 'PRODUCT_SCOPE_MISMATCH'
  | 'PRODUCT_SCOPE_REQUIRED'
  | 'POLICY_SCOPE_MISMATCH'
  | 'POLICY_SCOPE_REQUIRED'
  | 'USER_SCOPE_MISMATCH'
  | 'USER_SCOPE_REQUIRED'
  | 'ENTITLEMENTS_MISSING'
  | 'ENTITLEMENTS_SCOPE_REQUIRED'
  | 'MACHINE_SCOPE_MISMATCH'
  | 'MACHINE_SCOPE_REQUIRED'
  | 'FINGERPRINT_SCOPE_MISMATCH'
  | 'FINGERPRINT_SCOPE_REQUIRED'
  | 'NO_MACHINE'
  | 'NO_MACHINES'
  | 'HEARTBEAT_NOT_STARTED'
  | 'HEARTBEAT_DEAD'
  | 'TOO_MANY_USERS'
  | 'TOO_MANY_MACHINES'
  | 'TOO_MANY_CORES'
  | 'TOO_MANY_PROCESSES';

/** What the caller asserts about the license. A null/undefined/empty value is a scope that was not sent. */
export interface ValidationScope {
  product?: string | null;
  policy?: string | null;
  user?: string | null;
  entitlements?: string[] | null;
  machine?: string | null;
  fingerprint?: string | null;
  fingerprints?: string[] | null;
}

/** An activated machine of the license, with its heartbeat already computed (heartbeat.ts). */
export interface ValidationMachine {
  id: string;
  fingerprint: string;
  cores: number;
  processes: number;
  heartbeat: HeartbeatStatus;
}

export interface ValidationFacts {
  license: {
    productId: string;
    policyId: string;
    ownerId: string | null;
    userIds: string[];
    suspended: boolean;
    revoked: boolean;
    effectiveDate: Date | null;
    expiry: Date | null;
    nextCheckIn: Date | null;
    entitlementCodes: string[];
  };
  /** Already effective (limits.ts `effectiveLimits`). */
  limits: PolicyLimits;
  policy: {
    expirationAccess: ExpirationAccess;
    fingerprintMatchingStrategy: FingerprintMatchingStrategy;
    requireProductScope: boolean;
    requirePolicyScope: boolean;
    requireUserScope: boolean;
    requireEntitlementsScope: boolean;
    requireMachineScope: boolean;
    requireFingerprintScope: boolean;
  };
  ownerBanned: boolean;
  machines: ValidationMachine[];
}

export interface ValidationResult {
  valid: boolean;
  code: ValidationCode;
  /** A human sentence about the license, e.g. 'is suspended'. */
  detail: string;
}

/** What every check reads. */
export interface ValidationContext {
  facts: ValidationFacts;
  scope: ValidationScope;
  now: Date;
}

/** One step of validation: a decisive result, or null to go on to the next step. */
export type ValidationCheck = (ctx: ValidationContext) => ValidationResult | null;

export function invalid(code: ValidationCode, detail: string): ValidationResult {
  return { valid: false, code, detail };
}

/** A scope value that was sent: not null/undefined, and not empty. */
export function sent<T extends string | string[]>(value: T | null | undefined): value is T {
  return value !== null && value !== undefined && value.length > 0;
}
