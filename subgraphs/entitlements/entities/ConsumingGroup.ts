import { EntitySchema } from '@mikro-orm/core';
import { BaseEntity, baseProperties } from '../../../lib/entity';

/** An organization group added as a consumer of the licenses of an entitlement (seed 002 consuming groups). */
export class ConsumingGroup extends BaseEntity {
  entitlementId!: string;
  groupId!: string;
}

export const ConsumingGroupSchema = new EntitySchema<ConsumingGroup>({
  class: ConsumingGroup,
  tableName: 'entitlements_consuming_group',
  uniques: [{ properties: ['accountId', 'entitlementId', 'groupId'] }],
  properties: {
    ...baseProperties,
    entitlementId: { type: 'uuid', index: true },
    groupId: { type: 'uuid', index: true },
  },
});
