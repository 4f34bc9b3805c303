import { defineSubgraph } from '../../lib/subgraph';
import { createLoaders } from './loaders';
import { migrations } from './migrations';
import { assignmentSnapshots } from './snapshots';

/** The assignments subgraph: license assignments to computers, datacenters, organizations, sites and users. */
export const assignmentsSubgraph = defineSubgraph('assignments', __dirname, {
  migrations, createLoaders, snapshots: assignmentSnapshots,
});
