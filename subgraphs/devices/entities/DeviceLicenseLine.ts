import { EntitySchema } from '@mikro-orm/core';
import { BaseEntity, baseProperties } from '../../../lib/entity';
import type { DeviceLicenseAddition, DeviceLicensePriority } from '../generated/graphql';

/** A license line of a device: every property of seed 004's license detail (`object#license`). */
export class DeviceLicenseLine extends BaseEntity {
  deviceId!: string;
  /** A License of the licenses subgraph (a plain UUID: no cross-subgraph foreign key). */
  licenseId: string | null = null;
  /** Position in the device's license collection, from 1; unique per device. */
  index!: number;
  feature!: string;
  version: string | null = null;
  licenseType!: string;
  /** YYYY-MM-DD (seed 004 dates of non-evaluation licenses). */
  startDate: string | null = null;
  endDate: string | null = null;
  licenseState!: string;
  /** ISO-8601 durations (PnYnMnDTnHnMnS). */
  evaluationPeriod: string | null = null;
  evaluationPeriodLeft: string | null = null;
  evaluationPeriodUsed: string | null = null;
  evaluationExpiryDate: Date | null = null;
  lockType: string | null = null;
  /** vendor-info: the UDI the license was issued for. */
  vendorProductId: string | null = null;
  vendorSerialNumber: string | null = null;
  licenseAddition: DeviceLicenseAddition | null = null;
  licenseGenerationVersion: string | null = null;
  licenseCount = 0;
  licensePriority: DeviceLicensePriority | null = null;
  storeIndex: number | null = null;
  storageName: string | null = null;
}

const optText = { type: 'string', nullable: true } as const;
const optShort = { type: 'string', length: 64, nullable: true } as const;

export const DeviceLicenseLineSchema = new EntitySchema<DeviceLicenseLine>({
  class: DeviceLicenseLine,
  tableName: 'devices_device_license_line',
  uniques: [{ properties: ['deviceId', 'index'] }],
  properties: {
    ...baseProperties,
    deviceId: { type: 'uuid', index: true },
    licenseId: { type: 'uuid', nullable: true, index: true },
    index: { type: 'integer' },
    feature: { type: 'string', length: 255 },
    version: optShort,
    licenseType: { type: 'string', length: 255 },
    startDate: { type: 'string', length: 10, nullable: true },
    endDate: { type: 'string', length: 10, nullable: true },
    licenseState: { type: 'string', length: 255 },
    evaluationPeriod: optShort,
    evaluationPeriodLeft: optShort,
    evaluationPeriodUsed: optShort,
    evaluationExpiryDate: { type: 'datetime', nullable: true },
    lockType: optText,
    vendorProductId: optShort,
    vendorSerialNumber: optShort,
    licenseAddition: { type: 'string', length: 20, nullable: true },
    licenseGenerationVersion: optShort,
    licenseCount: { type: 'integer' },
    licensePriority: { type: 'string', length: 20, nullable: true },
    storeIndex: { type: 'integer', nullable: true },
    storageName: optText,
  },
});
