import { LockMode, type EntityData, type FilterQuery } from '@mikro-orm/core';
import { owned } from '../../../lib/entity';
import { ConflictError, NotFoundError } from '../../../lib/errors';
import { findByIdOrFail, rowIdOrNotFound } from '../../../lib/find';
import type { Em } from '../../../lib/orm';
import type { Caller } from '../../../lib/tenancy';
import { checkThroughputLevel } from '../domain/throughput';
import { CallHomeProfile } from '../entities/CallHomeProfile';
import { Device } from '../entities/Device';
import { DeviceCallHomeInstallation } from '../entities/DeviceCallHomeInstallation';
import { DeviceLicenseInstallation } from '../entities/DeviceLicenseInstallation';
import { DeviceLicenseLine } from '../entities/DeviceLicenseLine';
import type { RegisterDeviceInput, UpdateDeviceInput } from '../generated/graphql';
import { applyDeviceInput } from './device-input';
import { recordDeviceEvent } from './events';

export function findDeviceOrFail(em: Em, id: string): Promise<Device> {
  return findByIdOrFail(em, Device, id, 'Device');
}

/**
 * The device under its row lock (SELECT ... FOR UPDATE on PostgreSQL) until the transaction ends: what a change
 * checks on the device (the Smart Licensing state and profile, the profile a deletion removes) stays as checked.
 */
export function lockDeviceOrFail(em: Em, id: string): Promise<Device> {
  // the sealed token is loaded too, so that setting or clearing it is tracked like any other column
  return findByIdOrFail(em, Device, id, 'Device', {
    lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true, populate: ['smartLicenseIdTokenSealed'],
  });
}

/**
 * Takes the device's row lock with a conditional UPDATE of `changes` and `updatedAt` in the caller's account (a
 * PostgreSQL row lock, the SQLite write lock): concurrent changes of one device wait for each other, and nothing
 * is read first. Zero rows touched: NOT_FOUND. Returns the device's ID.
 */
export async function touchDeviceOrFail(em: Em, caller: Caller, deviceId: string, now: Date, changes: EntityData<Device> = {}): Promise<string> {
  const id = rowIdOrNotFound(deviceId, 'Device');
  const touched = await em.nativeUpdate(Device, { id, accountId: caller.accountId }, { ...changes, updatedAt: now });
  if (touched === 0) throw new NotFoundError('Device', deviceId);
  return id;
}

/**
 * The fingerprint is the device's second key, unique per account. This check gives the clear
 * error; the unique index on (accountId, fingerprint) still stops two concurrent registrations.
 */
async function ensureFingerprintFree(em: Em, device: Device): Promise<void> {
  const where = { fingerprint: device.fingerprint, id: { $ne: device.id } } as FilterQuery<Device>;
  if ((await em.count(Device, where)) > 0) {
    throw new ConflictError(`A device with fingerprint ${JSON.stringify(device.fingerprint)} is already registered`, {
      argumentPath: ['input', 'fingerprint'],
    });
  }
}

export async function registerDevice(em: Em, caller: Caller, input: RegisterDeviceInput): Promise<Device> {
  const device = owned(new Device(), caller);
  await applyDeviceInput(em, device, input, true);
  if (input.bootLevel) device.bootLevel = input.bootLevel;
  if (input.throughput !== undefined && input.throughput !== null) {
    device.throughput = checkThroughputLevel(input.throughput, ['input', 'throughput']);
  }
  await ensureFingerprintFree(em, device);
  em.persist(device);
  recordDeviceEvent(em, 'device.registered', device);
  return device;
}

/**
 * Patch: only the fields given change, checked as updateDevice checks them. `argument` names the argument that
 * holds them (`input`, or `report` for a call-home report), for the path of an error.
 */
export async function applyDeviceChanges(em: Em, device: Device, input: UpdateDeviceInput, argument = 'input'): Promise<void> {
  const wasVirtual = device.isVirtual;
  await applyDeviceInput(em, device, input, false, (field) => [argument, field]);
  if (input.fingerprint !== undefined) await ensureFingerprintFree(em, device);
  if (device.isVirtual && !wasVirtual && (await em.count(Device, { hostDeviceId: device.id })) > 0) {
    throw new ConflictError('A device that hosts virtual devices cannot become virtual', { argumentPath: [argument, 'isVirtual'] });
  }
}

/** Patch: only the fields given change. */
export async function updateDevice(em: Em, id: string, input: UpdateDeviceInput): Promise<Device> {
  const device = await findDeviceOrFail(em, id);
  await applyDeviceChanges(em, device, input);
  recordDeviceEvent(em, 'device.updated', device);
  return device;
}

/** Deletes the device, its license lines, installations and call-home profiles; its virtual devices stay, without a host. */
export async function deleteDevice(em: Em, caller: Caller, id: string): Promise<Device> {
  const device = await findDeviceOrFail(em, id);
  const guests = await em.find(Device, { hostDeviceId: device.id });
  for (const guest of guests) {
    guest.hostDeviceId = null;
    recordDeviceEvent(em, 'device.updated', guest);
  }
  await em.nativeDelete(DeviceLicenseLine, { deviceId: device.id, accountId: caller.accountId });
  await em.nativeDelete(DeviceCallHomeInstallation, { deviceId: device.id, accountId: caller.accountId });
  await em.nativeDelete(DeviceLicenseInstallation, { deviceId: device.id, accountId: caller.accountId });
  await em.nativeDelete(CallHomeProfile, { deviceId: device.id, accountId: caller.accountId });
  recordDeviceEvent(em, 'device.deleted', device);
  em.remove(device);
  return device;
}
