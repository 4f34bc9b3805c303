import type { UserAssignmentResolvers } from '../generated/graphql';
import { invalidAssignmentReasons, licenseFact } from '../services/license-reads';

export const UserAssignment: UserAssignmentResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.userAssignment.load(reference.id),
  license: (a) => ({ id: a.licenseId }),
  user: (a) => ({ id: a.userId }),
  applicationId: (a, _, { loaders }) => licenseFact(loaders, a.licenseId, 'applicationId'),
  invalidAssignmentReasons: (a, _, { loaders }) => invalidAssignmentReasons(loaders, a),
};
