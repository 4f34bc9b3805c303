import { EntitySchema } from '@mikro-orm/core';
import { BaseEntity, baseProperties } from '../../../lib/entity';

/** A type of license assignment (seed 003): a numeric code and a name, e.g. 0 `Organization`. */
export class AssignmentType extends BaseEntity {
  assignmentType!: number;
  name!: string;
  description: string | null = null;
}

export const AssignmentTypeSchema = new EntitySchema<AssignmentType>({
  class: AssignmentType,
  tableName: 'assignments_assignment_type',
  uniques: [{ properties: ['accountId', 'assignmentType'] }, { properties: ['accountId', 'name'] }],
  properties: {
    ...baseProperties,
    assignmentType: { type: 'integer' },
    name: { type: 'string' },
    description: { type: 'text', nullable: true },
  },
});
