import { EntitySchema } from '@mikro-orm/core';
import { BaseEntity, baseProperties } from '../../../lib/entity';
import type { ConsumptionMode } from '../generated/graphql';

/** Milliseconds of use time a lease took from one use time credit (refunded when the lease is released early). */
export interface TimeCharge {
  creditId: string;
  ms: number;
}

/**
 * A license lease (seed 002 `LicenseLease`): one consumption in cache or check-out mode within a session. It holds
 * its session's seat until `heldUntil`: `validUntil`, or after a release the end of the cooldown (never later than
 * the lease would have ended). Null `validUntil`/`heldUntil`: until the license expires.
 */
export class LicenseLease extends BaseEntity {
  sessionId!: string;
  licenseId!: string;
  /** The consuming user (token subject): only they may refresh or release the lease. */
  userId!: string;
  mode!: ConsumptionMode;
  validFrom!: Date;
  validUntil: Date | null = null;
  refreshAfter: Date | null = null;
  releasedAt: Date | null = null;
  heldUntil: Date | null = null;
  /** Use time charged to credits, in charge order (a refund takes back the latest charges first). */
  timeCharges: TimeCharge[] = [];
}

export const LicenseLeaseSchema = new EntitySchema<LicenseLease>({
  class: LicenseLease,
  tableName: 'entitlements_license_lease',
  properties: {
    ...baseProperties,
    sessionId: { type: 'uuid', index: true },
    licenseId: { type: 'uuid', index: true },
    userId: { type: 'string' },
    mode: { type: 'string', length: 20 },
    validFrom: { type: 'datetime' },
    validUntil: { type: 'datetime', nullable: true },
    refreshAfter: { type: 'datetime', nullable: true },
    releasedAt: { type: 'datetime', nullable: true },
    heldUntil: { type: 'datetime', nullable: true },
    timeCharges: { type: 'json' },
  },
});
