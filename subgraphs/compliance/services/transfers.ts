import type { FilterQuery } from '@mikro-orm/core';
import { owned } from '../../../lib/entity';
import { BadUserInputError } from '../../../lib/errors';
import { findByIdOrFail, findReferencedOrFail } from '../../../lib/find';
import { requireUuid } from '../../../lib/ids';
import { positiveCount } from '../../../lib/input';
import type { Em } from '../../../lib/orm';
import type { ConnectionArgs } from '../../../lib/pagination';
import { findConnection } from '../../../lib/query';
import type { Caller } from '../../../lib/tenancy';
import { compareIds } from '../domain/coverage';
import { Application } from '../entities/Application';
import { LicenseTransfer } from '../entities/LicenseTransfer';
import { Metric } from '../entities/Metric';
import type { ComputerLicenseTransferInput, CustomValueLicenseTransferInput, UserLicenseTransferInput } from '../generated/graphql';
import { recordComplianceEvent } from './events';
import { TRANSFER_FILTER_FIELDS } from './filters';
import { optionalUuid, useRights } from './input-checks';
import { applicationIdOrFail } from './tracking';

type CommonInput = Omit<UserLicenseTransferInput, 'userId'>;

/** The fields that every kind of transfer shares, checked: two different applications of the account, a metric, flags. */
async function commonFields(em: Em, input: CommonInput) {
  const metric = await findReferencedOrFail(em, Metric, input.metricId, 'Metric', ['input', 'metricId']);
  const from = await findReferencedOrFail(em, Application, input.fromApplicationId, 'Application', ['input', 'fromApplicationId']);
  const to = await findReferencedOrFail(em, Application, input.toApplicationId, 'Application', ['input', 'toApplicationId']);
  if (from.id === to.id) throw new BadUserInputError('toApplicationId must differ from fromApplicationId: a transfer covers another application', ['input', 'toApplicationId']);
  // one transfer moves either to a later version or to an earlier one
  if (input.isUpgrade && input.isDowngrade) throw new BadUserInputError('isDowngrade cannot be true together with isUpgrade', ['input', 'isDowngrade']);
  return {
    metricId: metric.id, fromApplicationId: from.id, toApplicationId: to.id,
    licenseId: requireUuid(input.licenseId, ['input', 'licenseId']),
    organizationId: optionalUuid(input.organizationId, ['input', 'organizationId']),
    isUpgrade: input.isUpgrade ?? false, isDowngrade: input.isDowngrade ?? false,
    isCrossEdition: input.isCrossEdition ?? false, isCrossPlatform: input.isCrossPlatform ?? false,
    quantity: input.quantity == null ? 1 : positiveCount(input.quantity, ['input', 'quantity']),
  };
}

function persistTransfer(em: Em, caller: Caller, fields: Partial<LicenseTransfer>): LicenseTransfer {
  const row = owned(Object.assign(new LicenseTransfer(), fields), caller);
  em.persist(row);
  recordComplianceEvent(em, 'license-transfer.created', 'LicenseTransfer', row, { fromApplicationId: row.fromApplicationId, toApplicationId: row.toApplicationId });
  return row;
}

/** Records a transfer on a computer (seed 003 application license transfers for a computer). */
export async function addComputerLicenseTransfer(em: Em, caller: Caller, input: ComputerLicenseTransferInput) {
  const fields = await commonFields(em, input);
  const row = persistTransfer(em, caller, { ...fields, computerId: requireUuid(input.computerId, ['input', 'computerId']) });
  return { ...row, computerId: row.computerId! };
}

/** Records a transfer for a user (seed 003 user license transfer details). */
export async function addUserLicenseTransfer(em: Em, caller: Caller, input: UserLicenseTransferInput) {
  const fields = await commonFields(em, input);
  const row = persistTransfer(em, caller, { ...fields, userId: requireUuid(input.userId, ['input', 'userId']) });
  return { ...row, userId: row.userId! };
}

/** Records a transfer for a custom compare value (seed 003 custom value license transfers), with its use rights. */
export async function addCustomValueLicenseTransfer(em: Em, caller: Caller, input: CustomValueLicenseTransferInput) {
  const fields = await commonFields(em, input);
  const customCompareValueId = requireUuid(input.customCompareValueId, ['input', 'customCompareValueId']);
  const row = persistTransfer(em, caller, { ...fields, customCompareValueId, useRights: useRights(input.useRights, ['input', 'useRights']) });
  return { ...row, customCompareValueId: row.customCompareValueId! };
}

export async function deleteLicenseTransfer(em: Em, id: string): Promise<string> {
  const row = await findByIdOrFail(em, LicenseTransfer, id, 'LicenseTransfer');
  recordComplianceEvent(em, 'license-transfer.deleted', 'LicenseTransfer', row, { fromApplicationId: row.fromApplicationId, toApplicationId: row.toApplicationId });
  em.remove(row);
  return row.id;
}

/** The transfers of an application: those that take a license from it and those that bring one to it. */
export async function ofApplication(em: Em, applicationId: string): Promise<FilterQuery<LicenseTransfer>> {
  const id = await applicationIdOrFail(em, applicationId);
  return { $or: [{ fromApplicationId: id }, { toApplicationId: id }] };
}

type Kind = 'computerId' | 'userId' | 'customCompareValueId';
interface TransferQuery { filter?: string | null; args: ConnectionArgs }

/** A page of one kind of transfer rows (oldest first); each has its kind's ID, which the query made sure of. */
export async function transfersOfKind<K extends Kind>(em: Em, kind: K, where: FilterQuery<LicenseTransfer>, q: TransferQuery) {
  const page = await findConnection(em, LicenseTransfer, {
    where: { $and: [{ [kind]: { $ne: null } }, where] } as FilterQuery<LicenseTransfer>,
    filter: q.filter, filterFields: TRANSFER_FILTER_FIELDS, orderBy: { createdAt: 'asc', id: 'asc' }, args: q.args,
  });
  return { ...page, edges: page.edges.map((e) => ({ ...e, node: { ...e.node, [kind]: e.node[kind]! } as LicenseTransfer & Record<K, string> })) };
}

export interface ApplicationLicenseTransferRow { licenseId: string; hasComputerTransfer: boolean; hasUserTransfer: boolean; hasCustomCompareValueTransfer: boolean }

/** The licenses with transfers from or to the application, by license ID (seed 003 Get application license transfers). */
export async function applicationLicenses(em: Em, where: FilterQuery<LicenseTransfer>): Promise<ApplicationLicenseTransferRow[]> {
  const rows = await em.find(LicenseTransfer, where, { fields: ['licenseId', 'computerId', 'userId', 'customCompareValueId'] });
  const byLicense = new Map<string, ApplicationLicenseTransferRow>();
  for (const row of rows) {
    const entry = byLicense.get(row.licenseId) ?? { licenseId: row.licenseId, hasComputerTransfer: false, hasUserTransfer: false, hasCustomCompareValueTransfer: false };
    entry.hasComputerTransfer ||= row.computerId !== null;
    entry.hasUserTransfer ||= row.userId !== null;
    entry.hasCustomCompareValueTransfer ||= row.customCompareValueId !== null;
    byLicense.set(entry.licenseId, entry);
  }
  return [...byLicense.values()].sort((a, b) => compareIds(a.licenseId, b.licenseId));
}
