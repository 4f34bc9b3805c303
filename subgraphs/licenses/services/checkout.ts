import { wrap } from '@mikro-orm/core';
import { ConflictError } from '../../../lib/errors';
import type { Em } from '../../../lib/orm';
import type { Caller } from '../../../lib/tenancy';
import { computeLicenseStatus } from '../domain/status';
import { LicenseMetadata } from '../entities/LicenseMetadata';
import { User } from '../entities/User';
import { signingKeyOf } from './accounts';
import { recordLicenseChange } from './events';
import { assertLicenseAccess } from './license-callers';
import { issueLicenseFile, type IssuedLicenseFile } from './license-file';
import { canonicalDecimal } from './license-input';
import { findLicenseOrFail } from './licenses';
import { limitsOf, policyOf } from './limits';

export interface CheckedOutFile extends IssuedLicenseFile {
  publicKey: string;
}

/**
 * Checks a license out as a signed file (API.md "offline license"): the payload's `data` is the
 * license with its effective limits; encrypted files can be read only with the license key.
 */
export async function checkOutLicense(em: Em, caller: Caller, id: string, ttl: number | null | undefined, encrypt: boolean | null | undefined, now = new Date()): Promise<CheckedOutFile> {
  assertLicenseAccess(caller, id);
  const license = await findLicenseOrFail(em, id);
  if (license.suspended || license.revoked) {
    throw new ConflictError('A suspended or revoked license cannot be checked out', { reason: license.suspended ? 'LICENSE_SUSPENDED' : 'LICENSE_REVOKED' });
  }
  const policy = await policyOf(em, license);
  const owner = license.userId ? await em.findOne(User, { id: license.userId }) : null;
  const metadata = await em.find(LicenseMetadata, { licenseId: license.id }, { orderBy: { key: 'asc' } });
  const { account, privateKeyPem } = await signingKeyOf(em, caller);
  const attributes = {
    ...wrap(license).toObject(),
    purchaseValue: canonicalDecimal(license.purchaseValue),
    ...limitsOf(license, policy),
    status: computeLicenseStatus({ ...license, ownerBanned: owner?.banned ?? false }, now),
    metadata: Object.fromEntries(metadata.map((m) => [m.key, m.value])),
  };
  const file = issueLicenseFile({
    data: { type: 'licenses', id: license.id, attributes },
    ttlSeconds: ttl ?? null,
    encryptWithKey: (encrypt ?? license.encrypted) ? license.key : null,
    privateKeyPem,
    now,
  });
  license.lastCheckOut = now;
  // the public key lets other subgraphs (devices) verify the file offline: they keep it from this event
  recordLicenseChange(em, 'license.checked-out', license, { ttl: file.ttl, publicKey: account.signingPublicKey });
  return { ...file, publicKey: account.signingPublicKey };
}
