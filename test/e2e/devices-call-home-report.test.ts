/**
 * reportDeviceCallHome end to end on every database kind: the report updates the device through the gateway, is
 * delivered as `device.call-home.reported` over WebSocket, and the compliance subgraph's worker turns it into license
 * tracking rows of the device (computerLicenseTracking through the gateway): a newer report replaces the reported rows,
 * rows written by hand stay, a replayed or older event changes nothing, other accounts stay apart.
 */
import { randomUUID } from 'node:crypto';
import { DEV_ACCOUNT_ID } from '../../lib/auth';
import type { BusEvent } from '../../lib/events';
import type { OutboxEvent } from '../../lib/outbox';
import { Device } from '../../subgraphs/devices/entities/Device';
import { gatewayAndSubgraph, testToken } from '../testkit/auth';
import { DATABASE_KINDS } from '../testkit/databases';
import { eventually } from '../testkit/eventually';
import { outboxEvents } from '../testkit/outbox';
import { startTestStackWithWs, type TestStackWithWs } from '../testkit/stack-with-ws';

const REPORT = `mutation($d: ID!, $r: DeviceCallHomeReportInput!) { reportDeviceCallHome(deviceId: $d, report: $r) {
  eventId sequence reportedAt applicationCount device { id hostname platform productId serialNumber cores isVirtual lastCallHomeAt callHomeReportCount } } }`;
const ROW = 'metricId applicationId licenseId organizationId coverageTrait initialRequirement receivedCoverage primaryUseRights fullUseRights source reportedAt';
const BY_COMPUTER = `query($c: ID!) { computerLicenseTracking(computerId: $c) { totalCount edges { node { id computerId requirement ${ROW} } } } }`;
const USERS = `query($a: ID!) { applicationUserLicenseTracking(applicationId: $a) { totalCount edges { node { id userId ${ROW} } } } }`;
const ADD_COMPUTER = 'mutation($a: ID!, $i: ComputerLicenseTrackingInput!) { addComputerLicenseTracking(applicationId: $a, input: $i) { id } }';
const REGISTER = 'mutation($f: String!) { registerDevice(input: { fingerprint: $f, hostname: "old-host", cores: 2 }) { id } }';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- test data is read loosely
const nodes = (connection: { edges: Array<{ node: Row }> }) => connection.edges.map((e) => e.node);
const byApplication = (a: Row, b: Row) => `${a.applicationId}${a.licenseId}`.localeCompare(`${b.applicationId}${b.licenseId}`);
/** The fields every row written from a report has. */
const reported = (reportedAt: string) => ({ organizationId: null, coverageTrait: 0, receivedCoverage: 0, primaryUseRights: [], fullUseRights: [], source: 'CALL_HOME', reportedAt });

