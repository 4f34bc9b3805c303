import type { MutationResolvers } from '../generated/graphql';
import { catalogMutations } from './mutations/catalog';
import { licenseMutations } from './mutations/licenses';
import { machineMutations } from './mutations/machines';
import { usageMutations } from './mutations/usage';
import { webhookMutations } from './mutations/webhooks';

/** Thin: parse, call the service, return. Each field runs in its own transaction (lib/subgraph). */
export const Mutation: MutationResolvers = {
  ...catalogMutations,
  ...licenseMutations,
  ...usageMutations,
  ...machineMutations,
  ...webhookMutations,
};
