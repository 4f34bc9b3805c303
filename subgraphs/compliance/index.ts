import path from 'node:path';
import { loadEntitySchemas, loadResolvers } from '../../lib/modules';
import { outboxSchema } from '../../lib/outbox';
import type { SubgraphDefinition } from '../../lib/subgraph';
import type { Resolvers } from './generated/graphql';
import { createLoaders, type Loaders } from './loaders';
import { migrations } from './migrations';

/** The compliance subgraph: applications, metrics, costs, maintenance and support periods, upgrades, coverage, tracking. */
export const complianceSubgraph: SubgraphDefinition<Loaders> = {
  name: 'compliance',
  resolvers: loadResolvers(path.join(__dirname, 'resolvers')) as Resolvers as SubgraphDefinition<Loaders>['resolvers'],
  entities: [...loadEntitySchemas(path.join(__dirname, 'entities')), outboxSchema('compliance')],
  migrations,
  createLoaders,
};
