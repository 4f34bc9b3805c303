import DataLoader from 'dataloader';
import { byIdLoader, byParentLoader, filteredLoaderRegistry } from '../../lib/loaders';
import type { Em } from '../../lib/orm';
import { AssignmentType } from './entities/AssignmentType';
import { ComputerAssignment } from './entities/ComputerAssignment';
import { DatacenterAssignment } from './entities/DatacenterAssignment';
import type { License } from './entities/License';
import { OrganizationAssignment } from './entities/OrganizationAssignment';
import { SiteAssignment } from './entities/SiteAssignment';
import { UserAssignment } from './entities/UserAssignment';
import { ASSIGNMENT_ORDER } from './services/assignments';
import { consumptionOf } from './services/consumption';
import { overAssignedIds } from './services/over-assignment';

/** The request-scoped loaders of the assignments subgraph (made by createContext, once per request). */
export function createLoaders(em: Em) {
  const byLicense = {
    computersByLicense: byParentLoader(em, ComputerAssignment, 'licenseId', ASSIGNMENT_ORDER),
    datacentersByLicense: byParentLoader(em, DatacenterAssignment, 'licenseId', ASSIGNMENT_ORDER),
    organizationsByLicense: byParentLoader(em, OrganizationAssignment, 'licenseId', ASSIGNMENT_ORDER),
    usersByLicense: byParentLoader(em, UserAssignment, 'licenseId', ASSIGNMENT_ORDER),
    sitesByLicense: byParentLoader(em, SiteAssignment, 'licenseId', ASSIGNMENT_ORDER),
  };
  /**
   * Facts about licenses that the gateway sent in this request's License representations
   * (`@requires`): the license is another subgraph's, so its quantity is known only from them.
   */
  const licenseFacts = new Map<string, License>();
  return {
    ...byLicense,
    licenseFacts,
    /** The over-assigned assignment IDs per license, for licenses whose quantity is in `licenseFacts`. */
    overAssigned: new DataLoader<string, ReadonlySet<string>>((licenseIds) => Promise.all(licenseIds.map(async (id) =>
      overAssignedIds(await consumptionOf(byLicense, id), licenseFacts.get(id)?.quantity ?? null)))),
    filtered: filteredLoaderRegistry(em),
    assignmentType: byIdLoader(em, AssignmentType),
    computerAssignment: byIdLoader(em, ComputerAssignment),
    datacenterAssignment: byIdLoader(em, DatacenterAssignment),
    organizationAssignment: byIdLoader(em, OrganizationAssignment),
    siteAssignment: byIdLoader(em, SiteAssignment),
    userAssignment: byIdLoader(em, UserAssignment),
    organizationAssignmentsByOrganization: byParentLoader(em, OrganizationAssignment, 'organizationId', ASSIGNMENT_ORDER),
    siteAssignmentsByOrganization: byParentLoader(em, SiteAssignment, 'organizationId', ASSIGNMENT_ORDER),
    userAssignmentsByUser: byParentLoader(em, UserAssignment, 'userId', ASSIGNMENT_ORDER),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
