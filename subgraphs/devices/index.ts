import path from 'node:path';
import { loadEntitySchemas, loadResolvers } from '../../lib/modules';
import { outboxSchema } from '../../lib/outbox';
import type { SubgraphDefinition } from '../../lib/subgraph';
import type { Resolvers } from './generated/graphql';
import { createLoaders, type Loaders } from './loaders';
import { migrations } from './migrations';

/** The devices subgraph: devices, datacenters, device license lines, UDI, EULA, boot level, throughput. */
export const devicesSubgraph: SubgraphDefinition<Loaders> = {
  name: 'devices',
  resolvers: loadResolvers(path.join(__dirname, 'resolvers')) as Resolvers as SubgraphDefinition<Loaders>['resolvers'],
  entities: [...loadEntitySchemas(path.join(__dirname, 'entities')), outboxSchema('devices')],
  migrations,
  createLoaders,
};
