import { BigIntType } from '@mikro-orm/core';
import { BaseEntity, baseProperties } from '../../../lib/entity';
import type { LicenseScope } from '../generated/graphql';

/**
 * What every credit has (seed 002 `LicenseCreditBase`): the license it is granted to, the order
 * line that granted it, and its validity. A null validFrom means the credit is not valid.
 */
export abstract class LicenseCredit extends BaseEntity {
  licenseId!: string;
  licenseOrderLineId: string | null = null;
  validFrom: Date | null = null;
  validUntil: Date | null = null;
  active = true;
  allowedVersions: string | null = null;
  allowedVersionsDescription: string | null = null;
  scopeBindings: LicenseScope[] = [];
}

/** Spread into each credit's EntitySchema (typed by inference: the schema of each subclass checks it). */
export const creditProperties = {
  ...baseProperties,
  licenseId: { type: 'uuid', index: true },
  licenseOrderLineId: { type: 'uuid', nullable: true, index: true },
  validFrom: { type: 'datetime', nullable: true },
  validUntil: { type: 'datetime', nullable: true },
  active: { type: 'boolean' },
  allowedVersions: { type: 'string', nullable: true },
  allowedVersionsDescription: { type: 'text', nullable: true },
  scopeBindings: { type: 'json' },
} as const;

/** int64 quantities of the seed (milliseconds of use time) as JavaScript numbers: exact below 2^53. */
export const int64 = () => new BigIntType('number');
