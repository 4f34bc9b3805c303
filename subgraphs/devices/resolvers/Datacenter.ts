import { findConnection } from '../../../lib/query';
import { Device } from '../entities/Device';
import type { DatacenterResolvers } from '../generated/graphql';
import { DEVICE_FILTER_FIELDS } from '../services/device-filter';

export const Datacenter: DatacenterResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.datacenter.load(ref.id),
  devices: (datacenter, args, { em }) =>
    findConnection(em, Device, {
      where: { datacenterId: datacenter.id }, filter: args.filter, filterFields: DEVICE_FILTER_FIELDS,
      orderBy: { createdAt: 'asc', id: 'asc' }, args,
    }),
};
