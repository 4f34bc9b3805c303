import { EntitySchema } from '@mikro-orm/core';
import { BaseEntity, baseProperties } from '../../../lib/entity';
import type { ViewPermission } from '../generated/graphql';

/** A metered feature (seed 000): totalUses never exceeds allowedUses; grossUses is never reset. */
export class MeterAttribute extends BaseEntity {
  licenseId!: string;
  name!: string;
  allowedUses = 0;
  totalUses = 0;
  grossUses = 0;
  floating = false;
  visible = true;
  viewPermissions: ViewPermission[] = [];
}

export const MeterAttributeSchema = new EntitySchema<MeterAttribute>({
  class: MeterAttribute,
  tableName: 'licenses_meter_attribute',
  uniques: [{ properties: ['licenseId', 'name'] }],
  properties: {
    ...baseProperties,
    licenseId: { type: 'uuid', index: true },
    name: { type: 'string' },
    allowedUses: { type: 'integer' },
    totalUses: { type: 'integer' },
    grossUses: { type: 'integer' },
    floating: { type: 'boolean' },
    visible: { type: 'boolean' },
    viewPermissions: { type: 'json' },
  },
});
