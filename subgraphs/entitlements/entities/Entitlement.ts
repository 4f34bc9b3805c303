import { EntitySchema } from '@mikro-orm/core';
import { BaseEntity, baseProperties } from '../../../lib/entity';

/** An entitlement of an organization: the container of its licenses (seed 002). */
export class Entitlement extends BaseEntity {
  /** The owning organization (licenses subgraph); a plain UUID column. */
  organizationId!: string;
  name!: string;
  description: string | null = null;
  /** Seed 002 `ResourceWithValidity`: null validFrom means not valid, null validUntil valid indefinitely. */
  validFrom: Date | null = null;
  validUntil: Date | null = null;
}

export const EntitlementSchema = new EntitySchema<Entitlement>({
  class: Entitlement,
  tableName: 'entitlements_entitlement',
  properties: {
    ...baseProperties,
    organizationId: { type: 'uuid', index: true },
    name: { type: 'string' },
    description: { type: 'text', nullable: true },
    validFrom: { type: 'datetime', nullable: true },
    validUntil: { type: 'datetime', nullable: true },
  },
});
