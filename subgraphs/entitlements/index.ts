import path from 'node:path';
import { loadEntitySchemas, loadResolvers } from '../../lib/modules';
import { outboxSchema } from '../../lib/outbox';
import type { SubgraphDefinition } from '../../lib/subgraph';
import type { Resolvers } from './generated/graphql';
import { createLoaders, type Loaders } from './loaders';
import { migrations } from './migrations';

/** The entitlements subgraph: entitlements, licensed items, license models, credits and license orders (seed 002). */
export const entitlementsSubgraph: SubgraphDefinition<Loaders> = {
  name: 'entitlements',
  resolvers: loadResolvers(path.join(__dirname, 'resolvers')) as Resolvers as SubgraphDefinition<Loaders>['resolvers'],
  entities: [...loadEntitySchemas(path.join(__dirname, 'entities')), outboxSchema('entitlements')],
  migrations,
  createLoaders,
};
