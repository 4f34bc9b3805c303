import { EntitySchema } from '@mikro-orm/core';
import { creditProperties, LicenseCredit } from './credit';

/** Uses granted to a license for a validity period (seed 002 `UseCountCredit`). */
export class UseCountCredit extends LicenseCredit {
  useCount!: number;
  countUsed = 0;
}

export const UseCountCreditSchema = new EntitySchema<UseCountCredit>({
  class: UseCountCredit,
  tableName: 'entitlements_use_count_credit',
  properties: {
    ...creditProperties,
    useCount: { type: 'integer' },
    countUsed: { type: 'integer' },
  },
});
