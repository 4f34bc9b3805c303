import type { MutationResolvers } from '../generated/graphql';
import {
  COMPUTER_ASSIGNMENTS as COMPUTER, DATACENTER_ASSIGNMENTS as DATACENTER, ORGANIZATION_ASSIGNMENTS as ORGANIZATION,
  USER_ASSIGNMENTS as USER,
} from '../services/assignment-kinds';
import * as assignments from '../services/assignments';
import * as site from '../services/site-assignments';

/** Thin: each field calls the service for its family. Each runs in its own transaction (lib/subgraph). */
export const Mutation: MutationResolvers = {
  addLicenseComputerAssignment: (_, a, { em, caller }) => assignments.addAssignment(em, caller, COMPUTER, a.licenseId, a.input),
  replaceLicenseComputerAssignments: (_, a, { em, caller }) => assignments.replaceAssignments(em, caller, COMPUTER, a.licenseId, a.inputs),
  deleteLicenseComputerAssignments: (_, a, { em }) => assignments.deleteAssignments(em, COMPUTER, a.licenseId),
  replaceLicenseComputerAssignment: (_, a, { em }) => assignments.replaceAssignment(em, COMPUTER, a.licenseId, a.computerId, a.input),
  deleteLicenseComputerAssignment: (_, a, { em }) => assignments.deleteAssignment(em, COMPUTER, a.licenseId, a.computerId),

  addLicenseDatacenterAssignment: (_, a, { em, caller }) => assignments.addAssignment(em, caller, DATACENTER, a.licenseId, a.input),
  replaceLicenseDatacenterAssignments: (_, a, { em, caller }) => assignments.replaceAssignments(em, caller, DATACENTER, a.licenseId, a.inputs),
  deleteLicenseDatacenterAssignments: (_, a, { em }) => assignments.deleteAssignments(em, DATACENTER, a.licenseId),
  replaceLicenseDatacenterAssignment: (_, a, { em }) => assignments.replaceAssignment(em, DATACENTER, a.licenseId, a.datacenterId, a.input),
  deleteLicenseDatacenterAssignment: (_, a, { em }) => assignments.deleteAssignment(em, DATACENTER, a.licenseId, a.datacenterId),

  addLicenseOrganizationAssignment: (_, a, { em, caller }) => assignments.addAssignment(em, caller, ORGANIZATION, a.licenseId, a.input),
  replaceLicenseOrganizationAssignments: (_, a, { em, caller }) => assignments.replaceAssignments(em, caller, ORGANIZATION, a.licenseId, a.inputs),
  deleteLicenseOrganizationAssignments: (_, a, { em }) => assignments.deleteAssignments(em, ORGANIZATION, a.licenseId),
  replaceLicenseOrganizationAssignment: (_, a, { em }) => assignments.replaceAssignment(em, ORGANIZATION, a.licenseId, a.organizationId, a.input),
  deleteLicenseOrganizationAssignment: (_, a, { em }) => assignments.deleteAssignment(em, ORGANIZATION, a.licenseId, a.organizationId),

  addLicenseUserAssignment: (_, a, { em, caller }) => assignments.addAssignment(em, caller, USER, a.licenseId, a.input),
  replaceLicenseUserAssignments: (_, a, { em, caller }) => assignments.replaceAssignments(em, caller, USER, a.licenseId, a.inputs),
  deleteLicenseUserAssignments: (_, a, { em }) => assignments.deleteAssignments(em, USER, a.licenseId),
  replaceLicenseUserAssignment: (_, a, { em }) => assignments.replaceAssignment(em, USER, a.licenseId, a.userId, a.input),
  deleteLicenseUserAssignment: (_, a, { em }) => assignments.deleteAssignment(em, USER, a.licenseId, a.userId),

  addLicenseSiteAssignment: (_, a, { em, caller }) => site.addSiteAssignment(em, caller, a.licenseId, a.input),
  replaceLicenseSiteAssignment: (_, a, { em }) => site.replaceSiteAssignment(em, a.licenseId, a.input),
  deleteLicenseSiteAssignment: (_, a, { em }) => site.deleteSiteAssignment(em, a.licenseId),
};
