import { ForbiddenError } from '../../../lib/errors';
import { LICENSE_CLIENT_SCOPE, type LicenseKeyResolver } from '../../../lib/auth';
import type { Orm } from '../../../lib/orm';
import type { Caller } from '../../../lib/tenancy';
import { License } from '../entities/License';

/**
 * `Authorization: License <key>`: a client application acting for the one license whose key it
 * holds, in that license's account, with the `license:client` scope only. The key is looked up
 * across accounts (the caller's account is what the key tells).
 */
export function licenseKeyResolver(orm: Orm): LicenseKeyResolver {
  return async (key) => {
    const license = await orm.em.fork().findOne(License, { key }, { filters: false });
    if (!license) return null;
    return { kind: 'license', accountId: license.accountId, subject: `license:${license.id}`, scopes: new Set([LICENSE_CLIENT_SCOPE]), licenseId: license.id };
  };
}

/** Whether the caller may see or act on this license: a license-key caller its own only (token callers are bound by scopes). */
export function mayAccessLicense(caller: Caller, licenseId: string): boolean {
  return caller.kind !== 'license' || caller.licenseId === licenseId;
}

/** A license-key caller may act on its own license only (token callers are bound by scopes). */
export function assertLicenseAccess(caller: Caller, licenseId: string): void {
  if (!mayAccessLicense(caller, licenseId)) {
    throw new ForbiddenError('A license key may act on its own license only');
  }
}
