import { EntitySchema } from '@mikro-orm/core';
import { BaseEntity, baseProperties } from '../../../lib/entity';

/** A software application: what licenses cover and what tracking finds installed or used. */
export class Application extends BaseEntity {
  name!: string;
  vendor: string | null = null;
  version: string | null = null;
  edition: string | null = null;
  description: string | null = null;
}

export const ApplicationSchema = new EntitySchema<Application>({
  class: Application,
  tableName: 'compliance_application',
  indexes: [{ properties: ['accountId', 'name'] }],
  properties: {
    ...baseProperties,
    name: { type: 'string', length: 255 },
    vendor: { type: 'string', length: 255, nullable: true },
    version: { type: 'string', length: 100, nullable: true },
    edition: { type: 'string', length: 100, nullable: true },
    description: { type: 'text', nullable: true },
  },
});
