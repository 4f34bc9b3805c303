import { connectionFromArray } from '../../../lib/pagination';
import type { OrganizationResolvers } from '../generated/graphql';
import { ORGANIZATION_ASSIGNMENTS } from '../services/assignment-kinds';
import { assignmentConnection } from '../services/license-reads';

/** The license assignments made to an organization (the organization is the licenses subgraph's). */
export const Organization: OrganizationResolvers = {
  __resolveReference: (reference) => ({ id: reference.id }),
  organizationAssignments: (org, args, { loaders }) =>
    assignmentConnection(loaders.filtered, ORGANIZATION_ASSIGNMENTS, loaders.organizationAssignmentsByOrganization, { column: 'organizationId', id: org.id }, args),
  siteAssignments: async (org, args, { loaders }) => connectionFromArray(await loaders.siteAssignmentsByOrganization.load(org.id), args),
};
