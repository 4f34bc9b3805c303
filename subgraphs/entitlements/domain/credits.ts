import type { TimeCharge } from '../entities/LicenseLease';

/** A credit seen as a quota: seats, uses or milliseconds granted, and how much of it is used. */
export interface Quota {
  id: string;
  validFrom: Date | null;
  validUntil: Date | null;
  quota: number;
  used: number;
}

const end = (q: Quota) => q.validUntil?.getTime() ?? Number.POSITIVE_INFINITY;

/** Credits in the order they are used up: the one that expires first first (then the oldest, then by id). */
export function byExpiry<T extends Quota>(credits: ReadonlyArray<T>): T[] {
  return [...credits].sort((a, b) => end(a) - end(b)
    || (a.validFrom?.getTime() ?? 0) - (b.validFrom?.getTime() ?? 0) || a.id.localeCompare(b.id));
}

/** The sums of a list of quotas. */
export function totals(credits: ReadonlyArray<Quota>): { quota: number; used: number } {
  return credits.reduce((sum, c) => ({ quota: sum.quota + c.quota, used: sum.used + c.used }), { quota: 0, used: 0 });
}

/**
 * The credit one more seat or use is charged to: the usable credit that expires first and has room; when none has
 * room, the usable credit that expires last, as overuse. Null when the limit is reached: `total` (the license's
 * quota and usage) plus one would exceed the quota plus the `overuse` allowance, or no credit is usable.
 */
export function creditToCharge<T extends Quota>(usable: ReadonlyArray<T>, total: { quota: number; used: number }, overuse: number): T | null {
  if (usable.length === 0 || total.used + 1 > total.quota + overuse) return null;
  const ordered = byExpiry(usable);
  return ordered.find((c) => c.used < c.quota) ?? ordered[ordered.length - 1];
}

/** Use time left on the usable credits with the overuse allowance (seed 002 `useTimeConstraint`), in milliseconds. */
export function useTimeLeft(usable: ReadonlyArray<Quota>, overuse: number): number {
  const { quota, used } = totals(usable);
  return quota + overuse - used;
}

/** Spreads `amount` milliseconds over the usable credits by expiry, room first; the rest (overuse) goes to the last one. */
export function allocateTime(usable: ReadonlyArray<Quota>, amount: number): TimeCharge[] {
  const ordered = byExpiry(usable);
  const charges: TimeCharge[] = [];
  let rest = amount;
  for (const credit of ordered) {
    const take = Math.min(Math.max(credit.quota - credit.used, 0), rest);
    if (take > 0) charges.push({ creditId: credit.id, ms: take });
    rest -= take;
  }
  if (rest > 0 && ordered.length > 0) charges.push({ creditId: ordered[ordered.length - 1].id, ms: rest });
  return mergeCharges(charges);
}

/** One entry per credit, in first-charge order. */
export function mergeCharges(charges: ReadonlyArray<TimeCharge>): TimeCharge[] {
  const merged = new Map<string, number>();
  for (const c of charges) merged.set(c.creditId, (merged.get(c.creditId) ?? 0) + c.ms);
  return [...merged].filter(([, ms]) => ms > 0).map(([creditId, ms]) => ({ creditId, ms }));
}

/** Takes `amount` milliseconds back from a lease's charges, the latest charges first: what stays charged and the refunds. */
export function refundTime(charges: ReadonlyArray<TimeCharge>, amount: number): { kept: TimeCharge[]; refunds: TimeCharge[] } {
  const kept = charges.map((c) => ({ ...c }));
  const refunds: TimeCharge[] = [];
  let rest = amount;
  for (let i = kept.length - 1; i >= 0 && rest > 0; i--) {
    const back = Math.min(kept[i].ms, rest);
    kept[i].ms -= back;
    rest -= back;
    refunds.push({ creditId: kept[i].creditId, ms: back });
  }
  return { kept: kept.filter((c) => c.ms > 0), refunds };
}
