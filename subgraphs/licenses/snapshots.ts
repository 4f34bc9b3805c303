import { snapshotSource } from '../../lib/snapshots';
import { License } from './entities/License';
import { licenseEventKeys } from './services/events';

/** Licenses re-published as `license.snapshot` (with the keys of every license event) for the compliance projection. */
export const licenseSnapshots = [
  snapshotSource<License>({ entity: License, entityType: 'License', type: 'license.snapshot', keys: licenseEventKeys }),
];
