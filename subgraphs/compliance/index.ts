import { defineSubgraph } from '../../lib/subgraph';
import { createLoaders } from './loaders';
import { migrations } from './migrations';

/** The compliance subgraph: applications, metrics, maintenance and support periods, costs, upgrades, coverages, license tracking and transfers, application entitlements. */
export const complianceSubgraph = defineSubgraph('compliance', __dirname, { migrations, createLoaders });
