import type { EntityName, FilterQuery } from '@mikro-orm/core';
import { BadUserInputError } from '../../../lib/errors';
import type { Em } from '../../../lib/orm';
import { isOrderedPeriod } from '../domain/validity';

type Path = ReadonlyArray<string | number>;

/** A required, non-blank name, trimmed. */
export function requiredName(value: string | null | undefined, path: Path): string {
  const name = value?.trim() ?? '';
  if (!name) throw new BadUserInputError(`${String(path[path.length - 1])} cannot be blank`, path);
  return name;
}

/** Seed 002 validity: an end time must come after the start time. */
export function checkPeriod(validFrom: Date | null | undefined, validUntil: Date | null | undefined, untilPath: Path): void {
  if (!isOrderedPeriod(validFrom, validUntil)) throw new BadUserInputError('The validity must end after it starts', untilPath);
}

/**
 * A row that an input refers to by id: it must exist in this subgraph (and the caller's account,
 * by the tenant filter), else the input is wrong at `path`.
 */
export async function referenced<T extends object>(em: Em, entity: EntityName<T>, label: string, id: string, path: Path): Promise<T> {
  const row = await em.findOne(entity, { id } as FilterQuery<T>);
  if (!row) throw new BadUserInputError(`${label} ${JSON.stringify(id)} was not found`, path);
  return row;
}
