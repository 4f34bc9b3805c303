import type { QueryOrderMap } from '@mikro-orm/core';
import type DataLoader from 'dataloader';
import { connectionFromArray, type Connection, type ConnectionArgs } from '../../../lib/pagination';
import type { FilteredLoaders } from '../../../lib/loaders';
import type { LicenseAssignment } from '../entities/assignment-columns';
import type { License } from '../entities/License';
import type { Loaders } from '../loaders';
import type { AssignmentKind } from './assignment-kinds';
import { ASSIGNMENT_ORDER } from './assignments';
import { consumptionOf } from './consumption';
import { assignedQuantity, overAssignedIds, unassignedQuantity } from './over-assignment';

export interface ListArgs extends ConnectionArgs {
  filter?: string | null;
}

/**
 * A per-parent list of assignments: without a filter from the parent's loader, with one from the
 * request's filtered loaders (the filter compiled to SQL); either way one query for every parent
 * of the request, paged in memory.
 */
export async function assignmentConnection<T extends LicenseAssignment, I>(
  filtered: FilteredLoaders, kind: Pick<AssignmentKind<T, I>, 'entity' | 'filterFields'>, loader: DataLoader<string, T[]>,
  parent: { column: keyof T & string; id: string }, args: ListArgs,
): Promise<Connection<T>> {
  const source = args.filter?.trim()
    ? filtered(kind.entity, parent.column, ASSIGNMENT_ORDER as QueryOrderMap<T>, kind.filterFields, args.filter)
    : loader;
  return connectionFromArray(await source.load(parent.id), args);
}

/**
 * A License representation from the gateway: its `@requires` fields are kept for this request,
 * so that assignments read under it know the license's quantity and VM rights.
 */
export function rememberLicense(loaders: Loaders, reference: License & { __typename?: string }): License {
  const { __typename: _typename, ...sent } = reference;
  const license: License = { ...loaders.licenseFacts.get(sent.id), ...sent };
  loaders.licenseFacts.set(license.id, license);
  return license;
}

/** A fact about an assignment's license, or null when no representation of it came with this request. */
export function licenseFact<K extends Exclude<keyof License, 'id'>>(loaders: Loaders, licenseId: string, fact: K): NonNullable<License[K]> | null {
  return loaders.licenseFacts.get(licenseId)?.[fact] ?? null;
}

/** `[OVER_ASSIGNMENT]`, `[]`, or null when the license's quantity is not known in this request. */
export async function invalidAssignmentReasons(loaders: Loaders, assignment: LicenseAssignment): Promise<Array<'OVER_ASSIGNMENT'> | null> {
  if (loaders.licenseFacts.get(assignment.licenseId)?.quantity === undefined) return null;
  const flagged = await loaders.overAssigned.load(assignment.licenseId);
  return flagged.has(assignment.id) ? ['OVER_ASSIGNMENT'] : [];
}

/** Seed "Get license assignments summary", with the quantities the license's quantity allows. */
export async function assignmentSummary(loaders: Loaders, license: License) {
  const [consumption, organizations, sites] = await Promise.all([
    consumptionOf(loaders, license.id),
    loaders.organizationsByLicense.load(license.id),
    loaders.sitesByLicense.load(license.id),
  ]);
  const quantity = license.quantity ?? null;
  return {
    licenseId: license.id,
    hasOrganizationAssignment: organizations.length > 0,
    hasComputerAssignment: consumption.some((c) => c.kind === 'computer'),
    hasUserAssignment: consumption.some((c) => c.kind === 'user'),
    hasSiteAssignment: sites.length > 0,
    hasDatacenterAssignment: consumption.some((c) => c.kind === 'datacenter'),
    assignedQuantity: assignedQuantity(consumption),
    unassignedQuantity: unassignedQuantity(consumption, quantity),
    invalidAssignments: overAssignedIds(consumption, quantity).size,
  };
}
