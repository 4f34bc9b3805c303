import { EntitySchema } from '@mikro-orm/core';
import { LicenseAssignment, licenseAssignmentProperties } from './assignment-columns';

/** A license's assignment to a datacenter (seed 003); a datacenter is assigned a license at most once. */
export class DatacenterAssignment extends LicenseAssignment {
  datacenterId!: string;
  virtualMachines: string[] = [];
}

export const DatacenterAssignmentSchema = new EntitySchema<DatacenterAssignment>({
  class: DatacenterAssignment,
  tableName: 'assignments_datacenter_assignment',
  uniques: [{ properties: ['accountId', 'licenseId', 'datacenterId'] }],
  properties: {
    ...licenseAssignmentProperties,
    datacenterId: { type: 'uuid', index: true },
    virtualMachines: { type: 'json' },
  },
});
