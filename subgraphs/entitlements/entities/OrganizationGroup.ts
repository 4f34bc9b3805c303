import { EntitySchema } from '@mikro-orm/core';
import { BaseEntity, baseProperties } from '../../../lib/entity';

/**
 * A group of an organization (seed 002 `OrganizationGroup`): its members may consume the licenses of the
 * entitlements it is a consuming group of. `type` is formal, used by application logic (the seed reserves
 * `employees`, `enterpriseEmployees` and `licenseConsumers`).
 */
export class OrganizationGroup extends BaseEntity {
  /** The owning organization (licenses subgraph); a plain UUID column. */
  organizationId!: string;
  name!: string;
  type: string | null = null;
  description: string | null = null;
}

export const OrganizationGroupSchema = new EntitySchema<OrganizationGroup>({
  class: OrganizationGroup,
  tableName: 'entitlements_organization_group',
  properties: {
    ...baseProperties,
    organizationId: { type: 'uuid', index: true },
    name: { type: 'string' },
    type: { type: 'string', nullable: true },
    description: { type: 'text', nullable: true },
  },
});
