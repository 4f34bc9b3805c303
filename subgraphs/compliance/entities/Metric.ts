import { EntitySchema } from '@mikro-orm/core';
import { BaseEntity, baseProperties } from '../../../lib/entity';

/** A licensing metric: how the use of an application is counted (per device, per user, per core...). */
export class Metric extends BaseEntity {
  name!: string;
  description: string | null = null;
}

export const MetricSchema = new EntitySchema<Metric>({
  class: Metric,
  tableName: 'compliance_metric',
  uniques: [{ properties: ['accountId', 'name'] }],
  properties: {
    ...baseProperties,
    name: { type: 'string', length: 255 },
    description: { type: 'text', nullable: true },
  },
});
