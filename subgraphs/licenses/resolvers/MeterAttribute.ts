import type { MeterAttributeResolvers } from '../generated/graphql';

export const MeterAttribute: MeterAttributeResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.meterAttribute.load(ref.id),
};
