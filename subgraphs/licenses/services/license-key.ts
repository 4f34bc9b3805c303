import { randomBytes } from 'crypto';
import { BadUserInputError } from '../../../lib/errors';

/** 15 random bytes = 120 bits, rendered as 30 hex characters in 5 groups of 6. */
const KEY_BYTES = 15;
const GROUP_LENGTH = 6;
/** The version suffix of the reference format; a future key format gets a new suffix, not a new shape. */
const KEY_VERSION = 'V3';
const MAX_GIVEN_KEY_LENGTH = 255;
/** Printable ASCII without space: keys travel in URLs, headers and license files unescaped. */
const PRINTABLE_ASCII = /^[\x21-\x7E]+$/;
const KEY_ARGUMENT_PATH = ['input', 'key'] as const;

/** Matches the keys `generateLicenseKey` makes, e.g. `6DFB15-6597FC-B7DBB6-E34DAB-9D77C0-V3`. */
export const LICENSE_KEY_PATTERN = /^[0-9A-F]{6}(?:-[0-9A-F]{6}){4}-V3$/;

/** A new random license key in the reference format (120 bits from the CSPRNG). */
export function generateLicenseKey(): string {
  const hex = randomBytes(KEY_BYTES).toString('hex').toUpperCase();
  const groups: string[] = [];
  for (let i = 0; i < hex.length; i += GROUP_LENGTH) {
    groups.push(hex.slice(i, i + GROUP_LENGTH));
  }
  groups.push(KEY_VERSION);
  return groups.join('-');
}

/**
 * A key chosen by the caller (e.g. migrated from another system): any printable ASCII is kept as
 * is, since rewriting it (case, dashes) would break the copies customers already hold.
 */
export function normalizeGivenKey(key: string): string {
  const trimmed = key.trim();
  if (trimmed.length === 0) {
    throw new BadUserInputError('The license key must not be empty', KEY_ARGUMENT_PATH);
  }
  if (trimmed.length > MAX_GIVEN_KEY_LENGTH) {
    throw new BadUserInputError(
      `The license key must be at most ${MAX_GIVEN_KEY_LENGTH} characters long`,
      KEY_ARGUMENT_PATH,
    );
  }
  if (!PRINTABLE_ASCII.test(trimmed)) {
    throw new BadUserInputError(
      'The license key may contain only printable ASCII characters without spaces',
      KEY_ARGUMENT_PATH,
    );
  }
  return trimmed;
}
