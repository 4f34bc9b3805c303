import { defineSubgraph } from '../../lib/subgraph';
import { createLoaders } from './loaders';
import { migrations } from './migrations';
import { callHomeTrackingWorkers } from './services/call-home-tracking';

/**
 * The compliance subgraph: applications, metrics, maintenance and support periods, costs, upgrades, coverages, license
 * tracking (also kept from devices' call-home reports by a bus consumer) and transfers, application entitlements.
 */
export const complianceSubgraph = defineSubgraph('compliance', __dirname, { migrations, createLoaders, workers: [callHomeTrackingWorkers] });
