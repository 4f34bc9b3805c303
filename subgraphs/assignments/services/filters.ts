import { filterField, type FilterFields } from '../../../lib/filter';

const { text, uuid, num, bool, date } = filterField;

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
