import { owned } from '../../../lib/entity';
import { ConflictError } from '../../../lib/errors';
import { rowIdOrNotFound } from '../../../lib/find';
import type { Em } from '../../../lib/orm';
import { openSecret, sealSecret, secretsKey } from '../../../lib/secrets';
import type { Caller } from '../../../lib/tenancy';
import { callHomeInstallFields } from '../domain/call-home';
import { Device } from '../entities/Device';
import { DeviceCallHomeInstallation } from '../entities/DeviceCallHomeInstallation';
import type { DeviceCallHomeInstallInput } from '../generated/graphql';
import { findDeviceOrFail } from './devices';
import { recordDeviceEvent } from './events';

/**
 * Seed 004's workflow accepts the EULA before it installs a license. The conditional UPDATE takes the device's row
 * lock only while the EULA is accepted, so a decline committed meanwhile is seen (the update then touches nothing)
 * and the request is refused instead of recorded after the decline.
 */
export async function lockDeviceWithAcceptedEula(em: Em, caller: Caller, deviceId: string, now: Date): Promise<Device> {
  const where = { id: rowIdOrNotFound(deviceId, 'Device'), accountId: caller.accountId, eulaAccepted: true };
  const touched = await em.nativeUpdate(Device, where, { updatedAt: now });
  const device = await findDeviceOrFail(em, deviceId);
  if (touched === 0) {
    throw new ConflictError('The EULA of the device must be accepted (acceptDeviceEula) before a license is installed', {
      argumentPath: ['deviceId'], reason: 'EULA_NOT_ACCEPTED',
    });
  }
  return device;
}

/**
 * Installs a license through the call-home feature (seed 004 POST /api/v1/license/call-home): the request is recorded,
 * with the password sealed, for the device's call-home agent; the platform itself calls no license server. The event
 * names the installation and its properties, never the password.
 */
export async function installDeviceLicenseByCallHome(
  em: Em, caller: Caller, deviceId: string, input: DeviceCallHomeInstallInput, now = new Date(),
): Promise<DeviceCallHomeInstallation> {
  const { password, ...fields } = callHomeInstallFields(input);
  const device = await lockDeviceWithAcceptedEula(em, caller, deviceId, now);
  const installation = owned(Object.assign(new DeviceCallHomeInstallation(), fields, {
    deviceId: device.id, passwordSealed: sealSecret(password, secretsKey()), status: 'REQUESTED', requestedAt: now, createdAt: now, updatedAt: now,
  }), caller);
  em.persist(installation);
  recordDeviceEvent(em, 'device.license.call-home-requested', device, {
    callHomeInstallation: {
      id: installation.id, ...fields, status: installation.status, requestedAt: installation.requestedAt.toISOString(),
    },
  });
  return installation;
}

/** The password of an installation, opened for the device's call-home agent; never returned through the API. */
export async function callHomePassword(em: Em, installation: DeviceCallHomeInstallation): Promise<string> {
  await em.populate(installation, ['passwordSealed']);
  return openSecret(installation.passwordSealed, secretsKey());
}
