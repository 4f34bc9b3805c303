import type { ExtendedCoverageTypeResolvers } from '../generated/graphql';
import { loadByUuid } from '../loaders';

export const ExtendedCoverageType: ExtendedCoverageTypeResolvers = {
  __resolveReference: (ref, { loaders }) => loadByUuid(loaders.extendedCoverageType, ref.id),
};
