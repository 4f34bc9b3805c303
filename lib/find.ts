import type { EntityName, FilterQuery, FindOneOptions, Loaded } from '@mikro-orm/core';
import { BadUserInputError, NotFoundError } from './errors';
import { isUuid } from './ids';
import type { Em } from './orm';

/*
 * Finding one row of the caller's account by its ID, the same way in every subgraph. The request's entity
 * manager has the tenant filter on (lib/tenancy.ts): a row of another account is not found, exactly like a row
 * that does not exist, so nothing here names the account.
 */

type ArgumentPath = ReadonlyArray<string | number>;

function byId<T>(id: string): FilterQuery<T> {
  // every table has a uuid `id` (lib/entity.ts); the entity type is generic here, so the filter is cast
  return { id } as FilterQuery<T>;
}

/**
 * The ID as stored (lower case), or NOT_FOUND before any SQL for an ID that cannot name a row: PostgreSQL
 * refuses a non-UUID literal for a uuid column (and aborts the transaction) where SQLite would find nothing.
 * For a conditional UPDATE by ID, which needs no SELECT first.
 */
export function rowIdOrNotFound(id: string, typeName: string): string {
  if (!isUuid(id)) throw new NotFoundError(typeName, id);
  return id.toLowerCase();
}

/**
 * The row that an `id` argument names, or NOT_FOUND (`typeName` is the GraphQL type, e.g. `License`). `options`
 * go to MikroORM's `findOne`: a lock mode (with `refresh`, so that a copy in the identity map does not stand in
 * for the locked row), `refresh` to re-read a row after a conditional UPDATE, `populate`.
 */
export async function findByIdOrFail<T extends object, Hint extends string = never>(
  em: Em, entity: EntityName<T>, id: string, typeName: string, options?: FindOneOptions<T, Hint>,
): Promise<Loaded<T, Hint>> {
  const row = await em.findOne(entity, byId<T>(rowIdOrNotFound(id, typeName)), options);
  if (!row) throw new NotFoundError(typeName, id);
  return row;
}

/**
 * The row that an input refers to by ID (e.g. `input.policyId`): a missing one is the caller's mistake at `path`
 * (BAD_USER_INPUT), not a missing target. `label` names it in the message: `Policy "…" was not found`.
 */
export async function findReferencedOrFail<T extends object>(em: Em, entity: EntityName<T>, id: string, label: string, path: ArgumentPath): Promise<T> {
  const row = isUuid(id) ? await em.findOne(entity, byId<T>(id.toLowerCase())) : null;
  if (!row) throw new BadUserInputError(`${label} ${JSON.stringify(id)} was not found`, path);
  return row;
}
