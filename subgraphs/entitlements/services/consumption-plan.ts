/**
 * The decision of one consumption request on one license (seed 002 `LicenseModel`), read-only: it throws the
 * error that refuses it, or returns what to write. Nothing is written before every rule has passed.
 */
import { BadUserInputError, ConflictError, DomainError, ForbiddenError } from '../../../lib/errors';
import type { Em } from '../../../lib/orm';
import { userStanding } from '../domain/assignments';
import { creditToCharge, totals, useTimeLeft } from '../domain/credits';
import { leaseWindow, type End, type LeaseWindow } from '../domain/leases';
import { chooseLease, missingAnchor, sessionKeys, sessionLimitExceeded } from '../domain/sessions';
import { restrictsVersions, versionAllowed } from '../domain/versions';
import type { LicenseLease } from '../entities/LicenseLease';
import { LicenseSession } from '../entities/LicenseSession';
import type { SeatCountCredit } from '../entities/SeatCountCredit';
import type { UseCountCredit } from '../entities/UseCountCredit';
import type { UseTimeCredit } from '../entities/UseTimeCredit';
import type { ConsumptionMode, LicenseSessionAnchor } from '../generated/graphql';
import {
  activeLeases, checkLicenseUsable, lifetimeEnd, overuseOf, seatQuotas, seatSessions, takenSeats, timeQuotas, useQuotas, type LicenseState,
} from './consumption-state';

/** A consumption request, checked: the consuming user is the caller (the token's subject). */
export interface Consumption {
  userId: string;
  version: string | null;
  mode: ConsumptionMode;
  anchors: LicenseSessionAnchor[];
  leaseId: string | null;
}

export interface NewSession {
  userId: string;
  identity: string;
  resourceKey: string;
  anchors: LicenseSessionAnchor[];
  seatCredit: SeatCountCredit | null;
  useCredit: UseCountCredit | null;
}

export interface Plan {
  state: LicenseState;
  /** The caller's session to consume in; null with `newSession`. */
  session: LicenseSession | null;
  newSession: NewSession | null;
  /** The lease to extend; null for a new lease. */
  lease: LicenseLease | null;
  mode: ConsumptionMode;
  window: LeaseWindow;
  /** The use time credits the lease may be charged to. */
  timeCredits: UseTimeCredit[];
}

/**
 * Seed 002 consuming groups and user assignments: only a member of a consuming group of the entitlement may consume;
 * a user with a valid DENIED assignment may not; when the model requires a reservation (`requireReservation`), only a
 * user with a valid RESERVED assignment may.
 */
export function checkUserStanding(state: LicenseState, userId: string, now: Date): void {
  if (!state.consumer) throw new ForbiddenError('The user is in no consuming group of the entitlement', { reason: 'NOT_A_CONSUMER' });
  const standing = userStanding(state.assignments, userId, now);
  if (standing.denied) throw new ForbiddenError('The user is denied use of the license', { reason: 'USER_DENIED' });
  if (state.model.assignedLicenseConstraint?.requireReservation && standing.reserved === 0) {
    throw new ForbiddenError('The license model requires a seat reservation, and the user has none', { reason: 'RESERVATION_REQUIRED' });
  }
}

/**
 * Seed 002 `SeatCountConstraint`: one seat per session, up to the valid seats plus the overuse allowance. Reserved
 * seats count as taken (`seatsTaken`), so other users cannot take them; a session of a user with a reserved seat not
 * yet in use goes into that seat, which is already counted. With `requireReservation`, only into such a seat.
 */
function seatToCharge(state: LicenseState, usable: SeatCountCredit[], userId: string, now: Date): SeatCountCredit | null {
  if (!state.model.seatCountConstraint) return null;
  const all = seatQuotas(state, state.seatCredits);
  const ownSeat = seatSessions(state.sessions).filter((s) => s.userId === userId).length < userStanding(state.assignments, userId, now).reserved;
  if (state.model.assignedLicenseConstraint?.requireReservation && !ownSeat) {
    throw new ConflictError('Every seat reserved for the user is in use', { reason: 'SEAT_LIMIT_REACHED' });
  }
  const taken = takenSeats(state, now) - (ownSeat ? 1 : 0);
  const credit = creditToCharge(seatQuotas(state, usable), { quota: totals(all).quota, used: taken }, overuseOf(state.model.seatCountConstraint, all));
  if (!credit) throw new ConflictError('Every seat of the license is taken', { reason: 'SEAT_LIMIT_REACHED' });
  return state.seatCredits.find((c) => c.id === credit.id)!;
}

