/**
 * Which events each subscription root field delivers (ARCHITECTURE.md, "Subscriptions"): a root field maps to
 * a topic (a predicate over bus events) and a filter built from its arguments. The gateway evaluates these
 * before it resolves anything, so a subscriber costs nothing for events it does not want; the subgraph that
 * declares the field resolves the payload from the event for each delivery.
 */
import { isSnapshotEvent } from '../snapshots';
import type { BusEvent } from './bus';

/**
 * Whether an event `type` matches any of `patterns`: `*` matches every type, `a.*` every type under `a.` (at
 * any depth: `license.*` matches `license.usage.incremented`), anything else matches itself.
 */
export function matchesEventType(patterns: readonly string[], type: string): boolean {
  return patterns.some((pattern) => {
    if (pattern === '*') return true;
    if (pattern.endsWith('.*')) return type.startsWith(pattern.slice(0, -1));
    return pattern === type;
  });
}

type Args = Record<string, unknown>;

export interface Topic {
  /** Whether the event is one this field delivers, given the subscriber's arguments. */
  matches(event: BusEvent, args: Args): boolean;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** The license an event is about: its own entity (licenses subgraph), or the `licenseId` it carries. */
export function licenseIdOf(event: BusEvent): string | undefined {
  return event.entityType === 'License' ? event.entityId : text(event.payload.licenseId);
}

/** Types of the events that change a license's live usage: uses, meters, machines (seats), check-outs. */
export const USAGE_EVENT_PATTERNS = [
  'license.usage.*', 'license.meter-attribute.*', 'machine.created', 'machine.deleted', 'license.checked-out', 'license.checked-in',
] as const;

/**
 * Types of the entitlements subgraph's consumption events, which carry the `licenseId` they change: seats, leases,
 * and user assignments (a reservation takes a seat).
 */
export const CONSUMPTION_EVENT_PATTERNS = ['entitlement.seat.*', 'entitlement.lease.*', 'entitlement.assignments.*'] as const;

function typesMatch(event: BusEvent, types: unknown): boolean {
  return !Array.isArray(types) || types.length === 0 || matchesEventType(types as string[], event.type);
}

function isLicenseEvent(event: BusEvent): boolean {
  return event.source === 'licenses' && (event.entityType === 'License' || event.entityType === 'Machine');
}

/** A change of live usage: a usage event of the licenses subgraph, or a consumption event of the entitlements subgraph. */
function isUsageEvent(event: BusEvent): boolean {
  if (isLicenseEvent(event)) return matchesEventType(USAGE_EVENT_PATTERNS, event.type);
  return event.source === 'entitlements' && matchesEventType(CONSUMPTION_EVENT_PATTERNS, event.type);
}

/** A topic over changes: snapshots re-publish rows for projections and describe no change (lib/snapshots). */
function changeTopic(matches: Topic['matches']): Topic {
  return { matches: (event, args) => !isSnapshotEvent(event) && matches(event, args) };
}

/** The subscription root fields of the supergraph and what each one delivers. */
export const TOPICS: Record<string, Topic> = {
  licenseEvents: changeTopic((event, args) => {
    if (!isLicenseEvent(event) || !typesMatch(event, args.types)) return false;
    if (args.licenseId != null && licenseIdOf(event) !== args.licenseId) return false;
    if (args.organizationId != null && text(event.payload.organizationId) !== args.organizationId) return false;
    if (args.productId != null && text(event.payload.productId) !== args.productId) return false;
    return true;
  }),
  licenseUsageChanged: changeTopic((event, args) => isUsageEvent(event) && licenseIdOf(event) === args.licenseId),
  deviceEvents: changeTopic((event, args) => {
    if (event.source !== 'devices' || event.entityType !== 'Device' || !typesMatch(event, args.types)) return false;
    return args.deviceId == null || event.entityId === args.deviceId;
  }),
};
