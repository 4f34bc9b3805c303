import { BadUserInputError } from '../../../lib/errors';

export type ArgumentPath = ReadonlyArray<string | number>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * IDs of other subgraphs' entities (licenses, computers, organizations, users) cannot be checked to
 * exist here; they must at least be UUIDs. Returned lower-cased so that equal IDs compare equal.
 */
export function checkUuid(value: string, path: ArgumentPath): string {
  if (!UUID.test(value)) {
    throw new BadUserInputError(`${String(path[path.length - 1])} must be a UUID, got ${JSON.stringify(value)}`, path);
  }
  return value.toLowerCase();
}

/** The seed's `quantity` is an int32 "assigned quantity of licenses": at least 1, 1 when left out. */
export function checkQuantity(value: number | null | undefined, path: ArgumentPath): number {
  if (value === null || value === undefined) return 1;
  if (!Number.isInteger(value) || value < 1) throw new BadUserInputError('quantity must be at least 1', path);
  return value;
}

/** The seed's `virtualMachines`: a list of VM UUIDs (none when left out), each listed once. */
export function checkVirtualMachines(values: ReadonlyArray<string> | null | undefined, path: ArgumentPath): string[] {
  const ids = (values ?? []).map((value, i) => checkUuid(value, [...path, i]));
  const seen = new Set<string>();
  for (const [i, id] of ids.entries()) {
    if (seen.has(id)) throw new BadUserInputError(`virtual machine ${id} is listed twice`, [...path, i]);
    seen.add(id);
  }
  return ids;
}
