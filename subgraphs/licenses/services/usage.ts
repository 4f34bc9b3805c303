/**
 * The usage actions of a license (seed 001 `uses`; API.md "usage increment / decrement / reset"). The counter is
 * changed by one conditional UPDATE in the database, never read-modify-written here: two concurrent increments
 * cannot both pass the limit check, on SQLite (serialized writers) or on PostgreSQL (the second UPDATE waits for
 * the first one's row lock and re-evaluates its WHERE against the committed row).
 */
import { raw } from '@mikro-orm/core';
import { ConflictError } from '../../../lib/errors';
import { findByIdOrFail } from '../../../lib/find';
import { positiveCount } from '../../../lib/input';
import type { Em } from '../../../lib/orm';
import { MAX_USES, checkUsageDecrement, checkUsageIncrement } from '../domain/limits';
import { License } from '../entities/License';
import { recordLicenseChange, type LicenseChangeEventType } from './events';
import { findLicenseOrFail } from './licenses';
import { limitsOf, policyOf } from './limits';

/** The highest `uses` may go: the effective maxUses, and never above 2,147,483,647 (seed 001). */
export function usesCeiling(maxUses: number | null): number {
  return maxUses === null ? MAX_USES : Math.min(maxUses, MAX_USES);
}

/** The license as committed by the UPDATE (not the copy loaded before it), or NOT_FOUND when it is gone. */
function reread(em: Em, id: string): Promise<License> {
  return findByIdOrFail(em, License, id, 'License', { refresh: true });
}

function recordUsageEvents(em: Em, type: LicenseChangeEventType, license: License): License {
  recordLicenseChange(em, type, license);
  return license;
}

export async function incrementLicenseUsage(em: Em, id: string, increment: number, now = new Date()): Promise<License> {
  positiveCount(increment, ['increment']);
  const license = await findLicenseOrFail(em, id);
  const { maxUses } = limitsOf(license, await policyOf(em, license));
  // `uses <= ceiling - increment` rather than `uses + increment <= ceiling`: the sum could overflow a 4-byte integer
  const changed = await em.nativeUpdate(
    License,
    { id: license.id, accountId: license.accountId, uses: { $lte: usesCeiling(maxUses) - increment } },
    { uses: raw('uses + ?', [increment]), lastUsedAt: now, updatedAt: now },
  );
  const after = await reread(em, license.id);
  if (changed === 0) {
    const check = checkUsageIncrement(after.uses, increment, maxUses);
    const reason = check.ok ? 'TOO_MANY_USES' : check.reason;
    throw new ConflictError(`The license cannot take ${increment} more use(s): ${after.uses} of ${maxUses ?? MAX_USES} used`, { reason });
  }
  return recordUsageEvents(em, 'license.usage.incremented', after);
}

export async function decrementLicenseUsage(em: Em, id: string, decrement: number, now = new Date()): Promise<License> {
  positiveCount(decrement, ['decrement']);
  const license = await findLicenseOrFail(em, id);
  const changed = await em.nativeUpdate(
    License,
    { id: license.id, accountId: license.accountId, uses: { $gte: decrement } },
    { uses: raw('uses - ?', [decrement]), updatedAt: now },
  );
  const after = await reread(em, license.id);
  if (changed === 0) {
    const check = checkUsageDecrement(after.uses, decrement);
    const reason = check.ok ? 'NEGATIVE_USES' : check.reason;
    throw new ConflictError(`The license's uses cannot go below 0: ${after.uses} used`, { reason });
  }
  return recordUsageEvents(em, 'license.usage.decremented', after);
}

export async function resetLicenseUsage(em: Em, id: string, now = new Date()): Promise<License> {
  const license = await findLicenseOrFail(em, id);
  await em.nativeUpdate(License, { id: license.id, accountId: license.accountId }, { uses: 0, updatedAt: now });
  return recordUsageEvents(em, 'license.usage.reset', await reread(em, license.id));
}
