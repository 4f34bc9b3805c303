import path from 'node:path';
import { loadEntitySchemas, loadResolvers } from '../../lib/modules';
import { outboxSchema } from '../../lib/outbox';
import type { SubgraphDefinition } from '../../lib/subgraph';
import type { Resolvers } from './generated/graphql';
import { createLoaders, type Loaders } from './loaders';
import { migrations } from './migrations';

/** The licenses subgraph: products, policies, licenses, keys, validation, machines, usage, meters, webhooks. */
export const licensesSubgraph: SubgraphDefinition<Loaders> = {
  name: 'licenses',
  resolvers: loadResolvers(path.join(__dirname, "resolvers")) as Resolvers as SubgraphDefinition<Loaders>["resolvers"],
  entities: [...loadEntitySchemas(path.join(__dirname, 'entities')), outboxSchema('licenses')],
  migrations,
  createLoaders,
};
