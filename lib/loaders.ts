import DataLoader from 'dataloader';
import type { EntityName, FilterQuery, QueryOrderMap } from '@mikro-orm/core';
import { isUuid } from './ids';
import type { FilterFields } from './filter';
import type { Em } from './orm';
import { filterCondition } from './query';

/**
 * A loader of entities by primary key: one `WHERE id IN (...)` per tick, answers in key order
 * (null for a missing or foreign-account row: the tenant filter of `em` applies).
 */
export function byIdLoader<T extends { id: string }>(em: Em, entity: EntityName<T>): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>(async (ids) => {
    // a malformed ID names no row (and PostgreSQL would refuse the whole batch for it)
    const wellFormed = ids.filter(isUuid);
    const rows = wellFormed.length ? await em.find(entity, { id: { $in: wellFormed } } as unknown as FilterQuery<T>) : [];
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/**
 * A loader of child rows grouped by a parent key column: one query for all parents of a tick.
 * `orderBy` keeps each group in a stable order (the cursor of connections built from it); `where`
 * narrows the children (e.g. a compiled `filter`), the same for every parent.
 */
export function byParentLoader<T extends object, K extends keyof T & string>(
  em: Em,
  entity: EntityName<T>,
  parentKey: K,
  orderBy: QueryOrderMap<T> = {},
  where?: FilterQuery<T> | null,
): DataLoader<string, T[]> {
  return new DataLoader<string, T[]>(async (parentIds) => {
    const byParent = { [parentKey]: { $in: [...parentIds] } } as FilterQuery<T>;
    const rows = await em.find(entity, (where ? { $and: [byParent, where] } : byParent) as FilterQuery<T>, { orderBy });
    const groups = new Map<string, T[]>(parentIds.map((id) => [id, []]));
    for (const row of rows) groups.get(String(row[parentKey]))?.push(row);
    return parentIds.map((id) => groups.get(id) ?? []);
  });
}

/**
 * Child rows grouped by a parent column, with the seed's `filter` applied in SQL: one loader per
 * distinct filter text, each answering every parent of a tick with one query. The filter is
 * compiled when the loader is made, so a bad filter fails the field with BAD_USER_INPUT.
 */
export function filteredByParentLoaders<T extends object>(
  em: Em, entity: EntityName<T>, parentKey: keyof T & string, orderBy: QueryOrderMap<T>, fields: FilterFields,
): (filter?: string | null) => DataLoader<string, T[]> {
  const loaders = new Map<string, DataLoader<string, T[]>>();
  return (filter) => {
    const key = filter?.trim() ?? '';
    let loader = loaders.get(key);
    if (!loader) {
      loader = byParentLoader(em, entity, parentKey, orderBy, filterCondition<T>(em, key, fields));
      loaders.set(key, loader);
    }
    return loader;
  };
}

export type FilteredLoaders = <T extends object>(
  entity: EntityName<T>, parentKey: keyof T & string, orderBy: QueryOrderMap<T>, fields: FilterFields, filter: string,
) => DataLoader<string, T[]>;

/**
 * The same as filteredByParentLoaders for lists whose entity is chosen at run time (one registry
 * per request): one query per entity, parent column and filter text for every parent of a tick.
 */
export function filteredLoaderRegistry(em: Em): FilteredLoaders {
  const loaders = new Map<string, DataLoader<string, unknown[]>>();
  return <T extends object>(entity: EntityName<T>, parentKey: keyof T & string, orderBy: QueryOrderMap<T>, fields: FilterFields, filter: string) => {
    const key = `${typeof entity === 'function' ? entity.name : String(entity)}\u0000${parentKey}\u0000${filter.trim()}`;
    let loader = loaders.get(key) as DataLoader<string, T[]> | undefined;
    if (!loader) {
      loader = byParentLoader(em, entity, parentKey, orderBy, filterCondition<T>(em, filter.trim(), fields));
      loaders.set(key, loader as DataLoader<string, unknown[]>);
    }
    return loader;
  };
}
