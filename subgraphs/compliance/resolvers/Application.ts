import type { ApplicationResolvers } from '../generated/graphql';

export const Application: ApplicationResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.application.load(ref.id),
};
