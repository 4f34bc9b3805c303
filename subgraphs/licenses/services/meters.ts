/**
 * Meter attributes of a license (seed 000): `totalUses` counts uses since the last reset and never exceeds
 * `allowedUses`; `grossUses` counts every use and is never reset. The increment is one conditional UPDATE in
 * the database (see services/usage for why that is safe under concurrency).
 */
import { raw, wrap } from '@mikro-orm/core';
import { ConflictError, NotFoundError } from '../../../lib/errors';
import { findByIdOrFail } from '../../../lib/find';
import { positiveCount } from '../../../lib/input';
import type { Em } from '../../../lib/orm';
import { MAX_USES } from '../domain/limits';
import { MeterAttribute } from '../entities/MeterAttribute';
import { recordLicenseChange, type LicenseChangeEventType } from './events';
import { findLicenseOrFail } from './licenses';

/** Why an increment of a meter attribute cannot be taken, from the committed row. */
export function meterIncrementConflict(meter: Pick<MeterAttribute, 'totalUses' | 'allowedUses' | 'grossUses'>, increment: number): 'TOO_MANY_USES' | 'INTEGER_OVERFLOW' {
  if (meter.totalUses > meter.allowedUses - increment) return 'TOO_MANY_USES';
  // grossUses is never reset, so after many resets it is the column that can reach the 4-byte maximum
  return meter.grossUses > MAX_USES - increment ? 'INTEGER_OVERFLOW' : 'TOO_MANY_USES';
}

function reread(em: Em, id: string): Promise<MeterAttribute> {
  return findByIdOrFail(em, MeterAttribute, id, 'MeterAttribute', { refresh: true });
}

/** Seed 000 fires `license.updated` for meter changes; the meter-specific event carries the meter too. */
async function recordMeterEvents(em: Em, type: LicenseChangeEventType, meter: MeterAttribute): Promise<MeterAttribute> {
  const license = await findLicenseOrFail(em, meter.licenseId);
  recordLicenseChange(em, type, license, { meterAttribute: wrap(meter).toObject() });
  return meter;
}

export async function incrementLicenseMeterAttribute(
  em: Em,
  licenseId: string,
  name: string,
  increment: number,
  now = new Date(),
): Promise<MeterAttribute> {
  positiveCount(increment, ['increment']);
  const license = await findLicenseOrFail(em, licenseId);
  const meter = await em.findOne(MeterAttribute, { licenseId: license.id, name });
  if (!meter) throw new NotFoundError('MeterAttribute', name);
  // both limits are compared without adding to a column first: `total + increment` could overflow a 4-byte integer
  const changed = await em.nativeUpdate(
    MeterAttribute,
    {
      id: meter.id,
      accountId: license.accountId,
      totalUses: { $lte: raw<MeterAttribute, number>('allowed_uses - ?', [increment]) },
      grossUses: { $lte: MAX_USES - increment },
    },
    { totalUses: raw('total_uses + ?', [increment]), grossUses: raw('gross_uses + ?', [increment]), updatedAt: now },
  );
  const after = await reread(em, meter.id);
  if (changed === 0) {
    throw new ConflictError(
      `The meter attribute ${JSON.stringify(name)} cannot take ${increment} more use(s): ${after.totalUses} of ${after.allowedUses} used`,
      { reason: meterIncrementConflict(after, increment) },
    );
  }
  return recordMeterEvents(em, 'license.meter-attribute.incremented', after);
}

/** Seed 000 "Resets the license meter attribute total uses": totalUses back to 0, grossUses kept. */
export async function resetLicenseMeterAttribute(em: Em, id: string, now = new Date()): Promise<MeterAttribute> {
  const meter = await findByIdOrFail(em, MeterAttribute, id, 'MeterAttribute');
  // an assignment in SQL, so that a concurrent increment is either before the reset or after it, never lost in it
  await em.nativeUpdate(MeterAttribute, { id: meter.id, accountId: meter.accountId }, { totalUses: 0, updatedAt: now });
  return recordMeterEvents(em, 'license.meter-attribute.reset', await reread(em, meter.id));
}
