import { BadUserInputError } from '../../../lib/errors';
import type { LicenseAssignmentInput } from '../generated/graphql';
import {
  byStart, desiredAssignments, hasNotEnded, MAX_ASSIGNMENTS, reassignedReservation, reservationOverflow, reservationsInUse, seatsTakenAt, userStanding,
  type Assignment, type ReservationChange,
} from './assignments';

const now = new Date('2025-06-01T00:00:00Z');
const d = (iso: string) => new Date(iso);
const HOUR = 3_600_000;
const later = (ms: number) => new Date(now.getTime() + ms);

let seq = 0;
function assignment(userId: string, type: Assignment['type'], extra: Partial<Assignment> = {}): Assignment {
  seq += 1;
  return { id: `a${seq}`, userId, type, validFrom: d('2025-01-01T00:00:00Z'), validUntil: null, createdAt: d('2025-01-01T00:00:00Z'), usedAt: null, ...extra };
}

/** The argument path of the BAD_USER_INPUT that `run` throws. */
function badInputPath(run: () => unknown): unknown {
  try {
    run();
  } catch (err) {
    if (err instanceof BadUserInputError) return err.extensions.argumentPath;
    throw err;
  }
  throw new Error('expected BAD_USER_INPUT');
}

describe('desiredAssignments (seed 002 PUT .../assignments)', () => {
  const reserved = (extra: Partial<LicenseAssignmentInput> = {}): LicenseAssignmentInput => ({ type: 'RESERVED', ...extra });

  test('without validity an assignment applies immediately and indefinitely', () => {
    expect(desiredAssignments([{ type: 'DENIED' }], now)).toEqual([{ id: null, type: 'DENIED', validFrom: now, validUntil: null }]);
  });
  test('one or more reservations, each with its own validity; ids are kept lower-cased', () => {
    const until = later(HOUR);
    expect(desiredAssignments([reserved(), reserved({ id: 'ABC', validFrom: later(1), validUntil: until })], now)).toEqual([
      { id: null, type: 'RESERVED', validFrom: now, validUntil: null },
      { id: 'abc', type: 'RESERVED', validFrom: later(1), validUntil: until },
    ]);
  });
  test('a single FLOATING without validity', () => {
    expect(desiredAssignments([{ type: 'FLOATING' }], now)).toEqual([{ id: null, type: 'FLOATING', validFrom: now, validUntil: null }]);
  });
  test('nothing, or more than the maximum, is refused at `assignments`', () => {
    expect(badInputPath(() => desiredAssignments([], now))).toEqual(['assignments']);
    expect(badInputPath(() => desiredAssignments(Array.from({ length: MAX_ASSIGNMENTS + 1 }, () => reserved()), now))).toEqual(['assignments']);
  });
  test('mixed types are refused at the first assignment of another type', () => {
    expect(badInputPath(() => desiredAssignments([reserved(), reserved(), { type: 'DENIED' }], now))).toEqual(['assignments', 2, 'type']);
  });
  test('several DENIED or several FLOATING are refused at the second one', () => {
    expect(badInputPath(() => desiredAssignments([{ type: 'DENIED' }, { type: 'DENIED' }], now))).toEqual(['assignments', 1]);
    expect(badInputPath(() => desiredAssignments([{ type: 'FLOATING' }, { type: 'FLOATING' }], now))).toEqual(['assignments', 1]);
  });
  test('FLOATING with a validity is refused at that field', () => {
    expect(badInputPath(() => desiredAssignments([{ type: 'FLOATING', validUntil: later(HOUR) }], now))).toEqual(['assignments', 0, 'validUntil']);
    expect(badInputPath(() => desiredAssignments([{ type: 'FLOATING', validFrom: now }], now))).toEqual(['assignments', 0, 'validFrom']);
  });
  test('an end before the start, or in the past, is refused at validUntil', () => {
    expect(badInputPath(() => desiredAssignments([reserved({ validFrom: later(2 * HOUR), validUntil: later(HOUR) })], now))).toEqual(['assignments', 0, 'validUntil']);
    expect(badInputPath(() => desiredAssignments([reserved(), reserved({ validFrom: d('2020-01-01T00:00:00Z'), validUntil: now })], now))).toEqual(['assignments', 1, 'validUntil']);
  });
  test('the same id twice is refused at the second', () => {
    expect(badInputPath(() => desiredAssignments([reserved({ id: 'x' }), reserved({ id: 'X' })], now))).toEqual(['assignments', 1, 'id']);
  });
});

describe('seatsTakenAt (seed 002 seatsTaken: consumed and named seats)', () => {
  test('per user the larger of reservations and seat-holding sessions', () => {
    const assignments = [assignment('ann', 'RESERVED'), assignment('ann', 'RESERVED'), assignment('bob', 'RESERVED'), assignment('cid', 'DENIED')];
    const sessions = [
      { userId: 'ann', seatHeldUntil: null }, // in one of ann's two reserved seats
      { userId: 'bob', seatHeldUntil: later(HOUR) }, { userId: 'bob', seatHeldUntil: null }, // one beyond bob's reservation
      { userId: 'dan', seatHeldUntil: null }, // floating
      { userId: 'eve', seatHeldUntil: d('2025-05-31T00:00:00Z') }, // no longer holds its seat
    ];
    expect(seatsTakenAt(assignments, sessions, now)).toBe(2 + 2 + 1);
  });
  test('reservations count only while valid', () => {
    const assignments = [assignment('ann', 'RESERVED', { validFrom: later(HOUR) }), assignment('bob', 'RESERVED', { validUntil: now })];
    expect(seatsTakenAt(assignments, [], now)).toBe(0);
    expect(seatsTakenAt(assignments, [], later(HOUR))).toBe(1);
  });
});