describe.each(DATABASE_KINDS)('device call-home reports feeding license tracking (%s)', (kind) => {
  let t: TestStackWithWs;
  let appA: string; let appB: string; let metric: string;
  const [license, user] = [randomUUID(), randomUUID()];
  const devicesOrm = () => t.stack.subgraphs.devices.orm;
  const complianceOrm = () => t.stack.subgraphs.compliance.orm;
  const newDevice = async (): Promise<string> => (await t.gateway.ok(REGISTER, { f: `fp-${randomUUID()}` })).registerDevice.id;
  const computerRows = async (c: string) => nodes((await t.gateway.ok(BY_COMPUTER, { c })).computerLicenseTracking).sort(byApplication);
  const userRows = async (a: string) => nodes((await t.gateway.ok(USERS, { a })).applicationUserLicenseTracking);
  /** The devices subgraph's outbox rows as the relay puts them on the bus. */
  const asBusEvent = (row: OutboxEvent): BusEvent => ({
    eventId: row.eventId, source: 'devices', seq: Number(row.seq), accountId: row.accountId, type: row.type, entityType: row.entityType,
    entityId: row.entityId, payload: row.payload, occurredAt: new Date(row.occurredAt).toISOString(),
  });
  const reportEvents = (deviceId: string) => outboxEvents(devicesOrm(), { entityId: deviceId, type: 'device.call-home.reported' });
  const complianceEventCount = async () => (await outboxEvents(complianceOrm())).length;

  beforeAll(async () => {
    t = await startTestStackWithWs(kind);
    [appA, appB] = [
      (await t.gateway.ok('mutation { createApplication(input: { name: "Visio" }) { id } }')).createApplication.id,
      (await t.gateway.ok('mutation { createApplication(input: { name: "Acrobat" }) { id } }')).createApplication.id,
    ];
    metric = (await t.gateway.ok('mutation { createMetric(input: { name: "Installations" }) { id } }')).createMetric.id;
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('updates the device, delivers device.call-home.reported with the inventory, and tracks the applications; a newer report replaces them', async () => {
    const deviceId = await newDevice();
    const manual = (await t.gateway.ok(ADD_COMPUTER, { a: appA, i: { metricId: metric, computerId: deviceId, initialRequirement: 7 } })).addComputerLicenseTracking.id;
    const sub = await t.subscribeAfterDrain('subscription($d: ID) { deviceEvents(deviceId: $d, types: ["device.call-home.*"]) { id type deviceId callHomeReport device { hostname callHomeReportCount } } }', { d: deviceId });

    const applications = [
      { applicationId: appA, metricId: metric, licenseId: license.toUpperCase(), installations: 2 },
      { applicationId: appB, metricId: metric },
      { applicationId: appA, metricId: metric, userId: user },
    ];
    const report = { hostname: 'csr-1', platform: 'CSR1000V', productId: 'CSR1000V', serialNumber: '9DHICRRBJEL', cores: 4, applications };
    const first = (await t.gateway.ok(REPORT, { d: deviceId, r: report })).reportDeviceCallHome;
    expect(first).toEqual({
      eventId: expect.any(String), sequence: 1, reportedAt: expect.any(String), applicationCount: 3,
      device: { id: deviceId, hostname: 'csr-1', platform: 'CSR1000V', productId: 'CSR1000V', serialNumber: '9DHICRRBJEL', cores: 4, isVirtual: false,
        lastCallHomeAt: first.reportedAt, callHomeReportCount: 1 },
    });
    const checked = [
      { applicationId: appA, metricId: metric, userId: null, licenseId: license, installations: 2 },
      { applicationId: appB, metricId: metric, userId: null, licenseId: null, installations: 1 },
      { applicationId: appA, metricId: metric, userId: user, licenseId: null, installations: 1 },
    ];
    const delivered = await sub.next();
    sub.unsubscribe();
    expect(delivered.errors).toBeUndefined();
    expect(delivered.data?.deviceEvents).toEqual({
      id: first.eventId, type: 'device.call-home.reported', deviceId, device: { hostname: 'csr-1', callHomeReportCount: 1 },
      callHomeReport: {
        sequence: 1, reportedAt: first.reportedAt, applications: checked,
        inventory: { hostname: 'csr-1', platform: 'CSR1000V', productId: 'CSR1000V', serialNumber: '9DHICRRBJEL', cores: 4, isVirtual: false },
      },
    });

    const row = (applicationId: string, licenseId: string | null, requirement: number) => ({
      ...reported(first.reportedAt), id: expect.any(String), computerId: deviceId, applicationId, metricId: metric, licenseId,
      initialRequirement: requirement, requirement,
    });
    const manualRow = { ...reported(first.reportedAt), id: manual, computerId: deviceId, applicationId: appA, metricId: metric, licenseId: null,
      initialRequirement: 7, requirement: 7, source: 'MANUAL', reportedAt: null };
    const expected = [manualRow, row(appA, license, 2), row(appB, null, 1)].sort(byApplication);
    await eventually(async () => (await computerRows(deviceId)).length === 3, 'the reported computer rows');
    expect(await computerRows(deviceId)).toEqual(expected);
    const { computerId: _c, requirement: _r, ...userRow } = row(appA, null, 1);
    expect(await userRows(appA)).toEqual([{ ...userRow, userId: user }]);

    // the next report replaces every reported row of the device (the user row too); the manual row stays
    const second = (await t.gateway.ok(REPORT, { d: deviceId, r: { applications: [{ applicationId: appB, metricId: metric, installations: 5 }] } })).reportDeviceCallHome;
    // the facts the second report leaves out stay as the first one set them
    expect(second).toEqual({
      eventId: expect.any(String), sequence: 2, reportedAt: expect.any(String), applicationCount: 1,
      device: { ...first.device, callHomeReportCount: 2, lastCallHomeAt: second.reportedAt },
    });
    const replaced = [manualRow, { ...row(appB, null, 5), reportedAt: second.reportedAt }].sort(byApplication);
    await eventually(async () => (await computerRows(deviceId)).some((r) => r.requirement === 5), 'the second report');
    expect(await computerRows(deviceId)).toEqual(replaced);
    expect(await userRows(appA)).toEqual([]);
  });

  it('a replay of the same event, or an older one, changes nothing; an empty report removes the reported rows', async () => {
    const deviceId = await newDevice();
    const usage = (installations: number) => ({ applications: [{ applicationId: appA, metricId: metric, installations }] });
    await t.gateway.ok(REPORT, { d: deviceId, r: usage(1) });
    const { reportedAt } = (await t.gateway.ok(REPORT, { d: deviceId, r: usage(3) })).reportDeviceCallHome;
    await eventually(async () => (await computerRows(deviceId))[0]?.requirement === 3, 'the second report');
    const rows = await computerRows(deviceId);
    expect(rows).toEqual([{ ...reported(reportedAt), id: expect.any(String), computerId: deviceId, applicationId: appA, metricId: metric, licenseId: null,
      initialRequirement: 3, requirement: 3 }]);
    const events = await reportEvents(deviceId);
    expect(events.map((event) => (event.payload.callHomeReport as { sequence: number }).sequence)).toEqual([1, 2]);
    await t.publishAll();
    const before = await complianceEventCount();
    // at-least-once delivery: the bus hands the same events out again, newest first and then the older one
    await t.stack.subgraphs.compliance.bus.publish([asBusEvent(events[1]), asBusEvent(events[0]), asBusEvent(events[1])]);
    expect(await computerRows(deviceId)).toEqual(rows);
    expect(await complianceEventCount()).toBe(before);

    await t.gateway.ok(REPORT, { d: deviceId, r: { applications: [] } });
    await eventually(async () => (await computerRows(deviceId)).length === 0, 'the empty report');
  });

  it('concurrent reports of one device get distinct, increasing sequence numbers, and the highest one is tracked', async () => {
    const deviceId = await newDevice();
    const reports = await Promise.all([1, 2, 3, 4, 5].map((installations) =>
      t.gateway.ok(REPORT, { d: deviceId, r: { applications: [{ applicationId: appA, metricId: metric, installations }] } })));
    const sequences = reports.map((r) => r.reportDeviceCallHome.sequence);
    expect([...sequences].sort()).toEqual([1, 2, 3, 4, 5]);
    const newest = reports[sequences.indexOf(5)].reportDeviceCallHome;
    expect(newest.device.callHomeReportCount).toBe(5);
    const [event] = (await reportEvents(deviceId)).filter((e) => e.eventId === newest.eventId);
    const { installations } = (event.payload.callHomeReport as { applications: Array<{ installations: number }> }).applications[0];
    await eventually(async () => (await computerRows(deviceId))[0]?.reportedAt === newest.reportedAt, 'the newest report');
    expect((await computerRows(deviceId)).map((r) => r.requirement)).toEqual([installations]);
  });

  it('tracks only applications and metrics of the reporting device\'s own account', async () => {
    const deviceId = await newDevice();
    const unknown = randomUUID();
    await t.gateway.ok(REPORT, { d: deviceId, r: { applications: [
      { applicationId: unknown, metricId: metric }, { applicationId: appA, metricId: unknown }, { applicationId: appB, metricId: metric },
    ] } });
    await eventually(async () => (await computerRows(deviceId)).length === 1, 'the known application');
    expect((await computerRows(deviceId)).map((r) => r.applicationId)).toEqual([appB]);

    // another account's device reports this account's application and metric: neither account gets a row
    const other = gatewayAndSubgraph(t, t.stack.subgraphs.devices.url, await testToken({ accountId: randomUUID(), subject: 'other-account' }));
    const theirs = (await other.gateway.ok(REGISTER, { f: `fp-${randomUUID()}` })).registerDevice.id;
    const { eventId } = (await other.gateway.ok(REPORT, { d: theirs, r: { applications: [{ applicationId: appA, metricId: metric }] } })).reportDeviceCallHome;
    await eventually(async () => (await outboxEvents(devicesOrm(), { eventId, publishedAt: { $ne: null } })).length === 1, 'the other account\'s report');
    expect(await computerRows(theirs)).toEqual([]);
    expect((await other.gateway.ok(BY_COMPUTER, { c: theirs })).computerLicenseTracking.totalCount).toBe(0);
    // and it cannot report for, nor read the tracking of, this account's device
    await other.gateway.fails('NOT_FOUND', REPORT, { d: deviceId, r: { applications: [] } });
    expect((await other.gateway.ok(BY_COMPUTER, { c: deviceId })).computerLicenseTracking.totalCount).toBe(0);
    expect(await computerRows(deviceId)).toHaveLength(1);
  });

  it('refuses bad reports with BAD_USER_INPUT at the path, and unknown devices with NOT_FOUND, changing nothing', async () => {
    const deviceId = await newDevice();
    const app = { applicationId: appA, metricId: metric };
    const cases: Array<[Record<string, unknown>, Array<string | number>]> = [
      [{ applications: [{ ...app, applicationId: 'visio' }] }, ['report', 'applications', 0, 'applicationId']],
      [{ applications: [app, { ...app, metricId: '42' }] }, ['report', 'applications', 1, 'metricId']],
      [{ applications: [{ ...app, userId: 'bob' }] }, ['report', 'applications', 0, 'userId']],
      [{ applications: [{ ...app, licenseId: 'L-1' }] }, ['report', 'applications', 0, 'licenseId']],
      [{ applications: [{ ...app, installations: -1 }] }, ['report', 'applications', 0, 'installations']],
      [{ applications: [app, { ...app, installations: 4 }] }, ['report', 'applications', 1]],
      [{ applications: Array.from({ length: 501 }, () => ({ ...app, userId: randomUUID() })) }, ['report', 'applications']],
      [{ cores: 0, applications: [] }, ['report', 'cores']],
      [{ hostname: 'h'.repeat(256), applications: [] }, ['report', 'hostname']],
      [{ productId: 'A:B', applications: [] }, ['report', 'productId']],
      [{ isVirtual: null, applications: [] }, ['report', 'isVirtual']],
    ];
    for (const [report, argumentPath] of cases) {
      const error = await t.gateway.fails('BAD_USER_INPUT', REPORT, { d: deviceId, r: report });
      expect(error.extensions).toMatchObject({ argumentPath });
    }
    for (const d of [randomUUID(), 'not-a-uuid']) await t.gateway.fails('NOT_FOUND', REPORT, { d, r: { applications: [] } });
    const device = await devicesOrm().em.fork().findOneOrFail(Device, { id: deviceId }, { filters: false });
    expect([device.callHomeReportCount, device.lastCallHomeAt, device.hostname, device.cores]).toEqual([0, null, 'old-host', 2]);
    expect(await reportEvents(deviceId)).toEqual([]);
  });

  it('a token without device:write gets FORBIDDEN and nothing changes; deleting the device removes its reported rows only', async () => {
    const deviceId = await newDevice();
    await t.gateway.ok(ADD_COMPUTER, { a: appB, i: { metricId: metric, computerId: deviceId } });
    await t.gateway.ok(REPORT, { d: deviceId, r: { applications: [{ applicationId: appA, metricId: metric }] } });
    await eventually(async () => (await computerRows(deviceId)).length === 2, 'the reported row');
    const reportedRow = (await computerRows(deviceId)).find((r) => r.source === 'CALL_HOME')!;
    const reader = gatewayAndSubgraph(t, t.stack.subgraphs.devices.url, await testToken({ scopes: ['device:read', 'compliance:read'] }));
    for (const c of [reader.gateway, reader.subgraph]) {
      expect((await c.fails('FORBIDDEN', REPORT, { d: deviceId, r: { hostname: 'x', applications: [] } })).message)
        .toBe('Mutation.reportDeviceCallHome requires the scope device:write');
    }
    expect((await reader.gateway.ok('query($d: ID!) { device(id: $d) { hostname callHomeReportCount } }', { d: deviceId })).device)
      .toEqual({ hostname: 'old-host', callHomeReportCount: 1 });
    expect(await reportEvents(deviceId)).toHaveLength(1);

    await t.gateway.ok('mutation($d: ID!) { deleteDevice(id: $d) { id } }', { d: deviceId });
    await eventually(async () => (await computerRows(deviceId)).length === 1, 'the removal of the reported rows');
    expect((await computerRows(deviceId)).map((r) => [r.applicationId, r.source])).toEqual([[appB, 'MANUAL']]);
    const [removal] = await outboxEvents(complianceOrm(), { type: 'license-tracking.deleted', entityId: reportedRow.id });
    expect(removal).toMatchObject({ accountId: DEV_ACCOUNT_ID, entityType: 'LicenseTracking', payload: { applicationId: appA } });
  });
});
