import { EntitySchema } from '@mikro-orm/core';
import { BaseEntity, baseProperties } from '../../../lib/entity';

/**
 * A license transfer row (seed 003): `quantity` of license `licenseId`, bought for application
 * `fromApplicationId`, covers application `toApplicationId` on a computer, for a user or for a custom compare
 * value, by upgrade, downgrade, cross-edition or cross-platform rights. Exactly one of computerId, userId and
 * customCompareValueId is set. Written by addComputerLicenseTransfer / addUserLicenseTransfer /
 * addCustomValueLicenseTransfer and read by the four transfer queries (services/transfers.ts).
 */
export class LicenseTransfer extends BaseEntity {
  metricId!: string;
  fromApplicationId!: string;
  toApplicationId!: string;
  licenseId!: string;
  organizationId: string | null = null;
  computerId: string | null = null;
  userId: string | null = null;
  customCompareValueId: string | null = null;
  isUpgrade = false;
  isDowngrade = false;
  isCrossEdition = false;
  isCrossPlatform = false;
  quantity = 1;
  /** Use rights of a custom value transfer, e.g. `Standard`. */
  useRights: string[] = [];
}

export const LicenseTransferSchema = new EntitySchema<LicenseTransfer>({
  class: LicenseTransfer,
  tableName: 'compliance_license_transfer',
  // the reads select the transfers of an application from either side
  indexes: [{ properties: ['fromApplicationId'] }, { properties: ['toApplicationId'] }],
  properties: {
    ...baseProperties,
    metricId: { type: 'uuid' },
    fromApplicationId: { type: 'uuid' },
    toApplicationId: { type: 'uuid' },
    licenseId: { type: 'uuid', index: true },
    organizationId: { type: 'uuid', nullable: true },
    computerId: { type: 'uuid', nullable: true },
    userId: { type: 'uuid', nullable: true },
    customCompareValueId: { type: 'uuid', nullable: true },
    isUpgrade: { type: 'boolean' },
    isDowngrade: { type: 'boolean' },
    isCrossEdition: { type: 'boolean' },
    isCrossPlatform: { type: 'boolean' },
    quantity: { type: 'integer' },
    useRights: { type: 'json' },
  },
});
