import type { BusEvent } from '../../../lib/events/bus';
import { isUuid } from '../../../lib/ids';

/*
 * A device's call-home report as the devices subgraph publishes it (`device.call-home.reported`), read defensively:
 * the compliance subgraph shares no code with the devices subgraph, only the event.
 */

/** One application usage entry of a report. */
export interface ReportedUsage {
  applicationId: string;
  metricId: string;
  userId: string | null;
  licenseId: string | null;
  installations: number;
}

export interface CallHomeReport {
  deviceId: string;
  /** The report's sequence number on its device: higher is newer. */
  sequence: number;
  reportedAt: Date;
  applications: ReportedUsage[];
}

const uuidOrNull = (value: unknown): string | null | undefined =>
  (value === null || value === undefined ? null : typeof value === 'string' && isUuid(value) ? value.toLowerCase() : undefined);

function usageOf(value: unknown): ReportedUsage | null {
  const entry = (value ?? {}) as Record<string, unknown>;
  const [applicationId, metricId, userId, licenseId] = [entry.applicationId, entry.metricId, entry.userId, entry.licenseId].map(uuidOrNull);
  const installations = entry.installations;
  if (!applicationId || !metricId || userId === undefined || licenseId === undefined) return null;
  if (typeof installations !== 'number' || !Number.isInteger(installations) || installations < 0) return null;
  return { applicationId, metricId, userId, licenseId, installations };
}

/** The report an event carries; null for any other event or a malformed one (which is then not applied). */
export function callHomeReportOf(event: BusEvent): CallHomeReport | null {
  if (event.source !== 'devices' || event.type !== 'device.call-home.reported') return null;
  const report = (event.payload.callHomeReport ?? {}) as Record<string, unknown>;
  const deviceId = uuidOrNull(event.entityId);
  const reportedAt = new Date(String(report.reportedAt));
  const { sequence } = report;
  if (!deviceId || typeof sequence !== 'number' || !Number.isInteger(sequence) || sequence < 1 || Number.isNaN(reportedAt.getTime())) return null;
  if (!Array.isArray(report.applications)) return null;
  const applications = report.applications.map(usageOf);
  if (applications.some((usage) => usage === null)) return null;
  return { deviceId, sequence, reportedAt, applications: applications as ReportedUsage[] };
}

/** The tracking row fields of a usage entry: a computer row of the device, or a user row when a user is named. */
export function trackingFieldsOf(report: CallHomeReport, usage: ReportedUsage) {
  return {
    applicationId: usage.applicationId, metricId: usage.metricId, licenseId: usage.licenseId,
    computerId: usage.userId ? null : report.deviceId, userId: usage.userId,
    initialRequirement: usage.installations, requirement: usage.installations,
    source: 'CALL_HOME' as const, reportingDeviceId: report.deviceId, reportedAt: report.reportedAt,
  };
}
