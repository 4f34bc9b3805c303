import { EntitySchema } from '@mikro-orm/core';
import { BaseEntity, baseProperties } from '../../../lib/entity';

/** A kind of extended coverage (seed 003), e.g. `Passive`; coverages name it as their reason. */
export class ExtendedCoverageType extends BaseEntity {
  name!: string;
}

export const ExtendedCoverageTypeSchema = new EntitySchema<ExtendedCoverageType>({
  class: ExtendedCoverageType,
  tableName: 'compliance_extended_coverage_type',
  uniques: [{ properties: ['accountId', 'name'] }],
  properties: {
    ...baseProperties,
    name: { type: 'string', length: 255 },
  },
});
