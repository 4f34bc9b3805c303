import { connectionFromArray } from '../../../lib/pagination';
import type { DatacenterResolvers } from '../generated/graphql';

export const Datacenter: DatacenterResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.datacenter.load(ref.id),
  // one query for every datacenter of the request (per distinct filter), paged in memory
  devices: async (datacenter, args, { loaders }) =>
    connectionFromArray(await loaders.devicesByDatacenter(args.filter).load(datacenter.id), args),
};
