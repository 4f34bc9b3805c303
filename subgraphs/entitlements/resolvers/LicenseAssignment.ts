import { isValidAt } from '../domain/validity';
import type { LicenseAssignmentResolvers } from '../generated/graphql';

export const LicenseAssignment: LicenseAssignmentResolvers = {
  valid: (assignment) => isValidAt(assignment, new Date()),
  license: (assignment) => ({ id: assignment.licenseId }),
};
