import { raw } from '@mikro-orm/core';
import { findByIdOrFail } from '../../../lib/find';
import type { Em } from '../../../lib/orm';
import type { Caller } from '../../../lib/tenancy';
import { checkApplicationUsage } from '../domain/call-home-report';
import { Device } from '../entities/Device';
import type { DeviceCallHomeReportInput } from '../generated/graphql';
import { applyDeviceChanges, touchDeviceOrFail } from './devices';
import { recordDeviceEvent } from './events';

/** What reportDeviceCallHome answers: the report's event and sequence number, and the device after it. */
export interface RecordedCallHomeReport {
  eventId: string;
  sequence: number;
  reportedAt: Date;
  applicationCount: number;
  device: Device;
}

/**
 * A device calls home with an inventory and usage snapshot. Its facts are updated as updateDevice would; its report
 * count is raised in the database (the conditional UPDATE takes the device's row lock, so concurrent reports of one
 * device get distinct, increasing sequence numbers), and `device.call-home.reported` carries the whole snapshot with
 * its sequence number: the compliance subgraph keeps the device's tracking rows from the newest one.
 */
export async function reportDeviceCallHome(
  em: Em, caller: Caller, deviceId: string, report: DeviceCallHomeReportInput, now = new Date(),
): Promise<RecordedCallHomeReport> {
  const applications = checkApplicationUsage(report.applications);
  const id = await touchDeviceOrFail(em, caller, deviceId, now, { callHomeReportCount: raw('call_home_report_count + 1'), lastCallHomeAt: now });
  const device = await findByIdOrFail(em, Device, id, 'Device', { refresh: true });
  const { applications: _applications, ...facts } = report;
  await applyDeviceChanges(em, device, facts, 'report');
  const sequence = device.callHomeReportCount;
  const inventory = {
    hostname: device.hostname, platform: device.platform, productId: device.productId, serialNumber: device.serialNumber,
    cores: device.cores, isVirtual: device.isVirtual,
  };
  const event = recordDeviceEvent(em, 'device.call-home.reported', device, {
    callHomeReport: { sequence, reportedAt: now.toISOString(), inventory, applications },
  });
  return { eventId: event.eventId, sequence, reportedAt: now, applicationCount: applications.length, device };
}
