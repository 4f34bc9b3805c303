import { EntitySchema } from '@mikro-orm/core';
import { BaseEntity, baseProperties } from '../../../lib/entity';

/**
 * What compliance needs of a license, kept from the licenses subgraph's events (services/projection.ts): the
 * asset-record facts that coverage is computed from. Not part of the SDL. `deleted` keeps a deleted license's
 * place, and `sourceSeq` (the outbox position of the last event applied) stops an older event from overwriting a
 * newer state.
 */
export class ProjectedLicense extends BaseEntity {
  licenseId!: string;
  organizationId: string | null = null;
  applicationId: string | null = null;
  metricId: string | null = null;
  quantity: number | null = null;
  isSubscription = false;
  subscriptionValidFrom: Date | null = null;
  subscriptionValidTo: Date | null = null;
  isUpgrade = false;
  isDowngrade = false;
  isCrossEdition = false;
  isCrossPlatform = false;
  /** Seed 003 record status: ACTIVE or ARCHIVED. */
  recordStatus = 'ACTIVE';
  deleted = false;
  sourceSeq = 0;
  /** The event that wrote this state. */
  eventId!: string;
}

export const ProjectedLicenseSchema = new EntitySchema<ProjectedLicense>({
  class: ProjectedLicense,
  tableName: 'compliance_projected_license',
  uniques: [{ properties: ['accountId', 'licenseId'] }],
  indexes: [{ properties: ['accountId', 'applicationId'] }],
  properties: {
    ...baseProperties,
    licenseId: { type: 'uuid' },
    organizationId: { type: 'uuid', nullable: true },
    applicationId: { type: 'uuid', nullable: true },
    metricId: { type: 'uuid', nullable: true },
    quantity: { type: 'integer', nullable: true },
    isSubscription: { type: 'boolean' },
    subscriptionValidFrom: { type: 'datetime', nullable: true },
    subscriptionValidTo: { type: 'datetime', nullable: true },
    isUpgrade: { type: 'boolean' },
    isDowngrade: { type: 'boolean' },
    isCrossEdition: { type: 'boolean' },
    isCrossPlatform: { type: 'boolean' },
    recordStatus: { type: 'string', length: 40 },
    deleted: { type: 'boolean' },
    sourceSeq: { type: 'integer' },
    eventId: { type: 'string', length: 36 },
  },
});
