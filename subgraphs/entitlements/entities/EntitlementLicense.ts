import { EntitySchema } from '@mikro-orm/core';
import { BaseEntity, baseProperties } from '../../../lib/entity';
import type { LicenseScope } from '../generated/graphql';

/**
 * A license of the licenses subgraph placed in an entitlement, with the licensed item it grants
 * and its license model (seed 002 `License`). A license is in at most one entitlement.
 */
export class EntitlementLicense extends BaseEntity {
  entitlementId!: string;
  /** The license (licenses subgraph); a plain UUID column. */
  licenseId!: string;
  licensedItemId!: string;
  licenseModelId!: string;
  validFrom: Date | null = null;
  validUntil: Date | null = null;
  active = true;
  scopeBindings: LicenseScope[] = [];
}

export const EntitlementLicenseSchema = new EntitySchema<EntitlementLicense>({
  class: EntitlementLicense,
  tableName: 'entitlements_entitlement_license',
  uniques: [{ properties: ['accountId', 'licenseId'] }],
  properties: {
    ...baseProperties,
    entitlementId: { type: 'uuid', index: true },
    licenseId: { type: 'uuid', index: true },
    licensedItemId: { type: 'uuid', index: true },
    licenseModelId: { type: 'uuid', index: true },
    validFrom: { type: 'datetime', nullable: true },
    validUntil: { type: 'datetime', nullable: true },
    active: { type: 'boolean' },
    scopeBindings: { type: 'json' },
  },
});
