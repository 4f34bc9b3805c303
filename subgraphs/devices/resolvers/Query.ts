import type { QueryResolvers } from '../generated/graphql';

export const Query: QueryResolvers = {
  _devicesVersion: () => '0',
};
