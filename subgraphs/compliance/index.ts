import { defineSubgraph } from '../../lib/subgraph';
import { createLoaders } from './loaders';
import { migrations } from './migrations';
import { callHomeTrackingWorkers } from './services/call-home-tracking';
import { complianceProjectionWorkers } from './services/projection';

/**
 * The compliance subgraph: applications, metrics, maintenance and support periods, costs, upgrades, coverages,
 * license tracking (also kept from devices' call-home reports) and transfers, application entitlements, and the
 * compliance summaries computed from its projection of licenses and assignments.
 */
export const complianceSubgraph = defineSubgraph('compliance', __dirname, {
  migrations, createLoaders, workers: [complianceProjectionWorkers, callHomeTrackingWorkers],
});
