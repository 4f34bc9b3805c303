import type { MetricResolvers } from '../generated/graphql';

export const Metric: MetricResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.metric.load(ref.id),
};
