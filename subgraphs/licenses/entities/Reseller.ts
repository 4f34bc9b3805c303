import { EntitySchema } from '@mikro-orm/core';
import { BaseEntity, baseProperties } from '../../../lib/entity';

export class Reseller extends BaseEntity {
  name!: string;
  email: string | null = null;
  description: string | null = null;
  allowedUsers: number | null = null;
  allowedOrganizations: number | null = null;
}

export const ResellerSchema = new EntitySchema<Reseller>({
  class: Reseller,
  tableName: 'licenses_reseller',
  properties: {
    ...baseProperties,
    name: { type: 'string' },
    email: { type: 'string', nullable: true },
    description: { type: 'text', nullable: true },
    allowedUsers: { type: 'integer', nullable: true },
    allowedOrganizations: { type: 'integer', nullable: true },
  },
});
