import { BadUserInputError } from '../../../lib/errors';
import { findReferencedOrFail } from '../../../lib/find';
import { positiveCount, requiredText } from '../../../lib/input';
import type { Em } from '../../../lib/orm';
import { checkProductId, checkSerialNumber } from '../domain/udi';
import { Datacenter } from '../entities/Datacenter';
import { Device } from '../entities/Device';
import type { RegisterDeviceInput, UpdateDeviceInput } from '../generated/graphql';

type DeviceInput = RegisterDeviceInput | UpdateDeviceInput;
const MAX_TEXT = 255;

/** Where a field of the input is: `["input", field]`, or under the argument that holds the device's facts (`report`). */
type PathOf = (field: string) => string[];
const inputPath: PathOf = (field) => ['input', field];

function required<T>(value: T | null, field: string, path: PathOf): T {
  if (value === null) throw new BadUserInputError(`${field} cannot be null`, path(field));
  return value;
}

function checkText(value: string | null, field: string, path: PathOf): string | null {
  if (value !== null && value.length > MAX_TEXT) throw new BadUserInputError(`${field} has at most ${MAX_TEXT} characters`, path(field));
  return value;
}

async function checkHost(em: Em, device: Device, hostId: string, path: PathOf): Promise<string> {
  const host = await findReferencedOrFail(em, Device, hostId, 'Device', path('hostDeviceId'));
  // a host is a physical device: this also rules out a device hosting itself and host cycles
  if (host.id === device.id || host.isVirtual) {
    throw new BadUserInputError('The host of a virtual device must be another, physical device', path('hostDeviceId'));
  }
  return host.id;
}

async function checkDatacenter(em: Em, datacenterId: string, path: PathOf): Promise<string> {
  return (await findReferencedOrFail(em, Datacenter, datacenterId, 'Datacenter', path('datacenterId'))).id;
}

function applyIdentity(device: Device, input: DeviceInput, path: PathOf): void {
  if (input.fingerprint !== undefined) device.fingerprint = requiredText(required(input.fingerprint, 'fingerprint', path), path('fingerprint'), MAX_TEXT);
  if (input.productId !== undefined) device.productId = input.productId === null ? null : checkProductId(input.productId, path('productId'));
  if (input.serialNumber !== undefined) {
    device.serialNumber = input.serialNumber === null ? null : checkSerialNumber(input.serialNumber, path('serialNumber'));
  }
  if (input.hostname !== undefined) device.hostname = checkText(input.hostname, 'hostname', path);
  if (input.platform !== undefined) device.platform = checkText(input.platform, 'platform', path);
}

/**
 * Copies the given fields of a register or update input onto the device, checking each. On
 * register a null is the default; on update a null clears an optional field and is refused for
 * a required one. `path` places a field in the request (default `["input", field]`).
 */
export async function applyDeviceInput(em: Em, device: Device, input: DeviceInput, creating: boolean, path: PathOf = inputPath): Promise<void> {
  applyIdentity(device, input, path);
  if (input.cores !== undefined && !(creating && input.cores === null)) {
    device.cores = positiveCount(required(input.cores, 'cores', path), path('cores'));
  }
  if (input.isVirtual !== undefined && !(creating && input.isVirtual === null)) {
    device.isVirtual = required(input.isVirtual, 'isVirtual', path);
    // a physical device has no host
    if (!device.isVirtual) device.hostDeviceId = null;
  }
  if (input.hostDeviceId !== undefined) {
    device.hostDeviceId = input.hostDeviceId === null ? null : await checkHost(em, device, input.hostDeviceId, path);
  }
  if (device.hostDeviceId !== null && !device.isVirtual) {
    throw new BadUserInputError('Only a virtual device (isVirtual: true) has a host', path('hostDeviceId'));
  }
  if (input.datacenterId !== undefined) {
    device.datacenterId = input.datacenterId === null ? null : await checkDatacenter(em, input.datacenterId, path);
  }
}
