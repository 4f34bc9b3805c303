import { EntitySchema } from '@mikro-orm/core';
import { LicenseAssignment, licenseAssignmentProperties } from './assignment-columns';

/** A license's assignment to a user (seed 003): quantity 1; a user is assigned a license at most once. */
export class UserAssignment extends LicenseAssignment {
  userId!: string;
}

export const UserAssignmentSchema = new EntitySchema<UserAssignment>({
  class: UserAssignment,
  tableName: 'assignments_user_assignment',
  uniques: [{ properties: ['accountId', 'licenseId', 'userId'] }],
  properties: {
    ...licenseAssignmentProperties,
    userId: { type: 'uuid', index: true },
  },
});
