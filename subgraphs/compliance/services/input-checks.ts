import { BadUserInputError } from '../../../lib/errors';
import { requireUuid } from '../../../lib/ids';
import { argumentName, requiredText, type ArgumentPath } from '../../../lib/input';
import { canonicalDecimal, decimalDigits } from '../domain/money';

// Intl knows the ISO 4217 codes (active and historic); the regex guards runtimes without the list.
const CURRENCIES = new Set<string>(typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('currency') : []);

/** Optional text of at most `max` characters; blank becomes null. */
export function checkOptionalText(value: string | null | undefined, path: ArgumentPath, max = 255): string | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  if (value.length > max) throw new BadUserInputError(`${argumentName(path)} must have at most ${max} characters`, path);
  return value.trim();
}

/** An ISO 4217 currency code such as USD. */
export function checkCurrency(value: string | null | undefined, path: ArgumentPath): string | null {
  if (value === null || value === undefined) return null;
  const known = CURRENCIES.size === 0 ? /^[A-Z]{3}$/.test(value) : CURRENCIES.has(value);
  if (!known) throw new BadUserInputError(`${argumentName(path)} must be an ISO 4217 currency code such as USD, got ${JSON.stringify(value)}`, path);
  return value;
}

/** Money of a decimal(15,4) column: non-negative, at most 11 integer digits and 4 decimals. */
export function checkMoney(value: string | null | undefined, path: ArgumentPath): string | null {
  if (value === null || value === undefined) return null;
  const digits = decimalDigits(value);
  const field = argumentName(path);
  if (digits.negative) throw new BadUserInputError(`${field} cannot be negative`, path);
  if (digits.integer > 11 || digits.fraction > 4) {
    throw new BadUserInputError(`${field} must have at most 11 digits before the point and 4 after it`, path);
  }
  return canonicalDecimal(value);
}

const MAX_RIGHTS = 20;

/** Use rights of a tracking or transfer row (e.g. `NamedComputer`): at most 20, each 1 to 100 characters. */
export function useRights(values: readonly string[] | null | undefined, path: ArgumentPath): string[] {
  if (!values) return [];
  if (values.length > MAX_RIGHTS) throw new BadUserInputError(`${argumentName(path)} must have at most ${MAX_RIGHTS} rights`, path);
  return values.map((value, i) => requiredText(value, [...path, i], 100));
}

/** An optional UUID argument, as stored (lower case); null when not given. */
export const optionalUuid = (value: string | null | undefined, path: ArgumentPath) => (value == null ? null : requireUuid(value, path));
