import { udiOf } from '../domain/udi';
import type { DeviceLicenseLineResolvers } from '../generated/graphql';

export const DeviceLicenseLine: DeviceLicenseLineResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.licenseLine.load(ref.id),
  device: (line, _, { loaders }) => loaders.device.load(line.deviceId),
  // a reference that the licenses subgraph resolves
  license: (line) => (line.licenseId ? { id: line.licenseId } : null),
  vendorInfo: (line) => udiOf(line.vendorProductId, line.vendorSerialNumber),
};