/**
 * Seed 002 `UseCountConstraint`: `consumptionSessions` (the default) charges one use per new session; the
 * unique-resource modes charge a resource (the session anchor values) once per license, or once per user.
 */
async function useToCharge(em: Em, state: LicenseState, usable: UseCountCredit[], keys: { identity: string; resourceKey: string }): Promise<UseCountCredit | null> {
  const constraint = state.model.useCountConstraint;
  if (!constraint) return null;
  const tracking = constraint.trackingMode ?? 'CONSUMPTION_SESSIONS';
  if (tracking !== 'CONSUMPTION_SESSIONS') {
    const same = tracking === 'LICENSE_UNIQUE_RESOURCES' ? { resourceKey: keys.resourceKey } : { identity: keys.identity };
    if (await em.count(LicenseSession, { licenseId: state.binding.licenseId, ...same }) > 0) return null;
  }
  const quotas = useQuotas(usable);
  const credit = creditToCharge(quotas, totals(quotas), overuseOf(constraint, quotas));
  if (!credit) throw new ConflictError('The use count of the license is used up', { reason: 'USE_COUNT_EXHAUSTED' });
  return usable.find((c) => c.id === credit.id)!;
}

/** The seat credit a session holds, which must still be valid. */
function sessionSeatCredit(state: LicenseState, session: LicenseSession): SeatCountCredit | null {
  if (!state.model.seatCountConstraint || session.seatCountCreditId === null) return null;
  const credit = state.seatCredits.find((c) => c.id === session.seatCountCreditId);
  if (!credit) throw new ForbiddenError('The seat credit of the consumption session is no longer valid', { reason: 'NO_VALID_LICENSE' });
  return credit;
}

interface Grant { now: Date; mode: ConsumptionMode; currentUntil?: End; seatCredit: SeatCountCredit | null; timeCredits: UseTimeCredit[]; credits: Array<{ validUntil: End }> }

/** The lease times (seed 002 `LeaseTimeBehavior`) within the license lifetime and the use time left. */
function grant(state: LicenseState, g: Grant): LeaseWindow {
  const constraint = state.model.useTimeConstraint;
  const quotas = timeQuotas(g.timeCredits);
  const window = leaseWindow({
    now: g.now, mode: g.mode, behavior: state.model.leaseTimeBehavior, currentUntil: g.currentUntil,
    lifetimeEnd: lifetimeEnd(state, g.seatCredit, g.timeCredits, g.credits),
    useTimeLeft: constraint ? useTimeLeft(quotas, overuseOf(constraint, quotas)) : null,
  });
  if (window) return window;
  if (constraint) throw new ConflictError('No use time of the license is left', { reason: 'USE_TIME_EXHAUSTED' });
  throw new ForbiddenError('The license lifetime has ended', { reason: 'NO_VALID_LICENSE' });
}

const validCredits = (state: LicenseState) => [...state.seatCredits, ...state.useCountCredits, ...state.useTimeCredits];

/** Seed 002 `allowLeaseExtension` (default true): an extension of an active lease of the session. */
export function extensionPlan(state: LicenseState, session: LicenseSession, lease: LicenseLease, timeCredits: UseTimeCredit[], now: Date): Plan {
  if (state.model.leaseTimeBehavior?.allowLeaseExtension === false) {
    throw new ConflictError('The license model does not allow lease extension', { reason: 'LEASE_EXTENSION_NOT_ALLOWED' });
  }
  const window = grant(state, {
    now, mode: lease.mode, currentUntil: lease.validUntil, seatCredit: sessionSeatCredit(state, session), timeCredits, credits: validCredits(state),
  });
  return { state, session, newSession: null, lease, mode: lease.mode, window, timeCredits };
}

