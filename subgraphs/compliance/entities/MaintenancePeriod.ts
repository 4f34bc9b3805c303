import { EntitySchema } from '@mikro-orm/core';
import { BaseEntity, baseProperties } from '../../../lib/entity';

/** A maintenance and support period of a license (seed 003); the license lives in the licenses subgraph. */
export class MaintenancePeriod extends BaseEntity {
  licenseId!: string;
  agreementPeriodId: string | null = null;
  validFrom: Date | null = null;
  validTo: Date | null = null;
  hasUpgradeRights = false;
  invoiceReference: string | null = null;
  notes: string | null = null;
  maintenanceCost: string | null = null;
  supportCost: string | null = null;
  /** Null: the costs are in the license's purchase currency. */
  purchaseCurrency: string | null = null;
}

/**
 * Money columns are decimal(15,4): 15 significant digits are exact both in PostgreSQL's numeric and
 * in SQLite, which stores NUMERIC values as doubles (exact to 15 significant digits only).
 */
export const MONEY_COLUMN = { type: 'decimal', precision: 15, scale: 4, nullable: true } as const;

export const MaintenancePeriodSchema = new EntitySchema<MaintenancePeriod>({
  class: MaintenancePeriod,
  tableName: 'compliance_maintenance_period',
  properties: {
    ...baseProperties,
    licenseId: { type: 'uuid', index: true },
    agreementPeriodId: { type: 'uuid', nullable: true },
    validFrom: { type: 'datetime', nullable: true },
    validTo: { type: 'datetime', nullable: true },
    hasUpgradeRights: { type: 'boolean' },
    invoiceReference: { type: 'string', length: 255, nullable: true },
    notes: { type: 'text', nullable: true },
    maintenanceCost: MONEY_COLUMN,
    supportCost: MONEY_COLUMN,
    purchaseCurrency: { type: 'string', length: 3, nullable: true },
  },
});
