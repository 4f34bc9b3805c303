import type { ApplicationResolvers } from '../generated/graphql';
import { loadByUuid } from '../loaders';

export const Application: ApplicationResolvers = {
  __resolveReference: (ref, { loaders }) => loadByUuid(loaders.application, ref.id),
};
