import type { FilterFields } from '../../../lib/filter';
import { requireUuid } from '../../../lib/ids';
import type { ArgumentPath } from '../../../lib/input';
import type { LicenseAssignment } from '../entities/assignment-columns';
import { ComputerAssignment } from '../entities/ComputerAssignment';
import { DatacenterAssignment } from '../entities/DatacenterAssignment';
import { OrganizationAssignment } from '../entities/OrganizationAssignment';
import { UserAssignment } from '../entities/UserAssignment';
import type {
  ComputerAssignmentInput, DatacenterAssignmentInput, OrganizationAssignmentInput, UserAssignmentInput,
} from '../generated/graphql';
import type { AssignmentTypeName } from './events';
import {
  COMPUTER_ASSIGNMENT_FILTER_FIELDS, DATACENTER_ASSIGNMENT_FILTER_FIELDS, ORGANIZATION_ASSIGNMENT_FILTER_FIELDS,
  USER_ASSIGNMENT_FILTER_FIELDS,
} from './filters';
import { checkQuantity, checkVirtualMachines } from './input-checks';

/**
 * What differs between the four families of "assignment to X" (computers, datacenters,
 * organizations, users): the same seven seed actions work on each through this description.
 */
export interface AssignmentKind<T extends LicenseAssignment, I> {
  typeName: AssignmentTypeName;
  entity: new () => T;
  /** The column naming what the license is assigned to (at most once per license), e.g. `computerId`. */
  target: keyof T & string;
  /** Every column an input sets, checked; what the input leaves out gets its default (replace semantics). */
  values(input: I, path: ArgumentPath): Partial<T>;
  filterFields: FilterFields;
}

export const COMPUTER_ASSIGNMENTS: AssignmentKind<ComputerAssignment, ComputerAssignmentInput> = {
  typeName: 'ComputerAssignment',
  entity: ComputerAssignment,
  target: 'computerId',
  values: (input, path) => ({
    computerId: requireUuid(input.computerId, [...path, 'computerId']),
    quantity: checkQuantity(input.quantity, [...path, 'quantity']),
    virtualMachines: checkVirtualMachines(input.virtualMachines, [...path, 'virtualMachines']),
  }),
  filterFields: COMPUTER_ASSIGNMENT_FILTER_FIELDS,
};

export const DATACENTER_ASSIGNMENTS: AssignmentKind<DatacenterAssignment, DatacenterAssignmentInput> = {
  typeName: 'DatacenterAssignment',
  entity: DatacenterAssignment,
  target: 'datacenterId',
  values: (input, path) => ({
    datacenterId: requireUuid(input.datacenterId, [...path, 'datacenterId']),
    quantity: checkQuantity(input.quantity, [...path, 'quantity']),
    virtualMachines: checkVirtualMachines(input.virtualMachines, [...path, 'virtualMachines']),
  }),
  filterFields: DATACENTER_ASSIGNMENT_FILTER_FIELDS,
};

export const ORGANIZATION_ASSIGNMENTS: AssignmentKind<OrganizationAssignment, OrganizationAssignmentInput> = {
  typeName: 'OrganizationAssignment',
  entity: OrganizationAssignment,
  target: 'organizationId',
  values: (input, path) => ({
    organizationId: requireUuid(input.organizationId, [...path, 'organizationId']),
    quantity: checkQuantity(input.quantity, [...path, 'quantity']),
  }),
  filterFields: ORGANIZATION_ASSIGNMENT_FILTER_FIELDS,
};

/** The seed's user assignment request has no quantity: one user, quantity 1. */
export const USER_ASSIGNMENTS: AssignmentKind<UserAssignment, UserAssignmentInput> = {
  typeName: 'UserAssignment',
  entity: UserAssignment,
  target: 'userId',
  values: (input, path) => ({ userId: requireUuid(input.userId, [...path, 'userId']), quantity: 1 }),
  filterFields: USER_ASSIGNMENT_FILTER_FIELDS,
};
