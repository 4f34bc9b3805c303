/**
 * License consumption (API.md "consumption", seed 002 scope `ent/consume`): consumeLicense, refreshLease and
 * releaseLease. Each runs in its mutation's transaction, holding the row lock of the license's EntitlementLicense
 * while it counts and writes (services/consumption-state.ts), so concurrent requests cannot both take the last seat.
 */
import { BadUserInputError, ConflictError, DomainError, ForbiddenError, NotFoundError } from '../../../lib/errors';
import { isUuid } from '../../../lib/ids';
import type { Em } from '../../../lib/orm';
import type { Caller } from '../../../lib/tenancy';
import { reservationsAt, reservationsInUse } from '../domain/assignments';
import { allocateTime, mergeCharges, refundTime } from '../domain/credits';
import { latest, seatHeldAfterRelease } from '../domain/leases';
import { checkAnchors } from '../domain/sessions';
import { MAX_VERSION_TEXT } from '../domain/versions';
import { EntitlementLicense } from '../entities/EntitlementLicense';
import { LicensedItem } from '../entities/LicensedItem';
import { LicenseLease } from '../entities/LicenseLease';
import { LicenseSession } from '../entities/LicenseSession';
import { UseTimeCredit } from '../entities/UseTimeCredit';
import type { MutationConsumeLicenseArgs } from '../generated/graphql';
import { checkUserStanding, consumptionPlan, extensionPlan, sessionOf, type Consumption, type Plan } from './consumption-plan';
import {
  checkLicenseUsable, firstCreditEnd, isActive, loadStates, lockBindings, timeQuotas, type LicenseState,
} from './consumption-state';
import { recordEntitlementEvent, type EntitlementEventType } from './events';

function consumption(caller: Caller, args: MutationConsumeLicenseArgs): Consumption {
  const version = args.version?.trim() || null;
  if (version !== null && version.length > MAX_VERSION_TEXT) throw new BadUserInputError(`version is at most ${MAX_VERSION_TEXT} characters`, ['version']);
  return { userId: caller.subject, version, mode: args.mode ?? 'CACHE', anchors: checkAnchors(args.anchors ?? []), leaseId: args.leaseId ?? null };
}

/** The licensed item by id or by its unique name (an id wins over a name that looks like one). */
async function licensedItemOf(em: Em, idOrName: string): Promise<LicensedItem> {
  const where = isUuid(idOrName) ? { $or: [{ id: idOrName.toLowerCase() }, { name: idOrName }] } : { name: idOrName };
  const items = await em.find(LicensedItem, where);
  const item = items.find((i) => i.id === idOrName.toLowerCase()) ?? items[0];
  if (!item) throw new NotFoundError('LicensedItem', idOrName);
  return item;
}

/** Licenses the caller already consumes in this session (or the one of `leaseId`) first, then the one whose credit expires first. */
function preferenceOrder(states: LicenseState[], req: Consumption): LicenseState[] {
  const own = (s: LicenseState) => (sessionOf(s, req).session !== null || s.leases.some((l) => l.id === req.leaseId?.toLowerCase()) ? 0 : 1);
  return [...states].sort((a, b) => own(a) - own(b) || firstCreditEnd(a) - firstCreditEnd(b)
    || a.binding.createdAt.getTime() - b.binding.createdAt.getTime() || a.binding.id.localeCompare(b.binding.id));
}

/** Charges (positive) or refunds (negative) use time for a lease, on the credits' `timeUsed`. Under the license lock. */
async function chargeTime(em: Em, lease: LicenseLease, amount: number, credits: UseTimeCredit[]): Promise<void> {
  if (amount > 0) {
    const charges = allocateTime(timeQuotas(credits), amount);
    for (const c of charges) credits.find((credit) => credit.id === c.creditId)!.timeUsed += c.ms;
    lease.timeCharges = mergeCharges([...lease.timeCharges, ...charges]);
  } else if (amount < 0) {
    const { kept, refunds } = refundTime(lease.timeCharges, -amount);
    lease.timeCharges = kept;
    // a credit removed since (a canceled order) has nothing to refund to
    const rows = refunds.length ? await em.find(UseTimeCredit, { id: { $in: refunds.map((r) => r.creditId) } }) : [];
    for (const r of refunds) {
      const credit = rows.find((row) => row.id === r.creditId);
      if (credit) credit.timeUsed = Math.max(0, credit.timeUsed - r.ms);
    }
  }
}

/** A session lasts as long as its latest lease, and holds its seat as long as its latest seat hold. */
function settleSession(session: LicenseSession, leases: LicenseLease[]): void {
  session.validUntil = latest(...leases.map((l) => l.validUntil));
  session.seatHeldUntil = latest(...leases.map((l) => l.heldUntil));
}

const leasesOf = (state: LicenseState, session: LicenseSession, lease: LicenseLease) =>
  [lease, ...state.leases.filter((l) => l.sessionId === session.id && l.id !== lease.id)];

function record(em: Em, type: EntitlementEventType, state: LicenseState, session: LicenseSession, lease: LicenseLease): void {
  const [entityType, entity] = type === 'entitlement.seat.consumed' ? ['LicenseSession', session] as const : ['LicenseLease', lease] as const;
  recordEntitlementEvent(em, type, entityType, entity, {
    licenseId: state.binding.licenseId, organizationId: state.entitlement.organizationId,
    sessionId: session.id, leaseId: lease.id, userId: session.userId, mode: lease.mode,
  });
}

