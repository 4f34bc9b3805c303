import { BadUserInputError } from './errors';
import { argumentName } from './input';

/** A UUID in its text form, any letter case (PostgreSQL prints lower case; callers may send upper case). */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether a GraphQL `ID` can name a row. PostgreSQL refuses a non-UUID literal for a uuid column (and
 * aborts the transaction), where SQLite finds nothing: such IDs are answered before they reach SQL.
 */
export function isUuid(value: string): boolean {
  return UUID_PATTERN.test(value);
}

/**
 * An ID argument that must be a UUID (e.g. a row of another subgraph, which cannot be checked to exist
 * here): anything else is the caller's mistake at `path`. Returned lower-cased so that equal IDs compare
 * equal on SQLite too.
 */
export function requireUuid(value: string, path: ReadonlyArray<string | number>): string {
  if (!isUuid(value)) throw new BadUserInputError(`${argumentName(path)} must be a UUID, got ${JSON.stringify(value)}`, path);
  return value.toLowerCase();
}
