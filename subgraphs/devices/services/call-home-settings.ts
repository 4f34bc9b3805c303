import type { Em } from '../../../lib/orm';
import { callHomeChanges, callHomeSettingsOf } from '../domain/call-home-settings';
import type { Device } from '../entities/Device';
import type { UpdateDeviceCallHomeInput } from '../generated/graphql';
import { findDeviceOrFail } from './devices';
import { recordDeviceEvent } from './events';

/**
 * Seed 004 PUT /api/v1/call-home: only the properties given change (null restores a default). The input is checked
 * before the device is read, and the event carries the settings as the change left them. Only the changed columns
 * are written, so concurrent updates of different properties do not undo each other.
 */
export async function updateDeviceCallHome(em: Em, deviceId: string, input: UpdateDeviceCallHomeInput): Promise<Device> {
  const changes = callHomeChanges(input);
  const device = await findDeviceOrFail(em, deviceId);
  // an empty input (seed 004 PUT with no property) changes nothing, so there is nothing to announce
  if (Object.keys(changes).length === 0) return device;
  Object.assign(device, changes);
  recordDeviceEvent(em, 'device.call-home-settings.updated', device, { callHome: callHomeSettingsOf(device) });
  return device;
}
