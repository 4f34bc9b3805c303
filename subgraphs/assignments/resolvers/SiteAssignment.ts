import type { SiteAssignmentResolvers } from '../generated/graphql';
import { licenseFact } from '../services/license-reads';

export const SiteAssignment: SiteAssignmentResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.siteAssignment.load(reference.id),
  license: (a) => ({ id: a.licenseId }),
  organization: (a) => ({ id: a.organizationId }),
  applicationId: (a, _, { loaders }) => licenseFact(loaders, a.licenseId, 'applicationId'),
};
