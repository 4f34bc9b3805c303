import { EntitySchema } from '@mikro-orm/core';
import { BaseEntity, baseProperties } from '../../../lib/entity';
import type { BootLevel } from '../generated/graphql';

/**
 * A device that holds licenses (seed 004): a network device, a computer or a virtual machine.
 * Its second key, `fingerprint`, is unique per account: licenses match activated machines to it.
 */
export class Device extends BaseEntity {
  fingerprint!: string;
  /** UDI product ID (PID) and serial number (SN): the UDI is `PID:SN`. */
  productId: string | null = null;
  serialNumber: string | null = null;
  hostname: string | null = null;
  platform: string | null = null;
  cores = 1;
  isVirtual = false;
  hostDeviceId: string | null = null;
  datacenterId: string | null = null;
  bootLevel: BootLevel = 'STANDARD';
  /** Mbps; null until set (seed 004 throughput levels). */
  throughput: number | null = null;
  eulaAccepted = false;
  eulaAcceptedAt: Date | null = null;
  eulaUri: string | null = null;
  /** Call-home reports (reportDeviceCallHome): the count is each report's sequence number, raised in the database. */
  lastCallHomeAt: Date | null = null;
  callHomeReportCount = 0;
}

const optText = { type: 'string', nullable: true } as const;

export const DeviceSchema = new EntitySchema<Device>({
  class: Device,
  tableName: 'devices_device',
  uniques: [{ properties: ['accountId', 'fingerprint'] }],
  properties: {
    ...baseProperties,
    fingerprint: { type: 'string', length: 255 },
    productId: { type: 'string', length: 64, nullable: true },
    serialNumber: { type: 'string', length: 64, nullable: true },
    hostname: optText,
    platform: optText,
    cores: { type: 'integer' },
    isVirtual: { type: 'boolean' },
    hostDeviceId: { type: 'uuid', nullable: true, index: true },
    datacenterId: { type: 'uuid', nullable: true, index: true },
    bootLevel: { type: 'string', length: 20 },
    throughput: { type: 'integer', nullable: true },
    eulaAccepted: { type: 'boolean' },
    eulaAcceptedAt: { type: 'datetime', nullable: true },
    eulaUri: { type: 'string', length: 2048, nullable: true },
    lastCallHomeAt: { type: 'datetime', nullable: true },
    callHomeReportCount: { type: 'integer', default: 0 },
  },
});
