import type { ConsumptionMode, LeaseTimeBehavior } from '../generated/graphql';

/** An instant or "never" (null): the end of a validity that has none. */
export type End = Date | null;

const ms = (end: End): number => (end === null ? Number.POSITIVE_INFINITY : end.getTime());
const at = (time: number): End => (Number.isFinite(time) ? new Date(time) : null);

/** The earliest of some ends (null = never ends). */
export function earliest(...ends: End[]): End {
  return at(Math.min(...ends.map(ms)));
}

/** The latest of some ends; "never" when there is none at all. */
export function latest(...ends: End[]): End {
  return ends.length === 0 ? null : at(Math.max(...ends.map(ms)));
}

export interface LeaseRequest {
  now: Date;
  mode: ConsumptionMode;
  behavior: LeaseTimeBehavior | null;
  /** The end of the lease being extended; undefined for a new lease. */
  currentUntil?: End;
  /** Seed 002: "lease lifetime can never exceed license lifetime" (credit, license and entitlement ends). */
  lifetimeEnd: End;
  /** Use time left on the license's credits, overuse included, in milliseconds; null when use time is not counted. */
  useTimeLeft: number | null;
}

export interface LeaseWindow {
  validUntil: End;
  refreshAfter: End;
  /** Use time to charge (negative: to refund), in milliseconds: how far `validUntil` moved. */
  charge: number;
}

/**
 * Seed 002 `LeaseTimeBehavior`: a lease runs `leaseTimeCache` / `leaseTimeCheckOut` (null: until the license
 * expires) from now (`relative`, the default) or, when it is extended, on top of its current end (`stack`); never
 * beyond the license lifetime; with use time counted, never beyond the use time left (the lease is shortened).
 * The client is told to refresh after `refreshTimeCache` / `refreshTimeCheckOut` (null: no instruction).
 * Null when no time can be granted (no use time left, or the license lifetime has ended).
 */
export function leaseWindow(r: LeaseRequest): LeaseWindow | null {
  const now = r.now.getTime();
  const extending = r.currentUntil !== undefined;
  const leaseTime = (r.mode === 'CACHE' ? r.behavior?.leaseTimeCache : r.behavior?.leaseTimeCheckOut) ?? null;
  const refreshTime = (r.mode === 'CACHE' ? r.behavior?.refreshTimeCache : r.behavior?.refreshTimeCheckOut) ?? null;
  const stack = extending && r.behavior?.incrementModel === 'STACK' && ms(r.currentUntil ?? null) > now;
  const base = stack ? ms(r.currentUntil ?? null) : now;
  const wanted = Math.min(leaseTime === null ? Number.POSITIVE_INFINITY : base + leaseTime, ms(r.lifetimeEnd));
  // the time already charged for the lease ends where the lease ends now (a new lease: nothing charged yet)
  const chargedUntil = extending ? Math.max(ms(r.currentUntil ?? null), now) : now;
  let until = wanted;
  if (r.useTimeLeft !== null) {
    if (wanted > chargedUntil && r.useTimeLeft <= 0) return null;
    until = Math.min(wanted, chargedUntil + Math.max(r.useTimeLeft, 0));
  }
  if (until <= now) return null;
  return {
    validUntil: at(until),
    refreshAfter: refreshTime === null ? null : at(Math.min(now + refreshTime, until)),
    charge: r.useTimeLeft === null ? 0 : until - chargedUntil,
  };
}

/**
 * How long a released lease keeps its seat: seed 002 `cooldownTime` ("cooldown time after lease release") read as
 * the seat staying taken until the release plus the cooldown, but never past the end the lease had anyway.
 */
export function seatHeldAfterRelease(releasedAt: Date, validUntil: End, cooldownTime: number | null | undefined): Date {
  return earliest(new Date(releasedAt.getTime() + (cooldownTime ?? 0)), validUntil) as Date;
}
