import { EntitySchema } from '@mikro-orm/core';
import { BaseEntity, baseProperties } from '../../../lib/entity';
import type { DeviceLicenseInstallationStatus } from '../generated/graphql';

/**
 * A license installation from a location (seed 004 POST /api/v1/license/install): an inline license file, installed
 * at once, or a location recorded for the device's agent. The inline file itself is not kept, only its license.
 */
export class DeviceLicenseInstallation extends BaseEntity {
  deviceId!: string;
  scheme!: string;
  licenseLocation: string | null = null;
  /** A License of the licenses subgraph (a plain UUID: no cross-subgraph foreign key). */
  licenseId: string | null = null;
  status: DeviceLicenseInstallationStatus = 'REQUESTED';
  requestedAt: Date = new Date();
  installedAt: Date | null = null;
}

export const DeviceLicenseInstallationSchema = new EntitySchema<DeviceLicenseInstallation>({
  class: DeviceLicenseInstallation,
  tableName: 'devices_license_installation',
  properties: {
    ...baseProperties,
    deviceId: { type: 'uuid', index: true },
    scheme: { type: 'string', length: 20 },
    licenseLocation: { type: 'string', length: 2048, nullable: true },
    licenseId: { type: 'uuid', nullable: true },
    // room for the states the device's agent reports later
    status: { type: 'string', length: 20 },
    requestedAt: { type: 'datetime' },
    installedAt: { type: 'datetime', nullable: true },
  },
});
