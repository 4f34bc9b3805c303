import type { MutationResolvers } from '../generated/graphql';
import * as catalog from '../services/catalog';
import * as maintenance from '../services/maintenance';
import * as tracking from '../services/tracking';
import * as transfers from '../services/transfers';
import { addLicenseUpgrade } from '../services/upgrades';

/** Thin: parse, call the service, return. Each field runs in its own transaction (lib/subgraph). */
export const Mutation: MutationResolvers = {
  createApplication: (_, { input }, { em, caller }) => catalog.createApplication(em, caller, input),
  createMetric: (_, { input }, { em, caller }) => catalog.createMetric(em, caller, input),
  createExtendedCoverageType: (_, { input }, { em, caller }) => catalog.createExtendedCoverageType(em, caller, input),
  createExtendedCoverage: (_, { input }, { em, caller }) => catalog.createExtendedCoverage(em, caller, input),
  addMaintenancePeriod: (_, { licenseId, input }, { em, caller }) => maintenance.addMaintenancePeriod(em, caller, licenseId, input),
  replaceMaintenancePeriods: (_, { licenseId, inputs }, { em, caller }) => maintenance.replaceMaintenancePeriods(em, caller, licenseId, inputs),
  deleteMaintenancePeriods: (_, { licenseId }, { em }) => maintenance.deleteMaintenancePeriods(em, licenseId),
  replaceMaintenancePeriod: (_, { id, input }, { em }) => maintenance.replaceMaintenancePeriod(em, id, input),
  deleteMaintenancePeriod: (_, { id }, { em }) => maintenance.deleteMaintenancePeriod(em, id),
  addLicenseUpgrade: (_, { licenseId, input }, { em, caller }) => addLicenseUpgrade(em, caller, licenseId, input),
  addComputerLicenseTracking: async (_, { applicationId, input }, { em, caller }) => {
    const row = await tracking.addComputerLicenseTracking(em, caller, applicationId, input);
    return { ...row, computerId: row.computerId! };
  },
  addUserLicenseTracking: async (_, { applicationId, input }, { em, caller }) => {
    const row = await tracking.addUserLicenseTracking(em, caller, applicationId, input);
    return { ...row, userId: row.userId! };
  },
  deleteLicenseTracking: (_, { id }, { em }) => tracking.deleteLicenseTracking(em, id),
  addComputerLicenseTransfer: (_, { input }, { em, caller }) => transfers.addComputerLicenseTransfer(em, caller, input),
  addUserLicenseTransfer: (_, { input }, { em, caller }) => transfers.addUserLicenseTransfer(em, caller, input),
  addCustomValueLicenseTransfer: (_, { input }, { em, caller }) => transfers.addCustomValueLicenseTransfer(em, caller, input),
  deleteLicenseTransfer: (_, { id }, { em }) => transfers.deleteLicenseTransfer(em, id),
};
