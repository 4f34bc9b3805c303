/**
 * The compliance projection against a real database of every kind, without the gateway: the consumer's handler is
 * called with bus events as the relays publish them, duplicated, out of order and from other accounts.
 */
import { randomUUID } from 'node:crypto';
import type { BusEvent } from '../../../lib/events/bus';
import { openDatabase, type Orm } from '../../../lib/orm';
import { DATABASE_KINDS, freshDatabase, type TestDatabase } from '../../../test/testkit/databases';
import { ProjectedAssignment } from '../entities/ProjectedAssignment';
import { ProjectedLicense } from '../entities/ProjectedLicense';
import { complianceSubgraph } from '../index';
import { applyProjectionEvent } from './projection';

function event(accountId: string, fields: Partial<BusEvent> & Pick<BusEvent, 'type' | 'entityType' | 'entityId' | 'seq'>, data: Record<string, unknown>): BusEvent {
  return {
    eventId: randomUUID(), source: 'licenses', accountId, payload: { data: { id: fields.entityId, accountId, ...data } },
    occurredAt: new Date().toISOString(), ...fields,
  };
}

describe.each(DATABASE_KINDS)('compliance projection (%s)', (kind) => {
  let db: TestDatabase;
  let orm: Orm;
  const [account, otherAccount, app, metric, org] = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];

  beforeAll(async () => {
    db = await freshDatabase(kind);
    orm = await openDatabase({
      subgraph: 'compliance', entities: complianceSubgraph.entities, migrations: complianceSubgraph.migrations,
      databaseUrl: db.databaseUrl, sqlitePath: db.sqliteDir ? `${db.sqliteDir}/compliance.sqlite` : undefined,
    });
  });
  afterAll(async () => {
    await orm?.close(true);
    await db?.drop();
  });

  const licenseRows = (licenseId: string) => orm.em.fork().find(ProjectedLicense, { licenseId }, { filters: false, orderBy: { accountId: 'asc' } });
  const licenseEvent = (accountId: string, licenseId: string, seq: number, type: string, data: Record<string, unknown>) =>
    event(accountId, { type, entityType: 'License', entityId: licenseId, seq }, data);

  it('keeps the facts of the latest event of each license, whatever the order and duplicates of delivery', async () => {
    const licenseId = randomUUID();
    const created = licenseEvent(account, licenseId, 10, 'license.created', {
      applicationId: app.toUpperCase(), metricId: metric, organizationId: org, quantity: 5, isSubscription: true,
      subscriptionValidTo: '2025-01-01T00:00:00.000Z', isUpgrade: true, recordStatus: 'ACTIVE', key: 'K-1',
    });
    const updated = licenseEvent(account, licenseId, 12, 'license.updated', { applicationId: app, metricId: metric, organizationId: org, quantity: 8 });
    await applyProjectionEvent(orm, updated);
    await applyProjectionEvent(orm, created); // older: changes nothing
    await applyProjectionEvent(orm, updated); // the same event again: changes nothing
    const [row] = await licenseRows(licenseId);
    expect(row).toMatchObject({
      accountId: account, applicationId: app, metricId: metric, organizationId: org, quantity: 8, isSubscription: false,
      subscriptionValidTo: null, isUpgrade: false, recordStatus: 'ACTIVE', deleted: false, sourceSeq: 12, eventId: updated.eventId,
    });
    await applyProjectionEvent(orm, licenseEvent(account, licenseId, 13, 'license.deleted', { applicationId: app, quantity: 8 }));
    await applyProjectionEvent(orm, licenseEvent(account, licenseId, 11, 'license.updated', { applicationId: app, quantity: 99 }));
    expect(await licenseRows(licenseId)).toEqual([expect.objectContaining({ deleted: true, quantity: 8, sourceSeq: 13 })]);
  });

  it('keeps each account\'s facts apart, even for the same license ID', async () => {
    const licenseId = randomUUID();
    await applyProjectionEvent(orm, licenseEvent(account, licenseId, 20, 'license.created', { quantity: 1 }));
    await applyProjectionEvent(orm, licenseEvent(otherAccount, licenseId, 21, 'license.created', { quantity: 2 }));
    // data naming another account than the event is not trusted
    await applyProjectionEvent(orm, { ...licenseEvent(account, licenseId, 22, 'license.updated', { quantity: 3 }), payload: { data: { accountId: otherAccount, quantity: 3 } } });
    const rows = await licenseRows(licenseId);
    expect(rows.map((r) => [r.accountId, r.quantity]).sort()).toEqual([[account, 1], [otherAccount, 2]].sort());
  });

  it('keeps assignments with their kind and target, and ignores events that are not for it', async () => {
    const [licenseId, assignmentId, computerId] = [randomUUID(), randomUUID(), randomUUID()];
    const data = { licenseId, computerId, quantity: 2, batchPosition: 1, createdAt: '2025-03-01T10:00:00.000Z' };
    await applyProjectionEvent(orm, event(account, { source: 'assignments', type: 'assignment.created', entityType: 'ComputerAssignment', entityId: assignmentId, seq: 5 }, data));
    await applyProjectionEvent(orm, event(account, { source: 'assignments', type: 'assignment.updated', entityType: 'ComputerAssignment', entityId: assignmentId, seq: 6 }, { ...data, quantity: 3 }));
    // another source, an unknown entity type: not projected
    await applyProjectionEvent(orm, event(account, { source: 'devices', type: 'assignment.updated', entityType: 'ComputerAssignment', entityId: assignmentId, seq: 9 }, { ...data, quantity: 7 }));
    await applyProjectionEvent(orm, event(account, { source: 'assignments', type: 'assignment.updated', entityType: 'Machine', entityId: randomUUID(), seq: 10 }, data));
    const rows = await orm.em.fork().find(ProjectedAssignment, { licenseId }, { filters: false });
    expect(rows).toEqual([expect.objectContaining({
      accountId: account, assignmentId, kind: 'COMPUTER', targetId: computerId, quantity: 3, batchPosition: 1,
      assignedAt: new Date('2025-03-01T10:00:00.000Z'), deleted: false, sourceSeq: 6,
    })]);
    await applyProjectionEvent(orm, event(account, { source: 'assignments', type: 'assignment.deleted', entityType: 'ComputerAssignment', entityId: assignmentId, seq: 7 }, data));
    expect(await orm.em.fork().count(ProjectedAssignment, { licenseId, deleted: true }, { filters: false })).toBe(1);
  });
});
