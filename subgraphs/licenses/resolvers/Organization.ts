import { connectionFromArray } from '../../../lib/pagination';
import type { OrganizationResolvers } from '../generated/graphql';

export const Organization: OrganizationResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.organization.load(ref.id),
  address: (org) => ({
    addressLine1: org.addressLine1, addressLine2: org.addressLine2, city: org.city,
    state: org.state, country: org.country, postalCode: org.postalCode,
  }),
  reseller: (org, _, { loaders }) => (org.resellerId ? loaders.reseller.load(org.resellerId) : null),
  // per-parent lists: one query for every organization of the request, paged in memory
  users: async (org, args, { loaders }) => connectionFromArray(await loaders.usersByOrganization.load(org.id), args),
  licenses: async (org, args, { loaders }) => connectionFromArray(await loaders.licensesByOrganization(args.filter).load(org.id), args),
};
