import type { EntityName, FilterQuery } from '@mikro-orm/core';
import { BadUserInputError, NotFoundError } from '../../../lib/errors';
import { isUuid } from '../../../lib/ids';
import type { Em } from '../../../lib/orm';
import { isOrderedPeriod } from '../domain/validity';
import { argumentName } from '../../../lib/input';

type Path = ReadonlyArray<string | number>;

/** A required, non-blank name, trimmed. */
export function requiredName(value: string | null | undefined, path: Path): string {
  const name = value?.trim() ?? '';
  if (!name) throw new BadUserInputError(`${argumentName(path)} cannot be blank`, path);
  return name;
}

/** Seed 002 validity: an end time must come after the start time. */
export function checkPeriod(validFrom: Date | null | undefined, validUntil: Date | null | undefined, untilPath: Path): void {
  if (!isOrderedPeriod(validFrom, validUntil)) throw new BadUserInputError('The validity must end after it starts', untilPath);
}

/** A row of this subgraph by ID, or null. An ID that is not a UUID names no row (PostgreSQL would refuse it). */
function findById<T extends object>(em: Em, entity: EntityName<T>, id: string): Promise<T | null> {
  return isUuid(id) ? em.findOne(entity, { id: id.toLowerCase() } as FilterQuery<T>) : Promise.resolve(null);
}

/**
 * A row that an input refers to by id: it must exist in this subgraph (and the caller's account,
 * by the tenant filter), else the input is wrong at `path`.
 */
export async function referenced<T extends object>(em: Em, entity: EntityName<T>, label: string, id: string, path: Path): Promise<T> {
  const row = await findById(em, entity, id);
  if (!row) throw new BadUserInputError(`${label} ${JSON.stringify(id)} was not found`, path);
  return row;
}

/** The row a mutation acts on (its `id` argument): NOT_FOUND when there is none. */
export async function findOrFail<T extends object>(em: Em, entity: EntityName<T>, typeName: string, id: string): Promise<T> {
  const row = await findById(em, entity, id);
  if (!row) throw new NotFoundError(typeName, id);
  return row;
}
