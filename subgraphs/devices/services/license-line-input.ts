import { BadUserInputError } from '../../../lib/errors';
import { requireUuid } from '../../../lib/ids';
import { nonNegative, requiredText } from '../../../lib/input';
import { checkDuration, checkHexVersion, parseLicenseDate } from '../domain/license-line';
import { checkProductId, checkSerialNumber } from '../domain/udi';
import type { DeviceLicenseLine } from '../entities/DeviceLicenseLine';
import type { DeviceLicenseLineInput } from '../generated/graphql';

const MAX_TEXT = 255;
type LineFields = Omit<DeviceLicenseLine, 'id' | 'accountId' | 'createdAt' | 'updatedAt' | 'deviceId' | 'index'>;

function at(field: string, ...rest: string[]): string[] {
  return ['input', field, ...rest];
}

function text(value: string, field: string): string {
  return requiredText(value, at(field), MAX_TEXT);
}

/** Optional, but not blank when given. */
function optionalText(value: string | null | undefined, field: string): string | null {
  return value === null || value === undefined ? null : text(value, field);
}

/** Seed 004 gives start/end dates to non-evaluation licenses and evaluation periods to evaluation ones. */
export function isEvaluationLicenseType(licenseType: string): boolean {
  return /eval/i.test(licenseType);
}

function checkKindRules(line: LineFields): void {
  const evaluation = isEvaluationLicenseType(line.licenseType);
  if (evaluation && (line.startDate || line.endDate)) {
    throw new BadUserInputError('Start and end dates belong to non-evaluation licenses', at(line.startDate ? 'startDate' : 'endDate'));
  }
  const periods = ['evaluationPeriod', 'evaluationPeriodLeft', 'evaluationPeriodUsed', 'evaluationExpiryDate'] as const;
  const given = periods.find((field) => line[field] !== null);
  if (!evaluation && given) throw new BadUserInputError(`${given} belongs to evaluation licenses`, at(given));
  if (line.startDate && line.endDate && line.endDate < line.startDate) {
    throw new BadUserInputError('endDate is before startDate', at('endDate'));
  }
}

function durations(input: DeviceLicenseLineInput): Pick<LineFields, 'evaluationPeriod' | 'evaluationPeriodLeft' | 'evaluationPeriodUsed'> {
  const one = (field: 'evaluationPeriod' | 'evaluationPeriodLeft' | 'evaluationPeriodUsed') =>
    input[field] === null || input[field] === undefined ? null : checkDuration(input[field], at(field));
  return { evaluationPeriod: one('evaluationPeriod'), evaluationPeriodLeft: one('evaluationPeriodLeft'), evaluationPeriodUsed: one('evaluationPeriodUsed') };
}

function vendorInfo(input: DeviceLicenseLineInput): Pick<LineFields, 'vendorProductId' | 'vendorSerialNumber'> {
  if (!input.vendorInfo) return { vendorProductId: null, vendorSerialNumber: null };
  return {
    vendorProductId: checkProductId(input.vendorInfo.productId, at('vendorInfo', 'productId')),
    vendorSerialNumber: checkSerialNumber(input.vendorInfo.serialNumber, at('vendorInfo', 'serialNumber')),
  };
}

/** Checks a license line input against seed 004's value rules and returns the line's fields. */
export function licenseLineFields(input: DeviceLicenseLineInput): LineFields {
  // checked only: the line keeps the license ID as given
  if (input.licenseId) requireUuid(input.licenseId, at('licenseId'));
  if (input.version && !/^\d+(\.\d+)*$/.test(input.version)) {
    throw new BadUserInputError('version is a number such as 1.0', at('version'));
  }
  const line: LineFields = {
    licenseId: input.licenseId ?? null,
    feature: text(input.feature, 'feature'),
    version: input.version ?? null,
    licenseType: text(input.licenseType, 'licenseType'),
    startDate: input.startDate ? parseLicenseDate(input.startDate, at('startDate')) : null,
    endDate: input.endDate ? parseLicenseDate(input.endDate, at('endDate')) : null,
    licenseState: text(input.licenseState, 'licenseState'),
    ...durations(input),
    evaluationExpiryDate: input.evaluationExpiryDate ?? null,
    lockType: optionalText(input.lockType, 'lockType'),
    ...vendorInfo(input),
    licenseAddition: input.licenseAddition ?? null,
    licenseGenerationVersion: input.licenseGenerationVersion ? checkHexVersion(input.licenseGenerationVersion, at('licenseGenerationVersion')) : null,
    licenseCount: nonNegative(input.licenseCount, at('licenseCount')) ?? 0,
    licensePriority: input.licensePriority ?? null,
    storeIndex: nonNegative(input.storeIndex, at('storeIndex')),
    storageName: optionalText(input.storageName, 'storageName'),
  };
  checkKindRules(line);
  return line;
}
