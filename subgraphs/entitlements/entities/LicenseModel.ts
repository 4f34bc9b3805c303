import { EntitySchema } from '@mikro-orm/core';
import { BaseEntity, baseProperties } from '../../../lib/entity';
import type {
  AssignedLicenseConstraint, ConcurrentSessions, LeaseTimeBehavior, LicenseLockingBehavior, LicensePoolBehavior,
  ScopedLicenseConstraint, SeatCountConstraint, UseCountConstraint, UseTimeConstraint, VersionConstraint,
} from '../generated/graphql';

/**
 * The rules of consuming a license (seed 002 `LicenseModel`). Each constraint is one JSON column
 * in the seed's shape: null means the constraint is not applied (e.g. no seat counting).
 */
export class LicenseModel extends BaseEntity {
  name!: string;
  description: string | null = null;
  assignedLicenseConstraint: AssignedLicenseConstraint | null = null;
  concurrentSessions: ConcurrentSessions | null = null;
  leaseTimeBehavior: LeaseTimeBehavior | null = null;
  licenseLockingBehavior: LicenseLockingBehavior | null = null;
  licensePoolBehavior: LicensePoolBehavior | null = null;
  scopedLicenseConstraint: ScopedLicenseConstraint | null = null;
  seatCountConstraint: SeatCountConstraint | null = null;
  useCountConstraint: UseCountConstraint | null = null;
  useTimeConstraint: UseTimeConstraint | null = null;
  versionConstraint: VersionConstraint | null = null;
}

export const LicenseModelSchema = new EntitySchema<LicenseModel>({
  class: LicenseModel,
  tableName: 'entitlements_license_model',
  uniques: [{ properties: ['accountId', 'name'] }],
  properties: {
    ...baseProperties,
    name: { type: 'string' },
    description: { type: 'text', nullable: true },
    assignedLicenseConstraint: { type: 'json', nullable: true },
    concurrentSessions: { type: 'json', nullable: true },
    leaseTimeBehavior: { type: 'json', nullable: true },
    licenseLockingBehavior: { type: 'json', nullable: true },
    licensePoolBehavior: { type: 'json', nullable: true },
    scopedLicenseConstraint: { type: 'json', nullable: true },
    seatCountConstraint: { type: 'json', nullable: true },
    useCountConstraint: { type: 'json', nullable: true },
    useTimeConstraint: { type: 'json', nullable: true },
    versionConstraint: { type: 'json', nullable: true },
  },
});
