import type { QueryOrderMap } from '@mikro-orm/core';
import { byIdLoader, filteredByParentLoaders } from '../../lib/loaders';
import type { Em } from '../../lib/orm';
import { Application } from './entities/Application';
import { ExtendedCoverage } from './entities/ExtendedCoverage';
import { ExtendedCoverageType } from './entities/ExtendedCoverageType';
import { LicenseUpgrade } from './entities/LicenseUpgrade';
import { MaintenancePeriod } from './entities/MaintenancePeriod';
import { Metric } from './entities/Metric';
import { complianceFactsLoader } from './services/compliance';
import { LICENSE_UPGRADE_FILTER_FIELDS, MAINTENANCE_PERIOD_FILTER_FIELDS } from './services/filters';

/** Oldest period first; NULLS FIRST spelled out because SQLite and PostgreSQL disagree by default. */
export const PERIOD_ORDER: QueryOrderMap<MaintenancePeriod> = { validFrom: 'asc nulls first', createdAt: 'asc', id: 'asc' };
export const UPGRADE_ORDER: QueryOrderMap<LicenseUpgrade> = { createdAt: 'asc', id: 'asc' };

/** The request-scoped loaders of the compliance subgraph (made by createContext, once per request). */
export function createLoaders(em: Em) {
  return {
    application: byIdLoader(em, Application),
    metric: byIdLoader(em, Metric),
    maintenancePeriod: byIdLoader(em, MaintenancePeriod),
    licenseUpgrade: byIdLoader(em, LicenseUpgrade),
    extendedCoverage: byIdLoader(em, ExtendedCoverage),
    extendedCoverageType: byIdLoader(em, ExtendedCoverageType),
    periodsByLicense: filteredByParentLoaders(em, MaintenancePeriod, 'licenseId', PERIOD_ORDER, MAINTENANCE_PERIOD_FILTER_FIELDS),
    upgradesByLicense: filteredByParentLoaders(em, LicenseUpgrade, 'licenseId', UPGRADE_ORDER, LICENSE_UPGRADE_FILTER_FIELDS),
    complianceFacts: complianceFactsLoader(em),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
