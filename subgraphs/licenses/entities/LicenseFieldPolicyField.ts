import { EntitySchema } from '@mikro-orm/core';
import { BaseEntity, baseProperties } from '../../../lib/entity';

/** One field rule of a license policy (seed 003 "license policy fields"), e.g. InvoiceReference is required. */
export class LicenseFieldPolicyField extends BaseEntity {
  policyId!: string;
  /** The license field it governs, as seed 003 writes it (e.g. `InvoiceReference`). */
  name!: string;
  description: string | null = null;
  isRequired = false;
  isComboBox = false;
  isEditingAllowed = true;
  listItems: string[] = [];
}

export const LicenseFieldPolicyFieldSchema = new EntitySchema<LicenseFieldPolicyField>({
  class: LicenseFieldPolicyField,
  tableName: 'licenses_field_policy_field',
  uniques: [{ properties: ['policyId', 'name'] }],
  properties: {
    ...baseProperties,
    policyId: { type: 'uuid', index: true },
    name: { type: 'string' },
    description: { type: 'text', nullable: true },
    isRequired: { type: 'boolean' },
    isComboBox: { type: 'boolean' },
    isEditingAllowed: { type: 'boolean' },
    listItems: { type: 'json' },
  },
});
