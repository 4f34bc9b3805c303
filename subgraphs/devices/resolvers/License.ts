import { connectionFromArray } from '../../../lib/pagination';
import type { LicenseResolvers } from '../generated/graphql';

/** License is owned by the licenses subgraph; this subgraph adds the device license lines bound to it. */
export const License: LicenseResolvers = {
  __resolveReference: (ref) => ({ id: ref.id }),
  deviceLicenseLines: async (license, args, { loaders }) =>
    connectionFromArray(await loaders.licenseLinesByLicense.load(license.id), args),
};
