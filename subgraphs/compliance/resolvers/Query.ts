import type { QueryResolvers } from '../generated/graphql';

export const Query: QueryResolvers = {
  _complianceVersion: () => '0',
};
