import { findConnection } from '../../../lib/query';
import { License } from '../entities/License';
import { User } from '../entities/User';
import type { OrganizationResolvers } from '../generated/graphql';
import { LICENSE_FILTER_FIELDS } from '../services/license-filter';

export const Organization: OrganizationResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.organization.load(ref.id),
  address: (org) => ({
    addressLine1: org.addressLine1, addressLine2: org.addressLine2, city: org.city,
    state: org.state, country: org.country, postalCode: org.postalCode,
  }),
  reseller: (org, _, { loaders }) => (org.resellerId ? loaders.reseller.load(org.resellerId) : null),
  users: (org, args, { em }) => findConnection(em, User, { where: { organizationId: org.id }, orderBy: { email: 'asc', id: 'asc' }, args }),
  licenses: (org, args, { em }) =>
    findConnection(em, License, {
      where: { organizationId: org.id }, filter: args.filter, filterFields: LICENSE_FILTER_FIELDS,
      orderBy: { createdAt: 'asc', id: 'asc' }, args,
    }),
};
