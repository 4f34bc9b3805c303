/**
 * What a consumption decision reads about a license, under its row lock (ARCHITECTURE.md, "Persistence"): the
 * EntitlementLicense rows are locked (`SELECT ... FOR UPDATE` on PostgreSQL, in id order so that two requests
 * never wait on each other crosswise; SQLite serializes write transactions), then the credits, the live sessions
 * and their leases are read past the identity map. Every count is computed from these rows, so a session that
 * ended by time needs no sweeper.
 */
import { LockMode, type FilterQuery } from '@mikro-orm/core';
import { ForbiddenError } from '../../../lib/errors';
import type { Em } from '../../../lib/orm';
import { seatsTakenAt } from '../domain/assignments';
import { maxOveruse } from '../domain/overuse';
import { byExpiry, totals, type Quota } from '../domain/credits';
import { earliest, latest, type End } from '../domain/leases';
import { isValidAt } from '../domain/validity';
import { ConsumingGroup } from '../entities/ConsumingGroup';
import { Entitlement } from '../entities/Entitlement';
import { EntitlementLicense } from '../entities/EntitlementLicense';
import { LicenseAssignment } from '../entities/LicenseAssignment';
import { LicenseLease } from '../entities/LicenseLease';
import { LicenseModel } from '../entities/LicenseModel';
import { LicenseSession } from '../entities/LicenseSession';
import { SeatCountCredit } from '../entities/SeatCountCredit';
import { UseCountCredit } from '../entities/UseCountCredit';
import { OrganizationGroupMember } from '../entities/OrganizationGroupMember';
import { UseTimeCredit } from '../entities/UseTimeCredit';

export interface LicenseState {
  binding: EntitlementLicense;
  entitlement: Entitlement;
  model: LicenseModel;
  /** The credits valid now. */
  seatCredits: SeatCountCredit[];
  useCountCredits: UseCountCredit[];
  useTimeCredits: UseTimeCredit[];
  /** Sessions holding a seat or a lease now, oldest first. */
  sessions: LicenseSession[];
  /** Every lease of those sessions, latest first. */
  leases: LicenseLease[];
  /** Every user assignment of the license, ended or not. */
  assignments: LicenseAssignment[];
  /** Whether the user the state was read for is a member of a consuming group of the entitlement (seed 002 consuming groups). */
  consumer: boolean;
}

/** Locks the bindings (in id order) and returns them re-read. */
export function lockBindings(em: Em, ids: string[]): Promise<EntitlementLicense[]> {
  return em.find(EntitlementLicense, { id: { $in: ids } }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true, orderBy: { id: 'asc' } });
}

/** Sessions whose seat hold has not passed at `now` (null: until the license expires). */
export const liveSessionsAt = (now: Date): FilterQuery<LicenseSession> => ({ $or: [{ seatHeldUntil: null }, { seatHeldUntil: { $gt: now } }] });

const byIdMap = <T extends { id: string }>(rows: T[]) => new Map(rows.map((row) => [row.id, row]));

/** Seed 002: the entitlements whose licenses the user may consume, those of the consuming groups the user is a member of. */
export async function consumedEntitlementIds(em: Em, userId: string): Promise<string[]> {
  const groupIds = (await em.find(OrganizationGroupMember, { userId }, { fields: ['groupId'] })).map((m) => m.groupId);
  if (groupIds.length === 0) return [];
  return [...new Set((await em.find(ConsumingGroup, { groupId: { $in: groupIds } }, { fields: ['entitlementId'] })).map((c) => c.entitlementId))];
}

/**
 * The state of each locked binding, read with one query per table whatever the number of bindings; `userId` is the
 * consuming user (`consumer`), null when no user consumes (assignment changes).
 */
