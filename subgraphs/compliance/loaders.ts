import DataLoader from 'dataloader';
import type { EntityName, FilterQuery, QueryOrderMap } from '@mikro-orm/core';
import type { FilterFields } from '../../lib/filter';
import { byIdLoader } from '../../lib/loaders';
import type { Em } from '../../lib/orm';
import { filterCondition } from '../../lib/query';
import { Application } from './entities/Application';
import { ExtendedCoverage } from './entities/ExtendedCoverage';
import { ExtendedCoverageType } from './entities/ExtendedCoverageType';
import { LicenseUpgrade } from './entities/LicenseUpgrade';
import { MaintenancePeriod } from './entities/MaintenancePeriod';
import { Metric } from './entities/Metric';
import { LICENSE_UPGRADE_FILTER_FIELDS, MAINTENANCE_PERIOD_FILTER_FIELDS } from './services/filters';
import { isUuid } from './services/input-checks';

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
      const condition = filterCondition<T>(em, key, fields);
      loader = new DataLoader<string, T[]>(async (parentIds) => {
        const byParent = { [parentKey]: { $in: [...parentIds] } } as FilterQuery<T>;
        const rows = await em.find(entity, (condition ? { $and: [byParent, condition] } : byParent) as FilterQuery<T>, { orderBy });
        const groups = new Map<string, T[]>(parentIds.map((id) => [id, []]));
        for (const row of rows) groups.get(String(row[parentKey]))?.push(row);
        return parentIds.map((id) => groups.get(id) ?? []);
      });
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
