import type { LicenseUpgradeResolvers } from '../generated/graphql';

export const LicenseUpgrade: LicenseUpgradeResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.licenseUpgrade.load(ref.id),
  license: (upgrade) => ({ id: upgrade.licenseId }),
  upgradedLicense: (upgrade) => ({ id: upgrade.upgradedLicenseId }),
};
