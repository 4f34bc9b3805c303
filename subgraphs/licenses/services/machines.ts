/**
 * Machine activation, deactivation and heartbeats (seed 001 maxMachines/maxCores, API.md "machines").
 * Capacity checks read the license's machines and then insert one, so they hold the license row lock for the
 * whole transaction: on PostgreSQL `SELECT ... FOR UPDATE` queues concurrent activations of the same license;
 * on SQLite the single connection already serializes write transactions (knex omits FOR UPDATE there).
 */
import { LockMode } from '@mikro-orm/core';
import { BadUserInputError, ConflictError, NotFoundError } from '../../../lib/errors';
import { findByIdOrFail } from '../../../lib/find';
import { positiveCount } from '../../../lib/input';
import type { Em } from '../../../lib/orm';
import type { Caller } from '../../../lib/tenancy';
import { heartbeatStatus } from '../domain/heartbeat';
import { isExpired } from '../domain/status';
import { License } from '../entities/License';
import { Machine } from '../entities/Machine';
import type { Policy } from '../entities/Policy';
import { User } from '../entities/User';
import type { ActivateMachineInput, ExpirationAccess, OverageStrategy } from '../generated/graphql';
import { recordLicenseEvent, recordMachineEvent } from './events';
import { assertLicenseAccess } from './license-callers';
import { findLicenseOrFail } from './licenses';
import { limitsOf, policyOf } from './limits';

// --- rules (plain functions) ------------------------------------------------------------------------------

/** How far a limit stretches under the policy's overage strategy; null = unlimited. Fractions are floored. */
export function withOverage(limit: number | null, strategy: OverageStrategy): number | null {
  if (limit === null || strategy === 'ALWAYS_ALLOW_OVERAGE') return null;
  switch (strategy) {
    case 'NO_OVERAGE': return limit;
    case 'ALLOW_1_25X_OVERAGE': return Math.floor((limit * 5) / 4);
    case 'ALLOW_1_5X_OVERAGE': return Math.floor((limit * 3) / 2);
    case 'ALLOW_2X_OVERAGE': return limit * 2;
  }
}

export type CapacityConflict = 'TOO_MANY_MACHINES' | 'TOO_MANY_CORES';

/** Whether one more machine of `cores` cores fits next to `machines` (maxMachines first, then the sum of cores). */
export function capacityConflict(
  limits: { maxMachines: number | null; maxCores: number | null },
  strategy: OverageStrategy,
  machines: ReadonlyArray<{ cores: number }>,
  cores: number,
): CapacityConflict | null {
  const maxMachines = withOverage(limits.maxMachines, strategy);
  if (maxMachines !== null && machines.length + 1 > maxMachines) return 'TOO_MANY_MACHINES';
  const maxCores = withOverage(limits.maxCores, strategy);
  const usedCores = machines.reduce((sum, m) => sum + m.cores, 0);
  if (maxCores !== null && usedCores + cores > maxCores) return 'TOO_MANY_CORES';
  return null;
}

export interface ActivationFacts {
  suspended: boolean;
  revoked: boolean;
  ownerBanned: boolean;
  effectiveDate: Date | null;
  expiry: Date | null;
  expirationAccess: ExpirationAccess;
}

/**
 * Why a license cannot take a new machine, if it cannot. Only ALLOW_ACCESS lets an expired license activate
 * (MAINTAIN_ACCESS keeps the machines already activated; RESTRICT and REVOKE refuse more).
 */
export function activationBlocker(f: ActivationFacts, now: Date): string | null {
  if (f.ownerBanned) return 'LICENSE_BANNED';
  if (f.suspended) return 'LICENSE_SUSPENDED';
  if (f.revoked) return 'LICENSE_REVOKED';
  if (f.effectiveDate !== null && f.effectiveDate.getTime() > now.getTime()) return 'LICENSE_NOT_YET_EFFECTIVE';
  if (isExpired(f.expiry, now) && f.expirationAccess !== 'ALLOW_ACCESS') return 'LICENSE_EXPIRED';
  return null;
}

// --- persistence --------------------------------------------------------------------------------------------

type LicenseTarget = { id: string } | { key: string };

