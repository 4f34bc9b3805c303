/**
 * Over-assignment (seed 003 `invalidAssignmentReasons: ["OverAssignment"]`; API.md: an assignment
 * beyond the license's quantity is kept and flagged).
 *
 * The rule: the computer, datacenter and user assignments of a license consume its quantity (an
 * organization assignment only splits the license between organizations, a site assignment covers
 * a whole organization; neither consumes). They consume in the order they were made: creation
 * time, then position in the request that made them, then kind, then ID. Walking that order with a
 * running total of quantities, the first assignment that makes the total exceed the license's
 * quantity is over-assigned, and so is every later one. A license without a quantity (null) has no
 * limit to exceed, so nothing is flagged.
 */

export type ConsumingKind = 'computer' | 'datacenter' | 'user';

const KIND_ORDER: Record<ConsumingKind, number> = { computer: 0, datacenter: 1, user: 2 };

export interface Consumption {
  id: string;
  kind: ConsumingKind;
  quantity: number;
  createdAt: Date;
  batchPosition: number;
}

function compareConsumption(a: Consumption, b: Consumption): number {
  return a.createdAt.getTime() - b.createdAt.getTime()
    || a.batchPosition - b.batchPosition
    || KIND_ORDER[a.kind] - KIND_ORDER[b.kind]
    || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The IDs of the over-assigned assignments of one license. */
export function overAssignedIds(assignments: ReadonlyArray<Consumption>, licenseQuantity: number | null): Set<string> {
  const flagged = new Set<string>();
  if (licenseQuantity === null) return flagged;
  let total = 0;
  for (const assignment of [...assignments].sort(compareConsumption)) {
    total += assignment.quantity;
    if (total > licenseQuantity) flagged.add(assignment.id);
  }
  return flagged;
}

/** The quantity assigned to computers, datacenters and users together. */
export function assignedQuantity(assignments: ReadonlyArray<Consumption>): number {
  return assignments.reduce((sum, a) => sum + a.quantity, 0);
}

/** What is left of the license's quantity (never negative); null when the license has no quantity. */
export function unassignedQuantity(assignments: ReadonlyArray<Consumption>, licenseQuantity: number | null): number | null {
  if (licenseQuantity === null) return null;
  return Math.max(0, licenseQuantity - assignedQuantity(assignments));
}
