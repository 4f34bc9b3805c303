import { ConflictError } from '../../../lib/errors';
import { addDecimals, canonicalDecimal, divideDecimal } from './money';

/** What the licenses subgraph knows of a license that its costs need (read with @requires). */
export interface LicenseFacts {
  id: string;
  quantity: number | null;
  purchaseValue: string | null;
  purchaseCurrency: string | null;
  organizationId: string | null;
}

/** What a maintenance and support period contributes to the costs. */
export interface PeriodCosts {
  validFrom: Date | null;
  validTo: Date | null;
  maintenanceCost: string | null;
  supportCost: string | null;
  /** Null: in the license's purchase currency. */
  purchaseCurrency: string | null;
}

export interface CostTotals {
  purchaseCost: string;
  currentMaintenanceCost: string;
  accumulatedMaintenanceCost: string;
  currentSupportCost: string;
  accumulatedSupportCost: string;
  totalCost: string;
  currency: string | null;
}

/** The seed's "Get license costs" row: the costs one organization carries (the purchase cost named for the license). */
export interface LicenseCostRow extends Omit<CostTotals, 'purchaseCost'> {
  licenseId: string;
  organizationId: string | null;
  licenseQuantity: number | null;
  licensePurchaseCost: string;
}

/** The seed's "Get a license costs summary". */
export interface LicenseCostSummary extends CostTotals {
  licenseId: string;
  quantity: number | null;
  averageCostPerLicensePurchase: string | null;
}

/**
 * A period is current when its validity contains `now`: from validFrom (inclusive) to validTo
 * (exclusive, so that a period ending 2025-01-01T00:00Z and the next starting then never overlap).
 * A missing bound leaves that side open.
 */
export function isCurrentPeriod(period: Pick<PeriodCosts, 'validFrom' | 'validTo'>, now: Date): boolean {
  const t = now.getTime();
  return (period.validFrom === null || period.validFrom.getTime() <= t) && (period.validTo === null || t < period.validTo.getTime());
}

/**
 * The one currency of all the costs: the license's purchase currency, else the one the periods name.
 * Amounts in different currencies cannot be added, so a mix is a conflict rather than a wrong total.
 */
export function costCurrency(license: LicenseFacts, periods: ReadonlyArray<PeriodCosts>): string | null {
  let currency = license.purchaseCurrency;
  for (const period of periods) {
    if (period.purchaseCurrency === null) continue;
    if (currency === null) currency = period.purchaseCurrency;
    else if (period.purchaseCurrency !== currency) {
      throw new ConflictError(`The costs of license ${license.id} are in ${currency} and ${period.purchaseCurrency}; they cannot be added`, {
        licenseId: license.id, currencies: [currency, period.purchaseCurrency],
      });
    }
  }
  return currency;
}

/** Purchase, current and accumulated maintenance and support costs, and their exact total. */
export function costTotals(license: LicenseFacts, periods: ReadonlyArray<PeriodCosts>, now: Date): CostTotals {
  const currency = costCurrency(license, periods);
  const current = periods.filter((p) => isCurrentPeriod(p, now));
  const purchaseCost = canonicalDecimal(license.purchaseValue ?? '0');
  const accumulatedMaintenanceCost = addDecimals(periods.map((p) => p.maintenanceCost));
  const accumulatedSupportCost = addDecimals(periods.map((p) => p.supportCost));
  return {
    purchaseCost,
    currentMaintenanceCost: addDecimals(current.map((p) => p.maintenanceCost)),
    accumulatedMaintenanceCost,
    currentSupportCost: addDecimals(current.map((p) => p.supportCost)),
    accumulatedSupportCost,
    totalCost: addDecimals([purchaseCost, accumulatedMaintenanceCost, accumulatedSupportCost]),
    currency,
  };
}

export function costSummary(license: LicenseFacts, periods: ReadonlyArray<PeriodCosts>, now: Date): LicenseCostSummary {
  const totals = costTotals(license, periods, now);
  const average = license.quantity !== null && license.quantity > 0 ? divideDecimal(totals.purchaseCost, license.quantity, 4) : null;
  return { licenseId: license.id, quantity: license.quantity, ...totals, averageCostPerLicensePurchase: average };
}

/**
 * The cost rows per organization. Until the organization allocations of a license are projected
 * from the assignments subgraph, the organization that owns the license carries all of it.
 */
export function costRows(license: LicenseFacts, periods: ReadonlyArray<PeriodCosts>, now: Date): LicenseCostRow[] {
  const { purchaseCost, ...totals } = costTotals(license, periods, now);
  return [{ licenseId: license.id, organizationId: license.organizationId, licenseQuantity: license.quantity, licensePurchaseCost: purchaseCost, ...totals }];
}
