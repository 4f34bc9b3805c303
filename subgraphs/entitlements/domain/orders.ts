import { BadUserInputError } from '../../../lib/errors';
import type { CreditType, LicenseOrderInput } from '../generated/graphql';
import { isOrderedPeriod } from './validity';

/** Seats and uses are GraphQL `Int` on the credits: at most 2,147,483,647. */
export const MAX_COUNT = 2_147_483_647;

/** The largest quantity a line of each credit type may order (use time is int64 milliseconds). */
export const MAX_QUANTITY: Record<CreditType, number> = {
  SEAT_COUNT: MAX_COUNT,
  USE_COUNT: MAX_COUNT,
  USE_TIME: Number.MAX_SAFE_INTEGER,
};

/**
 * The checks of an order that need no database: at least one line; each quantity a positive whole
 * number within its credit type's range; each validity ending after it starts.
 */
export function checkOrderLines(input: LicenseOrderInput): void {
  if (input.lines.length === 0) throw new BadUserInputError('An order needs at least one line', ['input', 'lines']);
  input.lines.forEach((line, i) => {
    const path = ['input', 'lines', i];
    const max = MAX_QUANTITY[line.creditType];
    if (!Number.isInteger(line.quantity) || line.quantity <= 0 || line.quantity > max) {
      throw new BadUserInputError(`quantity must be a positive whole number of at most ${max}`, [...path, 'quantity']);
    }
    if (!isOrderedPeriod(line.orderValidFrom, line.orderValidUntil)) {
      throw new BadUserInputError('orderValidUntil must be after orderValidFrom', [...path, 'orderValidUntil']);
    }
  });
}
