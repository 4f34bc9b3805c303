import { EntitySchema } from '@mikro-orm/core';
import { BaseEntity, baseProperties } from '../../../lib/entity';

/** `quantity` units of license `licenseId` upgrade `upgradedQuantity` units of license `upgradedLicenseId` (seed 003). */
export class LicenseUpgrade extends BaseEntity {
  licenseId!: string;
  upgradedLicenseId!: string;
  quantity!: number;
  upgradedQuantity!: number;
}

export const LicenseUpgradeSchema = new EntitySchema<LicenseUpgrade>({
  class: LicenseUpgrade,
  tableName: 'compliance_license_upgrade',
  // one upgrade per pair: seed 003 reads an upgrade by (license, upgraded license)
  uniques: [{ properties: ['accountId', 'licenseId', 'upgradedLicenseId'] }],
  properties: {
    ...baseProperties,
    licenseId: { type: 'uuid', index: true },
    upgradedLicenseId: { type: 'uuid', index: true },
    quantity: { type: 'integer' },
    upgradedQuantity: { type: 'integer' },
  },
});
