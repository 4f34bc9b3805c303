import { eventPayloadFields } from '../../../lib/events/delivery';
import { licenseIdOf } from '../../../lib/events/topics';
import type { LicenseEventResolvers, LicenseUsageChangeResolvers } from '../generated/graphql';
import { mayAccessLicense } from '../services/license-callers';

/** `licenseId` and `license` of an event payload (LicenseEvent, LicenseUsageChange): the license is read now. */
export const eventLicenseFields: Pick<LicenseUsageChangeResolvers, 'licenseId' | 'license'> = {
  licenseId: (event) => licenseIdOf(event) ?? event.entityId,
  license: (event, _, { loaders, caller }) => {
    const licenseId = licenseIdOf(event);
    return licenseId && mayAccessLicense(caller, licenseId) ? loaders.license.load(licenseId) : null;
  },
};

/** An event of `licenseEvents`: the license and machine are read now, under the caller's tenant filter. */
export const LicenseEvent: LicenseEventResolvers = {
  ...eventPayloadFields,
  ...eventLicenseFields,
  machine: (event, _, { loaders }) => (event.entityType === 'Machine' ? loaders.machine.load(event.entityId) : null),
};
