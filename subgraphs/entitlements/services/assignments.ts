/**
 * Seed 002 user assignments and license usage: PUT and GET .../licenses/{licenseId}/users/{userId}/assignments and
 * GET .../licenses/{licenseId}/usage. A PUT runs under the row lock of the license's EntitlementLicense, as
 * consumption does (services/consumption-state.ts), so reservations and consumption never take the same last seat.
 */
import { owned } from '../../../lib/entity';
import { BadUserInputError, ConflictError, NotFoundError } from '../../../lib/errors';
import type { Em } from '../../../lib/orm';
import type { Caller } from '../../../lib/tenancy';
import {
  byStart, desiredAssignments, hasNotEnded, reassignedReservation, reservationOverflow, type Assignment, type DesiredAssignment,
} from '../domain/assignments';
import { seatsTotal } from '../domain/validity';
import type { EntitlementLicense } from '../entities/EntitlementLicense';
import type { License } from '../entities/License';
import { LicenseAssignment } from '../entities/LicenseAssignment';
import { LicenseSession } from '../entities/LicenseSession';
import { SeatCountCredit } from '../entities/SeatCountCredit';
import type { MutationSetUserLicenseAssignmentsArgs, QueryLicenseUsageArgs, QueryUserLicenseAssignmentsArgs } from '../generated/graphql';
import { liveSessionsAt, loadStates, lockBindings, seatSessions, type LicenseState } from './consumption-state';
import { entitlementLicenses } from './entitlements';
import { recordEntitlementEvent } from './events';

/** Seed 002: `licenseId` may be `any` "in cases where multiple licenses can be accepted". */
export const ANY_LICENSE = 'any';
/** Seed 002: `userId` is "Id of a user or `me` to refer to authenticated user". */
export const ME = 'me';
const MAX_USER_ID = 200;
const ORDER = { validFrom: 'asc', createdAt: 'asc', id: 'asc' } as const;

type LicensePath = Pick<QueryLicenseUsageArgs, 'organizationId' | 'entitlementId' | 'licenseId'>;

/** The user a seed 002 `userId` path names: `me` is the caller (the token's subject). */
export function userOf(caller: Caller, userId: string): string {
  if (userId === ME) return caller.subject;
  const id = userId.trim();
  if (!id || id.length > MAX_USER_ID) throw new BadUserInputError(`userId must be \`me\` or a user id of 1 to ${MAX_USER_ID} characters`, ['userId']);
  return id;
}

/** The licenses a path names: those of the entitlement (or of every entitlement of the organization), or the one named. */
async function licensesOf(em: Em, at: LicensePath): Promise<EntitlementLicense[]> {
  const bindings = await entitlementLicenses(em, at.organizationId, at.entitlementId);
  if (at.licenseId === ANY_LICENSE) return bindings;
  const binding = bindings.find((b) => b.licenseId === at.licenseId.toLowerCase());
  if (!binding) throw new NotFoundError('License', at.licenseId);
  return [binding];
}

/** The one license a path names; `any` is accepted when it leaves exactly one. */
async function oneLicense(em: Em, at: LicensePath): Promise<EntitlementLicense> {
  const bindings = await licensesOf(em, at);
  if (bindings.length === 0) throw new NotFoundError('License', at.licenseId);
  if (bindings.length > 1) throw new BadUserInputError('`any` names more than one license here: give the license id', ['licenseId']);
  return bindings[0];
}

/** The rows a request leaves: the named assignments kept (a changed type is a new use), the others new. */
function rowsFor(caller: Caller, state: LicenseState, userId: string, mine: LicenseAssignment[], desired: DesiredAssignment[]): LicenseAssignment[] {
  return desired.map((d, i) => {
    const kept = d.id === null ? null : mine.find((a) => a.id === d.id);
    if (kept === undefined) throw new BadUserInputError(`Assignment ${JSON.stringify(d.id)} is not an assignment of the user to the license`, ['assignments', i, 'id']);
    const row = kept ?? owned(Object.assign(new LicenseAssignment(), { licenseId: state.binding.licenseId, userId }), caller);
    return Object.assign(row, { type: d.type, validFrom: d.validFrom, validUntil: d.validUntil, usedAt: kept?.type === d.type ? kept.usedAt : null });
  });
}

