import { findConnection } from '../../../lib/query';
import { Application } from '../entities/Application';
import { ExtendedCoverage } from '../entities/ExtendedCoverage';
import { ExtendedCoverageType } from '../entities/ExtendedCoverageType';
import { MaintenancePeriod } from '../entities/MaintenancePeriod';
import { Metric } from '../entities/Metric';
import { connectionFromArray, type ConnectionArgs } from '../../../lib/pagination';
import { requireUuid } from '../../../lib/ids';
import { filterRows } from '../domain/row-filter';
import type { QueryResolvers } from '../generated/graphql';
import { PERIOD_ORDER } from '../loaders';
import {
  APPLICATION_FILTER_FIELDS, EXTENDED_COVERAGE_FILTER_FIELDS, EXTENDED_COVERAGE_TYPE_FILTER_FIELDS, LICENSE_ENTITLEMENT_FILTER_FIELDS,
  MAINTENANCE_PERIOD_FILTER_FIELDS,
} from '../services/filters';
import { allocationsOf, licenseEntitlements, summariesOf, usageOf, type ComplianceFacts } from '../services/compliance';
import * as tracking from '../services/tracking';
import * as transfers from '../services/transfers';
import { entitlementFilterFields, entitlementsOf } from '../services/entitlements';
import { ENTITLEMENT_STATES } from '../domain/entitlements';
import type { Context } from '../context';

/** A compliance read of the application that `applicationId` names (NOT_FOUND otherwise), as a page. */
function complianceOf<T>(read: (applicationId: string, facts: ComplianceFacts) => T[]) {
  return async (_: unknown, { applicationId, ...args }: { applicationId: string } & ConnectionArgs, { em, loaders }: Context) => {
    const id = await tracking.applicationIdOrFail(em, applicationId);
    return connectionFromArray(read(id, await loaders.complianceFacts.load(id)), args);
  };
}

const optional = (id: string | null | undefined, name: string) => (id == null ? {} : { [name]: requireUuid(id, [name]) });

export const Query: QueryResolvers = {
  applications: (_, args, { em }) =>
    findConnection(em, Application, { filter: args.filter, filterFields: APPLICATION_FILTER_FIELDS, orderBy: { name: 'asc', id: 'asc' }, args }),
  application: (_, { id }, { loaders }) => loaders.application.load(id),
  metrics: (_, args, { em }) => findConnection(em, Metric, { orderBy: { name: 'asc', id: 'asc' }, args }),
  metric: (_, { id }, { loaders }) => loaders.metric.load(id),
  maintenancePeriods: (_, args, { em }) =>
    findConnection(em, MaintenancePeriod, { filter: args.filter, filterFields: MAINTENANCE_PERIOD_FILTER_FIELDS, orderBy: PERIOD_ORDER, args }),
  extendedCoverageTypes: (_, args, { em }) =>
    findConnection(em, ExtendedCoverageType, { filter: args.filter, filterFields: EXTENDED_COVERAGE_TYPE_FILTER_FIELDS, orderBy: { name: 'asc', id: 'asc' }, args }),
  extendedCoverages: (_, args, { em }) =>
    findConnection(em, ExtendedCoverage, { filter: args.filter, filterFields: EXTENDED_COVERAGE_FILTER_FIELDS, orderBy: { createdAt: 'asc', id: 'asc' }, args }),
  extendedCoverage: (_, { coverageId }, { loaders }) => loaders.extendedCoverage.load(coverageId),
  computerLicenseTracking: (_, { computerId, filter, ...args }, { em }) =>
    tracking.computerTracking(em, { computerId: requireUuid(computerId, ['computerId']) }, { filter, args }),
  applicationComputerLicenseTracking: async (_, { applicationId, computerId, filter, ...args }, { em }) =>
    tracking.computerTracking(em, { applicationId: await tracking.applicationIdOrFail(em, applicationId), ...optional(computerId, 'computerId') }, { filter, args }),
  applicationLicenseTracking: async (_, { applicationId, filter, ...args }, { em }) => {
    const rows = await tracking.applicationLicenses(em, await tracking.applicationIdOrFail(em, applicationId));
    return connectionFromArray(filterRows(rows, filter, { licenseId: { type: 'uuid', get: (r) => r.licenseId } }), args);
  },
  applicationUserLicenseTracking: async (_, { applicationId, userId, filter, ...args }, { em }) =>
    tracking.userTracking(em, { applicationId: await tracking.applicationIdOrFail(em, applicationId), ...optional(userId, 'userId') }, { filter, args }),
  complianceAllocations: complianceOf(allocationsOf),
  complianceSummary: complianceOf(summariesOf),
  complianceUsage: complianceOf(usageOf),
  licenseEntitlementSummaries: async (_, { filter, ...args }, { em }) =>
    connectionFromArray(filterRows(await licenseEntitlements(em), filter, LICENSE_ENTITLEMENT_FILTER_FIELDS), args),
  applicationComputerLicenseTransfers: async (_, { applicationId, computerId, filter, ...args }, { em }) =>
    transfers.transfersOfKind(em, 'computerId', { $and: [await transfers.ofApplication(em, applicationId), optional(computerId, 'computerId')] }, { filter, args }),
  applicationCustomValueLicenseTransfers: async (_, { applicationId, customId, filter, ...args }, { em }) => {
    const where = { $and: [await transfers.ofApplication(em, applicationId), customId == null ? {} : { customCompareValueId: requireUuid(customId, ['customId']) }] };
    return transfers.transfersOfKind(em, 'customCompareValueId', where, { filter, args });
  },
  applicationLicenseTransfers: async (_, { applicationId, filter, ...args }, { em }) => {
    const rows = await transfers.applicationLicenses(em, await transfers.ofApplication(em, applicationId));
    return connectionFromArray(filterRows(rows, filter, { licenseId: { type: 'uuid', get: (r) => r.licenseId } }), args);
  },
  applicationUserLicenseTransfers: async (_, { applicationId, userId, filter, ...args }, { em }) =>
    transfers.transfersOfKind(em, 'userId', { $and: [await transfers.ofApplication(em, applicationId), optional(userId, 'userId')] }, { filter, args }),
  computerApplicationEntitlements: async (_, { filter, ...args }, { em }) =>
    connectionFromArray(filterRows(await entitlementsOf(em, 'computerId'), filter, entitlementFilterFields('computerId')), args),
  entitlementStates: (_, args) => connectionFromArray([...ENTITLEMENT_STATES], args),
  userApplicationEntitlements: async (_, { filter, ...args }, { em }) =>
    connectionFromArray(filterRows(await entitlementsOf(em, 'userId'), filter, entitlementFilterFields('userId')), args),
};
