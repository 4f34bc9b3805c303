import { wrap } from '@mikro-orm/core';
import { owned } from '../../../lib/entity';
import { BadUserInputError, ConflictError, NotFoundError } from '../../../lib/errors';
import type { Em } from '../../../lib/orm';
import type { Caller } from '../../../lib/tenancy';
import {
  assertNotBuiltIn, assertNotInUse, checkDestinationAddress, checkPeriodicSubscription, checkProfileName, type PeriodicGroup,
} from '../domain/call-home-profile';
import { CallHomeProfile } from '../entities/CallHomeProfile';
import type { Device } from '../entities/Device';
import type { CreateCallHomeProfileInput, UpdateCallHomeProfileInput } from '../generated/graphql';
import { findDeviceOrFail, lockDeviceOrFail } from './devices';
import { recordDeviceEvent, type DeviceEventType } from './events';

type ProfileInput = CreateCallHomeProfileInput | UpdateCallHomeProfileInput;
const FLAGS = ['active', 'anonymousReportingOnly', 'destinationTransportEmail', 'destinationTransportHttp'] as const;
const SEVERITY_GROUPS = ['subscribeGroupAll', 'subscribeGroupSyslog'] as const;
const PERIODIC_GROUPS: readonly PeriodicGroup[] = ['subscribeGroupConfiguration', 'subscribeGroupInventory', 'subscribeGroupSnapshot'];
const at = (field: string): string[] => ['input', field];

/**
 * Copies the given fields onto the profile, checking each. On create a null flag is its default; on update it is
 * refused (a flag has no "unset"). A null group subscription ends it; a null destination address empties it.
 */
function applyProfileInput(profile: CallHomeProfile, input: ProfileInput, creating: boolean): void {
  for (const flag of FLAGS) {
    const value = input[flag];
    if (value === undefined || (creating && value === null)) continue;
    if (value === null) throw new BadUserInputError(`${flag} cannot be null`, at(flag));
    profile[flag] = value;
  }
  if (input.destinationAddress !== undefined) profile.destinationAddress = checkDestinationAddress(input.destinationAddress, at('destinationAddress'));
  // the severity is an enum: GraphQL has checked it
  for (const group of SEVERITY_GROUPS) if (input[group] !== undefined) profile[group] = input[group] ? { severity: input[group].severity } : null;
  for (const group of PERIODIC_GROUPS) {
    const value = input[group];
    if (value !== undefined) profile[group] = value === null ? null : checkPeriodicSubscription(value, group, at(group));
  }
}

function recordProfileEvent(em: Em, type: DeviceEventType, device: Device, profile: CallHomeProfile): void {
  recordDeviceEvent(em, type, device, { callHomeProfile: wrap(profile).toObject() });
}

/** The device's profile of that name, or NOT_FOUND (a name is matched exactly, as in the seed's URL). */
async function findProfileOrFail(em: Em, device: Device, name: string): Promise<CallHomeProfile> {
  const profile = await em.findOne(CallHomeProfile, { deviceId: device.id, name });
  if (!profile) throw new NotFoundError('CallHomeProfile', name);
  return profile;
}

/** Creates a call-home profile of the device (seed 004 POST /api/v1/call-home/profile); its name is unique per device. */
export async function createCallHomeProfile(em: Em, caller: Caller, deviceId: string, input: CreateCallHomeProfileInput): Promise<CallHomeProfile> {
  const name = checkProfileName(input.name, at('name'));
  assertNotBuiltIn(name, at('name'));
  const device = await findDeviceOrFail(em, deviceId);
  const profile = owned(Object.assign(new CallHomeProfile(), { deviceId: device.id, name }), caller);
  applyProfileInput(profile, input, true);
  // the clear error; the unique index on (accountId, deviceId, name) still stops two concurrent creations
  if ((await em.count(CallHomeProfile, { deviceId: device.id, name })) > 0) {
    throw new ConflictError(`The device already has a call-home profile named ${JSON.stringify(name)}`, { argumentPath: ['input', 'name'], reason: 'PROFILE_NAME_TAKEN' });
  }
  em.persist(profile);
  recordProfileEvent(em, 'device.call-home-profile.created', device, profile);
  return profile;
}

/** Modifies a call-home profile (seed 004 PUT /api/v1/call-home/profile/{name}): only the fields given change. */
export async function updateCallHomeProfile(em: Em, deviceId: string, name: string, input: UpdateCallHomeProfileInput): Promise<CallHomeProfile> {
  assertNotBuiltIn(name, ['name']);
  const device = await findDeviceOrFail(em, deviceId);
  const profile = await findProfileOrFail(em, device, name);
  applyProfileInput(profile, input, false);
  profile.updatedAt = new Date();
  recordProfileEvent(em, 'device.call-home-profile.updated', device, profile);
  return profile;
}

/**
 * Deletes a call-home profile (seed 004 DELETE /api/v1/call-home/profile/{name}); returns it as it was. Not the one
 * Smart Licensing uses: that is checked under the device's row lock, which choosing the Smart Licensing profile takes
 * too, so a concurrent choice and deletion cannot leave Smart Licensing naming a deleted profile.
 */
export async function deleteCallHomeProfile(em: Em, deviceId: string, name: string): Promise<CallHomeProfile> {
  assertNotBuiltIn(name, ['name']);
  const device = await lockDeviceOrFail(em, deviceId);
  const profile = await findProfileOrFail(em, device, name);
  assertNotInUse(profile.name, device.smartLicenseProfile);
  recordProfileEvent(em, 'device.call-home-profile.deleted', device, profile);
  em.remove(profile);
  return profile;
}
