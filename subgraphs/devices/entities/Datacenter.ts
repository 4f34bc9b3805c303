import { EntitySchema } from '@mikro-orm/core';
import { BaseEntity, baseProperties } from '../../../lib/entity';

/** A datacenter where devices are located. */
export class Datacenter extends BaseEntity {
  name!: string;
  location: string | null = null;
}

export const DatacenterSchema = new EntitySchema<Datacenter>({
  class: Datacenter,
  tableName: 'devices_datacenter',
  properties: {
    ...baseProperties,
    name: { type: 'string', length: 255 },
    location: { type: 'string', nullable: true },
  },
});
