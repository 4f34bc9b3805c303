import { EntitySchema } from '@mikro-orm/core';
import { BaseEntity, baseProperties } from '../../../lib/entity';

export class Product extends BaseEntity {
  name!: string;
  code: string | null = null;
  platforms: string[] = [];
}

export const ProductSchema = new EntitySchema<Product>({
  class: Product,
  tableName: 'licenses_product',
  properties: {
    ...baseProperties,
    name: { type: 'string' },
    code: { type: 'string', nullable: true },
    platforms: { type: 'json' },
  },
});
