import type { LeaseTimeBehavior } from '../generated/graphql';
import { earliest, latest, leaseWindow, seatHeldAfterRelease } from './leases';

const now = new Date('2030-01-01T00:00:00.000Z');
const plus = (ms: number) => new Date(now.getTime() + ms);
const behavior = (b: Partial<LeaseTimeBehavior>): LeaseTimeBehavior => ({
  leaseTimeCache: null, leaseTimeCheckOut: null, refreshTimeCache: null, refreshTimeCheckOut: null, cooldownTime: null,
  incrementModel: 'RELATIVE', allowLeaseExtension: true, allowLeaseRelease: true, ...b,
});
const base = { now, mode: 'CACHE' as const, lifetimeEnd: null, useTimeLeft: null };

test('earliest and latest treat null as never', () => {
  expect(earliest(null, plus(5), plus(3))).toEqual(plus(3));
  expect(earliest(null, null)).toBeNull();
  expect(latest(plus(1), plus(9))).toEqual(plus(9));
  expect(latest(plus(1), null)).toBeNull();
  expect(latest()).toBeNull();
});

describe('leaseWindow', () => {
  it('grants the lease time of the mode, with the refresh instruction of the mode', () => {
    const b = behavior({ leaseTimeCache: 60_000, refreshTimeCache: 30_000, leaseTimeCheckOut: 3_600_000 });
    expect(leaseWindow({ ...base, behavior: b })).toEqual({ validUntil: plus(60_000), refreshAfter: plus(30_000), charge: 0 });
    expect(leaseWindow({ ...base, mode: 'CHECK_OUT', behavior: b })).toEqual({ validUntil: plus(3_600_000), refreshAfter: null, charge: 0 });
  });

  it('without lease time grants until the license expires (never, when it does not)', () => {
    expect(leaseWindow({ ...base, behavior: null, lifetimeEnd: plus(10_000) })).toEqual({ validUntil: plus(10_000), refreshAfter: null, charge: 0 });
    expect(leaseWindow({ ...base, behavior: null })).toEqual({ validUntil: null, refreshAfter: null, charge: 0 });
  });

  it('never beyond the license lifetime; nothing once it has ended', () => {
    const b = behavior({ leaseTimeCache: 60_000, refreshTimeCache: 50_000 });
    expect(leaseWindow({ ...base, behavior: b, lifetimeEnd: plus(20_000) })).toEqual({ validUntil: plus(20_000), refreshAfter: plus(20_000), charge: 0 });
    expect(leaseWindow({ ...base, behavior: b, lifetimeEnd: now })).toBeNull();
  });

  it('RELATIVE extends from now; STACK on top of the current end', () => {
    const relative = behavior({ leaseTimeCache: 60_000 });
    expect(leaseWindow({ ...base, behavior: relative, currentUntil: plus(40_000) })?.validUntil).toEqual(plus(60_000));
    const stack = behavior({ leaseTimeCache: 60_000, incrementModel: 'STACK' });
    expect(leaseWindow({ ...base, behavior: stack, currentUntil: plus(40_000) })?.validUntil).toEqual(plus(100_000));
    expect(leaseWindow({ ...base, behavior: stack, currentUntil: plus(40_000), lifetimeEnd: plus(70_000) })?.validUntil).toEqual(plus(70_000));
  });

  it('charges use time for the time granted, shortens the lease to the time left, refuses when none is left', () => {
    const b = behavior({ leaseTimeCache: 60_000 });
    expect(leaseWindow({ ...base, behavior: b, useTimeLeft: 100_000 })).toEqual({ validUntil: plus(60_000), refreshAfter: null, charge: 60_000 });
    expect(leaseWindow({ ...base, behavior: b, useTimeLeft: 25_000 })).toEqual({ validUntil: plus(25_000), refreshAfter: null, charge: 25_000 });
    expect(leaseWindow({ ...base, behavior: b, useTimeLeft: 0 })).toBeNull();
    expect(leaseWindow({ ...base, behavior: null, useTimeLeft: 5_000 })?.validUntil).toEqual(plus(5_000));
    // an extension charges only how far the end moves: RELATIVE from 40 s left to 60 s is 20 s
    expect(leaseWindow({ ...base, behavior: b, currentUntil: plus(40_000), useTimeLeft: 100_000 })?.charge).toBe(20_000);
    expect(leaseWindow({ ...base, behavior: b, currentUntil: plus(40_000), useTimeLeft: 0 })).toBeNull();
    // a shorter lease than the current one refunds the difference
    expect(leaseWindow({ ...base, behavior: behavior({ leaseTimeCache: 10_000 }), currentUntil: plus(40_000), useTimeLeft: 0 })?.charge).toBe(-30_000);
  });
});

test('seatHeldAfterRelease: the release plus the cooldown, never past the lease end', () => {
  expect(seatHeldAfterRelease(now, plus(60_000), 5_000)).toEqual(plus(5_000));
  expect(seatHeldAfterRelease(now, plus(60_000), null)).toEqual(now);
  expect(seatHeldAfterRelease(now, plus(3_000), 5_000)).toEqual(plus(3_000));
  expect(seatHeldAfterRelease(now, null, 5_000)).toEqual(plus(5_000));
});
