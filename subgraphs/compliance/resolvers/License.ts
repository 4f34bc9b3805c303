import { connectionFromArray } from '../../../lib/pagination';
import { costRows, costSummary, type LicenseCostRow, type LicenseFacts } from '../domain/costs';
import { filterRows } from '../domain/row-filter';
import type { MaintenancePeriod } from '../entities/MaintenancePeriod';
import type { LicenseResolvers, ResolversParentTypes } from '../generated/graphql';
import type { Context } from '../context';
import { LICENSE_COST_FILTER_FIELDS } from '../services/filters';

type LicenseParent = ResolversParentTypes['License'];

/**
 * The license's facts from its representation: the gateway sends the @requires fields as JSON,
 * untouched by our scalars, so each is read defensively (a Decimal may arrive as a number).
 */
function facts(license: LicenseParent): LicenseFacts {
  const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : null);
  return {
    id: license.id,
    quantity: typeof license.quantity === 'number' ? license.quantity : null,
    purchaseValue: text(license.purchaseValue),
    purchaseCurrency: text(license.purchaseCurrency),
    organizationId: text(license.organizationId)?.toLowerCase() ?? null,
  };
}

/** The periods of the license, batched across licenses (a key that is not a UUID has none). */
function periodsOf(license: LicenseParent, filter: string | null | undefined, { loaders }: Context): Promise<MaintenancePeriod[]> {
  return loaders.periodsByLicense(filter).load(license.id);
}

async function costRowsOf(license: LicenseParent, ctx: Context) {
  return costRows(facts(license), await periodsOf(license, null, ctx), new Date());
}

/** A cost row as GraphQL `LicenseCost`: its organization is a reference the gateway resolves in the licenses subgraph. */
function toLicenseCost(row: LicenseCostRow) {
  return { ...row, organization: row.organizationId ? { id: row.organizationId } : null };
}

function upgradesOf(license: LicenseParent, filter: string | null | undefined, { loaders }: Context) {
  return loaders.upgradesByLicense(filter).load(license.id);
}

export const License: LicenseResolvers = {
  // no local row: the reference (with the @requires fields when the gateway sends them) is the parent
  __resolveReference: (ref) => ref,
  maintenancePeriods: async (license, { filter, ...page }, ctx) => connectionFromArray(await periodsOf(license, filter, ctx), page),
  costs: async (license, { filter, ...page }, ctx) =>
    connectionFromArray(filterRows(await costRowsOf(license, ctx), filter, LICENSE_COST_FILTER_FIELDS).map(toLicenseCost), page),
  costsForOrganization: async (license, { organizationId }, ctx) => {
    const row = (await costRowsOf(license, ctx)).find((r) => r.organizationId === organizationId.toLowerCase());
    return row ? toLicenseCost(row) : null;
  },
  costsSummary: async (license, _, ctx) => costSummary(facts(license), await periodsOf(license, null, ctx), new Date()),
  upgrades: async (license, { filter, ...page }, ctx) => connectionFromArray(await upgradesOf(license, filter, ctx), page),
  upgrade: async (license, { upgradedLicenseId }, ctx) =>
    (await upgradesOf(license, null, ctx)).find((u) => u.upgradedLicenseId === upgradedLicenseId.toLowerCase()) ?? null,
};