/** The license an activation names, locked for the rest of the transaction. */
async function lockLicense(em: Em, target: LicenseTarget): Promise<License> {
  if ('id' in target) return findLicenseOrFail(em, target.id, { lock: true });
  // refresh: a copy already in the identity map would be returned without taking the lock
  const license = await em.findOne(License, { key: target.key }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  if (!license) throw new NotFoundError('License', 'with the given key');
  return license;
}

/** Exactly one of licenseId and licenseKey (`!= null`: GraphQL gives null or leaves the field out). */
function licenseTarget({ licenseId, licenseKey }: ActivateMachineInput): LicenseTarget {
  if (licenseId != null && licenseKey == null) return { id: licenseId };
  if (licenseKey != null && licenseId == null) return { key: licenseKey.trim() };
  throw new BadUserInputError('Give exactly one of licenseId and licenseKey', ['input', licenseId == null ? 'licenseId' : 'licenseKey']);
}

function checkActivationInput(input: ActivateMachineInput): { target: LicenseTarget; fingerprint: string; cores: number } {
  const target = licenseTarget(input);
  if (input.fingerprint.trim() === '') throw new BadUserInputError('fingerprint must not be blank', ['input', 'fingerprint']);
  const cores = positiveCount(input.cores ?? 1, ['input', 'cores']);
  return { target, fingerprint: input.fingerprint, cores };
}

async function checkLicenseState(em: Em, license: License, policy: Policy, now: Date): Promise<void> {
  const owner = license.userId ? await em.findOne(User, { id: license.userId }) : null;
  const blocker = activationBlocker({ ...license, ownerBanned: owner?.banned ?? false, expirationAccess: policy.expirationAccess }, now);
  if (blocker) throw new ConflictError(`The license cannot activate machines (${blocker})`, { reason: blocker });
}

/** DEACTIVATE_DEAD: dead machines are deactivated and free their slot; the others are returned. */
async function liveMachines(em: Em, license: License, policy: Policy, now: Date): Promise<Machine[]> {
  const machines = await em.find(Machine, { licenseId: license.id }, { refresh: true });
  if (policy.heartbeatCullStrategy !== 'DEACTIVATE_DEAD') return machines;
  const isDead = (m: Machine) => heartbeatStatus(m.lastHeartbeat, policy.heartbeatDuration, now) === 'DEAD';
  const dead = machines.filter(isDead);
  for (const machine of dead) recordMachineEvent(em, 'machine.deleted', machine, license);
  // deleted now, not at flush: the flush inserts before it deletes, and a dead fingerprint may be activating again
  if (dead.length > 0) await em.nativeDelete(Machine, { id: { $in: dead.map((m) => m.id) }, accountId: license.accountId });
  return machines.filter((m) => !isDead(m));
}

function checkCapacity(license: License, policy: Policy, machines: Machine[], fingerprint: string, cores: number): void {
  if (machines.some((m) => m.fingerprint === fingerprint)) {
    throw new ConflictError('This fingerprint is already activated on the license', { reason: 'FINGERPRINT_TAKEN', argumentPath: ['input', 'fingerprint'] });
  }
  if (license.allowedActivations > 0 && license.totalActivations >= license.allowedActivations) {
    throw new ConflictError(`The license has used its ${license.allowedActivations} activation(s)`, { reason: 'TOO_MANY_ACTIVATIONS' });
  }
  const conflict = capacityConflict(limitsOf(license, policy), policy.overageStrategy, machines, cores);
  if (conflict) throw new ConflictError(`The license has no room for this machine (${conflict})`, { reason: conflict });
}

/** Counts the activation (in JS: the row is locked) and, the first time, starts the license and its DELAYED validity. */
function markActivated(license: License, policy: Policy, now: Date): void {
  license.totalActivations += 1;
  if (license.activatedAt !== null) return;
  license.activatedAt = now;
  const { duration } = limitsOf(license, policy);
  if (license.expirationStrategy === 'DELAYED' && license.expiry === null && duration !== null) {
    license.expiry = new Date(now.getTime() + duration * 1000);
  }
}

// --- actions ------------------------------------------------------------------------------------------------

export async function activateMachine(em: Em, caller: Caller, input: ActivateMachineInput, now = new Date()): Promise<Machine> {
  const { target, fingerprint, cores } = checkActivationInput(input);
  if (input.licenseId != null) assertLicenseAccess(caller, input.licenseId);
  const license = await lockLicense(em, target);
  assertLicenseAccess(caller, license.id); // a license key names its license by key too
  const policy = await policyOf(em, license);
  await checkLicenseState(em, license, policy, now);
  const machines = await liveMachines(em, license, policy, now);
  checkCapacity(license, policy, machines, fingerprint, cores);
  const machine = Object.assign(new Machine(), {
    accountId: license.accountId, licenseId: license.id, fingerprint, cores,
    name: input.name ?? null, hostname: input.hostname ?? null, platform: input.platform ?? null, ip: input.ip ?? null,
  });
  em.persist(machine);
  markActivated(license, policy, now);
  recordMachineEvent(em, 'machine.created', machine, license);
  // one license.updated for the activation counter: culling dead machines above changes no column of the license
  recordLicenseEvent(em, 'license.updated', license);
  return machine;
}

export async function deactivateMachine(em: Em, caller: Caller, id: string): Promise<Machine> {
  const { licenseId } = await findByIdOrFail(em, Machine, id, 'Machine');
  assertLicenseAccess(caller, licenseId);
  const license = await findLicenseOrFail(em, licenseId, { lock: true });
  // read again under the lock: a concurrent deactivation of the same machine may have removed it meanwhile
  const machine = await findByIdOrFail(em, Machine, id, 'Machine', { refresh: true });
  if (license.allowedDeactivations > 0 && license.totalDeactivations >= license.allowedDeactivations) {
    throw new ConflictError(`The license has used its ${license.allowedDeactivations} deactivation(s)`, { reason: 'TOO_MANY_DEACTIVATIONS' });
  }
  license.totalDeactivations += 1;
  recordMachineEvent(em, 'machine.deleted', machine, license);
  recordLicenseEvent(em, 'license.updated', license);
  em.remove(machine);
  return machine;
}

export async function pingMachineHeartbeat(em: Em, caller: Caller, id: string, now = new Date()): Promise<Machine> {
  const machine = await findByIdOrFail(em, Machine, id, 'Machine');
  assertLicenseAccess(caller, machine.licenseId);
  const license = await findLicenseOrFail(em, machine.licenseId);
  const policy = await policyOf(em, license);
  const status = heartbeatStatus(machine.lastHeartbeat, policy.heartbeatDuration, now);
  if (status === 'DEAD' && policy.heartbeatCullStrategy === 'DEACTIVATE_DEAD') {
    throw new ConflictError('The machine is dead and cannot be resurrected: activate it again', { reason: 'HEARTBEAT_DEAD' });
  }
  machine.lastHeartbeat = now;
  recordMachineEvent(em, 'machine.heartbeat.ping', machine, license);
  return machine;
}
