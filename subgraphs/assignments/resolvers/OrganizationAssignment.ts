import type { OrganizationAssignmentResolvers } from '../generated/graphql';
import { licenseFact } from '../services/license-reads';

export const OrganizationAssignment: OrganizationAssignmentResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.organizationAssignment.load(reference.id),
  license: (a) => ({ id: a.licenseId }),
  organization: (a) => ({ id: a.organizationId }),
  applicationId: (a, _, { loaders }) => licenseFact(loaders, a.licenseId, 'applicationId'),
};
