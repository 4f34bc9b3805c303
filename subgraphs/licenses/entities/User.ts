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
  resellerId: string | null = null;
  twoFactorEnabled = false;
  googleSsoEnabled = false;
  lastLoginAt: Date | null = null;
  lastSeenAt: Date | null = null;
  /** Seed 000 `emailPreference.metrics`: whether the user receives usage metrics by email. */
  emailMetrics = false;
  /** Seed 000 user `metadata`: key/value pairs. */
  metadata: Record<string, string> = {};
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
    resellerId: { type: 'uuid', nullable: true },
    twoFactorEnabled: { type: 'boolean' },
    googleSsoEnabled: { type: 'boolean' },
    lastLoginAt: { type: 'datetime', nullable: true },
    lastSeenAt: { type: 'datetime', nullable: true },
    emailMetrics: { type: 'boolean' },
    // a default, so that the column can be added to tables that already have users
    metadata: { type: 'json', default: '{}' },
  },
});
