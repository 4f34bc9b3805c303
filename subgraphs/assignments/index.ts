import path from 'node:path';
import { loadEntitySchemas, loadResolvers } from '../../lib/modules';
import { outboxSchema } from '../../lib/outbox';
import type { SubgraphDefinition } from '../../lib/subgraph';
import { createLoaders, type Loaders } from './loaders';
import { migrations } from './migrations';

export const assignmentsSubgraph: SubgraphDefinition<Loaders> = {
  name: 'assignments',
  resolvers: loadResolvers(path.join(__dirname, 'resolvers')) as SubgraphDefinition<Loaders>['resolvers'],
  entities: [...loadEntitySchemas(path.join(__dirname, 'entities')), outboxSchema('assignments')],
  migrations,
  createLoaders,
};
