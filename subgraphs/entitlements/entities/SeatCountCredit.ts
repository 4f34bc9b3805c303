import { EntitySchema } from '@mikro-orm/core';
import { creditProperties, LicenseCredit } from './credit';

/**
 * Seats granted to a license for a validity period (seed 002 `SeatCountCredit`). The seats consumed are not a
 * column: they are the live consumption sessions charged to the credit (a session ends without a write when its
 * leases expire, so a counter would go stale).
 */
export class SeatCountCredit extends LicenseCredit {
  seatCount!: number;
}

export const SeatCountCreditSchema = new EntitySchema<SeatCountCredit>({
  class: SeatCountCredit,
  tableName: 'entitlements_seat_count_credit',
  properties: {
    ...creditProperties,
    seatCount: { type: 'integer' },
  },
});
