import { EntitySchema } from '@mikro-orm/core';
import { BaseEntity, baseProperties } from '../../../lib/entity';

/** An order of an organization that grants credits to licenses (seed 002 `LicenseOrder`). */
export class LicenseOrder extends BaseEntity {
  organizationId!: string;
  orderNumber: string | null = null;
  orderDate: Date | null = null;
  /** Set by cancelLicenseOrder, which removes the credits the order granted. */
  canceled = false;
  metadata: string | null = null;
}

export const LicenseOrderSchema = new EntitySchema<LicenseOrder>({
  class: LicenseOrder,
  tableName: 'entitlements_license_order',
  properties: {
    ...baseProperties,
    organizationId: { type: 'uuid', index: true },
    orderNumber: { type: 'string', nullable: true },
    orderDate: { type: 'datetime', nullable: true },
    canceled: { type: 'boolean' },
    metadata: { type: 'text', nullable: true },
  },
});
