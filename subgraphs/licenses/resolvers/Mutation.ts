import type { MutationResolvers } from '../generated/graphql';
import * as catalog from '../services/catalog';
import * as licenses from '../services/licenses';

/** Thin: parse, call the service, return. Each field runs in its own transaction (lib/subgraph). */
export const Mutation: MutationResolvers = {
  createLicense: (_, { input }, { em, caller }) => licenses.createLicense(em, caller, input),
  createProduct: (_, { input }, { em, caller }) => catalog.createProduct(em, caller, input),
  createPolicy: (_, { input }, { em, caller }) => catalog.createPolicy(em, caller, input),
  createOrganization: (_, { input }, { em, caller }) => catalog.createOrganization(em, caller, input),
  createUser: (_, { input }, { em, caller }) => catalog.createUser(em, caller, input),
};
