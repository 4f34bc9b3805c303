import type { FilterQuery } from '@mikro-orm/core';
import { owned } from '../../../lib/entity';
import { BadUserInputError } from '../../../lib/errors';
import { findByIdOrFail, findReferencedOrFail } from '../../../lib/find';
import { requireUuid } from '../../../lib/ids';
import { type ArgumentPath, argumentName } from '../../../lib/input';
import type { Em } from '../../../lib/orm';
import type { ConnectionArgs } from '../../../lib/pagination';
import { findConnection } from '../../../lib/query';
import type { Caller } from '../../../lib/tenancy';
import { Application } from '../entities/Application';
import { LicenseTracking } from '../entities/LicenseTracking';
import { Metric } from '../entities/Metric';
import type { ComputerLicenseTrackingInput, UserLicenseTrackingInput } from '../generated/graphql';
import { recordComplianceEvent } from './events';
import { optionalUuid, useRights } from './input-checks';
import { TRACKING_FILTER_FIELDS } from './filters';

/** A counter of a tracking row: a whole number, at least 0, 0 when not given. */
function counter(value: number | null | undefined, path: ArgumentPath): number {
  if (value === null || value === undefined) return 0;
  if (!Number.isInteger(value) || value < 0) throw new BadUserInputError(`${argumentName(path)} must be a whole number of at least 0`, path);
  return value;
}

type CommonInput = Omit<UserLicenseTrackingInput, 'userId'>;

/** The fields that computer and user rows share, checked, with the application that the path names. */
async function commonFields(em: Em, applicationId: string, input: CommonInput) {
  const application = await findByIdOrFail(em, Application, applicationId, 'Application');
  const metric = await findReferencedOrFail(em, Metric, input.metricId, 'Metric', ['input', 'metricId']);
  return {
    applicationId: application.id, metricId: metric.id,
    licenseId: optionalUuid(input.licenseId, ['input', 'licenseId']),
    organizationId: optionalUuid(input.organizationId, ['input', 'organizationId']),
    coverageTrait: counter(input.coverageTrait, ['input', 'coverageTrait']),
    initialRequirement: counter(input.initialRequirement, ['input', 'initialRequirement']),
    receivedCoverage: counter(input.receivedCoverage, ['input', 'receivedCoverage']),
    primaryUseRights: useRights(input.primaryUseRights, ['input', 'primaryUseRights']),
    fullUseRights: useRights(input.fullUseRights, ['input', 'fullUseRights']),
  };
}

function persistTracking(em: Em, caller: Caller, fields: Partial<LicenseTracking>): LicenseTracking {
  const row = owned(Object.assign(new LicenseTracking(), fields), caller);
  em.persist(row);
  recordComplianceEvent(em, 'license-tracking.created', 'LicenseTracking', row, { applicationId: row.applicationId });
  return row;
}

/** Records an installation of the application on a computer (seed 003 computer license tracking). */
export async function addComputerLicenseTracking(em: Em, caller: Caller, applicationId: string, input: ComputerLicenseTrackingInput) {
  const fields = await commonFields(em, applicationId, input);
  const computerId = requireUuid(input.computerId, ['input', 'computerId']);
  // without its own requirement the row requires what it initially did
  const requirement = input.requirement == null ? fields.initialRequirement : counter(input.requirement, ['input', 'requirement']);
  return persistTracking(em, caller, { ...fields, computerId, requirement });
}

/** Records a user of the application (seed 003 user license tracking); the seed's user row has no own requirement. */
export async function addUserLicenseTracking(em: Em, caller: Caller, applicationId: string, input: UserLicenseTrackingInput) {
  const fields = await commonFields(em, applicationId, input);
  const userId = requireUuid(input.userId, ['input', 'userId']);
  return persistTracking(em, caller, { ...fields, userId, requirement: fields.initialRequirement });
}

export async function deleteLicenseTracking(em: Em, id: string): Promise<string> {
  const row = await findByIdOrFail(em, LicenseTracking, id, 'LicenseTracking');
  recordComplianceEvent(em, 'license-tracking.deleted', 'LicenseTracking', row, { applicationId: row.applicationId });
  em.remove(row);
  return row.id;
}

interface TrackingQuery { filter?: string | null; args: ConnectionArgs }

function trackingRows(em: Em, ofKind: FilterQuery<LicenseTracking>, where: FilterQuery<LicenseTracking>, q: TrackingQuery) {
  return findConnection(em, LicenseTracking, {
    where: { $and: [ofKind, where] }, filter: q.filter, filterFields: TRACKING_FILTER_FIELDS, orderBy: { createdAt: 'asc', id: 'asc' }, args: q.args,
  });
}

/** A page of computer tracking rows (oldest first); each has its computer, which the query made sure of. */
export async function computerTracking(em: Em, where: FilterQuery<LicenseTracking>, q: TrackingQuery) {
  const page = await trackingRows(em, { computerId: { $ne: null } }, where, q);
  return { ...page, edges: page.edges.map((e) => ({ ...e, node: { ...e.node, computerId: e.node.computerId! } })) };
}

/** A page of user tracking rows (oldest first). */
export async function userTracking(em: Em, where: FilterQuery<LicenseTracking>, q: TrackingQuery) {
  const page = await trackingRows(em, { userId: { $ne: null } }, where, q);
  return { ...page, edges: page.edges.map((e) => ({ ...e, node: { ...e.node, userId: e.node.userId! } })) };
}

/** The application that an `applicationId` argument names (NOT_FOUND otherwise), as stored. */
export async function applicationIdOrFail(em: Em, applicationId: string): Promise<string> {
  return (await findByIdOrFail(em, Application, applicationId, 'Application')).id;
}

export interface ApplicationLicenseTrackingRow { licenseId: string; hasComputerTracking: boolean; hasUserTracking: boolean }

/** The licenses that cover tracking rows of the application, by license ID (seed 003 application license tracking details). */
export async function applicationLicenses(em: Em, applicationId: string): Promise<ApplicationLicenseTrackingRow[]> {
  const rows = await em.find(LicenseTracking, { applicationId, licenseId: { $ne: null } }, { fields: ['licenseId', 'computerId', 'userId'] });
  const byLicense = new Map<string, ApplicationLicenseTrackingRow>();
  for (const row of rows) {
    const entry = byLicense.get(row.licenseId!) ?? { licenseId: row.licenseId!, hasComputerTracking: false, hasUserTracking: false };
    entry.hasComputerTracking ||= row.computerId !== null;
    entry.hasUserTracking ||= row.userId !== null;
    byLicense.set(entry.licenseId, entry);
  }
  return [...byLicense.values()].sort((a, b) => (a.licenseId < b.licenseId ? -1 : a.licenseId > b.licenseId ? 1 : 0));
}
