import { connectionFromArray } from '../../../lib/pagination';
import type { ProductResolvers } from '../generated/graphql';

export const Product: ProductResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.product.load(ref.id),
  policies: async (product, args, { loaders }) => connectionFromArray(await loaders.policiesByProduct.load(product.id), args),
};
