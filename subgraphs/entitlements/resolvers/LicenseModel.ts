import type { LicenseModelResolvers } from '../generated/graphql';

/** The constraints are stored in their GraphQL shape (see entities/LicenseModel): default resolvers serve them. */
export const LicenseModel: LicenseModelResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.licenseModel.load(ref.id),
};
