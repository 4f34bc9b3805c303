import { EntitySchema } from '@mikro-orm/core';
import { BaseEntity, baseProperties } from '../../../lib/entity';
import type { CallHomePeriod } from '../domain/call-home-profile';
import type { CallHomeDestinationAddress, CallHomeSeveritySubscriptionInput } from '../generated/graphql';

/**
 * A call-home profile of a device (seed 004 `object#call-home-profile`). Its name is unique per device. The group
 * subscriptions are kept in the seed's JSON shape (`{ severity }`, `{ daily: { time } }`); null: not subscribed.
 */
export class CallHomeProfile extends BaseEntity {
  deviceId!: string;
  name!: string;
  /** Seed 004: "Default: Active". */
  active = true;
  anonymousReportingOnly = false;
  destinationTransportEmail = false;
  destinationTransportHttp = false;
  destinationAddress: CallHomeDestinationAddress = { urls: [], emails: [] };
  subscribeGroupAll: CallHomeSeveritySubscriptionInput | null = null;
  subscribeGroupSyslog: CallHomeSeveritySubscriptionInput | null = null;
  subscribeGroupConfiguration: CallHomePeriod | null = null;
  subscribeGroupInventory: CallHomePeriod | null = null;
  subscribeGroupSnapshot: CallHomePeriod | null = null;
}

const group = { type: 'json', nullable: true } as const;

export const CallHomeProfileSchema = new EntitySchema<CallHomeProfile>({
  class: CallHomeProfile,
  tableName: 'devices_call_home_profile',
  // the name is the profile's key on its device; the index also stops two concurrent creations of one name
  uniques: [{ properties: ['accountId', 'deviceId', 'name'] }],
  properties: {
    ...baseProperties,
    deviceId: { type: 'uuid', index: true },
    name: { type: 'string', length: 64 },
    active: { type: 'boolean' },
    anonymousReportingOnly: { type: 'boolean' },
    destinationTransportEmail: { type: 'boolean' },
    destinationTransportHttp: { type: 'boolean' },
    destinationAddress: { type: 'json' },
    subscribeGroupAll: group,
    subscribeGroupSyslog: group,
    subscribeGroupConfiguration: group,
    subscribeGroupInventory: group,
    subscribeGroupSnapshot: group,
  },
});
