import type { ExtendedCoverageResolvers } from '../generated/graphql';

export const ExtendedCoverage: ExtendedCoverageResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.extendedCoverage.load(ref.id),
  application: (coverage, _, { loaders }) => loaders.application.load(coverage.applicationId),
  coveredApplication: (coverage, _, { loaders }) => loaders.application.load(coverage.coveredApplicationId),
};
