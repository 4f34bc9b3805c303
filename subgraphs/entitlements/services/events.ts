import { wrap } from '@mikro-orm/core';
import type { BaseEntity } from '../../../lib/entity';
import type { Em } from '../../../lib/orm';
import { recordEvent } from '../../../lib/outbox';

/** Event types of the entitlements subgraph. */
export type EntitlementEventType =
  | 'entitlement.created' | 'entitlement.license.added'
  | 'licensed-item.created' | 'license-model.created' | 'license-model.updated'
  | 'license-order.placed' | 'license-order.canceled';

/** The GraphQL types the events are about. */
export type EntitlementEventEntity = 'Entitlement' | 'EntitlementLicense' | 'LicensedItem' | 'LicenseModel' | 'LicenseOrder';

/** Records an event in the outbox of the current transaction; `data` is the entity after the change. */
export function recordEntitlementEvent(
  em: Em, type: EntitlementEventType, entityType: EntitlementEventEntity, entity: BaseEntity, extra: Record<string, unknown> = {},
): void {
  recordEvent(em, {
    accountId: entity.accountId,
    type,
    entityType,
    entityId: entity.id,
    payload: { data: wrap(entity).toObject(), ...extra },
  });
}
