import { findConnection } from '../../../lib/query';
import { Datacenter } from '../entities/Datacenter';
import { Device } from '../entities/Device';
import type { QueryResolvers } from '../generated/graphql';
import { DEVICE_FILTER_FIELDS } from '../services/device-filter';

export const Query: QueryResolvers = {
  device: (_, { id }, { loaders }) => loaders.device.load(id),
  deviceByFingerprint: (_, { fingerprint }, { loaders }) => loaders.deviceByFingerprint.load(fingerprint),
  devices: (_, args, { em }) =>
    findConnection(em, Device, { filter: args.filter, filterFields: DEVICE_FILTER_FIELDS, orderBy: { createdAt: 'asc', id: 'asc' }, args }),
  datacenter: (_, { id }, { loaders }) => loaders.datacenter.load(id),
  datacenters: (_, args, { em }) => findConnection(em, Datacenter, { orderBy: { name: 'asc', id: 'asc' }, args }),
};
