import type { Em } from '../../../lib/orm';
import { recordEntityEvent } from '../../../lib/outbox';
import type { License } from '../entities/License';
import type { Machine } from '../entities/Machine';
import type { WebhookEndpoint } from '../entities/WebhookEndpoint';

/** Event types of the licenses subgraph (the webhook `event` names of seed 000 and its siblings). */
export type LicenseEventType =
  | 'license.created' | 'license.updated' | 'license.deleted' | 'license.suspended' | 'license.reinstated'
  | 'license.revoked' | 'license.renewed' | 'license.checked-in' | 'license.checked-out' | 'license.validated'
  | 'license.usage.incremented' | 'license.usage.decremented' | 'license.usage.reset'
  | 'license.meter-attribute.incremented' | 'license.meter-attribute.reset';

export type MachineEventType = 'machine.created' | 'machine.deleted' | 'machine.heartbeat.ping';

/** Events about webhook endpoints themselves (not offered to webhooks). */
export type WebhookEndpointEventType = 'webhook-endpoint.created' | 'webhook-endpoint.deleted';

/** Records a license event in the outbox of the current transaction; `data` is the license after the change. */
export function recordLicenseEvent(em: Em, type: LicenseEventType, license: License, extra?: Record<string, unknown>): void {
  recordEntityEvent(em, type, 'License', license, extra);
}

export function recordMachineEvent(em: Em, type: MachineEventType, machine: Machine): void {
  recordEntityEvent(em, type, 'Machine', machine, { licenseId: machine.licenseId });
}

/** `data` leaves the sealed signing secret out: the column is hidden. */
export function recordWebhookEndpointEvent(em: Em, type: WebhookEndpointEventType, endpoint: WebhookEndpoint): void {
  recordEntityEvent(em, type, 'WebhookEndpoint', endpoint);
}
