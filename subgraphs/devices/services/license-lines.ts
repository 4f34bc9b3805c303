import { owned } from '../../../lib/entity';
import type { Em } from '../../../lib/orm';
import type { Caller } from '../../../lib/tenancy';
import { Device } from '../entities/Device';
import { DeviceLicenseLine } from '../entities/DeviceLicenseLine';
import type { DeviceLicenseLineInput } from '../generated/graphql';
import { findDeviceOrFail, touchDeviceOrFail } from './devices';
import { recordDeviceEvent } from './events';
import { licenseLineFields } from './license-line-input';

/** The index of the next license line of a device; read under the device's row lock (touchDeviceOrFail). */
export async function nextLineIndex(em: Em, deviceId: string): Promise<number> {
  const last = await em.findOne(DeviceLicenseLine, { deviceId }, { orderBy: { index: 'desc' } });
  return (last?.index ?? 0) + 1;
}

/** Adds a license line to a device (the data behind seed 004 GET /api/v1/license); its index is the next one. */
export async function addDeviceLicenseLine(
  em: Em, caller: Caller, deviceId: string, input: DeviceLicenseLineInput, now = new Date(),
): Promise<DeviceLicenseLine> {
  const fields = licenseLineFields(input);
  const id = await touchDeviceOrFail(em, caller, deviceId, now);
  const line = owned(Object.assign(new DeviceLicenseLine(), fields, { deviceId: id, index: await nextLineIndex(em, id) }), caller);
  em.persist(line);
  const device = await findDeviceOrFail(em, id);
  recordDeviceEvent(em, 'device.license-line.added', device, { licenseLineId: line.id, feature: line.feature, licenseId: line.licenseId });
  return line;
}
