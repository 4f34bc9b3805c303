import { connectionFromArray } from '../../../lib/pagination';
import type { ApplicationResolvers } from '../generated/graphql';
import { allocationsOf, summariesOf, usageOf } from '../services/compliance';

export const Application: ApplicationResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.application.load(ref.id),
  complianceAllocations: async ({ id }, args, { loaders }) => connectionFromArray(allocationsOf(id, await loaders.complianceFacts.load(id)), args),
  complianceSummary: async ({ id }, args, { loaders }) => connectionFromArray(summariesOf(id, await loaders.complianceFacts.load(id)), args),
  complianceUsage: async ({ id }, args, { loaders }) => connectionFromArray(usageOf(id, await loaders.complianceFacts.load(id)), args),
};
