import type { EntitlementResolvers } from '../generated/graphql';

export const Entitlement: EntitlementResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.entitlement.load(ref.id),
  organization: (entitlement) => ({ id: entitlement.organizationId }),
  licenses: async (entitlement, _, { loaders }) =>
    (await loaders.bindingsByEntitlement.load(entitlement.id)).map((binding) => {
      loaders.bindingByLicense.prime(binding.licenseId, binding);
      return { id: binding.licenseId };
    }),
};
