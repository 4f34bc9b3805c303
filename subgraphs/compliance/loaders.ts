import DataLoader from 'dataloader';
import type { EntityName, QueryOrderMap } from '@mikro-orm/core';
import type { FilterFields } from '../../lib/filter';
import { isUuid } from '../../lib/ids';
import { byIdLoader, byParentLoader } from '../../lib/loaders';
import type { Em } from '../../lib/orm';
import { filterCondition } from '../../lib/query';
import { Application } from './entities/Application';
import { ExtendedCoverage } from './entities/ExtendedCoverage';
import { ExtendedCoverageType } from './entities/ExtendedCoverageType';
import { LicenseUpgrade } from './entities/LicenseUpgrade';
import { MaintenancePeriod } from './entities/MaintenancePeriod';
import { Metric } from './entities/Metric';
import { LICENSE_UPGRADE_FILTER_FIELDS, MAINTENANCE_PERIOD_FILTER_FIELDS } from './services/filters';

/** Oldest period first; NULLS FIRST spelled out because SQLite and PostgreSQL disagree by default. */
export const PERIOD_ORDER: QueryOrderMap<MaintenancePeriod> = { validFrom: 'asc nulls first', createdAt: 'asc', id: 'asc' };
export const UPGRADE_ORDER: QueryOrderMap<LicenseUpgrade> = { createdAt: 'asc', id: 'asc' };

/**
 * Child rows grouped by a parent column, with the seed's `filter` applied in SQL: one loader per
 * distinct filter text, each answering every parent of a tick with one query. The filter is
 * compiled when the loader is made, so a bad filter fails the field with BAD_USER_INPUT.
 */
function filteredByParentLoaders<T extends object>(
  em: Em, entity: EntityName<T>, parentKey: keyof T & string, orderBy: QueryOrderMap<T>, fields: FilterFields,
): (filter?: string | null) => DataLoader<string, T[]> {
  const loaders = new Map<string, DataLoader<string, T[]>>();
  return (filter) => {
    const key = filter?.trim() ?? '';
    let loader = loaders.get(key);
    if (!loader) {
      loader = byParentLoader(em, entity, parentKey, orderBy, filterCondition<T>(em, key, fields));
      loaders.set(key, loader);
    }
    return loader;
  };
}

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
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/** A row by ID through its loader; an ID that is not a UUID names no row (and must not reach a uuid column). */
export function loadByUuid<T>(loader: DataLoader<string, T | null>, id: string): Promise<T | null> | null {
  return isUuid(id) ? loader.load(id.toLowerCase()) : null;
}
