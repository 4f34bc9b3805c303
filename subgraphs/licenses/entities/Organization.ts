import { EntitySchema } from '@mikro-orm/core';
import { BaseEntity, baseProperties } from '../../../lib/entity';

export class Organization extends BaseEntity {
  name!: string;
  email: string | null = null;
  description: string | null = null;
  allowedUsers: number | null = null;
  addressLine1: string | null = null;
  addressLine2: string | null = null;
  city: string | null = null;
  state: string | null = null;
  country: string | null = null;
  postalCode: string | null = null;
  resellerId: string | null = null;
}

export const OrganizationSchema = new EntitySchema<Organization>({
  class: Organization,
  tableName: 'licenses_organization',
  properties: {
    ...baseProperties,
    name: { type: 'string' },
    email: { type: 'string', nullable: true },
    description: { type: 'text', nullable: true },
    allowedUsers: { type: 'integer', nullable: true },
    addressLine1: { type: 'string', nullable: true },
    addressLine2: { type: 'string', nullable: true },
    city: { type: 'string', nullable: true },
    state: { type: 'string', nullable: true },
    country: { type: 'string', nullable: true },
    postalCode: { type: 'string', nullable: true },
    resellerId: { type: 'uuid', nullable: true, index: true },
  },
});
