import { eventPayloadFields } from '../../../lib/events/delivery';
import type { LicenseUsageChangeResolvers } from '../generated/graphql';
import { eventLicenseFields } from './LicenseEvent';

/** A change of `licenseUsageChanged`: the license (its counters, machines, meters) is read now. */
export const LicenseUsageChange: LicenseUsageChangeResolvers = {
  id: eventPayloadFields.id,
  type: eventPayloadFields.type,
  occurredAt: eventPayloadFields.occurredAt,
  ...eventLicenseFields,
};
