import { randomUUID } from 'node:crypto';
import type { BusEvent } from '../../../lib/events/bus';
import type { WorkerFactory } from '../../../lib/events/worker';
import type { Em, Orm } from '../../../lib/orm';
import { TENANT_FILTER } from '../../../lib/tenancy';
import { callHomeReportOf, trackingFieldsOf, type CallHomeReport } from '../domain/call-home-report';
import { Application } from '../entities/Application';
import { LicenseTracking } from '../entities/LicenseTracking';
import { Metric } from '../entities/Metric';
import { ReportedDevice } from '../entities/ReportedDevice';
import { recordComplianceEvent } from './events';

export const CALL_HOME_TRACKING_CONSUMER_GROUP = 'compliance-call-home-tracking';
/** The mark of a deleted device: no report sequence reaches it, so no late report brings its rows back. */
const DELETED_DEVICE_SEQUENCE = 2_147_483_647;

/**
 * Raises the device's report mark to `sequence` when it is higher, and answers whether it did. The conditional UPDATE
 * takes the mark's row lock: of two consumers applying reports of one device, the second waits and then sees the
 * first one's sequence, so an older or repeated report (same event, same sequence) changes nothing.
 */
async function raiseReportMark(
  em: Em, accountId: string, deviceId: string, mark: Partial<ReportedDevice> & { sequence: number }, create: boolean,
): Promise<boolean> {
  const now = new Date();
  if (create) {
    await em.createQueryBuilder(ReportedDevice)
      .insert({ id: randomUUID(), accountId, deviceId, sequence: 0, eventId: null, reportedAt: null, createdAt: now, updatedAt: now })
      .onConflict(['accountId', 'deviceId']).ignore()
      .execute();
  }
  return (await em.nativeUpdate(ReportedDevice, { accountId, deviceId, sequence: { $lt: mark.sequence } }, { ...mark, updatedAt: now })) > 0;
}

/** Removes the rows that the device's reports wrote (rows written by hand stay), recording each removal. */
async function removeReportedRows(em: Em, deviceId: string): Promise<void> {
  for (const row of await em.find(LicenseTracking, { source: 'CALL_HOME', reportingDeviceId: deviceId })) {
    recordComplianceEvent(em, 'license-tracking.deleted', 'LicenseTracking', row, { applicationId: row.applicationId });
    em.remove(row);
  }
}

/**
 * Replaces the device's reported rows with the report's: one row per usage entry whose application and metric the
 * account has (others cannot be tracked and are left out). Runs under the tenant filter of the event's account.
 */
async function replaceReportedRows(em: Em, accountId: string, report: CallHomeReport): Promise<void> {
  await removeReportedRows(em, report.deviceId);
  const ids = (key: 'applicationId' | 'metricId') => [...new Set(report.applications.map((usage) => usage[key]))];
  const applications = new Set((await em.find(Application, { id: { $in: ids('applicationId') } }, { fields: ['id'] })).map((a) => a.id));
  const metrics = new Set((await em.find(Metric, { id: { $in: ids('metricId') } }, { fields: ['id'] })).map((m) => m.id));
  for (const usage of report.applications) {
    if (!applications.has(usage.applicationId) || !metrics.has(usage.metricId)) continue;
    const row = Object.assign(new LicenseTracking(), trackingFieldsOf(report, usage), { accountId });
    em.persist(row);
    recordComplianceEvent(em, 'license-tracking.created', 'LicenseTracking', row, { applicationId: row.applicationId });
  }
}

/**
 * Keeps license tracking from the devices' call-home reports (`device.call-home.reported`): a newer report of a
 * device replaces the rows of its earlier ones, in one transaction; a replayed or older event changes nothing. A
 * deleted device (`device.deleted`) loses its reported rows. Everything happens in the event's account.
 */
export async function trackCallHomeEvent(orm: Orm, event: BusEvent): Promise<void> {
  const report = callHomeReportOf(event);
  const deleted = event.source === 'devices' && event.type === 'device.deleted';
  if (!report && !deleted) return;
  // the in-process bus runs this inside the publishing subgraph's transaction: its context is not ours
  const em = orm.em.fork({ disableContextResolution: true });
  em.setFilterParams(TENANT_FILTER, { accountId: event.accountId });
  await em.transactional(async (tx) => {
    const deviceId = report?.deviceId ?? event.entityId.toLowerCase();
    const mark = report ? { sequence: report.sequence, eventId: event.eventId, reportedAt: report.reportedAt } : { sequence: DELETED_DEVICE_SEQUENCE, eventId: event.eventId };
    // a device that never reported has no mark and no reported rows: its deletion leaves nothing behind
    if (!(await raiseReportMark(tx, event.accountId, deviceId, mark, report !== null))) return;
    if (report) await replaceReportedRows(tx, event.accountId, report);
    else await removeReportedRows(tx, deviceId);
  });
}

/** The consumer of the bus (group `compliance-call-home-tracking`) that keeps tracking rows from call-home reports. */
export const callHomeTrackingWorkers: WorkerFactory = ({ orm, bus }) =>
  bus.consume(CALL_HOME_TRACKING_CONSUMER_GROUP, (event) => trackCallHomeEvent(orm, event));
