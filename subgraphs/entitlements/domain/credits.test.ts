import { allocateTime, byExpiry, creditToCharge, mergeCharges, refundTime, totals, useTimeLeft, type Quota } from './credits';

const d = (iso: string) => new Date(iso);
const q = (id: string, validUntil: string | null, quota: number, used = 0): Quota =>
  ({ id, validFrom: d('2020-01-01T00:00:00Z'), validUntil: validUntil ? d(validUntil) : null, quota, used });

const late = q('late', null, 2);
const early = q('early', '2031-01-01T00:00:00Z', 1);

test('byExpiry: the credit that expires first first; no end last', () => {
  expect(byExpiry([late, early]).map((c) => c.id)).toEqual(['early', 'late']);
  expect(totals([late, early])).toEqual({ quota: 3, used: 0 });
});

describe('creditToCharge', () => {
  it('charges the first-expiring credit with room', () => {
    expect(creditToCharge([late, early], { quota: 3, used: 0 }, 0)?.id).toBe('early');
    expect(creditToCharge([late, { ...early, used: 1 }], { quota: 3, used: 1 }, 0)?.id).toBe('late');
  });

  it('within the overuse allowance charges the last-expiring credit; beyond it, nothing', () => {
    const full = [{ ...late, used: 2 }, { ...early, used: 1 }];
    expect(creditToCharge(full, { quota: 3, used: 3 }, 0)).toBeNull();
    expect(creditToCharge(full, { quota: 3, used: 3 }, 1)?.id).toBe('late');
    expect(creditToCharge(full, { quota: 3, used: 4 }, 1)).toBeNull();
  });

  it('counts the license total: room on a credit does not pass a license that is full', () => {
    expect(creditToCharge([late], { quota: 2, used: 2 }, 0)).toBeNull();
    expect(creditToCharge([], { quota: 10, used: 0 }, 5)).toBeNull();
  });
});

test('useTimeLeft: quota plus overuse minus used', () => {
  expect(useTimeLeft([q('a', null, 60_000, 10_000), q('b', null, 30_000, 30_000)], 5_000)).toBe(55_000);
  expect(useTimeLeft([q('a', null, 1_000, 1_500)], 0)).toBe(-500);
});

test('allocateTime spreads over the credits by expiry, the rest onto the last one', () => {
  const credits = [q('late', null, 100, 0), q('early', '2031-01-01T00:00:00Z', 50, 20)];
  expect(allocateTime(credits, 20)).toEqual([{ creditId: 'early', ms: 20 }]);
  expect(allocateTime(credits, 60)).toEqual([{ creditId: 'early', ms: 30 }, { creditId: 'late', ms: 30 }]);
  expect(allocateTime(credits, 140)).toEqual([{ creditId: 'early', ms: 30 }, { creditId: 'late', ms: 110 }]);
});

test('mergeCharges and refundTime: one entry per credit; refunds take the latest charges back first', () => {
  const charges = mergeCharges([{ creditId: 'a', ms: 10 }, { creditId: 'b', ms: 5 }, { creditId: 'a', ms: 1 }]);
  expect(charges).toEqual([{ creditId: 'a', ms: 11 }, { creditId: 'b', ms: 5 }]);
  expect(refundTime(charges, 7)).toEqual({ kept: [{ creditId: 'a', ms: 9 }], refunds: [{ creditId: 'b', ms: 5 }, { creditId: 'a', ms: 2 }] });
  expect(refundTime(charges, 100)).toEqual({ kept: [], refunds: [{ creditId: 'b', ms: 5 }, { creditId: 'a', ms: 11 }] });
});
