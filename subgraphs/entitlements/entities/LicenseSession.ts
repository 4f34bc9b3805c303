import { EntitySchema } from '@mikro-orm/core';
import { BaseEntity, baseProperties } from '../../../lib/entity';
import type { LicenseSessionAnchor } from '../generated/graphql';

/**
 * A license consumption session (seed 002 `LicenseSession`): one consuming user of one license with the values of
 * the model's session anchors. It takes one seat (charged to `seatCountCreditId`) while `seatHeldUntil` has not
 * passed; a null `seatHeldUntil` or `validUntil` means "until the license expires" (no end was known).
 */
export class LicenseSession extends BaseEntity {
  licenseId!: string;
  /** The consuming user: the subject of the token that established the session. */
  userId!: string;
  /** SHA-256 of the user and the session anchor values: what a later request is matched on. */
  identity!: string;
  /** SHA-256 of the session anchor values alone: the consumed resource of seed 002 use count tracking. */
  resourceKey!: string;
  anchors: LicenseSessionAnchor[] = [];
  /** The seat count credit the session's seat is charged to; null when the model counts no seats. */
  seatCountCreditId: string | null = null;
  /** The use count credit the session's use was charged to; null when no use was charged. */
  useCountCreditId: string | null = null;
  /** The end of the session's latest lease. */
  validUntil: Date | null = null;
  /** The latest end of its leases' seat holds (a released lease holds its seat through the cooldown). */
  seatHeldUntil: Date | null = null;
}

export const LicenseSessionSchema = new EntitySchema<LicenseSession>({
  class: LicenseSession,
  tableName: 'entitlements_license_session',
  indexes: [{ properties: ['accountId', 'licenseId', 'seatHeldUntil'] }],
  properties: {
    ...baseProperties,
    licenseId: { type: 'uuid' },
    userId: { type: 'string' },
    identity: { type: 'string', length: 64, index: true },
    resourceKey: { type: 'string', length: 64 },
    anchors: { type: 'json' },
    seatCountCreditId: { type: 'uuid', nullable: true, index: true },
    useCountCreditId: { type: 'uuid', nullable: true },
    validUntil: { type: 'datetime', nullable: true },
    seatHeldUntil: { type: 'datetime', nullable: true },
  },
});
