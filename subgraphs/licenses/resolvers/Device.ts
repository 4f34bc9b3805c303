import type { DeviceResolvers } from '../generated/graphql';

/** Devices belong to the devices subgraph; licenses answers which machines carry their fingerprint. */
export const Device: DeviceResolvers = {
  __resolveReference: (ref) => ref,
  machines: (device, _, { loaders }) => loaders.machinesByFingerprint.load(device.fingerprint),
};
