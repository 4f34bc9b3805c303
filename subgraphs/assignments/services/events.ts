import type { Em } from '../../../lib/orm';
import { recordEntityEvent } from '../../../lib/outbox';
import type { LicenseAssignment } from '../entities/assignment-columns';

export type AssignmentEventType = 'assignment.created' | 'assignment.updated' | 'assignment.deleted';

/** The GraphQL type of an assignment: the event's `entityType`. */
export type AssignmentTypeName =
  | 'ComputerAssignment' | 'DatacenterAssignment' | 'OrganizationAssignment' | 'SiteAssignment' | 'UserAssignment';

/**
 * Records an assignment event in the outbox of the current transaction; `data` is the assignment
 * after the change (before it, for a deletion). Compliance keeps its projection from these.
 */
export function recordAssignmentEvent(em: Em, type: AssignmentEventType, entityType: AssignmentTypeName, assignment: LicenseAssignment): void {
  recordEntityEvent(em, type, entityType, assignment, { licenseId: assignment.licenseId });
}
