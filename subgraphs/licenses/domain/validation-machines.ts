/**
 * The checks of license validation that read the license's machines: the machine scope, the fingerprint
 * scope (with the policy's fingerprint matching strategy) and the heartbeats of the machines they match.
 */
import { requiredScope } from './validation-checks';
import {
  invalid,
  sent,
  type FingerprintMatchingStrategy,
  type ValidationCheck,
  type ValidationContext,
  type ValidationMachine,
  type ValidationResult,
} from './validation-types';

/** When the policy requires heartbeats, every matched machine must have started and still be alive. */
export function checkHeartbeats(ctx: ValidationContext, matched: ValidationMachine[]): ValidationResult | null {
  if (!ctx.facts.limits.requireHeartbeat) return null;
  if (matched.some((m) => m.heartbeat === 'NOT_STARTED')) return invalid('HEARTBEAT_NOT_STARTED', 'machine heartbeat is required');
  if (matched.some((m) => m.heartbeat === 'DEAD')) return invalid('HEARTBEAT_DEAD', 'machine heartbeat is dead');
  return null;
}

/** The machine sent must be one of the license's activated machines. */
export const checkMachineScope: ValidationCheck = (ctx) => {
  const { facts, scope } = ctx;
  if (!sent(scope.machine)) return requiredScope('machine', facts.policy.requireMachineScope);
  const machine = facts.machines.find((m) => m.id === scope.machine);
  if (machine === undefined) return invalid('MACHINE_SCOPE_MISMATCH', 'machine scope does not match');
  return checkHeartbeats(ctx, [machine]);
};

/** The fingerprints sent, from `fingerprint` and `fingerprints`, each once. */
export function sentFingerprints(ctx: Pick<ValidationContext, 'scope'>): string[] {
  const { fingerprint, fingerprints } = ctx.scope;
  const all = [...(sent(fingerprint) ? [fingerprint] : []), ...(fingerprints ?? [])];
  return [...new Set(all.filter((f) => sent(f)))];
}

/**
 * How many of `count` fingerprints sent must belong to activated machines (seed 000 `fingerprintMatchingStrategy`).
 * MATCH_TWO asks for two, or for the only one when a single fingerprint is sent.
 */
export function requiredMatches(strategy: FingerprintMatchingStrategy, count: number): number {
  switch (strategy) {
    case 'MATCH_ANY':
      return 1;
    case 'MATCH_TWO':
      return Math.min(2, count);
    case 'MATCH_MOST':
      return Math.floor(count / 2) + 1; // more than half
    case 'MATCH_ALL':
      return count;
  }
}

const MISMATCH_DETAIL: Readonly<Record<FingerprintMatchingStrategy, string>> = {
  MATCH_ANY: 'fingerprint is not activated (does not match any associated machines)',
  MATCH_TWO: 'one or more fingerprint is not activated (does not match at least 2 associated machines)',
  MATCH_MOST: 'one or more fingerprint is not activated (does not match enough associated machines)',
  MATCH_ALL: 'one or more fingerprint is not activated (does not match all associated machines)',
};

/**
 * NO_MACHINE (node-locked) / NO_MACHINES (floating) when nothing is activated; FINGERPRINT_SCOPE_MISMATCH when
 * fewer fingerprints match than the strategy asks for; then the heartbeats of the matched machines.
 */
export const checkFingerprintScope: ValidationCheck = (ctx) => {
  const { facts } = ctx;
  const fingerprints = sentFingerprints(ctx);
  if (fingerprints.length === 0) return requiredScope('fingerprint', facts.policy.requireFingerprintScope);
  if (facts.machines.length === 0) {
    return facts.limits.floating
      ? invalid('NO_MACHINES', 'fingerprint is not activated (has no associated machines)')
      : invalid('NO_MACHINE', 'fingerprint is not activated (has no associated machine)');
  }
  const wanted = new Set(fingerprints);
  const matched = facts.machines.filter((m) => wanted.has(m.fingerprint));
  const matchedCount = new Set(matched.map((m) => m.fingerprint)).size;
  const strategy = facts.policy.fingerprintMatchingStrategy;
  if (matchedCount < requiredMatches(strategy, fingerprints.length)) {
    return invalid('FINGERPRINT_SCOPE_MISMATCH', MISMATCH_DETAIL[matchedCount === 0 ? 'MATCH_ANY' : strategy]);
  }
  return checkHeartbeats(ctx, matched);
};
