import type { FilterFields } from '../../../lib/filter';

const uuid = (column: string) => ({ column, type: 'uuid' as const });
const num = (column: string) => ({ column, type: 'number' as const });
const text = (column: string) => ({ column, type: 'string' as const });
const bool = (column: string) => ({ column, type: 'boolean' as const });
const date = (column: string) => ({ column, type: 'datetime' as const });

/** Fields every assignment list can be filtered on (the seed's item fields that are columns here). */
const ASSIGNMENT_FIELDS: FilterFields = {
  id: uuid('id'),
  licenseId: uuid('license_id'),
  quantity: num('quantity'),
  createdDate: date('created_at'),
  updatedDate: date('updated_at'),
};

export const COMPUTER_ASSIGNMENT_FILTER_FIELDS: FilterFields = { ...ASSIGNMENT_FIELDS, computerId: uuid('computer_id') };
export const DATACENTER_ASSIGNMENT_FILTER_FIELDS: FilterFields = { ...ASSIGNMENT_FIELDS, datacenterId: uuid('datacenter_id') };
export const ORGANIZATION_ASSIGNMENT_FILTER_FIELDS: FilterFields = {
  ...ASSIGNMENT_FIELDS, organizationId: uuid('organization_id'), isAutoAllocated: bool('is_auto_allocated'),
};
export const USER_ASSIGNMENT_FILTER_FIELDS: FilterFields = { ...ASSIGNMENT_FIELDS, userId: uuid('user_id') };

/** Fields of `assignmentTypes(filter:)`; `assignmentTypeId` is the seed's name of the ID. */
export const ASSIGNMENT_TYPE_FILTER_FIELDS: FilterFields = {
  id: uuid('id'),
  assignmentTypeId: uuid('id'),
  assignmentType: num('assignment_type'),
  name: text('name'),
  description: text('description'),
};
