import { EntitySchema } from '@mikro-orm/core';
import { BaseEntity, baseProperties } from '../../../lib/entity';

/** A member user of an organization group: the subject of the user's tokens, as a consumption session records it. */
export class OrganizationGroupMember extends BaseEntity {
  groupId!: string;
  userId!: string;
}

export const OrganizationGroupMemberSchema = new EntitySchema<OrganizationGroupMember>({
  class: OrganizationGroupMember,
  tableName: 'entitlements_organization_group_member',
  uniques: [{ properties: ['accountId', 'groupId', 'userId'] }],
  indexes: [{ properties: ['accountId', 'userId'] }],
  properties: {
    ...baseProperties,
    groupId: { type: 'uuid', index: true },
    userId: { type: 'string' },
  },
});
