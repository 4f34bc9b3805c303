import type { MutationResolvers } from '../../generated/graphql';
import * as meters from '../../services/meters';
import * as usage from '../../services/usage';

type UsageMutationResolvers = Pick<
  MutationResolvers,
  'incrementLicenseUsage' | 'decrementLicenseUsage' | 'resetLicenseUsage' | 'incrementLicenseMeterAttribute' | 'resetLicenseMeterAttribute'
>;

/** Usage counters and meter attributes of a license (seeds 000 and 001). An explicit null amount means the default 1. */
export const usageMutations: UsageMutationResolvers = {
  incrementLicenseUsage: (_, { id, increment }, { em }) => usage.incrementLicenseUsage(em, id, increment ?? 1),
  decrementLicenseUsage: (_, { id, decrement }, { em }) => usage.decrementLicenseUsage(em, id, decrement ?? 1),
  resetLicenseUsage: (_, { id }, { em }) => usage.resetLicenseUsage(em, id),
  incrementLicenseMeterAttribute: (_, { licenseId, name, increment }, { em }) =>
    meters.incrementLicenseMeterAttribute(em, licenseId, name, increment ?? 1),
  resetLicenseMeterAttribute: (_, { id }, { em }) => meters.resetLicenseMeterAttribute(em, id),
};
