import { EntitySchema } from '@mikro-orm/core';
import { LicenseAssignment, licenseAssignmentProperties } from './assignment-columns';

/** A license's assignment to an organization (seed 003); an organization is assigned a license at most once. */
export class OrganizationAssignment extends LicenseAssignment {
  organizationId!: string;
  /** Set by automatic allocation only; assignments made through the API are not auto-allocated. */
  isAutoAllocated = false;
}

export const OrganizationAssignmentSchema = new EntitySchema<OrganizationAssignment>({
  class: OrganizationAssignment,
  tableName: 'assignments_organization_assignment',
  uniques: [{ properties: ['accountId', 'licenseId', 'organizationId'] }],
  properties: {
    ...licenseAssignmentProperties,
    organizationId: { type: 'uuid', index: true },
    isAutoAllocated: { type: 'boolean' },
  },
});
