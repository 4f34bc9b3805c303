import type { FilterQuery } from '@mikro-orm/core';
import { isUuid } from '../../../lib/ids';
import type { Em } from '../../../lib/orm';
import type { Caller } from '../../../lib/tenancy';
import { heartbeatStatus } from '../domain/heartbeat';
import { validateLicense, type ValidationFacts, type ValidationResult, type ValidationScope } from '../domain/validation';
import { License } from '../entities/License';
import { Machine } from '../entities/Machine';
import { User } from '../entities/User';
import { recordLicenseChange } from './events';
import { assertLicenseAccess } from './license-callers';
import { limitsOf, policyOf } from './limits';

/** Everything validation reads about a license, loaded in a handful of queries. */
async function loadFacts(em: Em, license: License, now: Date): Promise<ValidationFacts> {
  const policy = await policyOf(em, license);
  const owner = license.userId ? await em.findOne(User, { id: license.userId }) : null;
  const machines = await em.find(Machine, { licenseId: license.id });
  return {
    license: {
      productId: license.productId, policyId: license.policyId, ownerId: license.userId,
      userIds: license.additionalUserIds, suspended: license.suspended, revoked: license.revoked,
      effectiveDate: license.effectiveDate, expiry: license.expiry, nextCheckIn: license.nextCheckIn,
      entitlementCodes: [...new Set([...policy.entitlementCodes, ...license.entitlementCodes])],
    },
    limits: limitsOf(license, policy),
    policy: {
      expirationAccess: policy.expirationAccess,
      fingerprintMatchingStrategy: license.fingerprintMatchingStrategy ?? policy.fingerprintMatchingStrategy,
      requireProductScope: policy.requireProductScope, requirePolicyScope: policy.requirePolicyScope,
      requireUserScope: policy.requireUserScope, requireEntitlementsScope: policy.requireEntitlementsScope,
      requireMachineScope: policy.requireMachineScope, requireFingerprintScope: policy.requireFingerprintScope,
    },
    ownerBanned: owner?.banned ?? false,
    machines: machines.map((m) => ({
      id: m.id, fingerprint: m.fingerprint, cores: m.cores, processes: 0,
      heartbeat: heartbeatStatus(m.lastHeartbeat, policy.heartbeatDuration, now),
    })),
  };
}

export interface LicenseValidation extends ValidationResult {
  license: License | null;
}

/**
 * Validates a license (by ID or key) for a scope. A license that exists gets `lastValidated`
 * updated and a `license.validated` event (then `license.updated`: the row changed), whatever the outcome (seed 001).
 */
export async function validate(
  em: Em, caller: Caller, where: { id: string } | { key: string }, scope: ValidationScope | null | undefined, now = new Date(),
): Promise<LicenseValidation> {
  // a malformed ID names no license: NOT_FOUND on every database (PostgreSQL would refuse the query)
  const wellFormed = !('id' in where) || isUuid(where.id);
  const license = wellFormed ? await em.findOne(License, where as FilterQuery<License>) : null;
  // a license key validates its own license only: any other key or ID, known or not, is FORBIDDEN
  assertLicenseAccess(caller, license?.id ?? '');
  if (!license) return { ...validateLicense(null, scope ?? {}, now), license: null };
  const result = validateLicense(await loadFacts(em, license, now), scope ?? {}, now);
  license.lastValidated = now;
  recordLicenseChange(em, 'license.validated', license, { validation: { valid: result.valid, code: result.code } });
  return { ...result, license };
}
