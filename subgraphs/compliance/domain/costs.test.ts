import { costRows, costSummary, costTotals, isCurrentPeriod, type LicenseFacts, type PeriodCosts } from './costs';

const NOW = new Date('2025-06-01T00:00:00Z');
const license: LicenseFacts = { id: 'L1', quantity: 3, purchaseValue: '1000.10', purchaseCurrency: 'USD', organizationId: 'O1' };

function period(from: string | null, to: string | null, maintenanceCost: string | null, supportCost: string | null, purchaseCurrency: string | null = null): PeriodCosts {
  return { validFrom: from ? new Date(from) : null, validTo: to ? new Date(to) : null, maintenanceCost, supportCost, purchaseCurrency };
}

const past = period('2024-01-01T00:00:00Z', '2025-01-01T00:00:00Z', '100.20', '50.05');
const current = period('2025-01-01T00:00:00Z', '2026-01-01T00:00:00Z', '120.30', '60.10');
const future = period('2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z', '130.40', null);

describe('isCurrentPeriod', () => {
  test('contains now between its bounds, validFrom inclusive and validTo exclusive', () => {
    expect(isCurrentPeriod(current, NOW)).toBe(true);
    expect(isCurrentPeriod(past, NOW)).toBe(false);
    expect(isCurrentPeriod(future, NOW)).toBe(false);
    expect(isCurrentPeriod(current, new Date('2025-01-01T00:00:00Z'))).toBe(true);
    expect(isCurrentPeriod(past, new Date('2025-01-01T00:00:00Z'))).toBe(false);
  });
  test('a missing bound is open', () => {
    expect(isCurrentPeriod(period(null, '2025-07-01T00:00:00Z', null, null), NOW)).toBe(true);
    expect(isCurrentPeriod(period('2025-07-01T00:00:00Z', null, null, null), NOW)).toBe(false);
    expect(isCurrentPeriod(period(null, null, null, null), NOW)).toBe(true);
  });
});

describe('costTotals', () => {
  test('current is the periods containing now, accumulated all periods, total = purchase + accumulated', () => {
    expect(costTotals(license, [past, current, future], NOW)).toEqual({
      purchaseCost: '1000.1',
      currentMaintenanceCost: '120.3',
      accumulatedMaintenanceCost: '350.9',
      currentSupportCost: '60.1',
      accumulatedSupportCost: '110.15',
      totalCost: '1461.15',
      currency: 'USD',
    });
  });
  test('a license without purchase value nor periods costs 0', () => {
    const bare = { ...license, purchaseValue: null, purchaseCurrency: null };
    expect(costTotals(bare, [], NOW)).toMatchObject({ purchaseCost: '0', totalCost: '0', currency: null });
  });
  test('the currency of the periods applies when the license has none', () => {
    expect(costTotals({ ...license, purchaseCurrency: null }, [current, period(null, null, '1', null, 'EUR')], NOW).currency).toBe('EUR');
  });
  test('periods in another currency than the purchase are a CONFLICT, not a wrong total', () => {
    expect(() => costTotals(license, [period(null, null, '1', null, 'EUR')], NOW)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'CONFLICT' }) }));
  });
});

describe('costSummary', () => {
  test('averages the purchase cost over the quantity, rounded half up to 4 decimals', () => {
    expect(costSummary(license, [current], NOW)).toEqual({
      licenseId: 'L1', quantity: 3, purchaseCost: '1000.1', currentMaintenanceCost: '120.3', accumulatedMaintenanceCost: '120.3',
      currentSupportCost: '60.1', accumulatedSupportCost: '60.1', totalCost: '1180.5', averageCostPerLicensePurchase: '333.3667', currency: 'USD',
    });
  });
  test('has no average without a positive quantity', () => {
    expect(costSummary({ ...license, quantity: null }, [], NOW).averageCostPerLicensePurchase).toBeNull();
    expect(costSummary({ ...license, quantity: 0 }, [], NOW).averageCostPerLicensePurchase).toBeNull();
  });
});

test('costRows gives the owning organization the whole license', () => {
  expect(costRows(license, [past, current], NOW)).toEqual([{
    licenseId: 'L1', organizationId: 'O1', licenseQuantity: 3, licensePurchaseCost: '1000.1',
    currentMaintenanceCost: '120.3', accumulatedMaintenanceCost: '220.5', currentSupportCost: '60.1', accumulatedSupportCost: '110.15',
    totalCost: '1330.75', currency: 'USD',
  }]);
});
