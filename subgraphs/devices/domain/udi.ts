import { randomInt } from 'node:crypto';
import { BadUserInputError } from '../../../lib/errors';

/** A UDI as seed 004 shows it: `PID:SN`, e.g. `CSR1000V:9DHICRRBJEL`. */
export interface Udi {
  productId: string;
  serialNumber: string;
  udi: string;
}

// The UDI joins PID and SN with `:`, so neither may contain one; PIDs look like `AS54XM-AC-RPS`.
const PRODUCT_ID = /^[A-Za-z0-9][A-Za-z0-9._/+-]{0,63}$/;
const SERIAL_NUMBER = /^[A-Za-z0-9]{1,64}$/;

export function udiOf(productId: string | null, serialNumber: string | null): Udi | null {
  if (!productId || !serialNumber) return null;
  return { productId, serialNumber, udi: `${productId}:${serialNumber}` };
}

export function checkProductId(value: string, argumentPath: ReadonlyArray<string | number>): string {
  if (!PRODUCT_ID.test(value)) {
    throw new BadUserInputError('A product ID has 1 to 64 letters, digits or . _ / + - (no ":"), starting with a letter or digit', argumentPath);
  }
  return value;
}

export function checkSerialNumber(value: string, argumentPath: ReadonlyArray<string | number>): string {
  if (!SERIAL_NUMBER.test(value)) throw new BadUserInputError('A serial number has 1 to 64 letters or digits', argumentPath);
  return value;
}

const SERIAL_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
/** Serial numbers in the seed have 10-11 characters (`JAE948QX12`, `9DHICRRBJEL`). */
export const GENERATED_SERIAL_LENGTH = 11;

/** A random serial number for a new UDI (seed 004 POST /api/v1/license/udi), from a CSPRNG. */
export function generateSerialNumber(): string {
  let serial = '';
  for (let i = 0; i < GENERATED_SERIAL_LENGTH; i++) serial += SERIAL_ALPHABET[randomInt(SERIAL_ALPHABET.length)];
  return serial;
}
