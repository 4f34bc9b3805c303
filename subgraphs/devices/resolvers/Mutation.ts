import type { MutationResolvers } from '../generated/graphql';
import { installDeviceLicenseByCallHome } from '../services/call-home-installations';
import * as profiles from '../services/call-home-profiles';
import { reportDeviceCallHome } from '../services/call-home-reports';
import { updateDeviceCallHome } from '../services/call-home-settings';
import { createDatacenter } from '../services/datacenters';
import * as settings from '../services/device-settings';
import * as devices from '../services/devices';
import { installDeviceLicense } from '../services/license-installations';
import { addDeviceLicenseLine } from '../services/license-lines';
import * as smartLicense from '../services/smart-license';

/** Thin: parse, call the service, return. Each field runs in its own transaction (lib/subgraph). */
export const Mutation: MutationResolvers = {
  registerDevice: (_, { input }, { em, caller }) => devices.registerDevice(em, caller, input),
  updateDevice: (_, { id, input }, { em }) => devices.updateDevice(em, id, input),
  deleteDevice: (_, { id }, { em, caller }) => devices.deleteDevice(em, caller, id),
  createDatacenter: (_, { input }, { em, caller }) => createDatacenter(em, caller, input),
  addDeviceLicenseLine: (_, { deviceId, input }, { em, caller }) => addDeviceLicenseLine(em, caller, deviceId, input),
  requestDeviceUdi: (_, { deviceId }, { em }) => settings.requestDeviceUdi(em, deviceId),
  acceptDeviceEula: (_, { deviceId, eulaUri, accept }, { em }) => settings.acceptDeviceEula(em, deviceId, eulaUri, accept),
  setDeviceBootLevel: (_, { deviceId, level }, { em }) => settings.setDeviceBootLevel(em, deviceId, level),
  setDeviceThroughput: (_, { deviceId, level }, { em }) => settings.setDeviceThroughput(em, deviceId, level),
  installDeviceLicenseByCallHome: (_, { deviceId, input }, { em, caller }) => installDeviceLicenseByCallHome(em, caller, deviceId, input),
  installDeviceLicense: (_, { deviceId, licenseLocation }, { em, caller }) => installDeviceLicense(em, caller, deviceId, licenseLocation),
  updateDeviceSmartLicense: (_, { deviceId, enable, profile }, { em }) => smartLicense.updateDeviceSmartLicense(em, deviceId, enable, profile),
  registerDeviceSmartLicense: (_, { deviceId, idToken }, { em }) => smartLicense.registerDeviceSmartLicense(em, deviceId, idToken),
  deregisterDeviceSmartLicense: (_, { deviceId }, { em }) => smartLicense.deregisterDeviceSmartLicense(em, deviceId),
  renewDeviceSmartLicense: (_, { deviceId, id, authorization }, { em }) => smartLicense.renewDeviceSmartLicense(em, deviceId, id, authorization),
  updateDeviceCallHome: (_, { deviceId, input }, { em }) => updateDeviceCallHome(em, deviceId, input),
  createDeviceCallHomeProfile: (_, { deviceId, input }, { em, caller }) => profiles.createCallHomeProfile(em, caller, deviceId, input),
  updateDeviceCallHomeProfile: (_, { deviceId, name, input }, { em }) => profiles.updateCallHomeProfile(em, deviceId, name, input),
  deleteDeviceCallHomeProfile: (_, { deviceId, name }, { em }) => profiles.deleteCallHomeProfile(em, deviceId, name),
  reportDeviceCallHome: (_, { deviceId, report }, { em, caller }) => reportDeviceCallHome(em, caller, deviceId, report),
};
