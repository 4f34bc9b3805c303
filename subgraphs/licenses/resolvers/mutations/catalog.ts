import { NotFoundError } from '../../../../lib/errors';
import { User } from '../../entities/User';
import type { MutationResolvers } from '../../generated/graphql';
import * as catalog from '../../services/catalog';

/** Products, policies, organizations and users: the data licenses are made of. */
export const catalogMutations: MutationResolvers = {
  createProduct: (_, { input }, { em, caller }) => catalog.createProduct(em, caller, input),
  createPolicy: (_, { input }, { em, caller }) => catalog.createPolicy(em, caller, input),
  createOrganization: (_, { input }, { em, caller }) => catalog.createOrganization(em, caller, input),
  createUser: (_, { input }, { em, caller }) => catalog.createUser(em, caller, input),
  updateUser: async (_, { id, input }, { em }) => {
    const user = await em.findOne(User, { id });
    if (!user) throw new NotFoundError('User', id);
    if (input.banned !== undefined && input.banned !== null) user.banned = input.banned;
    if (input.role !== undefined) user.role = input.role ?? null;
    if (input.tags) user.tags = input.tags;
    return user;
  },
};
