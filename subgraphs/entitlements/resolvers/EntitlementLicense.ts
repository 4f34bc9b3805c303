import type { EntitlementLicenseResolvers } from '../generated/graphql';

/** Rows this binding names exist: addEntitlementLicense checks them and nothing deletes them yet. */
function present<T>(row: T | null, what: string): T {
  if (!row) throw new Error(`${what} of an entitlement license is missing`);
  return row;
}

export const EntitlementLicense: EntitlementLicenseResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.entitlementLicense.load(ref.id),
  entitlement: async (binding, _, { loaders }) => present(await loaders.entitlement.load(binding.entitlementId), 'the entitlement'),
  license: (binding) => ({ id: binding.licenseId }),
  licensedItem: async (binding, _, { loaders }) => present(await loaders.licensedItem.load(binding.licensedItemId), 'the licensed item'),
  licenseModel: async (binding, _, { loaders }) => present(await loaders.licenseModel.load(binding.licenseModelId), 'the license model'),
};
