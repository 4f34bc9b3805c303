import { randomUUID } from 'node:crypto';
import type { BusEvent } from '../../lib/events/bus';
import { DATABASE_KINDS } from '../../test/testkit/databases';
import { startTestSubgraph, type TestSubgraph } from '../../test/testkit/subgraph';
import { Application } from './entities/Application';
import { LicenseTracking } from './entities/LicenseTracking';
import { ReportedDevice } from './entities/ReportedDevice';
import { trackCallHomeEvent } from './services/call-home-tracking';

/**
 * The compliance consumer of call-home reports, called with bus events directly (the relay and workers are off):
 * out-of-order, repeated and concurrent deliveries leave the newest report's rows; accounts stay apart.
 */
describe.each(DATABASE_KINDS)('license tracking from call-home reports on %s', (kind) => {
  let t: TestSubgraph;
  let accountId: string;
  let app: string; let metric: string;
  const orm = () => t.subgraph.orm;
  const rows = (where: Partial<LicenseTracking> = {}) =>
    orm().em.fork().find(LicenseTracking, where, { filters: false, orderBy: { requirement: 'asc', id: 'asc' } });

  function reportEvent(deviceId: string, sequence: number, installations: number, account = accountId): BusEvent {
    return {
      eventId: randomUUID(), source: 'devices', seq: sequence, accountId: account, type: 'device.call-home.reported', entityType: 'Device', entityId: deviceId,
      occurredAt: new Date().toISOString(),
      payload: { deviceId, callHomeReport: { sequence, reportedAt: new Date(Date.UTC(2026, 11, 7, 0, sequence)).toISOString(),
        applications: [{ applicationId: app, metricId: metric, userId: null, licenseId: null, installations }] } },
    };
  }

  beforeAll(async () => {
    t = await startTestSubgraph('compliance', kind, { background: false });
    app = (await t.api.ok('mutation { createApplication(input: { name: "Visio" }) { id } }')).createApplication.id;
    metric = (await t.api.ok('mutation { createMetric(input: { name: "Installations" }) { id } }')).createMetric.id;
    accountId = (await orm().em.fork().findOneOrFail(Application, { id: app }, { filters: false })).accountId;
  });
  afterAll(async () => { await t?.stop(); });

  it('keeps the newest report whatever the order, repetition or concurrency of the deliveries', async () => {
    const deviceId = randomUUID();
    const events = [1, 2, 3, 4, 5].map((sequence) => reportEvent(deviceId, sequence, sequence * 10));
    await Promise.all([events[3], events[0], events[4], events[1], events[4], events[2]].map((event) => trackCallHomeEvent(orm(), event)));
    expect((await rows({ computerId: deviceId })).map((row) => [row.requirement, row.source, row.reportedAt?.toISOString()]))
      .toEqual([[50, 'CALL_HOME', '2026-12-07T00:05:00.000Z']]);
    const mark = await orm().em.fork().findOneOrFail(ReportedDevice, { deviceId }, { filters: false });
    expect([mark.sequence, mark.eventId, mark.accountId]).toEqual([5, events[4].eventId, accountId]);
  });

  it('a report of another account (for a device ID that happens to be the same) is kept apart and tracks nothing it does not have', async () => {
    const deviceId = randomUUID();
    await trackCallHomeEvent(orm(), reportEvent(deviceId, 1, 3));
    await trackCallHomeEvent(orm(), reportEvent(deviceId, 2, 7, randomUUID()));
    expect((await rows({ computerId: deviceId })).map((row) => [row.requirement, row.accountId])).toEqual([[3, accountId]]);
    expect(await orm().em.fork().count(ReportedDevice, { deviceId }, { filters: false })).toBe(2);
  });

  it('a deleted device loses its reported rows and takes no late report; other events and malformed reports change nothing', async () => {
    const deviceId = randomUUID();
    await trackCallHomeEvent(orm(), reportEvent(deviceId, 1, 4));
    const deleted = { ...reportEvent(deviceId, 2, 0), type: 'device.deleted', payload: { deviceId } };
    await trackCallHomeEvent(orm(), deleted);
    await trackCallHomeEvent(orm(), reportEvent(deviceId, 3, 9));
    expect(await rows({ computerId: deviceId })).toEqual([]);
    const other = randomUUID();
    await trackCallHomeEvent(orm(), { ...reportEvent(other, 1, 1), type: 'device.updated' });
    await trackCallHomeEvent(orm(), { ...reportEvent(other, 1, 1), source: 'licenses' });
    await trackCallHomeEvent(orm(), { ...reportEvent(other, 1, 1), payload: { callHomeReport: { sequence: 1, applications: 'all' } } });
    await trackCallHomeEvent(orm(), { ...deleted, entityId: other });
    expect(await rows({ computerId: other })).toEqual([]);
    expect(await orm().em.fork().count(ReportedDevice, { deviceId: other }, { filters: false })).toBe(0);
  });
});
