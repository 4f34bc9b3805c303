import { EntitySchema } from '@mikro-orm/core';
import { BaseEntity, baseProperties } from '../../../lib/entity';
import type { ViewPermission } from '../generated/graphql';

export class LicenseMetadata extends BaseEntity {
  licenseId!: string;
  key!: string;
  value!: string;
  visible = true;
  viewPermissions: ViewPermission[] = [];
}

export const LicenseMetadataSchema = new EntitySchema<LicenseMetadata>({
  class: LicenseMetadata,
  tableName: 'licenses_license_metadata',
  uniques: [{ properties: ['licenseId', 'key'] }],
  properties: {
    ...baseProperties,
    licenseId: { type: 'uuid', index: true },
    key: { type: 'string' },
    value: { type: 'text' },
    visible: { type: 'boolean' },
    viewPermissions: { type: 'json' },
  },
});
