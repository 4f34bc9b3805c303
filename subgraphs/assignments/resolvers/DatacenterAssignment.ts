import type { DatacenterAssignmentResolvers } from '../generated/graphql';
import { invalidAssignmentReasons, licenseFact } from '../services/license-reads';

export const DatacenterAssignment: DatacenterAssignmentResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.datacenterAssignment.load(reference.id),
  license: (a) => ({ id: a.licenseId }),
  applicationId: (a, _, { loaders }) => licenseFact(loaders, a.licenseId, 'applicationId'),
  hasVmUseRights: (a, _, { loaders }) => licenseFact(loaders, a.licenseId, 'hasVmUseRights'),
  numberOfSupportedVirtualMachines: (a, _, { loaders }) => licenseFact(loaders, a.licenseId, 'numberOfSupportedVirtualMachines'),
  invalidAssignmentReasons: (a, _, { loaders }) => invalidAssignmentReasons(loaders, a),
};
