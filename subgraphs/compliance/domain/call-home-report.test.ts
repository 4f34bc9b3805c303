import { randomUUID } from 'node:crypto';
import type { BusEvent } from '../../../lib/events/bus';
import { callHomeReportOf, trackingFieldsOf } from './call-home-report';

const [deviceId, app, metric, user, license] = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
const REPORTED_AT = '2026-12-07T01:00:00.000Z';

function event(report: Record<string, unknown>, over: Partial<BusEvent> = {}): BusEvent {
  return {
    eventId: randomUUID(), source: 'devices', seq: 1, accountId: randomUUID(), type: 'device.call-home.reported', entityType: 'Device',
    entityId: deviceId, payload: { deviceId, callHomeReport: report }, occurredAt: REPORTED_AT, ...over,
  };
}
const usage = { applicationId: app, metricId: metric, userId: null, licenseId: license, installations: 2 };

describe('call-home reports read from device events', () => {
  test('reads the device, sequence, time and usage of a report', () => {
    expect(callHomeReportOf(event({ sequence: 3, reportedAt: REPORTED_AT, inventory: {}, applications: [usage] }))).toEqual({
      deviceId, sequence: 3, reportedAt: new Date(REPORTED_AT), applications: [usage],
    });
  });

  test('ignores other events and malformed reports (they are not applied)', () => {
    const good = { sequence: 1, reportedAt: REPORTED_AT, applications: [usage] };
    expect(callHomeReportOf(event(good, { type: 'device.updated' }))).toBeNull();
    expect(callHomeReportOf(event(good, { source: 'licenses' }))).toBeNull();
    for (const bad of [
      { ...good, sequence: 0 }, { ...good, sequence: '1' }, { ...good, reportedAt: 'yesterday' }, { ...good, applications: null },
      { ...good, applications: [{ ...usage, applicationId: 'visio' }] }, { ...good, applications: [{ ...usage, installations: -1 }] },
      { ...good, applications: [{ ...usage, userId: 7 }] },
    ]) expect(callHomeReportOf(event(bad))).toBeNull();
  });

  test('a usage entry is a computer row of the device, or a user row when it names a user', () => {
    const report = callHomeReportOf(event({ sequence: 1, reportedAt: REPORTED_AT, applications: [usage, { ...usage, userId: user }] }))!;
    const common = { applicationId: app, metricId: metric, licenseId: license, initialRequirement: 2, requirement: 2, source: 'CALL_HOME',
      reportingDeviceId: deviceId, reportedAt: new Date(REPORTED_AT) };
    expect(trackingFieldsOf(report, report.applications[0])).toEqual({ ...common, computerId: deviceId, userId: null });
    expect(trackingFieldsOf(report, report.applications[1])).toEqual({ ...common, computerId: null, userId: user });
  });
});
