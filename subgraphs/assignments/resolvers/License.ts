import type { LicenseResolvers } from '../generated/graphql';
import {
  COMPUTER_ASSIGNMENTS, DATACENTER_ASSIGNMENTS, ORGANIZATION_ASSIGNMENTS, USER_ASSIGNMENTS,
} from '../services/assignment-kinds';
import { assignmentConnection, assignmentSummary, rememberLicense } from '../services/license-reads';

const byLicense = (id: string) => ({ column: 'licenseId' as const, id });

/** Fields this subgraph adds to the licenses subgraph's License; every list goes through a loader. */
export const License: LicenseResolvers = {
  __resolveReference: (reference, { loaders }) => rememberLicense(loaders, reference),
  assignmentType: (license, _, { loaders }) => (license.assignmentTypeId ? loaders.assignmentType.load(license.assignmentTypeId) : null),
  computerAssignments: (license, args, { loaders }) =>
    assignmentConnection(loaders.filtered, COMPUTER_ASSIGNMENTS, loaders.computersByLicense, byLicense(license.id), args),
  computerAssignment: async (license, { computerId }, { loaders }) =>
    (await loaders.computersByLicense.load(license.id)).find((a) => a.computerId === computerId.toLowerCase()) ?? null,
  datacenterAssignments: (license, args, { loaders }) =>
    assignmentConnection(loaders.filtered, DATACENTER_ASSIGNMENTS, loaders.datacentersByLicense, byLicense(license.id), args),
  datacenterAssignment: async (license, { datacenterId }, { loaders }) =>
    (await loaders.datacentersByLicense.load(license.id)).find((a) => a.datacenterId === datacenterId.toLowerCase()) ?? null,
  organizationAssignments: (license, args, { loaders }) =>
    assignmentConnection(loaders.filtered, ORGANIZATION_ASSIGNMENTS, loaders.organizationsByLicense, byLicense(license.id), args),
  organizationAssignment: async (license, { organizationId }, { loaders }) =>
    (await loaders.organizationsByLicense.load(license.id)).find((a) => a.organizationId === organizationId.toLowerCase()) ?? null,
  userAssignments: (license, args, { loaders }) =>
    assignmentConnection(loaders.filtered, USER_ASSIGNMENTS, loaders.usersByLicense, byLicense(license.id), args),
  userAssignment: async (license, { userId }, { loaders }) =>
    (await loaders.usersByLicense.load(license.id)).find((a) => a.userId === userId.toLowerCase()) ?? null,
  siteAssignment: async (license, _, { loaders }) => (await loaders.sitesByLicense.load(license.id))[0] ?? null,
  assignmentSummary: (license, _, { loaders }) => assignmentSummary(loaders, license),
};
