import { owned } from '../../../lib/entity';
import { NotFoundError } from '../../../lib/errors';
import { rowIdOrNotFound } from '../../../lib/find';
import type { Em } from '../../../lib/orm';
import type { Caller } from '../../../lib/tenancy';
import { Device } from '../entities/Device';
import { DeviceLicenseLine } from '../entities/DeviceLicenseLine';
import type { DeviceLicenseLineInput } from '../generated/graphql';
import { findDeviceOrFail } from './devices';
import { recordDeviceEvent } from './events';
import { licenseLineFields } from './license-line-input';

/**
 * Takes the device's row lock before reading the last index: the conditional UPDATE makes
 * concurrent additions to one device wait for each other (PostgreSQL row lock, SQLite write
 * lock), so two lines never read the same "last index". Zero rows touched: no such device. Returns the device's ID.
 */
async function lockDevice(em: Em, caller: Caller, deviceId: string, now: Date): Promise<string> {
  const id = rowIdOrNotFound(deviceId, 'Device');
  const touched = await em.nativeUpdate(Device, { id, accountId: caller.accountId }, { updatedAt: now });
  if (touched === 0) throw new NotFoundError('Device', deviceId);
  return id;
}

/** The index of the next license line of a device; read under the device's row lock (see lockDevice). */
export async function nextLineIndex(em: Em, deviceId: string): Promise<number> {
  const last = await em.findOne(DeviceLicenseLine, { deviceId }, { orderBy: { index: 'desc' } });
  return (last?.index ?? 0) + 1;
}

/** Adds a license line to a device (the data behind seed 004 GET /api/v1/license); its index is the next one. */
export async function addDeviceLicenseLine(
  em: Em, caller: Caller, deviceId: string, input: DeviceLicenseLineInput, now = new Date(),
): Promise<DeviceLicenseLine> {
  const fields = licenseLineFields(input);
  const id = await lockDevice(em, caller, deviceId, now);
  const line = owned(Object.assign(new DeviceLicenseLine(), fields, { deviceId: id, index: await nextLineIndex(em, id) }), caller);
  em.persist(line);
  const device = await findDeviceOrFail(em, id);
  recordDeviceEvent(em, 'device.license-line.added', device, { licenseLineId: line.id, feature: line.feature, licenseId: line.licenseId });
  return line;
}
