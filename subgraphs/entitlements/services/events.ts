import { recordEntityEvent } from '../../../lib/outbox';

/** Event types of the entitlements subgraph. */
export type EntitlementEventType =
  | 'entitlement.created' | 'entitlement.license.added'
  | 'licensed-item.created' | 'license-model.created' | 'license-model.updated'
  | 'license-order.placed' | 'license-order.canceled'
  // consumption: a new session takes a seat; its leases are granted, refreshed (extended) and released
  | 'entitlement.seat.consumed' | 'entitlement.lease.granted' | 'entitlement.lease.refreshed' | 'entitlement.lease.released'
  // a user's assignments to a license (reserved / denied / floating) were replaced
  | 'entitlement.assignments.set'
  // organization groups, their members, and the groups consuming an entitlement's licenses
  | 'organization-group.created' | 'organization-group.member.added'
  | 'entitlement.consuming-group.added' | 'entitlement.consuming-group.removed';

/** The GraphQL types the events are about. */
export type EntitlementEventEntity = 'Entitlement' | 'EntitlementLicense' | 'LicensedItem' | 'LicenseModel' | 'LicenseOrder'
  | 'LicenseSession' | 'LicenseLease' | 'OrganizationGroup';

/** Records an entitlements event in the outbox of the current transaction. */
export const recordEntitlementEvent = recordEntityEvent<EntitlementEventType, EntitlementEventEntity>;
