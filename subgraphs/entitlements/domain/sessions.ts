import { createHash } from 'node:crypto';
import { BadUserInputError } from '../../../lib/errors';
import type { ConcurrentSessions, ConsumptionMode, LicenseSessionAnchor, SessionAnchor, SessionAnchorInput } from '../generated/graphql';

/** Longest anchor identifier or name accepted. */
export const MAX_ANCHOR_TEXT = 200;

/**
 * The anchors of a request, each type once with a non-blank identifier; the anchors the model requires (seed 002
 * `sessionAnchors`, which define the session, and `additionalAnchors`, which the client must specify) must be there.
 */
export function checkAnchors(given: ReadonlyArray<SessionAnchorInput>): LicenseSessionAnchor[] {
  const seen = new Set<SessionAnchor>();
  return given.map((anchor, i) => {
    const externalId = anchor.externalId.trim();
    if (!externalId) throw new BadUserInputError('An anchor needs an externalId', ['anchors', i, 'externalId']);
    if (externalId.length > MAX_ANCHOR_TEXT || (anchor.externalName?.length ?? 0) > MAX_ANCHOR_TEXT) {
      throw new BadUserInputError(`Anchor identifiers and names are at most ${MAX_ANCHOR_TEXT} characters`, ['anchors', i]);
    }
    if (seen.has(anchor.type)) throw new BadUserInputError(`Anchor type ${anchor.type} is given more than once`, ['anchors', i, 'type']);
    seen.add(anchor.type);
    return { type: anchor.type, externalId, externalName: anchor.externalName ?? null };
  });
}

/** The anchor types a request to a license of this model must give. */
export function requiredAnchorTypes(sessions: ConcurrentSessions | null): SessionAnchor[] {
  return [...new Set([...(sessions?.sessionAnchors ?? []), ...(sessions?.additionalAnchors ?? [])])];
}

/** The first required anchor type that is missing, if any. */
export function missingAnchor(sessions: ConcurrentSessions | null, anchors: ReadonlyArray<LicenseSessionAnchor>): SessionAnchor | null {
  return requiredAnchorTypes(sessions).find((type) => !anchors.some((a) => a.type === type)) ?? null;
}

const sha256 = (value: unknown): string => createHash('sha256').update(JSON.stringify(value)).digest('hex');

/** The values of the session anchor types, in a fixed order: what identifies the consumed resource. */
function sessionAnchorValues(sessions: ConcurrentSessions | null, anchors: ReadonlyArray<LicenseSessionAnchor>): Array<[string, string]> {
  return [...(sessions?.sessionAnchors ?? [])].sort()
    .map((type) => [type, anchors.find((a) => a.type === type)?.externalId ?? '']);
}

/** Seed 002 session: the resource (session anchor values) and the consuming user; names and other anchors do not count. */
export function sessionKeys(userId: string, sessions: ConcurrentSessions | null, anchors: ReadonlyArray<LicenseSessionAnchor>): { identity: string; resourceKey: string } {
  const values = sessionAnchorValues(sessions, anchors);
  return { identity: sha256([userId, values]), resourceKey: sha256(values) };
}

export type LeaseChoice = { kind: 'extend'; leaseId: string } | { kind: 'new' } | { kind: 'mismatch' };

/**
 * Seed 002 `leaseTrackingMode` — which lease of the caller's session a consumption request extends, given the
 * session's active leases in the requested mode (latest first):
 * IGNORE_LEASE_ID (default): the lease id is not needed (and not looked at); the latest lease is extended if there is one.
 * REQUIRE_LEASE_ID: only the lease named by `leaseId` is extended; without it a new lease is granted.
 * USE_LEASE_ID_IF_PRESENT: with `leaseId`, only that lease; without it, as IGNORE_LEASE_ID.
 * A lease id that names no active lease of the session in that mode is a mismatch.
 */
export function chooseLease(
  sessions: ConcurrentSessions | null, leaseId: string | null, activeLeaseIds: ReadonlyArray<string>,
): LeaseChoice {
  const mode = sessions?.leaseTrackingMode ?? 'IGNORE_LEASE_ID';
  if (mode === 'IGNORE_LEASE_ID' || leaseId === null) {
    if (mode === 'REQUIRE_LEASE_ID' || activeLeaseIds.length === 0) return { kind: 'new' };
    return { kind: 'extend', leaseId: activeLeaseIds[0] };
  }
  const named = activeLeaseIds.find((id) => id === leaseId.toLowerCase());
  return named ? { kind: 'extend', leaseId: named } : { kind: 'mismatch' };
}

/** Seed 002 maxCache / maxCheckOut / maxTotal: the limit one more lease in `mode` would exceed, if any (null = unbounded). */
export function sessionLimitExceeded(
  sessions: ConcurrentSessions | null, activeModes: ReadonlyArray<ConsumptionMode>, mode: ConsumptionMode,
): 'maxCache' | 'maxCheckOut' | 'maxTotal' | null {
  const byMode = mode === 'CACHE' ? sessions?.maxCache : sessions?.maxCheckOut;
  const inMode = activeModes.filter((m) => m === mode).length;
  if (byMode != null && inMode + 1 > byMode) return mode === 'CACHE' ? 'maxCache' : 'maxCheckOut';
  if (sessions?.maxTotal != null && activeModes.length + 1 > sessions.maxTotal) return 'maxTotal';
  return null;
}
