import { wrap } from '@mikro-orm/core';
import type { Em } from '../../../lib/orm';
import { recordEvent } from '../../../lib/outbox';
import type { License } from '../entities/License';
import type { Machine } from '../entities/Machine';

/** Event types of the licenses subgraph (the webhook `event` names of seed 000 and its siblings). */
export type LicenseEventType =
  | 'license.created' | 'license.updated' | 'license.deleted' | 'license.suspended' | 'license.reinstated'
  | 'license.revoked' | 'license.renewed' | 'license.checked-in' | 'license.checked-out' | 'license.validated'
  | 'license.usage.incremented' | 'license.usage.decremented' | 'license.usage.reset'
  | 'license.meter-attribute.incremented' | 'license.meter-attribute.reset';

export type MachineEventType = 'machine.created' | 'machine.deleted' | 'machine.heartbeat.ping';

/** Records a license event in the outbox of the current transaction; `data` is the license after the change. */
export function recordLicenseEvent(em: Em, type: LicenseEventType, license: License, extra: Record<string, unknown> = {}): void {
  recordEvent(em, {
    accountId: license.accountId,
    type,
    entityType: 'License',
    entityId: license.id,
    payload: { data: wrap(license).toObject(), ...extra },
  });
}

export function recordMachineEvent(em: Em, type: MachineEventType, machine: Machine): void {
  recordEvent(em, {
    accountId: machine.accountId,
    type,
    entityType: 'Machine',
    entityId: machine.id,
    payload: { data: wrap(machine).toObject(), licenseId: machine.licenseId },
  });
}
