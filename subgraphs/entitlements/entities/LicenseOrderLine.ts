import { EntitySchema } from '@mikro-orm/core';
import { BaseEntity, baseProperties } from '../../../lib/entity';
import type { CreditType } from '../generated/graphql';
import { int64 } from './credit';

/** A line of a license order: one credit of `creditType` granted to one license (seed 002 `LicenseOrderLine`). */
export class LicenseOrderLine extends BaseEntity {
  licenseOrderId!: string;
  /** Index of the line in the order as it was placed (lineNumber is the client's free text). */
  position!: number;
  lineNumber: string | null = null;
  productId: string | null = null;
  productCode: string | null = null;
  licenseId!: string;
  entitlementId: string | null = null;
  licensedItemId!: string;
  creditType!: CreditType;
  /** Seats, uses or milliseconds of use time. */
  quantity!: number;
  orderValidFrom: Date | null = null;
  orderValidUntil: Date | null = null;
  metadata: string | null = null;
}

export const LicenseOrderLineSchema = new EntitySchema<LicenseOrderLine>({
  class: LicenseOrderLine,
  tableName: 'entitlements_license_order_line',
  properties: {
    ...baseProperties,
    licenseOrderId: { type: 'uuid', index: true },
    position: { type: 'integer' },
    lineNumber: { type: 'string', nullable: true },
    productId: { type: 'uuid', nullable: true },
    productCode: { type: 'string', nullable: true },
    licenseId: { type: 'uuid', index: true },
    entitlementId: { type: 'uuid', nullable: true },
    licensedItemId: { type: 'uuid' },
    creditType: { type: 'string', length: 20 },
    quantity: { type: int64() },
    orderValidFrom: { type: 'datetime', nullable: true },
    orderValidUntil: { type: 'datetime', nullable: true },
    metadata: { type: 'text', nullable: true },
  },
});
