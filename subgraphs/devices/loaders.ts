import DataLoader from 'dataloader';
import type { EntityName, FilterQuery } from '@mikro-orm/core';
import { byParentLoader } from '../../lib/loaders';
import type { Em } from '../../lib/orm';
import { isUuid } from './domain/ids';
import { Datacenter } from './entities/Datacenter';
import { Device } from './entities/Device';
import { DeviceLicenseLine } from './entities/DeviceLicenseLine';

/** Like lib's byIdLoader, but an ID that is not a UUID is missing rather than an SQL error (PostgreSQL). */
function byUuidLoader<T extends { id: string }>(em: Em, entity: EntityName<T>): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>(async (ids) => {
    const valid = ids.filter(isUuid);
    const rows = valid.length ? await em.find(entity, { id: { $in: valid } } as unknown as FilterQuery<T>) : [];
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

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
    device: byUuidLoader(em, Device),
    deviceByFingerprint: byFingerprintLoader(em),
    datacenter: byUuidLoader(em, Datacenter),
    licenseLine: byUuidLoader(em, DeviceLicenseLine),
    virtualDevicesByHost: byParentLoader(em, Device, 'hostDeviceId', { createdAt: 'asc', id: 'asc' }),
    licenseLinesByDevice: byParentLoader(em, DeviceLicenseLine, 'deviceId', { index: 'asc' }),
    // keys come from gateway representations: callers check isUuid before loading
    licenseLinesByLicense: byParentLoader(em, DeviceLicenseLine, 'licenseId', { createdAt: 'asc', id: 'asc' }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
