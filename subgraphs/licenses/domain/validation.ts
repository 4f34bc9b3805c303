/**
 * License validation (API.md "validation"): the first failing check decides, and THE ORDER IS THE REQUIREMENT.
 * Seed 001: "A suspended license will always fail validation" — nothing after SUSPENDED can make it valid.
 */
import { checkFingerprintScope, checkMachineScope } from './validation-machines';
import {
  checkBanned,
  checkEffective,
  checkEntitlementsScope,
  checkExpired,
  checkExpiredRevoked,
  checkOverdue,
  checkPolicyScope,
  checkProductScope,
  checkRevoked,
  checkStrictLimits,
  checkSuspended,
  checkTooManyUsers,
  checkUserScope,
} from './validation-checks';
import type { ValidationCheck, ValidationFacts, ValidationResult, ValidationScope } from './validation-types';

export type {
  ExpirationAccess,
  FingerprintMatchingStrategy,
  ValidationCheck,
  ValidationCode,
  ValidationContext,
  ValidationFacts,
  ValidationMachine,
  ValidationResult,
  ValidationScope,
} from './validation-types';

/** NOT_FOUND comes before all of these (there are no facts to check); VALID after all of them. */
export const VALIDATION_CHECKS: ReadonlyArray<ValidationCheck> = [
  checkBanned, //            BANNED (owner banned)
  checkSuspended, //         SUSPENDED
  checkRevoked, //           REVOKED
  checkEffective, //         NOT_YET_EFFECTIVE (seed 000 effectiveDate)
  checkExpiredRevoked, //    EXPIRED, when the expiration access is REVOKE_ACCESS
  checkOverdue, //           OVERDUE (missed check-in)
  checkProductScope, //      PRODUCT_SCOPE_MISMATCH / _REQUIRED
  checkPolicyScope, //       POLICY_SCOPE_MISMATCH / _REQUIRED
  checkUserScope, //         USER_SCOPE_MISMATCH / _REQUIRED
  checkEntitlementsScope, // ENTITLEMENTS_MISSING / ENTITLEMENTS_SCOPE_REQUIRED
  checkMachineScope, //      MACHINE_SCOPE_MISMATCH / _REQUIRED, then the machine's heartbeat
  checkFingerprintScope, //  FINGERPRINT_SCOPE_REQUIRED, NO_MACHINE(S), FINGERPRINT_SCOPE_MISMATCH, HEARTBEAT_*
  checkTooManyUsers, //      TOO_MANY_USERS
  checkStrictLimits, //      strict only: TOO_MANY_MACHINES, TOO_MANY_CORES, TOO_MANY_PROCESSES
  checkExpired, //           EXPIRED: valid under MAINTAIN_ACCESS / ALLOW_ACCESS, invalid under RESTRICT_ACCESS
];

const NOT_FOUND: ValidationResult = { valid: false, code: 'NOT_FOUND', detail: 'does not exist' };
const VALID: ValidationResult = { valid: true, code: 'VALID', detail: 'is valid' };

/** Null facts (no such license) => NOT_FOUND; otherwise the first decisive check, or VALID. */
export function validateLicense(facts: ValidationFacts | null, scope: ValidationScope, now: Date): ValidationResult {
  if (facts === null) return { ...NOT_FOUND };
  const ctx = { facts, scope, now };
  for (const check of VALIDATION_CHECKS) {
    const result = check(ctx);
    if (result !== null) return result;
  }
  return { ...VALID };
}
