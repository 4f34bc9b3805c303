import { EntitySchema } from '@mikro-orm/core';
import { BaseEntity, baseProperties } from '../../../lib/entity';

/** A computer covered by the license of a parent computer or datacenter (seed 003), e.g. a disaster recovery server. */
export class ExtendedCoverage extends BaseEntity {
  parentComputerId!: string;
  isParentComputerDatacenter = false;
  extendedComputerId!: string;
  applicationId!: string;
  coveredApplicationId!: string;
  reason!: string;
  reasonDescription: string | null = null;
}

export const ExtendedCoverageSchema = new EntitySchema<ExtendedCoverage>({
  class: ExtendedCoverage,
  tableName: 'compliance_extended_coverage',
  properties: {
    ...baseProperties,
    parentComputerId: { type: 'uuid', index: true },
    isParentComputerDatacenter: { type: 'boolean' },
    extendedComputerId: { type: 'uuid', index: true },
    applicationId: { type: 'uuid', index: true },
    coveredApplicationId: { type: 'uuid' },
    reason: { type: 'string', length: 255 },
    reasonDescription: { type: 'text', nullable: true },
  },
});
