import type { LicenseLeaseResolvers } from '../generated/graphql';

export const LicenseLease: LicenseLeaseResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.licenseLease.load(ref.id),
  license: (lease) => ({ id: lease.licenseId }),
  session: async (lease, _, { loaders }) => {
    const session = await loaders.licenseSession.load(lease.sessionId);
    // a lease is written with its session in one transaction, and nothing deletes sessions
    if (!session) throw new Error(`the session of lease ${lease.id} is missing`);
    return session;
  },
};
