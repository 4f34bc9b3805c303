import { canonicalDecimal } from '../domain/money';
import type { MaintenancePeriodResolvers } from '../generated/graphql';

// PostgreSQL prints numeric(15,4) with four decimals, SQLite as the shortest number: one form for clients
const money = (value: string | number | null) => (value === null ? null : canonicalDecimal(String(value)));

export const MaintenancePeriod: MaintenancePeriodResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.maintenancePeriod.load(ref.id),
  license: (period) => ({ id: period.licenseId }),
  maintenanceCost: (period) => money(period.maintenanceCost),
  supportCost: (period) => money(period.supportCost),
};
