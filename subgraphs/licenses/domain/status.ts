/**
 * The at-a-glance status of a license (seed 001, `data.attributes.status`). It is for filtering and display
 * only: it is not a validation result and never decides whether a license may be used.
 */

export type LicenseStatus = 'ACTIVE' | 'INACTIVE' | 'EXPIRING' | 'EXPIRED' | 'SUSPENDED' | 'BANNED';

export interface StatusFacts {
  ownerBanned: boolean;
  suspended: boolean;
  expiry: Date | null;
  createdAt: Date;
  lastValidated: Date | null;
  lastCheckOut: Date | null;
  lastCheckIn: Date | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Seed 001: "An expiring license is a license that is expiring within the next 3 days." */
export const EXPIRING_WINDOW_MS = 3 * DAY_MS;

/** Seed 001: "An active license is a license that has been created, validated, checked out, or checked in within the last 90 days." */
export const ACTIVITY_WINDOW_MS = 90 * DAY_MS;

/** A license with an expiry at or before `now` is expired; a license without expiry never expires. */
export function isExpired(expiry: Date | null, now: Date): boolean {
  return expiry !== null && expiry.getTime() <= now.getTime();
}

/** Not yet expired, and expiring at or before `now + 3 days` (the boundary instant counts as expiring). */
export function isExpiring(expiry: Date | null, now: Date): boolean {
  return expiry !== null && !isExpired(expiry, now) && expiry.getTime() <= now.getTime() + EXPIRING_WINDOW_MS;
}

/** Created, validated, checked out or checked in at or after `now - 90 days`. */
export function isRecentlyActive(f: StatusFacts, now: Date): boolean {
  const since = now.getTime() - ACTIVITY_WINDOW_MS;
  return [f.createdAt, f.lastValidated, f.lastCheckOut, f.lastCheckIn].some((d) => d !== null && d.getTime() >= since);
}

/** BANNED > SUSPENDED > EXPIRED > EXPIRING > ACTIVE > INACTIVE: the first that applies wins. */
export function computeLicenseStatus(f: StatusFacts, now: Date): LicenseStatus {
  if (f.ownerBanned) return 'BANNED';
  if (f.suspended) return 'SUSPENDED';
  if (isExpired(f.expiry, now)) return 'EXPIRED';
  if (isExpiring(f.expiry, now)) return 'EXPIRING';
  if (isRecentlyActive(f, now)) return 'ACTIVE';
  return 'INACTIVE';
}
