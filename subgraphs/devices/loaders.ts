import DataLoader from 'dataloader';
import { byIdLoader, byParentLoader, filteredByParentLoaders } from '../../lib/loaders';
import { DEVICE_FILTER_FIELDS } from './services/device-filter';
import type { Em } from '../../lib/orm';
import { CallHomeProfile } from './entities/CallHomeProfile';
import { Datacenter } from './entities/Datacenter';
import { Device } from './entities/Device';
import { DeviceCallHomeInstallation } from './entities/DeviceCallHomeInstallation';
import { DeviceLicenseInstallation } from './entities/DeviceLicenseInstallation';
import { DeviceLicenseLine } from './entities/DeviceLicenseLine';

/** Devices by their second key: one `WHERE fingerprint IN (...)` per tick, answers in key order. */
function byFingerprintLoader(em: Em): DataLoader<string, Device | null> {
  return new DataLoader<string, Device | null>(async (fingerprints) => {
    const rows = await em.find(Device, { fingerprint: { $in: [...fingerprints] } });
    const byFingerprint = new Map(rows.map((row) => [row.fingerprint, row]));
    return fingerprints.map((fingerprint) => byFingerprint.get(fingerprint) ?? null);
  });
}

/** The request-scoped loaders of the devices subgraph (made by createContext, once per request). */
export function createLoaders(em: Em) {
  return {
    devicesByDatacenter: filteredByParentLoaders(em, Device, 'datacenterId', { createdAt: 'asc', id: 'asc' }, DEVICE_FILTER_FIELDS),
    device: byIdLoader(em, Device),
    deviceByFingerprint: byFingerprintLoader(em),
    datacenter: byIdLoader(em, Datacenter),
    licenseLine: byIdLoader(em, DeviceLicenseLine),
    virtualDevicesByHost: byParentLoader(em, Device, 'hostDeviceId', { createdAt: 'asc', id: 'asc' }),
    licenseLinesByDevice: byParentLoader(em, DeviceLicenseLine, 'deviceId', { index: 'asc' }),
    // newest first (seed 004 leaves the order open; the latest request is the one a reader looks for)
    callHomeInstallationsByDevice: byParentLoader(em, DeviceCallHomeInstallation, 'deviceId', { requestedAt: 'desc', id: 'desc' }),
    licenseInstallationsByDevice: byParentLoader(em, DeviceLicenseInstallation, 'deviceId', { requestedAt: 'desc', id: 'desc' }),
    licenseLinesByLicense: byParentLoader(em, DeviceLicenseLine, 'licenseId', { createdAt: 'asc', id: 'asc' }),
    callHomeProfilesByDevice: byParentLoader(em, CallHomeProfile, 'deviceId', { name: 'asc', id: 'asc' }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
