import type { Em } from '../../../lib/orm';
import { recordEntityEvent, type OutboxEvent } from '../../../lib/outbox';
import type { Datacenter } from '../entities/Datacenter';
import type { Device } from '../entities/Device';

/**
 * Event types about a device. They are all keyed by the device (entityType `Device`), so that a
 * relay publishes them in order per device and `deviceEvents` can resolve the device for each.
 */
export type DeviceEventType =
  | 'device.registered' | 'device.updated' | 'device.deleted'
  | 'device.license-line.added' | 'device.udi.requested'
  | 'device.eula.accepted' | 'device.eula.declined' | 'device.license.call-home-requested' | 'device.license.installed'
  | 'device.boot-level.changed' | 'device.throughput.changed'
  | 'device.smart-license.updated' | 'device.smart-license.registered' | 'device.smart-license.deregistered'
  | 'device.smart-license.renewed' | 'device.call-home-settings.updated'
  | 'device.call-home-profile.created' | 'device.call-home-profile.updated' | 'device.call-home-profile.deleted'
  | 'device.call-home.reported';

export type DatacenterEventType = 'datacenter.created';

/**
 * Records a device event in the outbox of the current transaction; `data` is the device after the change and
 * `deviceId` the device (last: `extra` never overrides the key that `deviceEvents` filters on).
 */
export function recordDeviceEvent(em: Em, type: DeviceEventType, device: Device, extra?: Record<string, unknown>): OutboxEvent {
  return recordEntityEvent(em, type, 'Device', device, { ...extra, deviceId: device.id });
}

export function recordDatacenterEvent(em: Em, type: DatacenterEventType, datacenter: Datacenter): void {
  recordEntityEvent(em, type, 'Datacenter', datacenter);
}
