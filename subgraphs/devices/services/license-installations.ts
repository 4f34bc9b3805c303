import { owned } from '../../../lib/entity';
import { ConflictError } from '../../../lib/errors';
import type { Em } from '../../../lib/orm';
import type { Caller } from '../../../lib/tenancy';
import { verifiedLicenseFile } from '../domain/license-file-line';
import { parseLicenseLocation } from '../domain/license-location';
import type { Device } from '../entities/Device';
import { DeviceLicenseInstallation } from '../entities/DeviceLicenseInstallation';
import { DeviceLicenseLine } from '../entities/DeviceLicenseLine';
import { lockDeviceWithAcceptedEula } from './call-home-installations';
import { recordDeviceEvent } from './events';
import { licenseLineFields } from './license-line-input';
import { nextLineIndex } from './license-lines';
import { accountPublicKey } from './signing-keys';

/** Verifies an inline license file and adds its license line as the device's next one. */
async function installLicenseFile(em: Em, caller: Caller, device: Device, file: string, now: Date): Promise<DeviceLicenseLine> {
  const publicKey = await accountPublicKey(em);
  if (publicKey === null) {
    throw new ConflictError('No license file of the account is known to the devices yet: try again in a moment', {
      argumentPath: ['licenseLocation'], reason: 'LICENSE_FILE_KEY_UNKNOWN',
    });
  }
  const udi = device.productId && device.serialNumber ? { productId: device.productId, serialNumber: device.serialNumber } : null;
  const { licenseId, line } = verifiedLicenseFile(file, publicKey, caller.accountId, udi, now);
  // under the device's row lock: two installations of one file cannot both pass
  if (await em.count(DeviceLicenseLine, { deviceId: device.id, licenseId }) > 0) {
    throw new ConflictError('The license is already installed on the device', { argumentPath: ['licenseLocation'], reason: 'LICENSE_ALREADY_INSTALLED' });
  }
  const row = owned(Object.assign(new DeviceLicenseLine(), licenseLineFields(line), {
    deviceId: device.id, index: await nextLineIndex(em, device.id), createdAt: now, updatedAt: now,
  }), caller);
  em.persist(row);
  return row;
}

/**
 * Installs a license from a location (seed 004 POST /api/v1/license/install) once the EULA is accepted: an inline
 * license file (`data:`) is verified and installed as a license line; any other location of the seed is recorded for
 * the device's agent, the platform fetching nothing. The event names the installation and the lines it added.
 */
export async function installDeviceLicense(
  em: Em, caller: Caller, deviceId: string, licenseLocation: string, now = new Date(),
): Promise<DeviceLicenseInstallation> {
  const location = parseLicenseLocation(licenseLocation);
  const device = await lockDeviceWithAcceptedEula(em, caller, deviceId, now);
  const line = 'file' in location ? await installLicenseFile(em, caller, device, location.file, now) : null;
  const installation = owned(Object.assign(new DeviceLicenseInstallation(), {
    deviceId: device.id, scheme: location.scheme, licenseLocation: 'location' in location ? location.location : null,
    licenseId: line?.licenseId ?? null, status: line ? 'INSTALLED' : 'REQUESTED', requestedAt: now,
    installedAt: line ? now : null, createdAt: now, updatedAt: now,
  } satisfies Partial<DeviceLicenseInstallation>), caller);
  em.persist(installation);
  recordDeviceEvent(em, 'device.license.installed', device, {
    licenseInstallation: {
      id: installation.id, scheme: installation.scheme, licenseLocation: installation.licenseLocation, licenseId: installation.licenseId,
      status: installation.status, requestedAt: now.toISOString(), installedAt: installation.installedAt?.toISOString() ?? null,
    },
    licenseLineIds: line ? [line.id] : [],
  });
  return installation;
}
