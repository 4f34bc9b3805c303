/**
 * Seed 002 user assignments (PUT .../licenses/{licenseId}/users/{userId}/assignments) and the seats they take:
 * pure rules, no database.
 */
import { BadUserInputError } from '../../../lib/errors';
import type { LicenseAssignmentInput, LicenseAssignmentType } from '../generated/graphql';
import { isValidAt } from './validity';

/** Most assignments one request may set (a user rarely needs more than a few named seats of one license). */
export const MAX_ASSIGNMENTS = 100;

/** An assignment as a request asks for it, its validity completed with the seed's defaults. */
export interface DesiredAssignment {
  /** The existing assignment it keeps, if the request named one. */
  id: string | null;
  type: LicenseAssignmentType;
  validFrom: Date;
  validUntil: Date | null;
}

/** What the seat rules read of an assignment. */
export interface Assignment {
  id: string;
  userId: string;
  type: LicenseAssignmentType;
  validFrom: Date;
  validUntil: Date | null;
  createdAt: Date;
  usedAt: Date | null;
}

/** What the seat rules read of a consumption session: its user, and until when it holds a seat (null: indefinitely). */
export interface SeatHolder {
  userId: string;
  seatHeldUntil: Date | null;
}

const path = (i: number, field?: string): Array<string | number> => (field ? ['assignments', i, field] : ['assignments', i]);

function checkValidity(input: LicenseAssignmentInput, i: number, now: Date): DesiredAssignment {
  const validFrom = input.validFrom ?? now;
  const validUntil = input.validUntil ?? null;
  if (validUntil && validUntil.getTime() <= validFrom.getTime()) throw new BadUserInputError('validUntil must come after validFrom', path(i, 'validUntil'));
  if (validUntil && validUntil.getTime() <= now.getTime()) throw new BadUserInputError('validUntil must be in the future', path(i, 'validUntil'));
  return { id: input.id?.toLowerCase() ?? null, type: input.type, validFrom, validUntil };
}

/**
 * Seed 002: "To deny license use include single assignment with type denied ... To reserve a license seat or seats
 * include one or more assignments with type reserved ... To clear possible deny or reservation state include single
 * assignment with type floating ..., without validity"; without validity, "applies immediately and is indefinite".
 */
export function desiredAssignments(inputs: ReadonlyArray<LicenseAssignmentInput>, now: Date): DesiredAssignment[] {
  if (inputs.length === 0) throw new BadUserInputError('Give one DENIED, one or more RESERVED, or one FLOATING assignment (FLOATING clears the others)', ['assignments']);
  if (inputs.length > MAX_ASSIGNMENTS) throw new BadUserInputError(`At most ${MAX_ASSIGNMENTS} assignments can be set at once`, ['assignments']);
  const type = inputs[0].type;
  const mixed = inputs.findIndex((input) => input.type !== type);
  if (mixed >= 0) throw new BadUserInputError('The assignments of a user must all be of one type', path(mixed, 'type'));
  if (type !== 'RESERVED' && inputs.length > 1) throw new BadUserInputError(`A single ${type} assignment is allowed`, path(1));
  if (type === 'FLOATING') {
    const field = (['validFrom', 'validUntil'] as const).find((key) => inputs[0][key] != null);
    if (field) throw new BadUserInputError('A FLOATING assignment has no validity', path(0, field));
  }
  const seen = new Set<string>();
  return inputs.map((input, i) => {
    const desired = checkValidity(input, i, now);
    if (desired.id !== null && seen.has(desired.id)) throw new BadUserInputError('The same assignment id is given twice', path(i, 'id'));
    if (desired.id !== null) seen.add(desired.id);
    return desired;
  });
}

/** An assignment that has not ended at `at` (it may not have started yet). */
export const hasNotEnded = (a: { validUntil: Date | null }, at: Date): boolean => a.validUntil === null || a.validUntil.getTime() > at.getTime();

const countByUser = (rows: ReadonlyArray<{ userId: string }>): Map<string, number> =>
  rows.reduce((counts, row) => counts.set(row.userId, (counts.get(row.userId) ?? 0) + 1), new Map<string, number>());

const holdsSeatAt = (holder: SeatHolder, at: Date) => holder.seatHeldUntil === null || holder.seatHeldUntil.getTime() > at.getTime();

