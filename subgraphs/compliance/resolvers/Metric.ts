import type { MetricResolvers } from '../generated/graphql';
import { loadByUuid } from '../loaders';

export const Metric: MetricResolvers = {
  __resolveReference: (ref, { loaders }) => loadByUuid(loaders.metric, ref.id),
};
