import { EntitySchema } from '@mikro-orm/core';
import { BaseEntity, baseProperties } from '../../../lib/entity';
import type { AssignmentKind } from '../domain/coverage';


/**
 * What compliance needs of a license assignment, kept from the assignments subgraph's events
 * (services/projection.ts). Not part of the SDL. `deleted` and `sourceSeq` as in ProjectedLicense.
 */
export class ProjectedAssignment extends BaseEntity {
  assignmentId!: string;
  licenseId!: string;
  kind!: AssignmentKind;
  /** The computer, datacenter, organization or user assigned (a site assignment names its organization). */
  targetId: string | null = null;
  quantity = 0;
  /** When the assignment was made and its place in that request: the order that decides over-assignment. */
  assignedAt!: Date;
  batchPosition = 0;
  deleted = false;
  sourceSeq = 0;
  eventId!: string;
}

export const ProjectedAssignmentSchema = new EntitySchema<ProjectedAssignment>({
  class: ProjectedAssignment,
  tableName: 'compliance_projected_assignment',
  uniques: [{ properties: ['accountId', 'assignmentId'] }],
  indexes: [{ properties: ['accountId', 'licenseId'] }],
  properties: {
    ...baseProperties,
    assignmentId: { type: 'uuid' },
    licenseId: { type: 'uuid' },
    kind: { type: 'string', length: 20 },
    targetId: { type: 'uuid', nullable: true },
    quantity: { type: 'integer' },
    assignedAt: { type: 'datetime' },
    batchPosition: { type: 'integer' },
    deleted: { type: 'boolean' },
    sourceSeq: { type: 'integer' },
    eventId: { type: 'string', length: 36 },
  },
});
