import { owned } from '../../../lib/entity';
import { BadUserInputError, ConflictError } from '../../../lib/errors';
import { findByIdOrFail } from '../../../lib/find';
import { requireUuid } from '../../../lib/ids';
import type { Em } from '../../../lib/orm';
import type { Caller } from '../../../lib/tenancy';
import { MaintenancePeriod } from '../entities/MaintenancePeriod';
import type { MaintenancePeriodInput } from '../generated/graphql';
import { recordComplianceEvent } from './events';
import { checkCurrency, checkMoney, checkOptionalText } from './input-checks';

type Path = ReadonlyArray<string | number>;
type PeriodFields = Omit<MaintenancePeriod, 'id' | 'accountId' | 'createdAt' | 'updatedAt' | 'licenseId'>;

/** The period's fields from an input (seed 003: every field optional), checked; `path` points at the input. */
export function periodFields(input: MaintenancePeriodInput, path: Path): PeriodFields {
  const at = (field: string) => [...path, field];
  const validFrom = input.validFrom ?? null;
  const validTo = input.validTo ?? null;
  if (validFrom && validTo && validTo.getTime() <= validFrom.getTime()) {
    throw new BadUserInputError('validTo must be after validFrom', at('validTo'));
  }
  return {
    agreementPeriodId: input.agreementPeriodId ? requireUuid(input.agreementPeriodId, at('agreementPeriodId')) : null,
    validFrom,
    validTo,
    hasUpgradeRights: input.hasUpgradeRights ?? false,
    invoiceReference: checkOptionalText(input.invoiceReference, at('invoiceReference')),
    notes: checkOptionalText(input.notes, at('notes'), 4000),
    maintenanceCost: checkMoney(input.maintenanceCost, at('maintenanceCost')),
    supportCost: checkMoney(input.supportCost, at('supportCost')),
    purchaseCurrency: checkCurrency(input.purchaseCurrency, at('purchaseCurrency')),
  };
}

/**
 * All periods of a license are in one currency, or their costs could not be added. Checked on write
 * against the other periods (the license's own currency is only known at read time, by the costs).
 * Two concurrent writes could still disagree: the costs then answer CONFLICT rather than a wrong sum.
 */
function otherCurrency(currency: string | null, others: ReadonlyArray<{ purchaseCurrency: string | null }>): string | null {
  if (currency === null) return null;
  return others.find((p) => p.purchaseCurrency !== null && p.purchaseCurrency !== currency)?.purchaseCurrency ?? null;
}

function checkSameCurrencyAsStored(currency: string | null, stored: ReadonlyArray<MaintenancePeriod>): void {
  const other = otherCurrency(currency, stored);
  if (other) throw new ConflictError(`The license's other periods are in ${other}, not ${currency}`, { argumentPath: ['input', 'purchaseCurrency'] });
}

function newPeriod(em: Em, caller: Caller, licenseId: string, fields: PeriodFields): MaintenancePeriod {
  const period = owned(Object.assign(new MaintenancePeriod(), fields, { licenseId }), caller);
  em.persist(period);
  recordComplianceEvent(em, 'maintenance-period.created', 'MaintenancePeriod', period, { licenseId });
  return period;
}

function removePeriods(em: Em, periods: MaintenancePeriod[]): void {
  for (const period of periods) {
    recordComplianceEvent(em, 'maintenance-period.deleted', 'MaintenancePeriod', period, { licenseId: period.licenseId });
    em.remove(period);
  }
}

/** Seed 003 Add maintenance and support period. The license is another subgraph's: only its ID is checked. */
export async function addMaintenancePeriod(em: Em, caller: Caller, licenseId: string, input: MaintenancePeriodInput): Promise<MaintenancePeriod> {
  const license = requireUuid(licenseId, ['licenseId']);
  const fields = periodFields(input, ['input']);
  checkSameCurrencyAsStored(fields.purchaseCurrency, await em.find(MaintenancePeriod, { licenseId: license }));
  return newPeriod(em, caller, license, fields);
}

/** Seed 003 Replace maintenance and support periods: the license's periods become exactly `inputs`. */
export async function replaceMaintenancePeriods(em: Em, caller: Caller, licenseId: string, inputs: MaintenancePeriodInput[]): Promise<MaintenancePeriod[]> {
  const license = requireUuid(licenseId, ['licenseId']);
  const fields = inputs.map((input, i) => periodFields(input, ['inputs', i]));
  fields.forEach((f, i) => {
    if (otherCurrency(f.purchaseCurrency, fields.slice(0, i))) {
      throw new BadUserInputError('All periods of a license must be in one currency', ['inputs', i, 'purchaseCurrency']);
    }
  });
  removePeriods(em, await em.find(MaintenancePeriod, { licenseId: license }));
  return fields.map((f) => newPeriod(em, caller, license, f));
}

/** Seed 003 Delete maintenance and support periods: how many were removed. */
export async function deleteMaintenancePeriods(em: Em, licenseId: string): Promise<number> {
  const periods = await em.find(MaintenancePeriod, { licenseId: requireUuid(licenseId, ['licenseId']) });
  removePeriods(em, periods);
  return periods.length;
}

/** Seed 003 Replace maintenance and support period: every field is replaced, those left out cleared. */
export async function replaceMaintenancePeriod(em: Em, id: string, input: MaintenancePeriodInput): Promise<MaintenancePeriod> {
  const period = await findByIdOrFail(em, MaintenancePeriod, id, 'MaintenancePeriod');
  const fields = periodFields(input, ['input']);
  const others = await em.find(MaintenancePeriod, { licenseId: period.licenseId, id: { $ne: period.id } });
  checkSameCurrencyAsStored(fields.purchaseCurrency, others);
  Object.assign(period, fields);
  recordComplianceEvent(em, 'maintenance-period.updated', 'MaintenancePeriod', period, { licenseId: period.licenseId });
  return period;
}

/** Seed 003 Delete maintenance and support period: the ID of the removed period. */
export async function deleteMaintenancePeriod(em: Em, id: string): Promise<string> {
  const period = await findByIdOrFail(em, MaintenancePeriod, id, 'MaintenancePeriod');
  removePeriods(em, [period]);
  return period.id;
}
