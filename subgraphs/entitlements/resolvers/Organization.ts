import { connectionFromArray } from '../../../lib/pagination';
import type { OrganizationResolvers } from '../generated/graphql';

export const Organization: OrganizationResolvers = {
  __resolveReference: (ref) => ({ id: ref.id }),
  entitlements: async (org, args, { loaders }) => connectionFromArray(await loaders.entitlementsByOrganization.load(org.id), args),
};
