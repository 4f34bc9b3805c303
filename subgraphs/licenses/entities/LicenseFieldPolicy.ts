import { EntitySchema } from '@mikro-orm/core';
import { BaseEntity, baseProperties } from '../../../lib/entity';

/** A license policy of seed 003: rules on the fields of license records (required, list of values, editable). */
export class LicenseFieldPolicy extends BaseEntity {
  name!: string;
  description: string | null = null;
}

export const LicenseFieldPolicySchema = new EntitySchema<LicenseFieldPolicy>({
  class: LicenseFieldPolicy,
  tableName: 'licenses_field_policy',
  properties: {
    ...baseProperties,
    name: { type: 'string' },
    description: { type: 'text', nullable: true },
  },
});
