import { BadUserInputError } from '../../../lib/errors';

/**
 * ISO-8601 durations as seed 004 writes them: PnYnMnDTnHnMnS, where devices also mix in weeks
 * (`P0Y0M8W4D`), which strict ISO-8601 keeps apart. At least one component; no dangling `T`.
 */
const DURATION = /^P(?:\d+Y)?(?:\d+M)?(?:\d+W)?(?:\d+D)?(?:T(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d+)?S)?)?$/;

export function isIsoDuration(value: string): boolean {
  return DURATION.test(value) && value !== 'P' && !value.endsWith('T');
}

/** Devices report `0000-00-00` for a license without that date (seed 004 example); stored as null. */
export const NO_DATE = '0000-00-00';

/** A YYYY-MM-DD calendar date (refusing overflow such as 2024-02-30), or null for `0000-00-00`. */
export function parseLicenseDate(value: string, argumentPath: ReadonlyArray<string | number>): string | null {
  if (value === NO_DATE) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!match || !date || date.getUTCMonth() !== Number(match[2]) - 1 || date.getUTCDate() !== Number(match[3])) {
    throw new BadUserInputError(`Expected a date in YYYY-MM-DD format, got ${JSON.stringify(value)}`, argumentPath);
  }
  return value;
}

export function checkDuration(value: string, argumentPath: ReadonlyArray<string | number>): string {
  if (!isIsoDuration(value)) {
    throw new BadUserInputError(`Expected an ISO-8601 duration such as P0Y0M8W4D or P0Y0M0DT3H6M, got ${JSON.stringify(value)}`, argumentPath);
  }
  return value;
}

/** `license-generation-version`: the version of the license generated, in hex (`0x8200000`). */
export function checkHexVersion(value: string, argumentPath: ReadonlyArray<string | number>): string {
  if (!/^0x[0-9a-fA-F]{1,16}$/.test(value)) {
    throw new BadUserInputError(`Expected a hexadecimal version such as 0x8200000, got ${JSON.stringify(value)}`, argumentPath);
  }
  return value;
}

/**
 * The properties that `detail: false` leaves out (seed 004 GET /api/v1/license?detail=false shows
 * a summary): a summary keeps what identifies the line and its state (index, feature, version,
 * type, state, count).
 */
export const DETAIL_ONLY_FIELDS = [
  'startDate', 'endDate', 'evaluationPeriod', 'evaluationPeriodLeft', 'evaluationPeriodUsed', 'evaluationExpiryDate',
  'lockType', 'vendorProductId', 'vendorSerialNumber', 'licenseAddition', 'licenseGenerationVersion',
  'licensePriority', 'storeIndex', 'storageName',
] as const;

/** A copy of the line with the detail-only properties set to null (the original stays untouched). */
export function summaryOf<T extends Record<(typeof DETAIL_ONLY_FIELDS)[number], unknown>>(line: T): T {
  const summary = Object.assign(Object.create(Object.getPrototypeOf(line) as object) as T, line);
  for (const field of DETAIL_ONLY_FIELDS) (summary as Record<string, unknown>)[field] = null;
  return summary;
}
