import { EntitySchema } from '@mikro-orm/core';
import { BaseEntity, baseProperties } from '../../../lib/entity';
import type { LicenseAssignmentType } from '../generated/graphql';

/**
 * A user's assignment to a license (seed 002 `LicenseAssignment`): RESERVED (a named seat), DENIED or FLOATING, valid
 * from `validFrom` (the time it was set, when none was given) until `validUntil` (null: indefinitely). The user is
 * the subject of the user's tokens, the same id a consumption session records.
 */
export class LicenseAssignment extends BaseEntity {
  licenseId!: string;
  userId!: string;
  type!: LicenseAssignmentType;
  validFrom!: Date;
  validUntil: Date | null = null;
  /** For a reservation: when the user first consumed the license in its seat (seed 002 `allowReassign`). */
  usedAt: Date | null = null;
}

export const LicenseAssignmentSchema = new EntitySchema<LicenseAssignment>({
  class: LicenseAssignment,
  tableName: 'entitlements_license_assignment',
  indexes: [{ properties: ['accountId', 'licenseId', 'userId'] }],
  properties: {
    ...baseProperties,
    licenseId: { type: 'uuid' },
    userId: { type: 'string' },
    type: { type: 'string', length: 20 },
    validFrom: { type: 'datetime' },
    validUntil: { type: 'datetime', nullable: true },
    usedAt: { type: 'datetime', nullable: true },
  },
});
