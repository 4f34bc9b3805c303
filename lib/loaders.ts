import DataLoader from 'dataloader';
import { Utils, type EntityName, type FilterQuery, type QueryOrderMap } from '@mikro-orm/core';
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
    const keys = uuidKeys(ids);
    const rows = keys.length ? await em.find(entity, { id: { $in: keys } } as unknown as FilterQuery<T>) : [];
    const byId = new Map(rows.map((row) => [row.id.toLowerCase(), row]));
    return ids.map((id) => byId.get(id.toLowerCase()) ?? null);
  });
}

/**
 * The keys that can name a row of a uuid column, lower-cased: a malformed one names no row (and PostgreSQL
 * would refuse the whole batch for it); upper case names the same row as lower case (PostgreSQL prints lower).
 */
function uuidKeys(keys: readonly string[]): string[] {
  return [...new Set(keys.filter(isUuid).map((key) => key.toLowerCase()))];
}

function isUuidColumn<T extends object>(em: Em, entity: EntityName<T>, property: string): boolean {
  const prop = em.getMetadata().find(Utils.className(entity))?.properties[property as never] as { type?: string } | undefined;
  return prop?.type?.toLowerCase() === 'uuid';
}

/**
 * A loader of child rows grouped by a parent key column: one query for all parents of a tick.
 * `orderBy` keeps each group in a stable order (the cursor of connections built from it); `where`
 * narrows the children (e.g. a compiled `filter`), the same for every parent. Keys of a uuid column are
 * matched as `byIdLoader` matches IDs: malformed ones have no children, letter case does not matter.
 */
export function byParentLoader<T extends object, K extends keyof T & string>(
  em: Em,
  entity: EntityName<T>,
  parentKey: K,
  orderBy: QueryOrderMap<T> = {},
  where?: FilterQuery<T> | null,
): DataLoader<string, T[]> {
  const uuid = isUuidColumn(em, entity, parentKey);
  const normalize = uuid ? (key: string) => key.toLowerCase() : (key: string) => key;
  return new DataLoader<string, T[]>(async (parentIds) => {
    const keys = uuid ? uuidKeys(parentIds) : [...new Set(parentIds)];
    const groups = new Map<string, T[]>(keys.map((key) => [key, []]));
    if (keys.length) {
      const byParent = { [parentKey]: { $in: keys } } as FilterQuery<T>;
      const rows = await em.find(entity, (where ? { $and: [byParent, where] } : byParent) as FilterQuery<T>, { orderBy });
      for (const row of rows) groups.get(normalize(String(row[parentKey])))?.push(row);
    }
    return parentIds.map((id) => groups.get(normalize(id)) ?? []);
  });
}

export type FilteredLoaders = <T extends object>(
  entity: EntityName<T>, parentKey: keyof T & string, orderBy: QueryOrderMap<T>, fields: FilterFields, filter: string,
) => DataLoader<string, T[]>;

/**
 * Child rows grouped by a parent column, with the seed's `filter` applied in SQL (one registry per request):
 * one loader per entity, parent column and distinct filter text, each answering every parent of a tick with
 * one query. The filter is compiled when the loader is made, so a bad filter fails the field with
 * BAD_USER_INPUT. `orderBy` and `fields` belong to the list: one list passes the same ones every time.
 */
export function filteredLoaderRegistry(em: Em): FilteredLoaders {
  const loaders = new Map<string, DataLoader<string, unknown[]>>();
  return <T extends object>(entity: EntityName<T>, parentKey: keyof T & string, orderBy: QueryOrderMap<T>, fields: FilterFields, filter: string) => {
    const key = `${Utils.className(entity)}\u0000${parentKey}\u0000${filter.trim()}`;
    let loader = loaders.get(key) as DataLoader<string, T[]> | undefined;
    if (!loader) {
      loader = byParentLoader(em, entity, parentKey, orderBy, filterCondition<T>(em, filter.trim(), fields));
      loaders.set(key, loader as DataLoader<string, unknown[]>);
    }
    return loader;
  };
}

/** The loaders of one filtered list whose entity is fixed: `(filter) => loader`, batched as in the registry. */
export function filteredByParentLoaders<T extends object>(
  em: Em, entity: EntityName<T>, parentKey: keyof T & string, orderBy: QueryOrderMap<T>, fields: FilterFields,
): (filter?: string | null) => DataLoader<string, T[]> {
  const registry = filteredLoaderRegistry(em);
  return (filter) => registry(entity, parentKey, orderBy, fields, filter ?? '');
}