/** Reserved seats must fit in the seats of the license (only counted when its model counts seats). */
async function checkSeats(em: Em, state: LicenseState, userId: string, before: Assignment[], rows: LicenseAssignment[], now: Date): Promise<void> {
  if (!state.model.seatCountConstraint) return;
  const credits = await em.find(SeatCountCredit, { licenseId: state.binding.licenseId }, { refresh: true });
  const at = reservationOverflow({
    userId, before, after: [...before.filter((a) => a.userId !== userId), ...rows], seatSessions: seatSessions(state.sessions), seatsAt: (t) => seatsTotal(credits, t), now,
  });
  if (at) throw new ConflictError(`Not enough free seats for the reservations at ${at.toISOString()}`, { reason: 'SEAT_LIMIT_REACHED', argumentPath: ['assignments'] });
}

/** Seed 002 PUT .../users/{userId}/assignments: replaces the user's assignments to the license; returns them as the GET lists them. */
export async function setUserLicenseAssignments(em: Em, caller: Caller, args: MutationSetUserLicenseAssignmentsArgs): Promise<LicenseAssignment[]> {
  const now = new Date();
  const userId = userOf(caller, args.userId);
  const desired = desiredAssignments(args.assignments, now);
  const binding = await oneLicense(em, args);
  const [state] = await loadStates(em, await lockBindings(em, [binding.id]), now, null);
  const before: Assignment[] = state.assignments.map((a) => ({ ...a }));
  const mine = state.assignments.filter((a) => a.userId === userId);
  if (state.model.assignedLicenseConstraint?.allowReassign === false) {
    const held = reassignedReservation(mine, desired, now);
    if (held) {
      throw new ConflictError(`Reservation ${held.id} is in use and the license model does not allow reassigning it`, { reason: 'REASSIGN_NOT_ALLOWED', assignmentId: held.id });
    }
  }
  const rows = rowsFor(caller, state, userId, mine, desired);
  await checkSeats(em, state, userId, before, rows, now);
  for (const gone of mine.filter((a) => !rows.includes(a))) em.remove(gone);
  em.persist(rows);
  recordEntitlementEvent(em, 'entitlement.assignments.set', 'EntitlementLicense', state.binding, {
    licenseId: state.binding.licenseId, organizationId: state.entitlement.organizationId, userId,
    types: rows.map((r) => r.type), assignmentIds: rows.map((r) => r.id),
  });
  return rows.sort(byStart);
}

/** Seed 002 GET .../users/{userId}/assignments: the user's assignments to the license(s), by start time. */
export async function userLicenseAssignments(em: Em, caller: Caller, args: QueryUserLicenseAssignmentsArgs): Promise<LicenseAssignment[]> {
  const userId = userOf(caller, args.userId);
  const bindings = await licensesOf(em, args);
  if (bindings.length === 0) return [];
  return em.find(LicenseAssignment, { licenseId: { $in: bindings.map((b) => b.licenseId) }, userId }, { orderBy: ORDER });
}

export interface LicenseUserUsage {
  userId: string;
  assignments: LicenseAssignment[];
  sessions: LicenseSession[];
}

/** Seed 002 GET .../licenses/{licenseId}/usage: the license, and its users with their assignments and live sessions. */
export async function licenseUsage(em: Em, args: QueryLicenseUsageArgs): Promise<{ license: License; users: LicenseUserUsage[] }> {
  const now = new Date();
  const { licenseId } = await oneLicense(em, args);
  const assignments = (await em.find(LicenseAssignment, { licenseId }, { orderBy: ORDER })).filter((a) => hasNotEnded(a, now));
  const sessions = await em.find(LicenseSession, { $and: [{ licenseId }, liveSessionsAt(now)] }, { orderBy: { createdAt: 'asc', id: 'asc' } });
  const userIds = [...new Set([...assignments, ...sessions].map((row) => row.userId))].sort();
  const users = userIds.map((userId) => ({
    userId, assignments: assignments.filter((a) => a.userId === userId), sessions: sessions.filter((s) => s.userId === userId),
  }));
  return { license: { id: licenseId }, users };
}
