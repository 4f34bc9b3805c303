import type { LicenseOrderResolvers } from '../generated/graphql';

export const LicenseOrder: LicenseOrderResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.licenseOrder.load(ref.id),
  orderLines: (order, _, { loaders }) => loaders.linesByOrder.load(order.id),
};
