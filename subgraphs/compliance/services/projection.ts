import { randomUUID } from 'node:crypto';
import type { EntityName, RequiredEntityData } from '@mikro-orm/core';
import type { BusEvent } from '../../../lib/events/bus';
import type { WorkerFactory } from '../../../lib/events/worker';
import type { Em, Orm } from '../../../lib/orm';
import { isUuid } from '../../../lib/ids';
import type { AssignmentKind } from '../domain/coverage';
import { ProjectedAssignment } from '../entities/ProjectedAssignment';
import { ProjectedLicense } from '../entities/ProjectedLicense';

/** The durable consumer group (and worker) that keeps the compliance projection of licenses and assignments. */
export const COMPLIANCE_PROJECTION_GROUP = 'compliance-projection';

/** The assignments subgraph's entity types and the kind and target column of each. */
const ASSIGNMENT_TYPES: Record<string, [AssignmentKind, string]> = {
  ComputerAssignment: ['COMPUTER', 'computerId'],
  DatacenterAssignment: ['DATACENTER', 'datacenterId'],
  OrganizationAssignment: ['ORGANIZATION', 'organizationId'],
  SiteAssignment: ['SITE', 'organizationId'],
  UserAssignment: ['USER', 'userId'],
};

type Data = Record<string, unknown>;

const uuidOrNull = (value: unknown) => (typeof value === 'string' && isUuid(value) ? value.toLowerCase() : null);
const intOrNull = (value: unknown) => (typeof value === 'number' && Number.isInteger(value) ? value : null);
const flag = (value: unknown) => value === true;

/** Event payloads went through JSON: instants are ISO strings. */
function instant(value: unknown): Date | null {
  if (typeof value !== 'string' && !(value instanceof Date)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** The license facts of a `license.*` event's `data` (the license after the change). */
function licenseFacts(data: Data): Partial<ProjectedLicense> {
  return {
    organizationId: uuidOrNull(data.organizationId),
    applicationId: uuidOrNull(data.applicationId),
    metricId: uuidOrNull(data.metricId),
    quantity: intOrNull(data.quantity),
    isSubscription: flag(data.isSubscription),
    subscriptionValidFrom: instant(data.subscriptionValidFrom),
    subscriptionValidTo: instant(data.subscriptionValidTo),
    isUpgrade: flag(data.isUpgrade),
    isDowngrade: flag(data.isDowngrade),
    isCrossEdition: flag(data.isCrossEdition),
    isCrossPlatform: flag(data.isCrossPlatform),
    recordStatus: data.recordStatus === 'ARCHIVED' ? 'ARCHIVED' : 'ACTIVE',
  };
}

function assignmentFacts(data: Data, [kind, target]: [AssignmentKind, string]): Partial<ProjectedAssignment> | null {
  const licenseId = uuidOrNull(data.licenseId);
  const assignedAt = instant(data.createdAt);
  if (!licenseId || !assignedAt) return null;
  return {
    licenseId, kind, targetId: uuidOrNull(data[target]), quantity: intOrNull(data.quantity) ?? 0,
    assignedAt, batchPosition: intOrNull(data.batchPosition) ?? 0,
  };
}

/**
 * Writes the state an event carries unless the row already holds the state of this event or a later one of the
 * same source: one conditional upsert, so duplicates (same event, same seq) and late older events change nothing,
 * also when two consumers race. Rows are keyed by (account, entity): an event only ever touches its own account.
 */
async function upsert<T extends ProjectedLicense | ProjectedAssignment>(
  em: Em, entity: EntityName<T>, key: 'licenseId' | 'assignmentId', event: BusEvent, facts: Partial<T>,
): Promise<void> {
  const now = new Date();
  const state = { ...facts, deleted: event.type.endsWith('.deleted'), sourceSeq: event.seq, eventId: event.eventId, updatedAt: now };
  const row = { id: randomUUID(), accountId: event.accountId, [key]: event.entityId.toLowerCase(), createdAt: now, ...state };
  await em.createQueryBuilder(entity)
    .insert(row as RequiredEntityData<T>)
    .onConflict(['accountId', key] as never)
    .merge(Object.keys(state) as never)
    .where({ sourceSeq: { $lt: event.seq } } as never)
    .execute();
}

/** Applies one bus event to the projection; events of other sources and kinds are not for it. */
export async function applyProjectionEvent(orm: Orm, event: BusEvent): Promise<void> {
  const data = (event.payload.data ?? null) as Data | null;
  if (!data || !isUuid(event.entityId) || !isUuid(event.accountId)) return;
  // a row of the event's own account only: an event whose data names another account is not trusted
  if (data.accountId !== undefined && data.accountId !== event.accountId) return;
  // the in-process bus runs this inside the publishing subgraph's work: its context is not ours
  const em = orm.em.fork({ disableContextResolution: true });
  if (event.source === 'licenses' && event.entityType === 'License' && event.type.startsWith('license.')) {
    await upsert(em, ProjectedLicense, 'licenseId', event, licenseFacts(data));
    return;
  }
  const assignmentType = ASSIGNMENT_TYPES[event.entityType];
  if (event.source === 'assignments' && assignmentType && event.type.startsWith('assignment.')) {
    const facts = assignmentFacts(data, assignmentType);
    if (facts) await upsert(em, ProjectedAssignment, 'assignmentId', event, facts);
  }
}

/** The consumer of the bus (group `compliance-projection`) that keeps the projection. */
export const complianceProjectionWorkers: WorkerFactory = ({ orm, bus }) =>
  bus.consume(COMPLIANCE_PROJECTION_GROUP, (event) => applyProjectionEvent(orm, event));
