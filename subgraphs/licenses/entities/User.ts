import { EntitySchema } from '@mikro-orm/core';
import { BaseEntity, baseProperties } from '../../../lib/entity';

export class User extends BaseEntity {
  organizationId: string | null = null;
  email!: string;
  firstName: string | null = null;
  lastName: string | null = null;
  role: string | null = null;
  roles: string[] = [];
  company: string | null = null;
  allowCustomerPortalAccess = false;
  /** A banned user's licenses have status BANNED and fail validation. */
  banned = false;
  tags: string[] = [];
}

export const UserSchema = new EntitySchema<User>({
  class: User,
  tableName: 'licenses_user',
  uniques: [{ properties: ['accountId', 'email'] }],
  properties: {
    ...baseProperties,
    organizationId: { type: 'uuid', nullable: true, index: true },
    email: { type: 'string' },
    firstName: { type: 'string', nullable: true },
    lastName: { type: 'string', nullable: true },
    role: { type: 'string', nullable: true },
    roles: { type: 'json' },
    company: { type: 'string', nullable: true },
    allowCustomerPortalAccess: { type: 'boolean' },
    banned: { type: 'boolean' },
    tags: { type: 'json' },
  },
});
