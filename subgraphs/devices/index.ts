import { defineSubgraph } from '../../lib/subgraph';
import { createLoaders } from './loaders';
import { migrations } from './migrations';

/** The devices subgraph: devices, datacenters, device license lines, UDI, EULA, boot level, throughput. */
export const devicesSubgraph = defineSubgraph('devices', __dirname, { migrations, createLoaders });
