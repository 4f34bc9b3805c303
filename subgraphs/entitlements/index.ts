import { defineSubgraph } from '../../lib/subgraph';
import { createLoaders } from './loaders';
import { migrations } from './migrations';

/** The entitlements subgraph: entitlements, licensed items, license models, credits, orders, consumption, user assignments and consuming groups. */
export const entitlementsSubgraph = defineSubgraph('entitlements', __dirname, { migrations, createLoaders });
