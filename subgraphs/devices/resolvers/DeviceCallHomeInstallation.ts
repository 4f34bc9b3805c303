import type { DeviceCallHomeInstallationResolvers } from '../generated/graphql';

/** The installation's scalar fields are its columns; the sealed password has no field. */
export const DeviceCallHomeInstallation: DeviceCallHomeInstallationResolvers = {
  device: (installation, _, { loaders }) => loaders.device.load(installation.deviceId),
};
