import { EntitySchema } from '@mikro-orm/core';
import { BaseEntity, baseProperties } from '../../../lib/entity';
import type { LicenseTrackingSource } from '../generated/graphql';

/**
 * A license tracking row (seed 003): how an application found on a computer, or used by a user, is
 * counted for a metric and which license covers it. Exactly one of computerId and userId is set.
 * Written by addComputerLicenseTracking / addUserLicenseTracking and read by the four tracking queries
 * (services/tracking.ts), or kept from devices' call-home reports (services/call-home-tracking.ts: `source`
 * CALL_HOME, with the reporting device and report time); the compliance summaries take their requirement from
 * these rows (services/compliance.ts).
 */
export class LicenseTracking extends BaseEntity {
  applicationId!: string;
  metricId!: string;
  computerId: string | null = null;
  userId: string | null = null;
  licenseId: string | null = null;
  organizationId: string | null = null;
  /** Seed 003 counters of the row: how it counts, what it requires, what coverage it received. */
  coverageTrait = 0;
  initialRequirement = 0;
  requirement = 0;
  receivedCoverage = 0;
  /** Use rights such as `NamedComputer`, `UpgradeRights`, `Standard`. */
  primaryUseRights: string[] = [];
  fullUseRights: string[] = [];
  source: LicenseTrackingSource = 'MANUAL';
  /** For CALL_HOME rows: the device whose report wrote the row (its computer, or where the user uses it) and when. */
  reportingDeviceId: string | null = null;
  reportedAt: Date | null = null;
}

export const LicenseTrackingSchema = new EntitySchema<LicenseTracking>({
  class: LicenseTracking,
  tableName: 'compliance_license_tracking',
  indexes: [{ properties: ['applicationId', 'computerId'] }, { properties: ['applicationId', 'userId'] }],
  properties: {
    ...baseProperties,
    applicationId: { type: 'uuid' },
    metricId: { type: 'uuid' },
    computerId: { type: 'uuid', nullable: true, index: true },
    userId: { type: 'uuid', nullable: true },
    licenseId: { type: 'uuid', nullable: true, index: true },
    organizationId: { type: 'uuid', nullable: true },
    coverageTrait: { type: 'integer' },
    initialRequirement: { type: 'integer' },
    requirement: { type: 'integer' },
    receivedCoverage: { type: 'integer' },
    primaryUseRights: { type: 'json' },
    fullUseRights: { type: 'json' },
    source: { type: 'string', length: 20, default: 'MANUAL' },
    reportingDeviceId: { type: 'uuid', nullable: true, index: true },
    reportedAt: { type: 'datetime', nullable: true },
  },
});
