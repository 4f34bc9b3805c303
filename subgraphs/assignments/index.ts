import path from 'node:path';
import { loadEntitySchemas, loadResolvers } from '../../lib/modules';
import { outboxSchema } from '../../lib/outbox';
import type { SubgraphDefinition } from '../../lib/subgraph';
import type { Resolvers } from './generated/graphql';
import { createLoaders, type Loaders } from './loaders';
import { migrations } from './migrations';

/** The assignments subgraph: license assignments to computers, datacenters, organizations, sites and users. */
export const assignmentsSubgraph: SubgraphDefinition<Loaders> = {
  name: 'assignments',
  resolvers: loadResolvers(path.join(__dirname, 'resolvers')) as Resolvers as SubgraphDefinition<Loaders>['resolvers'],
  entities: [...loadEntitySchemas(path.join(__dirname, 'entities')), outboxSchema('assignments')],
  migrations,
  createLoaders,
};
