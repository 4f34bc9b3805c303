import { ACTIVITY_WINDOW_MS, computeLicenseStatus, EXPIRING_WINDOW_MS, type StatusFacts } from './status';

const NOW = new Date('2024-06-01T12:00:00.000Z');
const DAY = 24 * 60 * 60 * 1000;
const at = (offsetMs: number): Date => new Date(NOW.getTime() + offsetMs);

/** Created long ago, never used since, no expiry: INACTIVE. */
const base: StatusFacts = {
  ownerBanned: false,
  suspended: false,
  expiry: null,
  createdAt: at(-365 * DAY),
  lastValidated: null,
  lastCheckOut: null,
  lastCheckIn: null,
};
const status = (change: Partial<StatusFacts>): string => computeLicenseStatus({ ...base, ...change }, NOW);

describe('status windows', () => {
  it('are 3 days and 90 days', () => {
    expect(EXPIRING_WINDOW_MS).toBe(259_200_000);
    expect(ACTIVITY_WINDOW_MS).toBe(7_776_000_000);
  });
});

describe('computeLicenseStatus', () => {
  it('INACTIVE when nothing happened in the last 90 days and there is no expiry', () => {
    expect(status({})).toBe('INACTIVE');
  });

  it('BANNED when the owner is banned, before everything else', () => {
    expect(status({ ownerBanned: true, suspended: true, expiry: at(-DAY), createdAt: NOW })).toBe('BANNED');
  });

  it('SUSPENDED before EXPIRED', () => {
    expect(status({ suspended: true, expiry: at(-DAY) })).toBe('SUSPENDED');
    expect(status({ suspended: true })).toBe('SUSPENDED');
  });

  it('EXPIRED when the expiry is in the past, or exactly now', () => {
    expect(status({ expiry: at(-1) })).toBe('EXPIRED');
    expect(status({ expiry: NOW })).toBe('EXPIRED');
    expect(status({ expiry: at(-DAY), lastValidated: NOW })).toBe('EXPIRED');
  });

  it('EXPIRING when the expiry is within the next 3 days, exactly 3 days included', () => {
    expect(status({ expiry: at(1) })).toBe('EXPIRING');
    expect(status({ expiry: at(DAY) })).toBe('EXPIRING');
    expect(status({ expiry: at(3 * DAY) })).toBe('EXPIRING');
    expect(status({ expiry: at(DAY), createdAt: NOW })).toBe('EXPIRING');
  });

  it('not EXPIRING one millisecond after the 3-day window', () => {
    expect(status({ expiry: at(3 * DAY + 1) })).toBe('INACTIVE');
    expect(status({ expiry: at(3 * DAY + 1), createdAt: NOW })).toBe('ACTIVE');
  });

  it.each([['createdAt'], ['lastValidated'], ['lastCheckOut'], ['lastCheckIn']] as const)(
    'ACTIVE when %s is within the last 90 days, exactly 90 days included',
    (field) => {
      expect(status({ [field]: at(-DAY) })).toBe('ACTIVE');
      expect(status({ [field]: at(-90 * DAY) })).toBe('ACTIVE');
      expect(status({ [field]: at(-90 * DAY - 1) })).toBe('INACTIVE');
    },
  );

  it('ACTIVE with a distant expiry', () => {
    expect(status({ expiry: at(30 * DAY), lastCheckIn: at(-10 * DAY) })).toBe('ACTIVE');
  });
});
