import { requireUuid } from '../../../lib/ids';
import { findConnection } from '../../../lib/query';
import { Entitlement } from '../entities/Entitlement';
import { LicensedItem } from '../entities/LicensedItem';
import { LicenseModel } from '../entities/LicenseModel';
import { LicenseOrder } from '../entities/LicenseOrder';
import type { EntitlementLicense } from '../entities/EntitlementLicense';
import type { License as LicenseRef } from '../entities/License';
import type { CreditInclusion, QueryResolvers } from '../generated/graphql';
import type { Loaders } from '../loaders';
import { licenseUsage, userLicenseAssignments } from '../services/assignments';
import { entitlementLicenses } from '../services/entitlements';
import { availableLicenses, entitlementConsumingGroups } from '../services/groups';

/** License references that carry the seed's include options down to the License field resolvers. */
function licenseRefs(loaders: Loaders, bindings: EntitlementLicense[], args: { includeCredits?: CreditInclusion | null; includeEffectiveModel?: boolean | null }): LicenseRef[] {
  return bindings.map((binding) => {
    loaders.bindingByLicense.prime(binding.licenseId, binding);
    return { id: binding.licenseId, creditInclusion: args.includeCredits ?? 'ALL', includeEffectiveModel: args.includeEffectiveModel ?? false };
  });
}

export const Query: QueryResolvers = {
  entitlement: (_, { id }, { loaders }) => loaders.entitlement.load(id),
  entitlements: (_, args, { em }) =>
    findConnection(em, Entitlement, { where: { organizationId: requireUuid(args.organizationId, ['organizationId']) }, orderBy: { name: 'asc', id: 'asc' }, args }),
  entitlementLicenses: async (_, args, { em, loaders }) => licenseRefs(loaders, await entitlementLicenses(em, args.organizationId, args.entitlementId), args),
  entitlementConsumingGroups: (_, args, { em }) => entitlementConsumingGroups(em, args),
  availableLicenses: async (_, args, { em, caller, loaders }) => licenseRefs(loaders, await availableLicenses(em, caller, args), args),
  licensedItem: (_, { id }, { loaders }) => loaders.licensedItem.load(id),
  licensedItems: (_, args, { em }) => findConnection(em, LicensedItem, { orderBy: { name: 'asc', id: 'asc' }, args }),
  licenseModel: (_, { id }, { loaders }) => loaders.licenseModel.load(id),
  licenseModels: (_, args, { em }) => findConnection(em, LicenseModel, { orderBy: { name: 'asc', id: 'asc' }, args }),
  licenseOrder: (_, { id }, { loaders }) => loaders.licenseOrder.load(id),
  licenseUsage: (_, args, { em }) => licenseUsage(em, args),
  userLicenseAssignments: (_, args, { em, caller }) => userLicenseAssignments(em, caller, args),
  licenseOrders: (_, args, { em }) =>
    findConnection(em, LicenseOrder, { where: { organizationId: requireUuid(args.organizationId, ['organizationId']) }, orderBy: { createdAt: 'asc', id: 'asc' }, args }),
};
