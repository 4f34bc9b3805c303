import type { LicenseUpgradeResolvers } from '../generated/graphql';
import { loadByUuid } from '../loaders';

export const LicenseUpgrade: LicenseUpgradeResolvers = {
  __resolveReference: (ref, { loaders }) => loadByUuid(loaders.licenseUpgrade, ref.id),
  license: (upgrade) => ({ id: upgrade.licenseId }),
  upgradedLicense: (upgrade) => ({ id: upgrade.upgradedLicenseId }),
};
