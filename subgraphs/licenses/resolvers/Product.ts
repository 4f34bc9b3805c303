import { findConnection } from '../../../lib/query';
import { Policy } from '../entities/Policy';
import type { ProductResolvers } from '../generated/graphql';

export const Product: ProductResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.product.load(ref.id),
  policies: (product, args, { em }) => findConnection(em, Policy, { where: { productId: product.id }, orderBy: { name: 'asc', id: 'asc' }, args }),
};
