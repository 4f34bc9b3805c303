import type { ExtendedCoverageTypeResolvers } from '../generated/graphql';

export const ExtendedCoverageType: ExtendedCoverageTypeResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.extendedCoverageType.load(ref.id),
};
