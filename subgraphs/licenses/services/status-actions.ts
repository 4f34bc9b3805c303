import { ConflictError } from '../../../lib/errors';
import type { Em } from '../../../lib/orm';
import { nextCheckIn, renewedExpiry } from '../domain/limits';
import type { License } from '../entities/License';
import { recordLicenseChange } from './events';
import { findLicenseOrFail } from './licenses';
import { limitsOf, policyOf } from './limits';

export async function suspendLicense(em: Em, id: string): Promise<License> {
  const license = await findLicenseOrFail(em, id, { lock: true });
  if (license.suspended) throw new ConflictError('The license is already suspended', { reason: 'ALREADY_SUSPENDED' });
  license.suspended = true;
  recordLicenseChange(em, 'license.suspended', license);
  return license;
}

export async function reinstateLicense(em: Em, id: string): Promise<License> {
  const license = await findLicenseOrFail(em, id, { lock: true });
  if (!license.suspended) throw new ConflictError('The license is not suspended', { reason: 'NOT_SUSPENDED' });
  license.suspended = false;
  recordLicenseChange(em, 'license.reinstated', license);
  return license;
}

export async function revokeLicense(em: Em, id: string): Promise<License> {
  const license = await findLicenseOrFail(em, id, { lock: true });
  if (license.revoked) throw new ConflictError('The license is already revoked', { reason: 'ALREADY_REVOKED' });
  license.revoked = true;
  recordLicenseChange(em, 'license.revoked', license);
  return license;
}

/** Expiry extended by the duration from expiry, or from now when already expired (API.md). */
export async function renewLicense(em: Em, id: string, now = new Date()): Promise<License> {
  const license = await findLicenseOrFail(em, id, { lock: true });
  const { duration } = limitsOf(license, await policyOf(em, license));
  if (duration === null) throw new ConflictError('The license has no duration to renew by (it is perpetual)', { reason: 'NO_DURATION' });
  license.expiry = renewedExpiry(license.expiry, duration, now);
  recordLicenseChange(em, 'license.renewed', license);
  return license;
}

export async function checkInLicense(em: Em, id: string, now = new Date()): Promise<License> {
  const license = await findLicenseOrFail(em, id, { lock: true });
  const policy = await policyOf(em, license);
  if (!limitsOf(license, policy).requireCheckIn || !policy.checkInInterval) {
    throw new ConflictError('The license does not require check-ins', { reason: 'CHECK_IN_NOT_REQUIRED' });
  }
  license.lastCheckIn = now;
  license.nextCheckIn = nextCheckIn(now, policy.checkInInterval);
  recordLicenseChange(em, 'license.checked-in', license);
  return license;
}
