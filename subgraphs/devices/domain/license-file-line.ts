import { ConflictError, BadUserInputError } from '../../../lib/errors';
import { isUuid } from '../../../lib/ids';
import { LicenseFileError, verifyLicenseFile, type LicenseFileErrorReason } from '../../../lib/license-file';
import type { DeviceLicenseLineInput } from '../generated/graphql';

/** What a verified license file installs: the license of the file and the device license line it becomes. */
export interface LicenseFileInstall {
  licenseId: string;
  line: DeviceLicenseLineInput;
}

/** The license of a file of checkOutLicense as far as a device needs it (`data.attributes`). */
interface LicenseAttributes {
  accountId?: unknown;
  name?: unknown;
  status?: unknown;
  expiry?: unknown;
  effectiveDate?: unknown;
  createdAt?: unknown;
  maxMachines?: unknown;
  metadata?: unknown;
}

const REFUSALS: Record<Exclude<LicenseFileErrorReason, 'MALFORMED' | 'DECRYPTION_FAILED'>, { reason: string; message: string }> = {
  BAD_SIGNATURE: { reason: 'LICENSE_FILE_SIGNATURE_INVALID', message: 'The license file is not signed with the account\'s key' },
  EXPIRED: { reason: 'LICENSE_FILE_EXPIRED', message: 'The license file has expired: check the license out again' },
  KEY_REQUIRED: { reason: 'LICENSE_FILE_ENCRYPTED', message: 'An encrypted license file cannot be installed: check the license out with encrypt: false' },
};
const REFUSED_STATUSES = new Set(['EXPIRED', 'SUSPENDED', 'BANNED']);

const notALicenseFile = (why: string) => new BadUserInputError(`licenseLocation holds no license file of checkOutLicense: ${why}`, ['licenseLocation']);
const day = (value: unknown): string | null => (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) ? value.slice(0, 10) : null);
const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value.trim() : null);

/**
 * The device license line of a license (seed 004 `object#license`): the feature is the license's `feature` metadata,
 * else its name; a license with an expiry is a `Paid Subscription` from its effective date (or creation) to its
 * expiry, one without is `Permanent`; it is node locked to the device (its UDI as vendor info), exclusive, counts
 * the license's machines and is kept in the primary license storage, not in use until the device uses it.
 */
export function licenseLineOf(licenseId: string, attributes: LicenseAttributes, udi: { productId: string; serialNumber: string } | null): DeviceLicenseLineInput {
  const metadata = (attributes.metadata ?? {}) as Record<string, unknown>;
  const version = text(metadata.version);
  const endDate = day(attributes.expiry);
  return {
    licenseId,
    feature: (text(metadata.feature) ?? text(attributes.name) ?? licenseId).slice(0, 255),
    version: version && /^\d+(\.\d+)*$/.test(version) ? version : null,
    licenseType: endDate ? 'Paid Subscription' : 'Permanent',
    startDate: day(attributes.effectiveDate) ?? day(attributes.createdAt),
    endDate,
    licenseState: 'Active, Not in Use',
    lockType: 'Node locked',
    vendorInfo: udi,
    licenseAddition: 'EXCLUSIVE',
    licenseCount: typeof attributes.maxMachines === 'number' && Number.isInteger(attributes.maxMachines) && attributes.maxMachines >= 0 ? attributes.maxMachines : 0,
    storageName: 'primary license storage',
  };
}

/**
 * Verifies a license file of checkOutLicense with the account's public key and returns what it installs. A file that
 * is not one is BAD_USER_INPUT; a file that does not verify, has expired or is encrypted, and a license of another
 * account or that is expired, suspended or banned, is a CONFLICT with its reason.
 */
export function verifiedLicenseFile(
  file: string, publicKey: string, accountId: string, udi: { productId: string; serialNumber: string } | null, now: Date,
): LicenseFileInstall {
  let data: unknown;
  try {
    data = verifyLicenseFile(file, publicKey, { now }).data;
  } catch (err) {
    if (!(err instanceof LicenseFileError)) throw err;
    if (err.reason === 'MALFORMED' || err.reason === 'DECRYPTION_FAILED') throw notALicenseFile(err.message);
    const { reason, message } = REFUSALS[err.reason];
    throw new ConflictError(message, { argumentPath: ['licenseLocation'], reason });
  }
  const { type, id, attributes } = (data ?? {}) as { type?: unknown; id?: unknown; attributes?: LicenseAttributes };
  if (type !== 'licenses' || typeof id !== 'string' || !isUuid(id) || typeof attributes !== 'object' || attributes === null) {
    throw notALicenseFile('its data is not a license');
  }
  if (attributes.accountId !== accountId) {
    throw new ConflictError('The license file is for another account', { argumentPath: ['licenseLocation'], reason: 'LICENSE_FILE_OTHER_ACCOUNT' });
  }
  const expired = typeof attributes.expiry === 'string' && Date.parse(attributes.expiry) < now.getTime();
  const status = expired ? 'EXPIRED' : attributes.status;
  if (typeof status === 'string' && REFUSED_STATUSES.has(status)) {
    throw new ConflictError(`The license of the file is ${status.toLowerCase()}`, { argumentPath: ['licenseLocation'], reason: `LICENSE_${status}` });
  }
  return { licenseId: id, line: licenseLineOf(id, attributes, udi) };
}
