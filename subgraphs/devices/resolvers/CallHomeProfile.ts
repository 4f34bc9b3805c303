import { periodicSubscriptionOf } from '../domain/call-home-profile';
import type { CallHomeProfileResolvers } from '../generated/graphql';

/** The profile's scalar fields and severity groups are its columns; a stored period gets its four other periods null. */
export const CallHomeProfile: CallHomeProfileResolvers = {
  device: (profile, _, { loaders }) => loaders.device.load(profile.deviceId),
  subscribeGroupConfiguration: (profile) => profile.subscribeGroupConfiguration && periodicSubscriptionOf(profile.subscribeGroupConfiguration),
  subscribeGroupInventory: (profile) => profile.subscribeGroupInventory && periodicSubscriptionOf(profile.subscribeGroupInventory),
  subscribeGroupSnapshot: (profile) => profile.subscribeGroupSnapshot && periodicSubscriptionOf(profile.subscribeGroupSnapshot),
};
