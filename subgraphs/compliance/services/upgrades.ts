import { owned } from '../../../lib/entity';
import { BadUserInputError, ConflictError } from '../../../lib/errors';
import { requireUuid } from '../../../lib/ids';
import { positiveCount } from '../../../lib/input';
import type { Em } from '../../../lib/orm';
import type { Caller } from '../../../lib/tenancy';
import { LicenseUpgrade } from '../entities/LicenseUpgrade';
import type { LicenseUpgradeInput } from '../generated/graphql';
import { recordComplianceEvent } from './events';

/** Records that `quantity` units of a license upgrade `upgradedQuantity` units of another (seed 003 license upgrades). */
export async function addLicenseUpgrade(em: Em, caller: Caller, licenseId: string, input: LicenseUpgradeInput): Promise<LicenseUpgrade> {
  const license = requireUuid(licenseId, ['licenseId']);
  const upgradedLicenseId = requireUuid(input.upgradedLicenseId, ['input', 'upgradedLicenseId']);
  if (upgradedLicenseId === license) throw new BadUserInputError('A license cannot upgrade itself', ['input', 'upgradedLicenseId']);
  const upgrade = owned(Object.assign(new LicenseUpgrade(), {
    licenseId: license, upgradedLicenseId,
    quantity: positiveCount(input.quantity, ['input', 'quantity']),
    upgradedQuantity: positiveCount(input.upgradedQuantity, ['input', 'upgradedQuantity']),
  }), caller);
  // the unique (account, license, upgraded license) index also stops a concurrent duplicate at commit
  if (await em.count(LicenseUpgrade, { licenseId: license, upgradedLicenseId })) {
    throw new ConflictError('This license already upgrades that license', { argumentPath: ['input', 'upgradedLicenseId'] });
  }
  em.persist(upgrade);
  recordComplianceEvent(em, 'license-upgrade.created', 'LicenseUpgrade', upgrade, { licenseId: license });
  return upgrade;
}