describe('userStanding', () => {
  test('a valid deny and the number of valid reservations of the user', () => {
    const rows = [assignment('ann', 'DENIED', { validUntil: later(HOUR) }), assignment('bob', 'RESERVED'), assignment('bob', 'RESERVED', { validFrom: later(HOUR) })];
    expect(userStanding(rows, 'ann', now)).toEqual({ denied: true, reserved: 0 });
    expect(userStanding(rows, 'ann', later(HOUR))).toEqual({ denied: false, reserved: 0 });
    expect(userStanding(rows, 'bob', now)).toEqual({ denied: false, reserved: 1 });
  });
});

describe('reservationOverflow', () => {
  const change = (over: Partial<ReservationChange>): ReservationChange =>
    ({ userId: 'ann', before: [], after: [], seatSessions: [], seatsAt: () => 2, now, ...over });

  test('reservations up to the seats fit; one more overflows now', () => {
    const two = [assignment('ann', 'RESERVED'), assignment('bob', 'RESERVED')];
    expect(reservationOverflow(change({ after: two }))).toBeNull();
    expect(reservationOverflow(change({ after: [...two, assignment('ann', 'RESERVED')] }))).toEqual(now);
  });
  test('floating sessions holding seats leave no room; the reserving user\'s own session does', () => {
    const sessions = [{ userId: 'bob', seatHeldUntil: null }, { userId: 'ann', seatHeldUntil: null }];
    expect(reservationOverflow(change({ after: [assignment('ann', 'RESERVED')], seatSessions: sessions }))).toBeNull();
    expect(reservationOverflow(change({ after: [assignment('ann', 'RESERVED'), assignment('ann', 'RESERVED')], seatSessions: sessions }))).toEqual(now);
  });
  test('a later reservation is checked when it starts, against the seats then', () => {
    const start = later(HOUR);
    const after = [assignment('bob', 'RESERVED'), assignment('ann', 'RESERVED', { validFrom: start })];
    expect(reservationOverflow(change({ after, seatsAt: (at) => (at < start ? 2 : 1) }))).toEqual(start);
    expect(reservationOverflow(change({ after, seatsAt: () => 2 }))).toBeNull();
  });
  test('a change that takes no more seats than before never overflows, even over the seats', () => {
    const before = [assignment('ann', 'RESERVED'), assignment('ann', 'RESERVED'), assignment('ann', 'RESERVED')];
    expect(reservationOverflow(change({ before, after: before.slice(0, 2), seatsAt: () => 1 }))).toBeNull();
  });
});

describe('reassignedReservation (allowReassign false)', () => {
  const used = assignment('ann', 'RESERVED', { validUntil: later(10 * HOUR), usedAt: now });
  const keep = (extra: Partial<{ type: Assignment['type']; validFrom: Date; validUntil: Date | null }> = {}) =>
    ({ id: used.id, type: 'RESERVED' as const, validFrom: now, validUntil: used.validUntil, ...extra });

  test('a used valid reservation must be kept, RESERVED, from now through at least its end', () => {
    expect(reassignedReservation([used], [keep()], now)).toBeNull();
    expect(reassignedReservation([used], [keep({ validUntil: null })], now)).toBeNull();
    expect(reassignedReservation([used], [{ id: null, type: 'FLOATING', validFrom: now, validUntil: null }], now)).toBe(used);
    expect(reassignedReservation([used], [keep({ type: 'DENIED' })], now)).toBe(used);
    expect(reassignedReservation([used], [keep({ validUntil: later(HOUR) })], now)).toBe(used);
    expect(reassignedReservation([used], [keep({ validFrom: later(HOUR) })], now)).toBe(used);
  });
  test('unused or ended reservations may go', () => {
    const unused = assignment('ann', 'RESERVED');
    const ended = assignment('ann', 'RESERVED', { validUntil: now, usedAt: d('2025-02-01T00:00:00Z') });
    expect(reassignedReservation([unused, ended], [{ id: null, type: 'FLOATING', validFrom: now, validUntil: null }], now)).toBeNull();
  });
});

describe('reservationsInUse', () => {
  test('one per live session, the earliest reservations first', () => {
    const late = assignment('ann', 'RESERVED', { validFrom: d('2025-03-01T00:00:00Z') });
    const early = assignment('ann', 'RESERVED', { validFrom: d('2025-02-01T00:00:00Z') });
    expect(reservationsInUse([late, early], 1)).toEqual([early]);
    expect(reservationsInUse([late, early], 5)).toEqual([early, late]);
    expect(reservationsInUse([late, early], 0)).toEqual([]);
  });
  test('the same start and creation: by id, as the database orders the id text', () => {
    const b = assignment('ann', 'RESERVED', { id: 'b-1' });
    const a = assignment('ann', 'RESERVED', { id: 'a-9' });
    expect([b, a].sort(byStart)).toEqual([a, b]);
  });
});

test('hasNotEnded: an open end or an end after the instant', () => {
  expect([hasNotEnded({ validUntil: null }, now), hasNotEnded({ validUntil: later(1) }, now), hasNotEnded({ validUntil: now }, now)]).toEqual([true, true, false]);
});
