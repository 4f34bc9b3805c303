import { EntitySchema } from '@mikro-orm/core';
import { BaseEntity, baseProperties } from '../../../lib/entity';

/** What a license grants the right to use (seed 002 `LicensedItem`); `name` is used when checking licenses. */
export class LicensedItem extends BaseEntity {
  name!: string;
  displayName: string | null = null;
  description: string | null = null;
  type: string | null = null;
  version: string | null = null;
  /** Ids of the licensed items this item aggregates (seed 002 `aggregatedItems`). */
  aggregatedItemIds: string[] = [];
}

export const LicensedItemSchema = new EntitySchema<LicensedItem>({
  class: LicensedItem,
  tableName: 'entitlements_licensed_item',
  // the seed: "Unique name or identifier of the licensed item"
  uniques: [{ properties: ['accountId', 'name'] }],
  properties: {
    ...baseProperties,
    name: { type: 'string' },
    displayName: { type: 'string', nullable: true },
    description: { type: 'text', nullable: true },
    type: { type: 'string', nullable: true },
    version: { type: 'string', nullable: true },
    aggregatedItemIds: { type: 'json' },
  },
});
