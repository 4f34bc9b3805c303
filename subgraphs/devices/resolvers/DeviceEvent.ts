import { eventPayloadFields } from '../../../lib/events/delivery';
import type { DeviceEventResolvers } from '../generated/graphql';

/** An event of `deviceEvents`: the device is read now, under the caller's tenant filter. */
export const DeviceEvent: DeviceEventResolvers = {
  ...eventPayloadFields,
  deviceId: (event) => event.entityId,
  device: (event, _, { loaders }) => loaders.device.load(event.entityId),
  callHomeReport: (event) => (event.type === 'device.call-home.reported' ? event.payload.callHomeReport ?? null : null),
};
