import type { UserResolvers } from '../generated/graphql';

export const User: UserResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.user.load(ref.id),
  name: (user) => [user.firstName, user.lastName].filter(Boolean).join(' ') || null,
  organization: (user, _, { loaders }) => (user.organizationId ? loaders.organization.load(user.organizationId) : null),
  reseller: (user, _, { loaders }) => (user.resellerId ? loaders.reseller.load(user.resellerId) : null),
  emailPreference: (user) => ({ metrics: user.emailMetrics }),
};
