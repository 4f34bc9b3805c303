import type { MutationResolvers } from '../generated/graphql';
import * as assignments from '../services/assignments';
import * as catalog from '../services/catalog';
import * as consumption from '../services/consumption';
import * as entitlements from '../services/entitlements';
import * as groups from '../services/groups';
import * as orders from '../services/orders';

/** Thin: parse, call the service, return. Each field runs in its own transaction (lib/subgraph). */
export const Mutation: MutationResolvers = {
  createEntitlement: (_, { input }, { em, caller }) => entitlements.createEntitlement(em, caller, input),
  createOrganizationGroup: (_, { input }, { em, caller }) => groups.createOrganizationGroup(em, caller, input),
  addGroupMember: (_, { groupId, userId }, { em, caller }) => groups.addGroupMember(em, caller, groupId, userId),
  addConsumingGroup: (_, args, { em, caller }) => groups.addConsumingGroup(em, caller, args),
  removeConsumingGroup: (_, args, { em }) => groups.removeConsumingGroup(em, args),
  createLicensedItem: (_, { input }, { em, caller }) => catalog.createLicensedItem(em, caller, input),
  createLicenseModel: (_, { input }, { em, caller }) => catalog.createLicenseModel(em, caller, input),
  updateLicenseModel: (_, { id, input }, { em }) => catalog.updateLicenseModel(em, id, input),
  addEntitlementLicense: (_, { input }, { em, caller }) => entitlements.addEntitlementLicense(em, caller, input),
  placeLicenseOrder: (_, { input }, { em, caller }) => orders.placeLicenseOrder(em, caller, input),
  cancelLicenseOrder: (_, { id }, { em, caller }) => orders.cancelLicenseOrder(em, caller, id),
  setUserLicenseAssignments: (_, args, { em, caller }) => assignments.setUserLicenseAssignments(em, caller, args),
  consumeLicense: (_, args, { em, caller }) => consumption.consumeLicense(em, caller, args),
  refreshLease: (_, { leaseId }, { em, caller }) => consumption.refreshLease(em, caller, leaseId),
  releaseLease: (_, { leaseId }, { em, caller }) => consumption.releaseLease(em, caller, leaseId),
};