export async function loadStates(em: Em, bindings: EntitlementLicense[], now: Date, userId: string | null): Promise<LicenseState[]> {
  if (bindings.length === 0) return [];
  const consumed = new Set(userId === null ? [] : await consumedEntitlementIds(em, userId));
  const licenseIds = bindings.map((b) => b.licenseId);
  const byLicense = { licenseId: { $in: licenseIds } };
  // one after the other: a transaction's connection runs one statement at a time
  const entitlements = byIdMap(await em.find(Entitlement, { id: { $in: bindings.map((b) => b.entitlementId) } }));
  const models = byIdMap(await em.find(LicenseModel, { id: { $in: bindings.map((b) => b.licenseModelId) } }));
  const valid = <T extends SeatCountCredit | UseCountCredit | UseTimeCredit>(rows: T[]) => rows.filter((c) => isValidAt(c, now));
  const seat = valid(await em.find(SeatCountCredit, byLicense, { refresh: true }));
  const uses = valid(await em.find(UseCountCredit, byLicense, { refresh: true }));
  const time = valid(await em.find(UseTimeCredit, byLicense, { refresh: true }));
  const sessions = await em.find(LicenseSession, { $and: [byLicense, liveSessionsAt(now)] }, { refresh: true, orderBy: { createdAt: 'asc', id: 'asc' } });
  const leases = sessions.length === 0 ? [] : await em.find(LicenseLease, { sessionId: { $in: sessions.map((s) => s.id) } },
    { refresh: true, orderBy: { createdAt: 'desc', id: 'desc' } });
  const assignments = await em.find(LicenseAssignment, byLicense, { refresh: true, orderBy: { validFrom: 'asc', createdAt: 'asc', id: 'asc' } });
  return bindings.map((binding) => {
    const own = <T extends { licenseId: string }>(rows: T[]) => rows.filter((row) => row.licenseId === binding.licenseId);
    return {
      binding, entitlement: entitlements.get(binding.entitlementId)!, model: models.get(binding.licenseModelId)!,
      seatCredits: own(seat), useCountCredits: own(uses), useTimeCredits: own(time), sessions: own(sessions), leases: own(leases),
      assignments: own(assignments), consumer: consumed.has(binding.entitlementId),
    };
  });
}

/** Seed 002: a license can be consumed while it is active and valid, in an entitlement that is valid. */
export function checkLicenseUsable(state: LicenseState, now: Date): void {
  if (!isValidAt(state.binding, now) || !isValidAt(state.entitlement, now)) {
    throw new ForbiddenError('The license is not active and valid now', { reason: 'NO_VALID_LICENSE' });
  }
}

/** A lease holds its consumption while it is not released and has not ended. */
export const isActive = (lease: LicenseLease, now: Date): boolean =>
  lease.releasedAt === null && (lease.validUntil === null || lease.validUntil.getTime() > now.getTime());

/** The active leases of a session, latest first. */
export const activeLeases = (state: LicenseState, sessionId: string, now: Date): LicenseLease[] =>
  state.leases.filter((lease) => lease.sessionId === sessionId && isActive(lease, now));

/** The sessions holding a seat (those of models without seat counting hold none). */
export const seatSessions = (sessions: LicenseSession[]): LicenseSession[] => sessions.filter((s) => s.seatCountCreditId !== null);

/** Seed 002 `seatsTaken` now: consumed seats and named seats, a reserved user who consumes counted once. */
export const takenSeats = (state: LicenseState, now: Date): number => seatsTakenAt(state.assignments, seatSessions(state.sessions), now);

/** Seats as quotas: a seat count credit's use is the live sessions charged to it. */
export function seatQuotas(state: LicenseState, credits: SeatCountCredit[]): Quota[] {
  return credits.map((c) => ({ ...c, quota: c.seatCount, used: state.sessions.filter((s) => s.seatCountCreditId === c.id).length }));
}

export const useQuotas = (credits: UseCountCredit[]): Quota[] => credits.map((c) => ({ ...c, quota: c.useCount, used: c.countUsed }));
export const timeQuotas = (credits: UseTimeCredit[]): Quota[] => credits.map((c) => ({ ...c, quota: c.useTime, used: c.timeUsed }));

/** Seed 002 overuse: `maxOveruse(expr, n)` for a quota `n`; no expression, no overuse. */
export function overuseOf(constraint: { overuseExpr?: string | null } | null, quotas: Quota[]): number {
  return constraint?.overuseExpr ? maxOveruse(constraint.overuseExpr, totals(quotas).quota) : 0;
}

/**
 * Seed 002: "lease lifetime can never exceed license lifetime": the ends of the license and its entitlement, of the
 * seat credit the session holds, and of the use time credits (the latest); with neither constraint, of the credits.
 */
export function lifetimeEnd(state: LicenseState, seatCredit: SeatCountCredit | null, timeCredits: UseTimeCredit[], credits: Array<{ validUntil: End }>): End {
  const ends: End[] = [state.binding.validUntil, state.entitlement.validUntil];
  if (seatCredit) ends.push(seatCredit.validUntil);
  if (state.model.useTimeConstraint) ends.push(latest(...timeCredits.map((c) => c.validUntil)));
  if (!seatCredit && !state.model.useTimeConstraint) ends.push(latest(...credits.map((c) => c.validUntil)));
  return earliest(...ends);
}

/** The end of the valid credit that expires first: licenses whose credits run out first are consumed first. */
export function firstCreditEnd(state: LicenseState): number {
  const first = byExpiry([...seatQuotas(state, state.seatCredits), ...useQuotas(state.useCountCredits), ...timeQuotas(state.useTimeCredits)])[0];
  return first?.validUntil?.getTime() ?? Number.POSITIVE_INFINITY;
}
