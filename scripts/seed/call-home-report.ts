/**
 * The demo call-home report, shared by two seeds: the workstation ws-finance-01 called home once (report sequence 1)
 * with Acrobat installed under the site license of its organization and used by a named user. The devices seed sends
 * it through reportDeviceCallHome; the compliance seed keeps it as the compliance consumer of that event does
 * (tracking rows with `source` CALL_HOME and the device's report mark at sequence 1), so the event itself changes
 * nothing when it is delivered, and the device's next real report (sequence 2) replaces the rows.
 */
import type { BusEvent } from '../../lib/events/bus';
import { checkApplicationUsage } from '../../subgraphs/devices/domain/call-home-report';
import type { DeviceCallHomeReportInput } from '../../subgraphs/devices/generated/graphql';
import { DEMO } from './ids';

const { applications: A, metrics: M, licenses: L, devices: D, users: U } = DEMO;

export const DEMO_CALL_HOME_REPORT = {
  deviceId: D[5],
  /** The ID of its `device.call-home.reported` event: group 0x305, next to the devices' license lines (0x304). */
  eventId: '00000000-0000-4000-8305-000000000001',
  sequence: 1,
  reportedAt: new Date('2025-06-02T07:45:00Z'),
  report: {
    applications: [
      // Acrobat installed on the workstation, covered by license 5 (Acrobat, Installations: the site license of Acme Corp)
      { applicationId: A[1], metricId: M[0], licenseId: L[4], installations: 1 },
      // and used there by Acme's third user, covered by license 2 (Acrobat, Users)
      { applicationId: A[1], metricId: M[1], userId: U[0][2], licenseId: L[1] },
    ],
  } satisfies DeviceCallHomeReportInput,
};

/** The report's event as the compliance consumer receives it: the payload that reportDeviceCallHome records. */
export function demoCallHomeEvent(): BusEvent {
  const { deviceId, eventId, sequence, reportedAt, report } = DEMO_CALL_HOME_REPORT;
  return {
    eventId, source: 'devices', seq: 0, accountId: DEMO.accountId, type: 'device.call-home.reported', entityType: 'Device', entityId: deviceId,
    payload: { callHomeReport: { sequence, reportedAt: reportedAt.toISOString(), applications: checkApplicationUsage(report.applications) }, deviceId },
    occurredAt: reportedAt.toISOString(),
  };
}
