import type { ResellerResolvers } from '../generated/graphql';

export const Reseller: ResellerResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.reseller.load(ref.id),
};
