import { findConnection } from '../../../lib/query';
import { Application } from '../entities/Application';
import { ExtendedCoverage } from '../entities/ExtendedCoverage';
import { ExtendedCoverageType } from '../entities/ExtendedCoverageType';
import { MaintenancePeriod } from '../entities/MaintenancePeriod';
import { Metric } from '../entities/Metric';
import type { QueryResolvers } from '../generated/graphql';
import { PERIOD_ORDER } from '../loaders';
import {
  APPLICATION_FILTER_FIELDS, EXTENDED_COVERAGE_FILTER_FIELDS, EXTENDED_COVERAGE_TYPE_FILTER_FIELDS, MAINTENANCE_PERIOD_FILTER_FIELDS,
} from '../services/filters';

export const Query: QueryResolvers = {
  applications: (_, args, { em }) =>
    findConnection(em, Application, { filter: args.filter, filterFields: APPLICATION_FILTER_FIELDS, orderBy: { name: 'asc', id: 'asc' }, args }),
  application: (_, { id }, { loaders }) => loaders.application.load(id),
  metrics: (_, args, { em }) => findConnection(em, Metric, { orderBy: { name: 'asc', id: 'asc' }, args }),
  metric: (_, { id }, { loaders }) => loaders.metric.load(id),
  maintenancePeriods: (_, args, { em }) =>
    findConnection(em, MaintenancePeriod, { filter: args.filter, filterFields: MAINTENANCE_PERIOD_FILTER_FIELDS, orderBy: PERIOD_ORDER, args }),
  extendedCoverageTypes: (_, args, { em }) =>
    findConnection(em, ExtendedCoverageType, { filter: args.filter, filterFields: EXTENDED_COVERAGE_TYPE_FILTER_FIELDS, orderBy: { name: 'asc', id: 'asc' }, args }),
  extendedCoverages: (_, args, { em }) =>
    findConnection(em, ExtendedCoverage, { filter: args.filter, filterFields: EXTENDED_COVERAGE_FILTER_FIELDS, orderBy: { createdAt: 'asc', id: 'asc' }, args }),
  extendedCoverage: (_, { coverageId }, { loaders }) => loaders.extendedCoverage.load(coverageId),
};
