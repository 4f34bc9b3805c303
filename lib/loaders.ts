import DataLoader from 'dataloader';
import type { EntityName, FilterQuery } from '@mikro-orm/core';
import type { Em } from './orm';

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A loader of entities by primary key: one `WHERE id IN (...)` per tick, answers in key order
 * (null for a missing or foreign-account row: the tenant filter of `em` applies).
 */
export function byIdLoader<T extends { id: string }>(em: Em, entity: EntityName<T>): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>(async (ids) => {
    // a malformed ID names no row (and PostgreSQL would refuse the whole batch for it)
    const wellFormed = ids.filter((id) => UUID.test(id));
    const rows = wellFormed.length ? await em.find(entity, { id: { $in: wellFormed } } as unknown as FilterQuery<T>) : [];
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/**
 * A loader of child rows grouped by a parent key column: one query for all parents of a tick.
 * `orderBy` keeps each group in a stable order (the cursor of connections built from it).
 */
export function byParentLoader<T extends object, K extends keyof T & string>(
  em: Em,
  entity: EntityName<T>,
  parentKey: K,
  orderBy: Partial<Record<keyof T & string, 'asc' | 'desc'>> = {},
): DataLoader<string, T[]> {
  return new DataLoader<string, T[]>(async (parentIds) => {
    const where = { [parentKey]: { $in: [...parentIds] } } as FilterQuery<T>;
    const rows = await em.find(entity, where, { orderBy: orderBy as never });
    const groups = new Map<string, T[]>(parentIds.map((id) => [id, []]));
    for (const row of rows) groups.get(String(row[parentKey]))?.push(row);
    return parentIds.map((id) => groups.get(id) ?? []);
  });
}
