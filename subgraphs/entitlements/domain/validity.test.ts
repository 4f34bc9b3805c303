import { isOrderedPeriod, isValidAt, seatsTotal, selectCredits } from './validity';

const at = new Date('2025-06-01T00:00:00Z');
const d = (iso: string) => new Date(iso);

describe('isValidAt (seed 002 validity)', () => {
  test('a credit without validFrom is not valid', () => {
    expect(isValidAt({ validFrom: null, validUntil: null }, at)).toBe(false);
  });
  test('a started credit without validUntil is valid indefinitely', () => {
    expect(isValidAt({ validFrom: d('2025-01-01T00:00:00Z'), validUntil: null }, at)).toBe(true);
  });
  test('a credit that has not started yet is not valid', () => {
    expect(isValidAt({ validFrom: d('2025-06-01T00:00:01Z'), validUntil: null }, at)).toBe(false);
  });
  test('the start instant is inside, the end instant outside', () => {
    expect(isValidAt({ validFrom: at, validUntil: null }, at)).toBe(true);
    expect(isValidAt({ validFrom: d('2025-01-01T00:00:00Z'), validUntil: at }, at)).toBe(false);
  });
  test('an inactive credit is not valid', () => {
    expect(isValidAt({ validFrom: d('2025-01-01T00:00:00Z'), validUntil: null, active: false }, at)).toBe(false);
  });
});

test('isOrderedPeriod: the end must come after the start', () => {
  expect(isOrderedPeriod(d('2025-01-01T00:00:00Z'), d('2025-01-02T00:00:00Z'))).toBe(true);
  expect(isOrderedPeriod(d('2025-01-02T00:00:00Z'), d('2025-01-02T00:00:00Z'))).toBe(false);
  expect(isOrderedPeriod(null, d('2025-01-02T00:00:00Z'))).toBe(true);
  expect(isOrderedPeriod(d('2025-01-02T00:00:00Z'), undefined)).toBe(true);
});

describe('selectCredits (seed 002 includeCredits)', () => {
  const expired = { id: 'expired', validFrom: d('2024-01-01T00:00:00Z'), validUntil: d('2025-01-01T00:00:00Z') };
  const current = { id: 'current', validFrom: d('2025-01-01T00:00:00Z'), validUntil: d('2026-01-01T00:00:00Z') };
  const future = { id: 'future', validFrom: d('2026-01-01T00:00:00Z'), validUntil: d('2027-01-01T00:00:00Z') };
  const credits = [expired, current, future];

  test('ALL returns every credit', () => {
    expect(selectCredits(credits, 'ALL', at).map((c) => c.id)).toEqual(['expired', 'current', 'future']);
  });
  test('VALID returns the credits valid now', () => {
    expect(selectCredits(credits, 'VALID', at).map((c) => c.id)).toEqual(['current']);
  });
  test('LATEST_EXPIRATION returns the one credit expiring last', () => {
    expect(selectCredits(credits, 'LATEST_EXPIRATION', at).map((c) => c.id)).toEqual(['future']);
  });
  test('LATEST_EXPIRATION: a credit without end expires last; ties go to the latest start', () => {
    const forever = { id: 'forever', validFrom: d('2020-01-01T00:00:00Z'), validUntil: null };
    expect(selectCredits([...credits, forever], 'LATEST_EXPIRATION', at).map((c) => c.id)).toEqual(['forever']);
    const twin = { ...current, id: 'twin', validFrom: d('2025-03-01T00:00:00Z') };
    expect(selectCredits([current, twin], 'LATEST_EXPIRATION', at).map((c) => c.id)).toEqual(['twin']);
    expect(selectCredits([], 'LATEST_EXPIRATION', at)).toEqual([]);
  });
});

test('seatsTotal adds the credits valid now only', () => {
  const credits = [
    { validFrom: d('2025-01-01T00:00:00Z'), validUntil: null, active: true, seatCount: 10 },
    { validFrom: d('2025-02-01T00:00:00Z'), validUntil: d('2025-12-01T00:00:00Z'), active: true, seatCount: 5 },
    { validFrom: d('2024-01-01T00:00:00Z'), validUntil: d('2025-01-01T00:00:00Z'), active: true, seatCount: 100 },
    { validFrom: d('2025-01-01T00:00:00Z'), validUntil: null, active: false, seatCount: 1000 },
    { validFrom: null, validUntil: null, active: true, seatCount: 10000 },
  ];
  expect(seatsTotal(credits, at)).toBe(15);
  expect(seatsTotal([], at)).toBe(0);
});
