import { BadUserInputError } from '../../../lib/errors';
import { requireUuid } from '../../../lib/ids';
import { positiveCount, type ArgumentPath } from '../../../lib/input';

/** The seed's `quantity` is an int32 "assigned quantity of licenses": at least 1, 1 when left out. */
export function checkQuantity(value: number | null | undefined, path: ArgumentPath): number {
  return value === null || value === undefined ? 1 : positiveCount(value, path);
}

/** The seed's `virtualMachines`: a list of VM UUIDs (none when left out), each listed once. */
export function checkVirtualMachines(values: ReadonlyArray<string> | null | undefined, path: ArgumentPath): string[] {
  const ids = (values ?? []).map((value, i) => requireUuid(value, [...path, i]));
  const seen = new Set<string>();
  for (const [i, id] of ids.entries()) {
    if (seen.has(id)) throw new BadUserInputError(`virtual machine ${id} is listed twice`, [...path, i]);
    seen.add(id);
  }
  return ids;
}
