import { BadUserInputError } from './errors';

/*
 * Input checks that several subgraphs apply with the same rule and the same message. Each error names the
 * argument by the last segment of its path (`["input", "name"]` → `name must …`) and carries the whole path.
 * Rules that differ on purpose (a credential kept byte for byte, optional text where blank means "none") stay
 * with their subgraph.
 */

/** Where an argument is in the request, e.g. `["input", "lines", 2, "feature"]`. */
export type ArgumentPath = ReadonlyArray<string | number>;

/** The name of the argument a path ends at, e.g. `feature` for `["input", "lines", 2, "feature"]`: error messages name it. */
export function argumentName(path: ArgumentPath): string {
  return String(path[path.length - 1]);
}

/** Required text, trimmed, of 1 to `max` characters once trimmed (so blank is refused). */
export function requiredText(value: string, path: ArgumentPath, max = 255): string {
  const trimmed = value.trim();
  if (trimmed.length === 0 || trimmed.length > max) throw new BadUserInputError(`${argumentName(path)} must have 1 to ${max} characters`, path);
  return trimmed;
}

/** A count of at least 1 (a quantity, an amount of uses, cores): a whole number. */
export function positiveCount(value: number, path: ArgumentPath): number {
  if (!Number.isInteger(value) || value < 1) throw new BadUserInputError(`${argumentName(path)} must be at least 1`, path);
  return value;
}

/** A number that cannot be negative (a limit, a count); null when not given. */
export function nonNegative(value: number | null | undefined, path: ArgumentPath): number | null {
  if (value === null || value === undefined) return null;
  if (value < 0) throw new BadUserInputError(`${argumentName(path)} cannot be negative`, path);
  return value;
}
