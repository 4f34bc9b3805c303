import { BadUserInputError, ConflictError } from '../../../lib/errors';
import { type ArgumentPath, argumentName } from '../../../lib/input';
import type {
  CallHomeDestinationAddress, CallHomeDestinationAddressInput, CallHomePeriodicSubscription, CallHomePeriodicSubscriptionInput,
} from '../generated/graphql';
import { checkEmailAddress, checkWholeNumber } from './call-home';

/** A periodic group subscription as stored: exactly one period key (the seed's JSON shape, e.g. `{ daily: { time } }`). */
export type CallHomePeriod = CallHomePeriodicSubscriptionInput;

/*
 * The rules of a call-home profile (seed 004 `object#call-home-profile`): its name, its destination address, and
 * its group subscriptions with their periods and ranges.
 */

/**
 * The device's built-in call-home profile (seed 004's predefined `CiscoTAC-1`): it always exists, Smart Licensing uses
 * it by default, and it is no row here, so the profile mutations neither create, change nor delete a profile of that name.
 */
export const BUILT_IN_PROFILE = 'CiscoTAC-1';

/** A profile name names the profile in the seed's URL (`/api/v1/call-home/profile/{name}`), e.g. `CiscoTAC-1`. */
const PROFILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
export const MAX_DESTINATIONS = 10;
const MAX_URL = 2048;

/** The periods each periodic group takes (seed 004: interval and hourly are for `subscribe-group-snapshot` only). */
export const GROUP_PERIODS = {
  subscribeGroupConfiguration: ['daily', 'weekly', 'monthly'],
  subscribeGroupInventory: ['daily', 'weekly', 'monthly'],
  subscribeGroupSnapshot: ['daily', 'weekly', 'monthly', 'interval', 'hourly'],
} as const;
export type PeriodicGroup = keyof typeof GROUP_PERIODS;
type Period = keyof CallHomePeriodicSubscriptionInput;


/**
 * A call-home profile name (of a profile, or the one Smart Licensing uses): trimmed, 1 to 64 letters, digits, `-`,
 * `_` or `.`, starting with a letter or digit.
 */
export function checkProfileName(value: string, path: ArgumentPath): string {
  const profile = value.trim();
  if (!PROFILE_NAME.test(profile)) {
    throw new BadUserInputError(`${argumentName(path)} must be a call-home profile name of 1 to 64 letters, digits, "-", "_" or "." (e.g. CiscoTAC-1)`, path);
  }
  return profile;
}

/** A profile mutation names a profile of the device, never the built-in one (CONFLICT at the name's path). */
export function assertNotBuiltIn(profile: string, path: ArgumentPath): void {
  if (profile === BUILT_IN_PROFILE) {
    throw new ConflictError(`${BUILT_IN_PROFILE} is the device's built-in call-home profile: it cannot be created, changed or deleted`, { argumentPath: path, reason: 'PROFILE_BUILT_IN' });
  }
}

/** The profile Smart Licensing uses (its `profile`, enabled or not) cannot be deleted: Smart Licensing would name a missing profile. */
export function assertNotInUse(profile: string, smartLicenseProfile: string): void {
  if (profile === smartLicenseProfile) {
    throw new ConflictError(
      `The call-home profile ${JSON.stringify(profile)} is used by Smart Licensing: choose another profile first (updateDeviceSmartLicense)`,
      { argumentPath: ['name'], reason: 'PROFILE_IN_USE' },
    );
  }
}

/** `hh:mm` on a 24-hour clock, 00:00 to 23:59 (seed 004 "Format: hh:mm"). */
export function checkTimeOfDay(value: string, path: ArgumentPath): string {
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(value)) throw new BadUserInputError(`time must be hh:mm, from 00:00 to 23:59, got ${JSON.stringify(value)}`, path);
  return value;
}

/** The one period of a periodic group subscription, checked against the group's periods and the period's ranges. */
export function checkPeriodicSubscription(
  input: CallHomePeriodicSubscriptionInput, group: PeriodicGroup, path: ArgumentPath,
): CallHomePeriod {
  const given = (Object.keys(input) as Period[]).filter((key) => input[key] != null);
  const allowed: readonly string[] = GROUP_PERIODS[group];
  if (given.length !== 1) throw new BadUserInputError(`${group} must have exactly one period: ${allowed.join(', ')}`, path);
  const [period] = given;
  if (!allowed.includes(period)) throw new BadUserInputError(`${group} takes a ${allowed.join(', ')} period, not ${period}`, [...path, period]);
  const at = (field: string) => [...path, period, field];
  const { daily, weekly, monthly, interval, hourly } = input;
  if (daily) return { daily: { time: checkTimeOfDay(daily.time, at('time')) } };
  if (weekly) return { weekly: { day: weekly.day, time: checkTimeOfDay(weekly.time, at('time')) } };
  if (monthly) {
    return { monthly: { day: checkWholeNumber(monthly.day, { min: 1, max: 31 }, at('day')), time: checkTimeOfDay(monthly.time, at('time')) } };
  }
  if (interval) return { interval: { minute: checkWholeNumber(interval.minute, { min: 1, max: 60 }, at('minute')) } };
  return { hourly: { minute: checkWholeNumber(hourly!.minute, { min: 0, max: 59 }, at('minute')) } };
}

/** An absolute http or https URL without spaces or credentials, up to 2048 characters. */
function checkDestinationUrl(value: string, path: ArgumentPath): string {
  let url: URL | null = null;
  try {
    url = value.length <= MAX_URL && !/\s/.test(value) ? new URL(value) : null;
  } catch {
    url = null;
  }
  if (!url || !['http:', 'https:'].includes(url.protocol) || !url.hostname || url.username || url.password) {
    throw new BadUserInputError(`urls must be absolute http or https URLs without credentials, up to ${MAX_URL} characters, e.g. http://cisco.com`, path);
  }
  return value;
}

function checkList(values: readonly string[], path: ArgumentPath, check: (value: string, at: ArgumentPath) => string): string[] {
  if (values.length > MAX_DESTINATIONS) throw new BadUserInputError(`${argumentName(path)} has at most ${MAX_DESTINATIONS} entries`, path);
  const checked = values.map((value, i) => check(value, [...path, i]));
  const duplicate = checked.findIndex((value, i) => checked.indexOf(value) !== i);
  if (duplicate >= 0) throw new BadUserInputError(`${argumentName(path)} lists ${JSON.stringify(checked[duplicate])} twice`, [...path, duplicate]);
  return checked;
}

/** The destination address (seed 004 `destination-address`): both lists, empty when absent. */
export function checkDestinationAddress(input: CallHomeDestinationAddressInput | null | undefined, path: ArgumentPath): CallHomeDestinationAddress {
  return {
    urls: checkList(input?.urls ?? [], [...path, 'urls'], checkDestinationUrl),
    emails: checkList(input?.emails ?? [], [...path, 'emails'], (value, at) => checkEmailAddress(value, at, 'emails')),
  };
}

/** The GraphQL object of a stored period: the four other periods null. */
export function periodicSubscriptionOf(period: CallHomePeriod): CallHomePeriodicSubscription {
  return { daily: period.daily ?? null, weekly: period.weekly ?? null, monthly: period.monthly ?? null, interval: period.interval ?? null, hourly: period.hourly ?? null };
}
