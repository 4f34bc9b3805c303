import { findConnection } from '../../../lib/query';
import { License } from '../entities/License';
import { LicenseFieldPolicy } from '../entities/LicenseFieldPolicy';
import { Organization } from '../entities/Organization';
import { Policy } from '../entities/Policy';
import { Product } from '../entities/Product';
import type { QueryResolvers } from '../generated/graphql';
import { accountOf } from '../services/accounts';
import { FIELD_POLICY_FILTER, LICENSE_FILTER_FIELDS } from '../services/license-filter';
import { webhookQueries } from './queries/webhooks';

export const Query: QueryResolvers = {
  ...webhookQueries,
  license: (_, { id }, { loaders }) => loaders.license.load(id),
  licenseByKey: (_, { key }, { em }) => em.findOne(License, { key }),
  licenses: (_, args, { em }) =>
    findConnection(em, License, { filter: args.filter, filterFields: LICENSE_FILTER_FIELDS, orderBy: { createdAt: 'asc', id: 'asc' }, args }),
  product: (_, { id }, { loaders }) => loaders.product.load(id),
  products: (_, args, { em }) => findConnection(em, Product, { orderBy: { name: 'asc', id: 'asc' }, args }),
  policy: (_, { id }, { loaders }) => loaders.policy.load(id),
  policies: (_, args, { em }) => findConnection(em, Policy, { orderBy: { name: 'asc', id: 'asc' }, args }),
  organization: (_, { id }, { loaders }) => loaders.organization.load(id),
  organizations: (_, args, { em }) => findConnection(em, Organization, { orderBy: { name: 'asc', id: 'asc' }, args }),
  user: (_, { id }, { loaders }) => loaders.user.load(id),
  machine: (_, { id }, { loaders }) => loaders.machine.load(id),
  // created on first use by an INSERT of its own: nothing is left to flush
  account: (_, __, { em, caller }) => accountOf(em, caller),
  licenseFieldPolicies: (_, args, { em }) =>
    findConnection(em, LicenseFieldPolicy, { filter: args.filter, filterFields: FIELD_POLICY_FILTER, orderBy: { name: 'asc', id: 'asc' }, args }),
  licenseFieldPolicy: (_, { policyId }, { loaders }) => loaders.fieldPolicy.load(policyId),
};
