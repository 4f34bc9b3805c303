import { EntitySchema } from '@mikro-orm/core';
import { LicenseAssignment, licenseAssignmentProperties } from './assignment-columns';

/** A license's assignment to a computer (seed 003); a computer is assigned a license at most once. */
export class ComputerAssignment extends LicenseAssignment {
  computerId!: string;
  virtualMachines: string[] = [];
}

export const ComputerAssignmentSchema = new EntitySchema<ComputerAssignment>({
  class: ComputerAssignment,
  tableName: 'assignments_computer_assignment',
  uniques: [{ properties: ['accountId', 'licenseId', 'computerId'] }],
  properties: {
    ...licenseAssignmentProperties,
    computerId: { type: 'uuid', index: true },
    virtualMachines: { type: 'json' },
  },
});