/** Seed 002 `allowReassign`: the user's valid reservations that the user's live sessions occupy are used from now on. */
function markReservationsUsed(state: LicenseState, userId: string, newSessions: number, now: Date): void {
  const live = state.sessions.filter((s) => s.userId === userId).length + newSessions;
  for (const reservation of reservationsInUse(reservationsAt(state.assignments.filter((a) => a.userId === userId), now), live)) reservation.usedAt ??= now;
}

/** Writes a plan: the new session (its use charged), the new or extended lease, use time, the events. */
async function apply(em: Em, plan: Plan, now: Date): Promise<LicenseLease> {
  const { state, window, newSession } = plan;
  const session = plan.session ?? Object.assign(new LicenseSession(), {
    accountId: state.binding.accountId, licenseId: state.binding.licenseId, userId: newSession!.userId, identity: newSession!.identity,
    resourceKey: newSession!.resourceKey, anchors: newSession!.anchors,
    seatCountCreditId: newSession!.seatCredit?.id ?? null, useCountCreditId: newSession!.useCredit?.id ?? null,
  });
  if (!plan.session) em.persist(session);
  // the credit row was read under the license lock: no other transaction changes it before this one commits
  if (newSession?.useCredit) newSession.useCredit.countUsed += 1;
  const lease = plan.lease ?? Object.assign(new LicenseLease(), {
    accountId: state.binding.accountId, sessionId: session.id, licenseId: state.binding.licenseId, userId: session.userId, mode: plan.mode, validFrom: now,
  });
  if (!plan.lease) em.persist(lease);
  await chargeTime(em, lease, window.charge, plan.timeCredits);
  Object.assign(lease, { validUntil: window.validUntil, refreshAfter: window.refreshAfter, heldUntil: window.validUntil });
  settleSession(session, leasesOf(state, session, lease));
  markReservationsUsed(state, session.userId, plan.session ? 0 : 1, now);
  if (newSession) record(em, 'entitlement.seat.consumed', state, session, lease);
  record(em, plan.lease ? 'entitlement.lease.refreshed' : 'entitlement.lease.granted', state, session, lease);
  return lease;
}

/**
 * Consumes a license of the item: among the account's licenses of the item, the first (see preferenceOrder) that
 * accepts the request; when none does, the error of the first one. NOT_FOUND for an unknown item; FORBIDDEN
 * NO_VALID_LICENSE when the account has no active license of it.
 */
export async function consumeLicense(em: Em, caller: Caller, args: MutationConsumeLicenseArgs): Promise<LicenseLease> {
  const now = new Date();
  const req = consumption(caller, args);
  const item = await licensedItemOf(em, args.licensedItem);
  const candidates = await em.find(EntitlementLicense, { licensedItemId: item.id, active: true }, { fields: ['id'] });
  if (candidates.length === 0) throw new ForbiddenError(`No active license grants ${JSON.stringify(item.name)}`, { reason: 'NO_VALID_LICENSE' });
  const states = await loadStates(em, await lockBindings(em, candidates.map((c) => c.id)), now, caller.subject);
  let refusal: DomainError | null = null;
  for (const state of preferenceOrder(states, req)) {
    let plan: Plan;
    try {
      plan = await consumptionPlan(em, state, req, now);
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      refusal = refusal ?? err;
      continue;
    }
    return apply(em, plan, now);
  }
  throw refusal!;
}

/** The caller's own lease (another user's or account's is not found), with its license locked and read. */
async function lockedLease(em: Em, caller: Caller, leaseId: string, now: Date) {
  const found = isUuid(leaseId) ? await em.findOne(LicenseLease, { id: leaseId.toLowerCase(), userId: caller.subject }) : null;
  const binding = found && await em.findOne(EntitlementLicense, { licenseId: found.licenseId }, { fields: ['id'] });
  if (!found || !binding) throw new NotFoundError('LicenseLease', leaseId);
  const [state] = await loadStates(em, await lockBindings(em, [binding.id]), now, caller.subject);
  const lease = state.leases.find((l) => l.id === found.id) ?? await em.findOneOrFail(LicenseLease, { id: found.id }, { refresh: true });
  const session = state.sessions.find((s) => s.id === lease.sessionId);
  if (!session || !isActive(lease, now)) throw new ConflictError('The lease has ended (released or expired); consume the license again', { reason: 'LEASE_ENDED' });
  return { state, lease, session };
}

/** Extends the caller's lease by seed 002 lease extension rules. */
export async function refreshLease(em: Em, caller: Caller, leaseId: string): Promise<LicenseLease> {
  const now = new Date();
  const { state, lease, session } = await lockedLease(em, caller, leaseId, now);
  checkLicenseUsable(state, now);
  checkUserStanding(state, caller.subject, now);
  return apply(em, extensionPlan(state, session, lease, state.useTimeCredits, now), now);
}

/** Seed 002 `allowLeaseRelease` (default true): ends the lease now, refunds unused use time, starts the cooldown. */
export async function releaseLease(em: Em, caller: Caller, leaseId: string): Promise<LicenseLease> {
  const now = new Date();
  const { state, lease, session } = await lockedLease(em, caller, leaseId, now);
  const behavior = state.model.leaseTimeBehavior;
  if (behavior?.allowLeaseRelease === false) throw new ConflictError('The license model does not allow lease release', { reason: 'LEASE_RELEASE_NOT_ALLOWED' });
  if (lease.validUntil) await chargeTime(em, lease, now.getTime() - lease.validUntil.getTime(), []);
  Object.assign(lease, { heldUntil: seatHeldAfterRelease(now, lease.validUntil, behavior?.cooldownTime), releasedAt: now, validUntil: now, refreshAfter: null });
  settleSession(session, leasesOf(state, session, lease));
  record(em, 'entitlement.lease.released', state, session, lease);
  return lease;
}
