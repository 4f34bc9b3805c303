import type { ExtendedCoverageResolvers } from '../generated/graphql';
import { loadByUuid } from '../loaders';

export const ExtendedCoverage: ExtendedCoverageResolvers = {
  __resolveReference: (ref, { loaders }) => loadByUuid(loaders.extendedCoverage, ref.id),
  application: (coverage, _, { loaders }) => loaders.application.load(coverage.applicationId),
  coveredApplication: (coverage, _, { loaders }) => loaders.application.load(coverage.coveredApplicationId),
};
