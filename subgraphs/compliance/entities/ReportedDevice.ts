import { EntitySchema } from '@mikro-orm/core';
import { BaseEntity, baseProperties } from '../../../lib/entity';

/**
 * The newest call-home report of a device that the compliance subgraph has applied to license tracking: its
 * sequence number (raised by the devices subgraph for every report) and event. An event whose sequence is not
 * higher (a replay, or an older report delivered late) changes nothing. Kept when the device is deleted, so that a
 * late report cannot bring its rows back.
 */
export class ReportedDevice extends BaseEntity {
  deviceId!: string;
  sequence = 0;
  eventId: string | null = null;
  reportedAt: Date | null = null;
}

export const ReportedDeviceSchema = new EntitySchema<ReportedDevice>({
  class: ReportedDevice,
  tableName: 'compliance_reported_device',
  uniques: [{ properties: ['accountId', 'deviceId'] }],
  properties: {
    ...baseProperties,
    deviceId: { type: 'uuid' },
    sequence: { type: 'integer' },
    eventId: { type: 'string', length: 36, nullable: true },
    reportedAt: { type: 'datetime', nullable: true },
  },
});
