import type { FilterQuery } from '@mikro-orm/core';
import { ConflictError } from '../../../lib/errors';
import type { Em } from '../../../lib/orm';
import { checkEulaUri } from '../domain/eula';
import { checkThroughputLevel } from '../domain/throughput';
import { generateSerialNumber, udiOf } from '../domain/udi';
import { Device } from '../entities/Device';
import type { BootLevel } from '../generated/graphql';
import { findDeviceOrFail } from './devices';
import { recordDeviceEvent } from './events';

const SERIAL_ATTEMPTS = 5;

async function unusedSerialNumber(em: Em, device: Device): Promise<string> {
  for (let attempt = 0; attempt < SERIAL_ATTEMPTS; attempt++) {
    const serialNumber = generateSerialNumber();
    const where = { productId: device.productId, serialNumber } as FilterQuery<Device>;
    if (serialNumber !== device.serialNumber && (await em.count(Device, where)) === 0) return serialNumber;
  }
  // 36^11 serial numbers: reaching this means the random source is broken, not bad luck
  throw new Error('could not generate an unused serial number');
}

/**
 * A new UDI for a cloned VM (seed 004 POST /api/v1/license/udi): a clone carries the UDI of the VM
 * it was copied from, so it gets a new serial number for the same product ID. The seed does not
 * support the call on physical platforms, whose UDI is fixed in hardware.
 */
export async function requestDeviceUdi(em: Em, deviceId: string): Promise<Device> {
  const device = await findDeviceOrFail(em, deviceId);
  if (!device.isVirtual) {
    throw new ConflictError('A new UDI can only be requested for a virtual device; the UDI of a physical device is fixed', { argumentPath: ['deviceId'] });
  }
  if (!device.productId) {
    throw new ConflictError('The device has no product ID, so it has no UDI to renew', { argumentPath: ['deviceId'] });
  }
  const previousUdi = udiOf(device.productId, device.serialNumber)?.udi ?? null;
  device.serialNumber = await unusedSerialNumber(em, device);
  recordDeviceEvent(em, 'device.udi.requested', device, { previousUdi, udi: udiOf(device.productId, device.serialNumber)?.udi });
  return device;
}

/**
 * Accepts or declines the EULA (seed 004 POST /api/v1/license/eula): naming the EULA object read
 * and `accept: true` is the acknowledgment. Accepting again keeps the first acceptance time.
 */
export async function acceptDeviceEula(em: Em, deviceId: string, eulaUri: string, accept: boolean, now = new Date()): Promise<Device> {
  const uri = checkEulaUri(eulaUri, ['eulaUri']);
  const device = await findDeviceOrFail(em, deviceId);
  device.eulaUri = uri;
  if (accept) {
    device.eulaAcceptedAt = device.eulaAccepted ? device.eulaAcceptedAt : now;
    device.eulaAccepted = true;
  } else {
    device.eulaAccepted = false;
    device.eulaAcceptedAt = null;
  }
  recordDeviceEvent(em, accept ? 'device.eula.accepted' : 'device.eula.declined', device);
  return device;
}

/** The technology package (seed 004 PUT /api/v1/license/boot): Standard, Advanced or Premium. */
export async function setDeviceBootLevel(em: Em, deviceId: string, level: BootLevel): Promise<Device> {
  const device = await findDeviceOrFail(em, deviceId);
  const previousLevel = device.bootLevel;
  device.bootLevel = level;
  recordDeviceEvent(em, 'device.boot-level.changed', device, { previousLevel });
  return device;
}

/** Throughput (seed 004 PUT /api/v1/license/throughput): only the seed's levels are accepted. */
export async function setDeviceThroughput(em: Em, deviceId: string, level: number): Promise<Device> {
  checkThroughputLevel(level, ['level']);
  const device = await findDeviceOrFail(em, deviceId);
  const previousLevel = device.throughput;
  device.throughput = level;
  recordDeviceEvent(em, 'device.throughput.changed', device, { previousLevel });
  return device;
}
