import { eventPayloadFields } from '../../../lib/events/delivery';
import { licenseIdOf } from '../../../lib/events/topics';
import type { LicenseUsageChangeResolvers } from '../generated/graphql';
import { mayAccessLicense } from '../services/license-callers';

/** A change of `licenseUsageChanged`: the license (its counters, machines, meters) is read now. */
export const LicenseUsageChange: LicenseUsageChangeResolvers = {
  id: eventPayloadFields.id,
  type: eventPayloadFields.type,
  occurredAt: eventPayloadFields.occurredAt,
  licenseId: (event) => licenseIdOf(event) ?? event.entityId,
  license: (event, _, { loaders, caller }) => {
    const licenseId = licenseIdOf(event);
    return licenseId && mayAccessLicense(caller, licenseId) ? loaders.license.load(licenseId) : null;
  },
};
