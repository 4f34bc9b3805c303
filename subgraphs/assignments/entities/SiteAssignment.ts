import { EntitySchema } from '@mikro-orm/core';
import { LicenseAssignment, licenseAssignmentProperties } from './assignment-columns';

/** A license's assignment to a site (an organization as a whole): at most one per license (seed 003). */
export class SiteAssignment extends LicenseAssignment {
  organizationId!: string;
}

export const SiteAssignmentSchema = new EntitySchema<SiteAssignment>({
  class: SiteAssignment,
  tableName: 'assignments_site_assignment',
  uniques: [{ properties: ['accountId', 'licenseId'] }],
  properties: {
    ...licenseAssignmentProperties,
    organizationId: { type: 'uuid', index: true },
  },
});
