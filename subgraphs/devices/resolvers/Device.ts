import { connectionFromArray } from '../../../lib/pagination';
import { callHomeSettingsOf } from '../domain/call-home-settings';
import { EULA_TEXT, eulaFeatures } from '../domain/eula';
import { summaryOf } from '../domain/license-line';
import { smartLicenseOf } from '../domain/smart-license';
import { THROUGHPUT_LEVELS } from '../domain/throughput';
import { udiOf } from '../domain/udi';
import type { DeviceResolvers } from '../generated/graphql';

export const Device: DeviceResolvers = {
  // the device's two keys (ARCHITECTURE.md): licenses refers to devices by fingerprint
  __resolveReference: (ref, { loaders }) =>
    'id' in ref ? loaders.device.load(ref.id) : loaders.deviceByFingerprint.load(ref.fingerprint),
  udi: (device) => udiOf(device.productId, device.serialNumber),
  hostDevice: (device, _, { loaders }) => (device.hostDeviceId ? loaders.device.load(device.hostDeviceId) : null),
  virtualDevices: async (device, args, { loaders }) => connectionFromArray(await loaders.virtualDevicesByHost.load(device.id), args),
  datacenter: (device, _, { loaders }) => (device.datacenterId ? loaders.datacenter.load(device.datacenterId) : null),
  throughput: (device) => ({ level: device.throughput, allowedLevels: [...THROUGHPUT_LEVELS] }),
  eula: async (device, _, { loaders }) => {
    const lines = await loaders.licenseLinesByDevice.load(device.id);
    return {
      accepted: device.eulaAccepted,
      acceptedAt: device.eulaAcceptedAt,
      uri: device.eulaUri,
      features: eulaFeatures(lines.map((line) => line.feature), device.eulaAccepted),
      text: EULA_TEXT,
    };
  },
  // seed 004 `detail=false`: a summary, i.e. the same lines with the detail-only properties null
  licenseLines: async (device, { detail, ...args }, { loaders }) => {
    const lines = await loaders.licenseLinesByDevice.load(device.id);
    return connectionFromArray(detail === false ? lines.map(summaryOf) : lines, args);
  },
  callHomeInstallations: async (device, args, { loaders }) =>
    connectionFromArray(await loaders.callHomeInstallationsByDevice.load(device.id), args),
  licenseInstallations: async (device, args, { loaders }) =>
    connectionFromArray(await loaders.licenseInstallationsByDevice.load(device.id), args),
  smartLicense: (device) => smartLicenseOf(device),
  callHome: (device) => callHomeSettingsOf(device),
  callHomeProfiles: async (device, args, { loaders }) => connectionFromArray(await loaders.callHomeProfilesByDevice.load(device.id), args),
  // like the other reads by key, an unknown name is null; the mutations answer NOT_FOUND for it
  callHomeProfile: async (device, { name }, { loaders }) =>
    (await loaders.callHomeProfilesByDevice.load(device.id)).find((profile) => profile.name === name) ?? null,
};
