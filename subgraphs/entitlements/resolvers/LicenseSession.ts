import type { LicenseSessionResolvers } from '../generated/graphql';

export const LicenseSession: LicenseSessionResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.licenseSession.load(ref.id),
  license: (session) => ({ id: session.licenseId }),
  // seed 002: a session is valid from its establishment
  validFrom: (session) => session.createdAt,
  leases: (session, _, { loaders }) => loaders.leasesBySession.load(session.id),
};
