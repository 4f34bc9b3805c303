import type { EntitySchemaProperty } from '@mikro-orm/core';
import { BaseEntity, baseProperties } from '../../../lib/entity';

/**
 * What every assignment of a license has. The license belongs to the licenses subgraph, so
 * `licenseId` is a plain UUID column: nothing here can check that the license exists.
 */
export abstract class LicenseAssignment extends BaseEntity {
  licenseId!: string;
  /** The assigned quantity of licenses. */
  quantity = 1;
  /**
   * Position of the assignment in the request that made it. Rows of one replace-all share a
   * creation time; this keeps their input order, which decides who is over-assigned.
   */
  batchPosition = 0;
}

type Props = { [K in keyof LicenseAssignment]: EntitySchemaProperty<LicenseAssignment[K], LicenseAssignment> };

export const licenseAssignmentProperties: Props = {
  ...baseProperties,
  licenseId: { type: 'uuid', index: true },
  quantity: { type: 'integer' },
  batchPosition: { type: 'integer' },
};
