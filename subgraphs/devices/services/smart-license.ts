import type { Em } from '../../../lib/orm';
import { openSecret, sealSecret, secretsKey } from '../../../lib/secrets';
import {
  assertCanRegister, assertCanSetEnabled, assertRegistered, checkIdToken, checkProfileName,
  missingProfile, profileNeedsRow, renewalOf, smartLicenseOf, type SmartLicenseStatus,
} from '../domain/smart-license';
import { BUILT_IN_PROFILE } from '../domain/call-home-profile';
import { CallHomeProfile } from '../entities/CallHomeProfile';
import type { Device } from '../entities/Device';
import { lockDeviceOrFail as lockDevice } from './devices';
import { recordDeviceEvent, type DeviceEventType } from './events';

/*
 * Smart Licensing of a device (seed 004 /api/v1/smart-license and its register, deregister and renew actions). Each
 * action reads the device under its row lock (SELECT ... FOR UPDATE on PostgreSQL), so the state it checks is the
 * state it changes: two concurrent registrations of one device cannot both succeed, nor a disable slip between a
 * registration's check and its write, nor a profile be deleted between the check that it exists and its choice.
 */

const statusOf = (device: Device): SmartLicenseStatus => ({ enabled: device.smartLicenseEnabled, state: device.smartLicenseState });

/** The event names the Smart Licensing as the change left it (the token is in no event). */
function recordSmartLicenseEvent(em: Em, type: DeviceEventType, device: Device, extra: Record<string, unknown>): void {
  recordDeviceEvent(em, type, device, { ...extra, smartLicense: smartLicenseOf(device) });
}

/**
 * Seed 004 PUT /api/v1/smart-license: `enable` is mandatory; `profile` absent keeps the profile, null restores the
 * default, and any other name than the built-in one must be a call-home profile of the device.
 */
export async function updateDeviceSmartLicense(em: Em, deviceId: string, enable: boolean, profile?: string | null): Promise<Device> {
  const newProfile = profile === undefined ? undefined : profile === null ? BUILT_IN_PROFILE : checkProfileName(profile, ['profile']);
  const device = await lockDevice(em, deviceId);
  assertCanSetEnabled(statusOf(device), enable);
  if (newProfile !== undefined && profileNeedsRow(newProfile) && (await em.count(CallHomeProfile, { deviceId: device.id, name: newProfile })) === 0) {
    throw missingProfile(newProfile);
  }
  const previous = { enabled: device.smartLicenseEnabled, profile: device.smartLicenseProfile };
  device.smartLicenseEnabled = enable;
  if (newProfile !== undefined) device.smartLicenseProfile = newProfile;
  recordSmartLicenseEvent(em, 'device.smart-license.updated', device, { previous });
  return device;
}

/** Seed 004 PUT /api/v1/smart-license/register: the ID token is sealed for the device's agent, never returned. */
export async function registerDeviceSmartLicense(em: Em, deviceId: string, idToken: string, now = new Date()): Promise<Device> {
  const token = checkIdToken(idToken, ['idToken']);
  const device = await lockDevice(em, deviceId);
  assertCanRegister(statusOf(device));
  const previousState = device.smartLicenseState;
  Object.assign(device, {
    smartLicenseState: 'REGISTERED', smartLicenseIdTokenSealed: sealSecret(token, secretsKey()), smartLicenseRegisteredAt: now,
    smartLicenseIdRenewedAt: null, smartLicenseAuthorizationRenewedAt: null,
  });
  recordSmartLicenseEvent(em, 'device.smart-license.registered', device, { previousState });
  return device;
}

/** Seed 004 PUT /api/v1/smart-license/deregister: the registration ends and its token is forgotten. */
export async function deregisterDeviceSmartLicense(em: Em, deviceId: string): Promise<Device> {
  const device = await lockDevice(em, deviceId);
  assertRegistered(statusOf(device), 'deregistered');
  Object.assign(device, {
    smartLicenseState: 'UNREGISTERED', smartLicenseIdTokenSealed: null, smartLicenseRegisteredAt: null,
    smartLicenseIdRenewedAt: null, smartLicenseAuthorizationRenewedAt: null,
  });
  recordSmartLicenseEvent(em, 'device.smart-license.deregistered', device, { previousState: 'REGISTERED' });
  return device;
}

/** Seed 004 PUT /api/v1/smart-license/renew: renews the registration ID, the authorization or both. */
export async function renewDeviceSmartLicense(
  em: Em, deviceId: string, id: boolean | null | undefined, authorization: boolean | null | undefined, now = new Date(),
): Promise<Device> {
  const renewal = renewalOf(id, authorization);
  const device = await lockDevice(em, deviceId);
  assertRegistered(statusOf(device), 'renewed');
  if (renewal.id) device.smartLicenseIdRenewedAt = now;
  if (renewal.authorization) device.smartLicenseAuthorizationRenewedAt = now;
  recordSmartLicenseEvent(em, 'device.smart-license.renewed', device, { renewed: renewal });
  return device;
}

/** The ID token of a registered device, opened for the device's agent; null when not registered. Never returned through the API. */
export async function smartLicenseIdToken(em: Em, device: Device): Promise<string | null> {
  await em.populate(device, ['smartLicenseIdTokenSealed']);
  return device.smartLicenseIdTokenSealed === null ? null : openSecret(device.smartLicenseIdTokenSealed, secretsKey());
}
