import type { PolicyResolvers } from '../generated/graphql';

export const Policy: PolicyResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.policy.load(ref.id),
  product: (policy, _, { loaders }) => loaders.product.load(policy.productId),
};
