import { badUserInputFrom, conflictFrom } from '../../../test/testkit/errors';
import {
  assertNotBuiltIn, assertNotInUse, BUILT_IN_PROFILE, checkDestinationAddress, checkPeriodicSubscription, checkProfileName, checkTimeOfDay, GROUP_PERIODS, periodicSubscriptionOf,
} from './call-home-profile';

const PATH = ['input', 'subscribeGroupSnapshot'];

describe('call-home profile rules (seed 004 object#call-home-profile)', () => {
  test('a name is 1 to 64 letters, digits, -, _ or ., from a letter or digit (it is the last segment of the seed\'s URL)', () => {
    for (const name of ['test', 'CiscoTAC-1', 'a.b_c', 'x'.repeat(64)]) expect(checkProfileName(name, ['input', 'name'])).toBe(name);
    expect(checkProfileName(' test ', ['input', 'name'])).toBe('test');
    for (const name of ['', ' ', '-leading', '.hidden', 'a/b', 'two words', 'x'.repeat(65), 'é']) {
      expect(badUserInputFrom(() => checkProfileName(name, ['input', 'name'])).extensions).toEqual({ code: 'BAD_USER_INPUT', argumentPath: ['input', 'name'] });
    }
  });

  test('CiscoTAC-1 is the built-in profile: no profile mutation names it (CONFLICT PROFILE_BUILT_IN at the name)', () => {
    expect(BUILT_IN_PROFILE).toBe('CiscoTAC-1');
    const error = conflictFrom(() => assertNotBuiltIn('CiscoTAC-1', ['input', 'name']));
    expect(error.message).toBe('CiscoTAC-1 is the device\'s built-in call-home profile: it cannot be created, changed or deleted');
    expect(error.extensions).toEqual({ code: 'CONFLICT', argumentPath: ['input', 'name'], reason: 'PROFILE_BUILT_IN' });
    for (const name of ['ciscotac-1', 'CiscoTAC-2', 'test']) expect(() => assertNotBuiltIn(name, ['name'])).not.toThrow();
  });

  test('the profile Smart Licensing uses cannot be deleted (CONFLICT PROFILE_IN_USE at name); another can', () => {
    const error = conflictFrom(() => assertNotInUse('lab', 'lab'));
    expect(error.message).toBe('The call-home profile "lab" is used by Smart Licensing: choose another profile first (updateDeviceSmartLicense)');
    expect(error.extensions).toEqual({ code: 'CONFLICT', argumentPath: ['name'], reason: 'PROFILE_IN_USE' });
    for (const used of ['CiscoTAC-1', 'Lab', 'other']) expect(() => assertNotInUse('lab', used)).not.toThrow();
  });

  test('a time is hh:mm from 00:00 to 23:59', () => {
    for (const time of ['00:00', '09:05', '23:00', '23:59']) expect(checkTimeOfDay(time, ['t'])).toBe(time);
    for (const time of ['24:00', '9:00', '12:60', '12:5', '1200', '12:00:00', '']) {
      expect(badUserInputFrom(() => checkTimeOfDay(time, ['t'])).message).toBe(`time must be hh:mm, from 00:00 to 23:59, got ${JSON.stringify(time)}`);
    }
  });

  test('configuration and inventory take daily, weekly, monthly; snapshot also interval and hourly', () => {
    expect(GROUP_PERIODS).toEqual({
      subscribeGroupConfiguration: ['daily', 'weekly', 'monthly'],
      subscribeGroupInventory: ['daily', 'weekly', 'monthly'],
      subscribeGroupSnapshot: ['daily', 'weekly', 'monthly', 'interval', 'hourly'],
    });
    for (const group of ['subscribeGroupConfiguration', 'subscribeGroupInventory'] as const) {
      for (const period of [{ interval: { minute: 5 } }, { hourly: { minute: 5 } }]) {
        const error = badUserInputFrom(() => checkPeriodicSubscription(period, group, ['input', group]));
        expect(error.extensions.argumentPath).toEqual(['input', group, Object.keys(period)[0]]);
      }
    }
    expect(checkPeriodicSubscription({ interval: { minute: 60 } }, 'subscribeGroupSnapshot', PATH)).toEqual({ interval: { minute: 60 } });
    expect(checkPeriodicSubscription({ weekly: { day: 'SAT', time: '01:00' }, daily: null }, 'subscribeGroupInventory', PATH))
      .toEqual({ weekly: { day: 'SAT', time: '01:00' } });
  });

  test('exactly one period', () => {
    for (const input of [{}, { daily: null }, { daily: { time: '10:00' }, hourly: { minute: 1 } }]) {
      expect(badUserInputFrom(() => checkPeriodicSubscription(input, 'subscribeGroupSnapshot', PATH)).message)
        .toBe('subscribeGroupSnapshot must have exactly one period: daily, weekly, monthly, interval, hourly');
    }
  });

  test.each([{ monthly: { day: 1, time: '00:00' } }, { monthly: { day: 31, time: '00:00' } }, { interval: { minute: 1 } }, { interval: { minute: 60 } },
    { hourly: { minute: 0 } }, { hourly: { minute: 59 } }])('ranges: %j is accepted', (period) => {
    expect(checkPeriodicSubscription(period, 'subscribeGroupSnapshot', PATH)).toEqual(period);
  });

  test.each([
    [{ monthly: { day: 0, time: '00:00' } }, ['monthly', 'day'], 'day must be a whole number from 1 to 31, got 0'],
    [{ monthly: { day: 32, time: '00:00' } }, ['monthly', 'day'], 'day must be a whole number from 1 to 31, got 32'],
    [{ monthly: { day: 1.5, time: '00:00' } }, ['monthly', 'day'], 'day must be a whole number from 1 to 31, got 1.5'],
    [{ interval: { minute: 0 } }, ['interval', 'minute'], 'minute must be a whole number from 1 to 60, got 0'],
    [{ interval: { minute: 61 } }, ['interval', 'minute'], 'minute must be a whole number from 1 to 60, got 61'],
    [{ hourly: { minute: -1 } }, ['hourly', 'minute'], 'minute must be a whole number from 0 to 59, got -1'],
    [{ hourly: { minute: 60 } }, ['hourly', 'minute'], 'minute must be a whole number from 0 to 59, got 60'],
  ])('ranges: %j is refused at %j', (period, at, message) => {
    const error = badUserInputFrom(() => checkPeriodicSubscription(period, 'subscribeGroupSnapshot', PATH));
    expect(error.message).toBe(message);
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', argumentPath: [...PATH, ...at] });
  });

  test('a stored period reads with the other four periods null', () => {
    expect(periodicSubscriptionOf({ hourly: { minute: 15 } })).toEqual({ daily: null, weekly: null, monthly: null, interval: null, hourly: { minute: 15 } });
  });

  test('destination address: http(s) URLs and email addresses, at most 10 of each, no repeats; empty lists when absent', () => {
    const at = ['input', 'destinationAddress'];
    expect(checkDestinationAddress(null, at)).toEqual({ urls: [], emails: [] });
    expect(checkDestinationAddress({ urls: ['http://cisco.com'], emails: ['test@cisco.com'] }, at)).toEqual({ urls: ['http://cisco.com'], emails: ['test@cisco.com'] });
    const refused: Array<[object, Array<string | number>]> = [
      [{ urls: ['cisco.com'] }, [...at, 'urls', 0]], [{ urls: ['https://a.example/x y'] }, [...at, 'urls', 0]],
      [{ urls: ['mailto:a@b.example'] }, [...at, 'urls', 0]], [{ emails: ['a@b.example', 'a@b'] }, [...at, 'emails', 1]],
      [{ emails: Array.from({ length: 11 }, (_, i) => `u${i}@example.com`) }, [...at, 'emails']],
    ];
    for (const [input, argumentPath] of refused) expect(badUserInputFrom(() => checkDestinationAddress(input, at)).extensions.argumentPath).toEqual(argumentPath);
  });
});
