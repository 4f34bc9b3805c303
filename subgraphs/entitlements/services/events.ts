import { recordEntityEvent } from '../../../lib/outbox';

/** Event types of the entitlements subgraph. */
export type EntitlementEventType =
  | 'entitlement.created' | 'entitlement.license.added'
  | 'licensed-item.created' | 'license-model.created' | 'license-model.updated'
  | 'license-order.placed' | 'license-order.canceled';

/** The GraphQL types the events are about. */
export type EntitlementEventEntity = 'Entitlement' | 'EntitlementLicense' | 'LicensedItem' | 'LicenseModel' | 'LicenseOrder';

/** Records an entitlements event in the outbox of the current transaction. */
export const recordEntitlementEvent = recordEntityEvent<EntitlementEventType, EntitlementEventEntity>;
