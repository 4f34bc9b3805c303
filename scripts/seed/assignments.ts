/**
 * Demo data of the assignments subgraph: the assignment types and license assignments to the demo
 * computers, datacenters, organizations, sites and users of the other subgraphs' seeds.
 */
import type { Em } from '../../lib/orm';
import type { LicenseAssignment } from '../../subgraphs/assignments/entities/assignment-columns';
import { AssignmentType } from '../../subgraphs/assignments/entities/AssignmentType';
import { ComputerAssignment } from '../../subgraphs/assignments/entities/ComputerAssignment';
import { DatacenterAssignment } from '../../subgraphs/assignments/entities/DatacenterAssignment';
import { OrganizationAssignment } from '../../subgraphs/assignments/entities/OrganizationAssignment';
import { SiteAssignment } from '../../subgraphs/assignments/entities/SiteAssignment';
import { UserAssignment } from '../../subgraphs/assignments/entities/UserAssignment';
import { recordAssignmentEvent, type AssignmentTypeName } from '../../subgraphs/assignments/services/events';
import { DEMO } from './ids';

/** Deterministic IDs of the assignment types (same pattern as ids.ts, group 0x501). */
export const ASSIGNMENT_TYPE_IDS = [1, 2, 3, 4, 5].map((n) => `00000000-0000-4000-8501-${n.toString(16).padStart(12, '0')}`);

/** The seed's assignment types: 0 is `Organization` in seed 003; the others follow the assignment families. */
const ASSIGNMENT_TYPES: Array<[number, string, string]> = [
  [0, 'Organization', 'Licenses are assigned to organizations, each with a quantity.'],
  [1, 'Computer', 'Licenses are assigned to computers, with their virtual machines.'],
  [2, 'User', 'Licenses are assigned to named users, one each.'],
  [3, 'Site', 'A license covers a whole organization (site license).'],
  [4, 'Datacenter', 'Licenses are assigned to datacenters, with their virtual machines.'],
];

const { licenses: L, devices: D, datacenters, organizations: O, users: U } = DEMO;

function assignment<T extends LicenseAssignment>(entity: new () => T, licenseId: string, position: number, fields: Partial<T>): T {
  return Object.assign(new entity(), { accountId: DEMO.accountId, licenseId, batchPosition: position }, fields);
}

function assignments(): LicenseAssignment[] {
  return [
    // license 1: two computers (the second with two VMs) and its organization
    assignment(ComputerAssignment, L[0], 0, { computerId: D[0], quantity: 1 }),
    assignment(ComputerAssignment, L[0], 1, { computerId: D[1], quantity: 2, virtualMachines: [D[6], D[7]] }),
    assignment(OrganizationAssignment, L[0], 0, { organizationId: O[0], quantity: 3 }),
    // license 2: four computers, one each (over-assigned when its quantity is below 4)
    ...[2, 3, 4, 5].map((d, i) => assignment(ComputerAssignment, L[1], i, { computerId: D[d], quantity: 1 })),
    // license 3: a datacenter with its virtual machines
    assignment(DatacenterAssignment, L[2], 0, { datacenterId: datacenters[0], quantity: 4, virtualMachines: [D[6], D[7]] }),
    // license 4: split between two organizations, one of them auto-allocated
    assignment(OrganizationAssignment, L[3], 0, { organizationId: O[1], quantity: 2 }),
    assignment(OrganizationAssignment, L[3], 1, { organizationId: O[2], quantity: 1, isAutoAllocated: true }),
    // license 5: a site license of the first organization
    assignment(SiteAssignment, L[4], 0, { organizationId: O[0] }),
    // license 6: the four users of the first organization; license 7: one user of each other organization
    ...U[0].map((userId, i) => assignment(UserAssignment, L[5], i, { userId })),
    assignment(UserAssignment, L[6], 0, { userId: U[1][0] }),
    assignment(UserAssignment, L[6], 1, { userId: U[2][0] }),
  ];
}

export async function seed(em: Em): Promise<void> {
  for (const [i, [code, name, description]] of ASSIGNMENT_TYPES.entries()) {
    em.persist(Object.assign(new AssignmentType(), { id: ASSIGNMENT_TYPE_IDS[i], accountId: DEMO.accountId, assignmentType: code, name, description }));
  }
  for (const row of assignments()) {
    em.persist(row);
    // with its event, like any new assignment (the class name is the GraphQL type): the compliance projection learns it from it
    recordAssignmentEvent(em, 'assignment.created', row.constructor.name as AssignmentTypeName, row);
  }
  await em.flush();
}
