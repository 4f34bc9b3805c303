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

/** The events that name what changed in a license; `license.updated` follows each of them. */
export type LicenseChangeEventType = Exclude<LicenseEventType, 'license.created' | 'license.updated' | 'license.deleted'>;

export type MachineEventType = 'machine.created' | 'machine.deleted' | 'machine.heartbeat.ping';

/** Events about webhook endpoints themselves (not offered to webhooks). */
export type WebhookEndpointEventType = 'webhook-endpoint.created' | 'webhook-endpoint.deleted';

/**
 * What every license and machine event carries besides `data`: the gateway filters `licenseEvents(licenseId,
 * organizationId, productId)` on these (lib/events/topics) without looking the license up for each event.
 * (A type, not an interface: it goes where a `Record<string, unknown>` is expected.)
 */
export type LicenseEventKeys = {
  licenseId: string;
  organizationId: string | null;
  productId: string;
};

export function licenseEventKeys(license: License): LicenseEventKeys {
  return { licenseId: license.id, organizationId: license.organizationId ?? null, productId: license.productId };
}

/** Records a license event in the outbox of the current transaction; `data` is the license after the change. */
export function recordLicenseEvent(em: Em, type: LicenseEventType, license: License, extra?: Record<string, unknown>): void {
  // the keys last: `extra` never overrides what subscriptions filter on
  recordEntityEvent(em, type, 'License', license, { ...extra, ...licenseEventKeys(license) });
}

/**
 * A change of a license row: its specific event, then `license.updated`, which seed 000 fires for every change
 * of a license. A mutation calls this once per license it changes, so each gets exactly one `license.updated`.
 */
export function recordLicenseChange(em: Em, type: LicenseChangeEventType, license: License, extra?: Record<string, unknown>): void {
  recordLicenseEvent(em, type, license, extra);
  recordLicenseEvent(em, 'license.updated', license, extra);
}

/** A machine event, keyed by the machine, with the keys of its license (`license` is the machine's license). */
export function recordMachineEvent(em: Em, type: MachineEventType, machine: Machine, license: License): void {
  if (machine.licenseId !== license.id) throw new Error(`machine ${machine.id} is not a machine of license ${license.id}`);
  recordEntityEvent(em, type, 'Machine', machine, licenseEventKeys(license));
}

/** `data` leaves the sealed signing secret out: the column is hidden. */
export function recordWebhookEndpointEvent(em: Em, type: WebhookEndpointEventType, endpoint: WebhookEndpoint): void {
  recordEntityEvent(em, type, 'WebhookEndpoint', endpoint);
}
