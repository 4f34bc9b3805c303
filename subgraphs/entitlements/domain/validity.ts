import type { CreditInclusion } from '../generated/graphql';

/** A resource with seed 002 validity (`ResourceWithValidity`) and the `active` flag of credits and licenses. */
export interface Validity {
  validFrom: Date | null;
  validUntil: Date | null;
  active?: boolean;
}

/**
 * Seed 002: "validFrom — if not specified or null, object is not considered as valid";
 * "validUntil — if null, object is considered to be valid indefinitely"; an inactive credit
 * cannot be used. The end instant itself is outside the validity.
 */
export function isValidAt(item: Validity, at: Date): boolean {
  if (item.active === false || item.validFrom === null) return false;
  if (item.validFrom.getTime() > at.getTime()) return false;
  return item.validUntil === null || at.getTime() < item.validUntil.getTime();
}

/** A validity period must end after it starts. */
export function isOrderedPeriod(validFrom: Date | null | undefined, validUntil: Date | null | undefined): boolean {
  return !validFrom || !validUntil || validUntil.getTime() > validFrom.getTime();
}

/** Sort key of an expiry: a credit without end time expires last. */
function expiry(item: Validity): number {
  return item.validUntil === null ? Number.POSITIVE_INFINITY : item.validUntil.getTime();
}

/** The item that expires last; ties go to the one that started last (it holds the latest grant). */
function latestExpiring<T extends Validity>(items: T[]): T | undefined {
  let best: T | undefined;
  for (const item of items) {
    if (!best || expiry(item) > expiry(best)) best = item;
    else if (expiry(item) === expiry(best) && (item.validFrom?.getTime() ?? -Infinity) > (best.validFrom?.getTime() ?? -Infinity)) best = item;
  }
  return best;
}

/** The credits of one type that seed 002 `includeCredits` (all / valid / latestExpiration) selects. */
export function selectCredits<T extends Validity>(credits: T[], inclusion: CreditInclusion, at: Date): T[] {
  switch (inclusion) {
    case 'ALL': return credits;
    case 'VALID': return credits.filter((credit) => isValidAt(credit, at));
    case 'LATEST_EXPIRATION': {
      const latest = latestExpiring(credits);
      return latest ? [latest] : [];
    }
  }
}

/** Seed 002 `seatsTotal`: seats provisioned by the credits valid now, not taking usage into account. */
export function seatsTotal(credits: Array<Validity & { seatCount: number }>, at: Date): number {
  return credits.filter((c) => isValidAt(c, at)).reduce((sum, c) => sum + c.seatCount, 0);
}
