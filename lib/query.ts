import { raw, type EntityName, type FilterQuery, type QueryOrderMap } from '@mikro-orm/core';
import { filterToSql, type FilterFields } from './filter';
import { isPostgres, type Em } from './orm';
import { pageWindow, toConnection, type Connection, type ConnectionArgs } from './pagination';

export interface ConnectionQuery<T> {
  /** Conditions of the list itself (the parent, a scope); the tenant filter applies on top. */
  where?: FilterQuery<T>;
  /** The seed's `filter` expression, checked against `filterFields`. */
  filter?: string | null;
  filterFields?: FilterFields;
  /** A stable order, ending with a unique column, so that offset cursors are meaningful. */
  orderBy: QueryOrderMap<T>;
  args: ConnectionArgs;
}

/** MikroORM keeps instants as epoch milliseconds on SQLite and as timestamps on PostgreSQL. */
function forPlatform(em: Em, fields: FilterFields): FilterFields {
  if (isPostgres(em)) return fields;
  return Object.fromEntries(Object.entries(fields).map(([name, field]) =>
    [name, field.type === 'datetime' ? { ...field, datetimeStorage: 'epochMs' as const } : field]));
}

/** Stands where the query's table alias goes: the compiled SQL holds identifiers and operators only (values are bound). */
const ALIAS_SLOT = '\u0000alias\u0000';

/**
 * The filter expression as a condition MikroORM can combine with others: the text is parsed and compiled once,
 * the SQL is completed with the query's table alias, the values are bound parameters.
 */
export function filterCondition<T>(em: Em, text: string | null | undefined, fields: FilterFields): FilterQuery<T> | null {
  const platform = em.getPlatform();
  const compiled = filterToSql(text, forPlatform(em, fields), (c) => `${ALIAS_SLOT}.${platform.quoteIdentifier(c)}`);
  if (!compiled) return null;
  const sqlFor = (alias: string) => compiled.sql.replaceAll(ALIAS_SLOT, platform.quoteIdentifier(alias));
  return { [raw((alias: string) => sqlFor(alias), compiled.params)]: [] } as unknown as FilterQuery<T>;
}

/** One page of a Relay connection with its total count: two statements, whatever the page size. */
export async function findConnection<T extends object>(em: Em, entity: EntityName<T>, q: ConnectionQuery<T>): Promise<Connection<T>> {
  const window = pageWindow(q.args);
  const conditions: FilterQuery<T>[] = [];
  if (q.where) conditions.push(q.where);
  const filter = q.filterFields ? filterCondition<T>(em, q.filter, q.filterFields) : null;
  if (filter) conditions.push(filter);
  const where = (conditions.length ? { $and: conditions } : {}) as FilterQuery<T>;
  const [rows, total] = await em.findAndCount(entity, where, { orderBy: q.orderBy, limit: window.limit, offset: window.offset });
  return toConnection(rows, total, window);
}