/** The credits valid now that a request may consume: seed 002 version matcher against `allowedVersions`. */
function usableCredits(state: LicenseState, version: string | null) {
  const all = validCredits(state);
  if (all.length === 0) throw new ForbiddenError('The license has no credit valid now', { reason: 'NO_VALID_LICENSE' });
  if (version === null && all.some(restrictsVersions)) {
    throw new BadUserInputError('A version is required: a credit of the license restricts the versions', ['version']);
  }
  const usable = <T extends { allowedVersions: string | null }>(rows: T[]) =>
    rows.filter((c) => versionAllowed(state.model.versionConstraint?.matcher, c.allowedVersions, version));
  if (usable(all).length === 0) throw new ForbiddenError(`No credit of the license allows version ${JSON.stringify(version)}`, { reason: 'VERSION_NOT_ALLOWED' });
  return { all: usable(all), seats: usable(state.seatCredits), uses: usable(state.useCountCredits), time: usable(state.useTimeCredits) };
}

/**
 * Seed 002 available-licenses: whether the user may consume the license now by the rules that do not depend on a
 * request's anchors, mode or seats: the license and its entitlement valid, a credit valid now (allowing `version`
 * when one is given), and the user neither denied nor lacking a reservation the model requires.
 */
export function availableTo(state: LicenseState, userId: string, version: string | null, now: Date): boolean {
  try {
    checkLicenseUsable(state, now);
    if (version === null) {
      if (validCredits(state).length === 0) return false;
    } else {
      usableCredits(state, version);
    }
    checkUserStanding(state, userId, now);
    return true;
  } catch (err) {
    if (err instanceof DomainError) return false;
    throw err;
  }
}

/** The caller's live session on this license: same user and same session anchor values. */
export function sessionOf(state: LicenseState, req: Consumption): { session: LicenseSession | null; keys: { identity: string; resourceKey: string } } {
  const keys = sessionKeys(req.userId, state.model.concurrentSessions, req.anchors);
  return { session: state.sessions.find((s) => s.identity === keys.identity && s.userId === req.userId) ?? null, keys };
}

/** Every rule of seed 002 for a consumption request on one license, in the order a client can act on them. */
export async function consumptionPlan(em: Em, state: LicenseState, req: Consumption, now: Date): Promise<Plan> {
  checkLicenseUsable(state, now);
  const credits = usableCredits(state, req.version);
  const { model } = state;
  checkUserStanding(state, req.userId, now);
  const missing = missingAnchor(model.concurrentSessions, req.anchors);
  if (missing) throw new BadUserInputError(`The license model requires an anchor of type ${missing}`, ['anchors']);
  const { session, keys } = sessionOf(state, req);
  const active = session ? activeLeases(state, session.id, now) : [];
  const choice = chooseLease(model.concurrentSessions, req.leaseId, active.filter((l) => l.mode === req.mode).map((l) => l.id));
  if (choice.kind === 'mismatch') {
    throw new ConflictError('leaseId names no active lease of this consumption session', { reason: 'LEASE_MISMATCH', argumentPath: ['leaseId'] });
  }
  if (choice.kind === 'extend') return extensionPlan(state, session!, active.find((l) => l.id === choice.leaseId)!, credits.time, now);
  const limit = sessionLimitExceeded(model.concurrentSessions, active.map((l) => l.mode), req.mode);
  if (limit) throw new ConflictError(`The consumption session has reached ${limit}`, { reason: 'SESSION_LIMIT_REACHED', limit });
  const newSession = session ? null : {
    userId: req.userId, anchors: req.anchors, ...keys,
    seatCredit: seatToCharge(state, credits.seats, req.userId, now), useCredit: await useToCharge(em, state, credits.uses, keys),
  };
  const seatCredit = newSession ? newSession.seatCredit : sessionSeatCredit(state, session!);
  const window = grant(state, { now, mode: req.mode, seatCredit, timeCredits: credits.time, credits: credits.all });
  return { state, session, newSession, lease: null, mode: req.mode, window, timeCredits: credits.time };
}
