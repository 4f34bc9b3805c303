import { snapshotSource } from '../../lib/snapshots';
import type { LicenseAssignment } from './entities/assignment-columns';
import { ComputerAssignment } from './entities/ComputerAssignment';
import { DatacenterAssignment } from './entities/DatacenterAssignment';
import { OrganizationAssignment } from './entities/OrganizationAssignment';
import { SiteAssignment } from './entities/SiteAssignment';
import { UserAssignment } from './entities/UserAssignment';
import type { AssignmentTypeName } from './services/events';

const assignments = <T extends LicenseAssignment>(entity: new () => T, entityType: AssignmentTypeName) =>
  snapshotSource<T>({ entity, entityType, type: 'assignment.snapshot', keys: (row) => ({ licenseId: row.licenseId }) });

/** Every kind of assignment re-published as `assignment.snapshot` (with its licenseId) for the compliance projection. */
export const assignmentSnapshots = [
  assignments(ComputerAssignment, 'ComputerAssignment'),
  assignments(DatacenterAssignment, 'DatacenterAssignment'),
  assignments(OrganizationAssignment, 'OrganizationAssignment'),
  assignments(SiteAssignment, 'SiteAssignment'),
  assignments(UserAssignment, 'UserAssignment'),
];
