import { EntitySchema } from '@mikro-orm/core';
import { creditProperties, int64, LicenseCredit } from './credit';

/** Use time granted to a license for a validity period (seed 002 `UseTimeCredit`), in milliseconds. */
export class UseTimeCredit extends LicenseCredit {
  useTime!: number;
  timeUsed = 0;
}

export const UseTimeCreditSchema = new EntitySchema<UseTimeCredit>({
  class: UseTimeCredit,
  tableName: 'entitlements_use_time_credit',
  properties: {
    ...creditProperties,
    useTime: { type: int64() },
    timeUsed: { type: int64() },
  },
});
