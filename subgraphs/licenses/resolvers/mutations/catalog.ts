import type { MutationResolvers } from '../../generated/graphql';
import * as catalog from '../../services/catalog';

/** Products, policies, organizations and users: the data licenses are made of. */
export const catalogMutations: MutationResolvers = {
  createProduct: (_, { input }, { em, caller }) => catalog.createProduct(em, caller, input),
  createPolicy: (_, { input }, { em, caller }) => catalog.createPolicy(em, caller, input),
  createOrganization: (_, { input }, { em, caller }) => catalog.createOrganization(em, caller, input),
  createUser: (_, { input }, { em, caller }) => catalog.createUser(em, caller, input),
  updateUser: (_, { id, input }, { em }) => catalog.updateUser(em, id, input),
};
