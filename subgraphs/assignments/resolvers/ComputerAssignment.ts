import type { ComputerAssignmentResolvers } from '../generated/graphql';
import { invalidAssignmentReasons, licenseFact } from '../services/license-reads';

export const ComputerAssignment: ComputerAssignmentResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.computerAssignment.load(reference.id),
  license: (a) => ({ id: a.licenseId }),
  applicationId: (a, _, { loaders }) => licenseFact(loaders, a.licenseId, 'applicationId'),
  hasVmUseRights: (a, _, { loaders }) => licenseFact(loaders, a.licenseId, 'hasVmUseRights'),
  numberOfSupportedVirtualMachines: (a, _, { loaders }) => licenseFact(loaders, a.licenseId, 'numberOfSupportedVirtualMachines'),
  invalidAssignmentReasons: (a, _, { loaders }) => invalidAssignmentReasons(loaders, a),
};
