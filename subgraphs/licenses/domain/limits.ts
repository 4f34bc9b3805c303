/**
 * The limits of a license: inherited from its policy unless overridden on the license (seed 001: "This is by
 * default inherited from the policy, but can be overridden on a per-license basis"), and the arithmetic of
 * the usage, renewal and check-in actions (API.md "usage increment / decrement", "status actions").
 */

export interface PolicyLimits {
  maxMachines: number | null;
  maxProcesses: number | null;
  maxUsers: number | null;
  maxCores: number | null;
  maxUses: number | null;
  protected: boolean;
  floating: boolean;
  strict: boolean;
  requireHeartbeat: boolean;
  requireCheckIn: boolean;
  /** Seconds; null = licenses of the policy do not expire. */
  duration: number | null;
}

export type LicenseLimitOverrides = { [K in keyof PolicyLimits]?: PolicyLimits[K] | null | undefined };

/** Seed 001 `uses`: "Cannot exceed 2,147,483,647, which is the maximum value of a 4 byte integer." */
export const MAX_USES = 2_147_483_647;

const LIMIT_KEYS: ReadonlyArray<keyof PolicyLimits> = [
  'maxMachines', 'maxProcesses', 'maxUsers', 'maxCores', 'maxUses',
  'protected', 'floating', 'strict', 'requireHeartbeat', 'requireCheckIn', 'duration',
];

/**
 * Each override that is null/undefined inherits the policy's value (seed 001 `protected`: "they automatically
 * inherit that value when left blank"). A node-locked license (effective `floating` false) is limited to one
 * machine unless `maxMachines` is overridden on the license.
 */
export function effectiveLimits(policy: PolicyLimits, overrides: LicenseLimitOverrides): PolicyLimits {
  const out: PolicyLimits = { ...policy };
  for (const key of LIMIT_KEYS) inherit(out, key, overrides);
  const machineOverride = overrides.maxMachines;
  if (!out.floating && (machineOverride === null || machineOverride === undefined)) out.maxMachines = 1;
  return out;
}

/** `target[key]` becomes the override when one is set (not null/undefined); otherwise it keeps the policy's value. */
function inherit<K extends keyof PolicyLimits>(target: PolicyLimits, key: K, overrides: LicenseLimitOverrides): void {
  const override = overrides[key];
  if (override !== null && override !== undefined) target[key] = override;
}

export type UsageCheck<Reason extends string> = { ok: true; next: number } | { ok: false; reason: Reason };

function isValidAmount(amount: number): boolean {
  return Number.isInteger(amount) && amount >= 1;
}

/**
 * `uses + increment`, never above 2,147,483,647 (INTEGER_OVERFLOW, checked first: it is absolute) nor above
 * `maxUses` when set (TOO_MANY_USES). The database performs the atomic equivalent; this is its reference.
 */
export function checkUsageIncrement(
  current: number,
  increment: number,
  maxUses: number | null,
): UsageCheck<'TOO_MANY_USES' | 'INTEGER_OVERFLOW' | 'INVALID_AMOUNT'> {
  if (!isValidAmount(increment)) return { ok: false, reason: 'INVALID_AMOUNT' };
  const next = current + increment;
  if (next > MAX_USES) return { ok: false, reason: 'INTEGER_OVERFLOW' };
  if (maxUses !== null && next > maxUses) return { ok: false, reason: 'TOO_MANY_USES' };
  return { ok: true, next };
}

/** `uses - decrement`, never below 0 (NEGATIVE_USES). */
export function checkUsageDecrement(current: number, decrement: number): UsageCheck<'NEGATIVE_USES' | 'INVALID_AMOUNT'> {
  if (!isValidAmount(decrement)) return { ok: false, reason: 'INVALID_AMOUNT' };
  const next = current - decrement;
  if (next < 0) return { ok: false, reason: 'NEGATIVE_USES' };
  return { ok: true, next };
}

/**
 * API.md `renewLicense`: the expiry is extended by the policy duration from the current expiry, or from `now`
 * when the license is already expired (expiry <= now) or has no expiry yet. A null duration leaves it unchanged.
 */
export function renewedExpiry(expiry: Date | null, durationSeconds: number | null, now: Date): Date | null {
  if (durationSeconds === null) return expiry;
  const from = expiry === null || expiry.getTime() <= now.getTime() ? now : expiry;
  return new Date(from.getTime() + durationSeconds * 1000);
}

/** API.md `checkInLicense`: the next check-in is due one check-in interval after the last one. */
export function nextCheckIn(lastCheckIn: Date, intervalSeconds: number): Date {
  return new Date(lastCheckIn.getTime() + intervalSeconds * 1000);
}