/** The RESERVED assignments valid at `at`. */
export const reservationsAt = <T extends Pick<Assignment, 'type' | 'validFrom' | 'validUntil'>>(assignments: ReadonlyArray<T>, at: Date): T[] =>
  assignments.filter((a) => a.type === 'RESERVED' && isValidAt(a, at));

/**
 * Seed 002 `seatsTaken` ("including consumed seats and also non-consumed named seats") at `at`: per user, the larger
 * of the user's reservations and the user's sessions holding a seat, so a reserved user who consumes counts once.
 */
export function seatsTakenAt(assignments: ReadonlyArray<Assignment>, seatSessions: ReadonlyArray<SeatHolder>, at: Date): number {
  const reserved = countByUser(reservationsAt(assignments, at));
  const consuming = countByUser(seatSessions.filter((s) => holdsSeatAt(s, at)));
  let taken = 0;
  for (const user of new Set([...reserved.keys(), ...consuming.keys()])) taken += Math.max(reserved.get(user) ?? 0, consuming.get(user) ?? 0);
  return taken;
}

/** What a user holds at `at`: a valid deny, and how many valid reservations. */
export function userStanding(assignments: ReadonlyArray<Assignment>, userId: string, at: Date): { denied: boolean; reserved: number } {
  const own = assignments.filter((a) => a.userId === userId && isValidAt(a, at));
  return { denied: own.some((a) => a.type === 'DENIED'), reserved: own.filter((a) => a.type === 'RESERVED').length };
}

export interface ReservationChange {
  userId: string;
  before: ReadonlyArray<Assignment>;
  after: ReadonlyArray<Assignment>;
  seatSessions: ReadonlyArray<SeatHolder>;
  /** Seats provisioned at an instant (seed 002 `seatsTotal` then). */
  seatsAt: (at: Date) => number;
  now: Date;
}

/**
 * Reserved seats must fit in the seats (no overuse: a reservation is a planned named seat). Checked now and at each
 * later start of one of the user's reservations, counting the sessions known to hold a seat then; a change is refused
 * only where it takes more seats than before, so lowering a reservation never fails. The first instant that
 * overflows, or null.
 */
export function reservationOverflow(change: ReservationChange): Date | null {
  const { now } = change;
  const starts = change.after.filter((a) => a.userId === change.userId && a.type === 'RESERVED' && a.validFrom.getTime() > now.getTime()).map((a) => a.validFrom);
  for (const at of [now, ...starts]) {
    const taken = seatsTakenAt(change.after, change.seatSessions, at);
    if (taken > change.seatsAt(at) && taken > seatsTakenAt(change.before, change.seatSessions, at)) return at;
  }
  return null;
}

/**
 * Seed 002 `allowReassign` false ("reassigning of an earlier assignment to another user" not allowed): a reservation
 * that is valid and was used stays with its user, so its seat cannot go to someone else: the request must keep it (by
 * id, RESERVED) valid from now through at least its current end. The first reservation the request would give up.
 */
export function reassignedReservation(existing: ReadonlyArray<Assignment>, desired: ReadonlyArray<DesiredAssignment>, now: Date): Assignment | null {
  const held = reservationsAt(existing, now).filter((a) => a.usedAt !== null);
  return held.find((a) => {
    const kept = desired.find((d) => d.id === a.id);
    if (!kept || kept.type !== 'RESERVED' || kept.validFrom.getTime() > now.getTime()) return true;
    return kept.validUntil !== null && (a.validUntil === null || kept.validUntil.getTime() < a.validUntil.getTime());
  }) ?? null;
}

/** The order assignments are listed in: by start, then creation, then id (as the database orders the id text). */
export function byStart(a: Pick<Assignment, 'id' | 'validFrom' | 'createdAt'>, b: Pick<Assignment, 'id' | 'validFrom' | 'createdAt'>): number {
  return a.validFrom.getTime() - b.validFrom.getTime() || a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The reservations a user's live sessions occupy: one each, the earliest reservations first. */
export function reservationsInUse<T extends Assignment>(validReservations: ReadonlyArray<T>, liveSessions: number): T[] {
  return [...validReservations].sort(byStart).slice(0, liveSessions);
}
