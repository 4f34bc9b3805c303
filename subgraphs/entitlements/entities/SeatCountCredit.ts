import { EntitySchema } from '@mikro-orm/core';
import { creditProperties, LicenseCredit } from './credit';

/** Seats granted to a license for a validity period (seed 002 `SeatCountCredit`). */
export class SeatCountCredit extends LicenseCredit {
  seatCount!: number;
  seatsConsumed = 0;
}

export const SeatCountCreditSchema = new EntitySchema<SeatCountCredit>({
  class: SeatCountCredit,
  tableName: 'entitlements_seat_count_credit',
  properties: {
    ...creditProperties,
    seatCount: { type: 'integer' },
    seatsConsumed: { type: 'integer' },
  },
});
