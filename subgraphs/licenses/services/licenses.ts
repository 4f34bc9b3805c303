import { LockMode, type FilterQuery } from '@mikro-orm/core';
import { BadUserInputError, ConflictError } from '../../../lib/errors';
import { findByIdOrFail, findReferencedOrFail } from '../../../lib/find';
import type { Em } from '../../../lib/orm';
import type { Caller } from '../../../lib/tenancy';
import { License } from '../entities/License';
import { LicenseMetadata } from '../entities/LicenseMetadata';
import { Machine } from '../entities/Machine';
import { MeterAttribute } from '../entities/MeterAttribute';
import { Policy } from '../entities/Policy';
import type { LicenseInput } from '../generated/graphql';
import { recordLicenseEvent, recordMachineEvent } from './events';
import { enforceFieldPolicies } from './field-policies';
import { applyLicenseInput, checkLicenseInput, resetRecordFields } from './license-input';
import { generateLicenseKey, normalizeGivenKey } from './license-key';
import { limitsOf } from './limits';

/**
 * The license, or NOT_FOUND. `lock` takes the row for the rest of the transaction (and re-reads it past the
 * identity map), for changes computed from the current state: two concurrent renewals must add two durations.
 */
export function findLicenseOrFail(em: Em, id: string, opts: { lock?: boolean } = {}): Promise<License> {
  return findByIdOrFail(em, License, id, 'License', opts.lock ? { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true } : undefined);
}

async function findPolicyOrFail(em: Em, policyId: string | null | undefined): Promise<Policy> {
  if (!policyId) throw new BadUserInputError('policyId is required', ['input', 'policyId']);
  return findReferencedOrFail(em, Policy, policyId, 'Policy', ['input', 'policyId']);
}

/** A license moved to another policy takes its product too; the policy's ID is kept as stored (lower case). */
function moveToPolicy(license: License, policy: Policy | null): void {
  if (!policy) return;
  license.policyId = policy.id;
  license.productId = policy.productId;
}

async function assignKey(em: Em, license: License, given: string | null | undefined): Promise<void> {
  if (given === null || given === undefined) {
    license.key = generateLicenseKey();
    return;
  }
  license.key = normalizeGivenKey(given);
  const taken = await em.count(License, { key: license.key } as FilterQuery<License>);
  if (taken > 0) throw new ConflictError('A license with this key already exists', { argumentPath: ['input', 'key'] });
}

/** Expiry at creation: given, or now + duration when the validity counts from creation (seed 001 `expiry`). */
function initialExpiry(license: License, policy: Policy, given: Date | null | undefined, now: Date): Date | null {
  if (given !== undefined) return given;
  const { duration } = limitsOf(license, policy);
  if (duration === null || license.expirationStrategy === 'DELAYED') return null;
  return new Date(now.getTime() + duration * 1000);
}

function replaceChildren(em: Em, license: License, input: LicenseInput): void {
  if (input.metadata) {
    for (const m of input.metadata) {
      em.persist(Object.assign(new LicenseMetadata(), {
        accountId: license.accountId, licenseId: license.id, key: m.key, value: m.value,
        visible: m.visible ?? true, viewPermissions: m.viewPermissions ?? [],
      }));
    }
  }
  for (const m of input.meterAttributes ?? []) {
    em.persist(Object.assign(new MeterAttribute(), {
      accountId: license.accountId, licenseId: license.id, name: m.name, allowedUses: m.allowedUses,
      floating: m.floating ?? false, visible: m.visible ?? true, viewPermissions: m.viewPermissions ?? [],
    }));
  }
}

export async function createLicense(em: Em, caller: Caller, input: LicenseInput, now = new Date()): Promise<License> {
  checkLicenseInput(input);
  const policy = await findPolicyOrFail(em, input.policyId);
  await enforceFieldPolicies(em, input, null);
  const license = new License();
  license.accountId = caller.accountId;
  license.productId = policy.productId;
  license.expirationStrategy = policy.expirationStrategy;
  applyLicenseInput(license, input);
  license.policyId = policy.id;
  await assignKey(em, license, input.key);
  license.expiry = initialExpiry(license, policy, input.expiry, now);
  const limits = limitsOf(license, policy);
  if (limits.requireCheckIn && policy.checkInInterval) license.nextCheckIn = new Date(now.getTime() + policy.checkInInterval * 1000);
  em.persist(license);
  replaceChildren(em, license, input);
  recordLicenseEvent(em, 'license.created', license);
  return license;
}

/** Patch: only the fields given change. */
export async function updateLicense(em: Em, id: string, input: LicenseInput): Promise<License> {
  checkLicenseInput(input);
  const license = await findLicenseOrFail(em, id);
  await enforceFieldPolicies(em, input, license, 'update');
  const policy = input.policyId ? await findPolicyOrFail(em, input.policyId) : null;
  applyLicenseInput(license, input);
  moveToPolicy(license, policy);
  await replaceListChildren(em, license, input);
  recordLicenseEvent(em, 'license.updated', license);
  return license;
}

/** Replace (seed 003): the record fields become exactly the new body's. */
export async function replaceLicense(em: Em, id: string, input: LicenseInput): Promise<License> {
  checkLicenseInput(input);
  const license = await findLicenseOrFail(em, id);
  await enforceFieldPolicies(em, input, license, 'replace');
  const policy = input.policyId ? await findPolicyOrFail(em, input.policyId) : null;
  resetRecordFields(license);
  applyLicenseInput(license, input);
  moveToPolicy(license, policy);
  await replaceListChildren(em, license, input);
  recordLicenseEvent(em, 'license.updated', license);
  return license;
}

async function replaceListChildren(em: Em, license: License, input: LicenseInput): Promise<void> {
  const owned = { licenseId: license.id, accountId: license.accountId };
  if (input.metadata) await em.nativeDelete(LicenseMetadata, owned);
  if (input.meterAttributes) await em.nativeDelete(MeterAttribute, owned);
  replaceChildren(em, license, input);
}

/** Removes the license with everything that hangs off it (machines too: a machine without its license is an orphan). */
export async function deleteLicense(em: Em, id: string): Promise<License> {
  // locked: an activation waiting on the license then finds it gone instead of adding an orphan machine
  const license = await findLicenseOrFail(em, id, { lock: true });
  const owned = { licenseId: license.id, accountId: license.accountId };
  for (const machine of await em.find(Machine, { licenseId: license.id })) recordMachineEvent(em, 'machine.deleted', machine, license);
  await em.nativeDelete(Machine, owned);
  await em.nativeDelete(LicenseMetadata, owned);
  await em.nativeDelete(MeterAttribute, owned);
  recordLicenseEvent(em, 'license.deleted', license);
  em.remove(license);
  return license;
}
