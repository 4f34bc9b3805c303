import type { FilterQuery } from '@mikro-orm/core';
import { owned } from '../../../lib/entity';
import { ConflictError, NotFoundError } from '../../../lib/errors';
import { requireUuid } from '../../../lib/ids';
import type { ArgumentPath } from '../../../lib/input';
import type { Em } from '../../../lib/orm';
import type { Caller } from '../../../lib/tenancy';
import type { LicenseAssignment } from '../entities/assignment-columns';
import type { AssignmentKind } from './assignment-kinds';
import { recordAssignmentEvent } from './events';

/** The order of a license's assignments: the order they were made (see over-assignment.ts). */
export const ASSIGNMENT_ORDER = { createdAt: 'asc', batchPosition: 'asc', id: 'asc' } as const;

function whereOf<T>(conditions: Record<string, unknown>): FilterQuery<T> {
  return conditions as FilterQuery<T>;
}

function targetOf<T extends LicenseAssignment, I>(kind: AssignmentKind<T, I>, values: Partial<T>): string {
  return String(values[kind.target]);
}

async function findAssignment<T extends LicenseAssignment, I>(em: Em, kind: AssignmentKind<T, I>, licenseId: string, targetId: string): Promise<T | null> {
  return em.findOne(kind.entity, whereOf<T>({ licenseId, [kind.target]: targetId }));
}

async function findAssignmentOrFail<T extends LicenseAssignment, I>(em: Em, kind: AssignmentKind<T, I>, licenseId: string, targetId: string): Promise<T> {
  const assignment = await findAssignment(em, kind, licenseId, targetId);
  if (!assignment) throw new NotFoundError(kind.typeName, targetId);
  return assignment;
}

/** One target at most once per license; the unique index backs this up against concurrent adds. */
async function assertNotAssigned<T extends LicenseAssignment, I>(em: Em, kind: AssignmentKind<T, I>, licenseId: string, targetId: string, path: ArgumentPath): Promise<void> {
  if (await findAssignment(em, kind, licenseId, targetId)) {
    throw new ConflictError(`${kind.target} ${targetId} is already assigned license ${licenseId}`, { argumentPath: path });
  }
}

function newAssignment<T extends LicenseAssignment, I>(kind: AssignmentKind<T, I>, caller: Caller, licenseId: string, values: Partial<T>, position: number): T {
  const assignment = owned(Object.assign(new kind.entity(), values), caller);
  assignment.licenseId = licenseId;
  assignment.batchPosition = position;
  return assignment;
}

/** Seed "Add license assignment to X". The license is another subgraph's: only its ID's format is checked. */
export async function addAssignment<T extends LicenseAssignment, I>(em: Em, caller: Caller, kind: AssignmentKind<T, I>, licenseId: string, input: I): Promise<T> {
  const license = requireUuid(licenseId, ['licenseId']);
  const values = kind.values(input, ['input']);
  await assertNotAssigned(em, kind, license, targetOf(kind, values), ['input', kind.target]);
  const assignment = newAssignment(kind, caller, license, values, 0);
  em.persist(assignment);
  recordAssignmentEvent(em, 'assignment.created', kind.typeName, assignment);
  return assignment;
}

async function removeAll<T extends LicenseAssignment, I>(em: Em, kind: AssignmentKind<T, I>, licenseId: string): Promise<T[]> {
  const existing = await em.find(kind.entity, whereOf<T>({ licenseId }), { orderBy: ASSIGNMENT_ORDER as never });
  for (const assignment of existing) {
    recordAssignmentEvent(em, 'assignment.deleted', kind.typeName, assignment);
    em.remove(assignment);
  }
  // deletes reach the database before any insert of the same (license, target) pair
  await em.flush();
  return existing;
}

/** Seed "Replace license assignments to X": the license's assignments become exactly `inputs`, in order. */
export async function replaceAssignments<T extends LicenseAssignment, I>(em: Em, caller: Caller, kind: AssignmentKind<T, I>, licenseId: string, inputs: ReadonlyArray<I>): Promise<T[]> {
  const license = requireUuid(licenseId, ['licenseId']);
  const values = inputs.map((input, i) => kind.values(input, ['inputs', i]));
  const seen = new Set<string>();
  for (const [i, v] of values.entries()) {
    const target = targetOf(kind, v);
    if (seen.has(target)) throw new ConflictError(`${kind.target} ${target} is listed twice`, { argumentPath: ['inputs', i, kind.target] });
    seen.add(target);
  }
  await removeAll(em, kind, license);
  return values.map((v, i) => {
    const assignment = newAssignment(kind, caller, license, v, i);
    em.persist(assignment);
    recordAssignmentEvent(em, 'assignment.created', kind.typeName, assignment);
    return assignment;
  });
}

/** Seed "Delete license assignments to X": returns what was removed (empty when there was nothing). */
export async function deleteAssignments<T extends LicenseAssignment, I>(em: Em, kind: AssignmentKind<T, I>, licenseId: string): Promise<T[]> {
  return removeAll(em, kind, requireUuid(licenseId, ['licenseId']));
}

/** Seed "Replace license assignment to X": every column becomes the input's (defaults for what it leaves out). */
export async function replaceAssignment<T extends LicenseAssignment, I>(em: Em, kind: AssignmentKind<T, I>, licenseId: string, targetId: string, input: I): Promise<T> {
  const license = requireUuid(licenseId, ['licenseId']);
  const target = requireUuid(targetId, [kind.target]);
  const assignment = await findAssignmentOrFail(em, kind, license, target);
  const values = kind.values(input, ['input']);
  const newTarget = targetOf(kind, values);
  if (newTarget !== target) await assertNotAssigned(em, kind, license, newTarget, ['input', kind.target]);
  Object.assign(assignment, values);
  recordAssignmentEvent(em, 'assignment.updated', kind.typeName, assignment);
  return assignment;
}

/** Seed "Delete license assignment to X": returns the removed assignment. */
export async function deleteAssignment<T extends LicenseAssignment, I>(em: Em, kind: AssignmentKind<T, I>, licenseId: string, targetId: string): Promise<T> {
  const license = requireUuid(licenseId, ['licenseId']);
  const assignment = await findAssignmentOrFail(em, kind, license, requireUuid(targetId, [kind.target]));
  recordAssignmentEvent(em, 'assignment.deleted', kind.typeName, assignment);
  em.remove(assignment);
  return assignment;
}
