import { defineSubgraph } from '../../lib/subgraph';
import { createLoaders } from './loaders';
import { migrations } from './migrations';
import { licenseKeyResolver } from './services/license-callers';
import { webhookWorkers } from './services/webhook-worker';
import { licenseSnapshots } from './snapshots';

/** The licenses subgraph: products, policies, licenses, keys, validation, machines, usage, meters, webhooks. */
export const licensesSubgraph = defineSubgraph('licenses', __dirname, {
  migrations, createLoaders, licenseKeyResolver, workers: [webhookWorkers], snapshots: licenseSnapshots,
});
