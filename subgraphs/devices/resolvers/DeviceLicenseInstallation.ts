import type { DeviceLicenseInstallationResolvers } from '../generated/graphql';

/** The installation's scalar fields are its columns. */
export const DeviceLicenseInstallation: DeviceLicenseInstallationResolvers = {
  device: (installation, _, { loaders }) => loaders.device.load(installation.deviceId),
};
