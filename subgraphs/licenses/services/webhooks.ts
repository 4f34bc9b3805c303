/**
 * Webhook endpoints and the record of their deliveries (ARCHITECTURE.md, "Webhooks"). This is the registration
 * side; delivery reads the same tables: `webhook-fanout.ts` records deliveries (with `webhookBody`),
 * `webhook-sender.ts` POSTs them (with `endpointSigningSecret`) under the rules of `webhook-delivery.ts`.
 */
import { randomBytes } from 'node:crypto';
import { BadUserInputError, ConflictError } from '../../../lib/errors';
import { matchesEventType } from '../../../lib/events/topics';
import { findByIdOrFail, rowIdOrNotFound } from '../../../lib/find';
import type { Em } from '../../../lib/orm';
import { recordEvent, type OutboxEvent } from '../../../lib/outbox';
import { openSecret, sealSecret, secretsKey } from '../../../lib/secrets';
import type { Caller } from '../../../lib/tenancy';
import { WebhookDelivery, type WebhookBody } from '../entities/WebhookDelivery';
import { WebhookEndpoint } from '../entities/WebhookEndpoint';
import { recordWebhookEndpointEvent, type LicenseEventType, type MachineEventType } from './events';

// --- rules (plain functions) ------------------------------------------------------------------------------

// A Record over the union: the compiler fails here when an event type is added to events.ts and not to this list.
const EVENT_TYPES: Record<LicenseEventType | MachineEventType, true> = {
  'license.created': true, 'license.updated': true, 'license.deleted': true, 'license.suspended': true,
  'license.reinstated': true, 'license.revoked': true, 'license.renewed': true, 'license.checked-in': true,
  'license.checked-out': true, 'license.validated': true, 'license.usage.incremented': true,
  'license.usage.decremented': true, 'license.usage.reset': true, 'license.meter-attribute.incremented': true,
  'license.meter-attribute.reset': true,
  'machine.created': true, 'machine.deleted': true, 'machine.heartbeat.ping': true,
};

/** The event types an endpoint can subscribe to by name. */
export const WEBHOOK_EVENT_TYPES: readonly string[] = Object.keys(EVENT_TYPES).sort();

export const MAX_WEBHOOK_URL_LENGTH = 2048;

/** A pattern is valid when it is a known type, `*`, or a wildcard that matches at least one known type. */
function isKnownPattern(pattern: string): boolean {
  if (pattern === '*') return true;
  if (pattern.endsWith('.*')) {
    const prefix = pattern.slice(0, -2);
    return prefix.length > 0 && !prefix.includes('*') && WEBHOOK_EVENT_TYPES.some((type) => matchesEventType([pattern], type));
  }
  return pattern in EVENT_TYPES;
}

/** The URL, checked: absolute, http or https, at most 2048 characters (BAD_USER_INPUT at ['url']). */
export function validateWebhookUrl(url: string): string {
  if (url.length > MAX_WEBHOOK_URL_LENGTH) {
    throw new BadUserInputError(`The URL is ${url.length} characters long, above the maximum of ${MAX_WEBHOOK_URL_LENGTH}`, ['url']);
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new BadUserInputError(`${JSON.stringify(url)} is not an absolute URL`, ['url']);
  }
  // `new URL` accepts surrounding blanks by trimming them: the stored URL must be the one that was checked
  if (url.trim() !== url || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || !parsed.hostname) {
    throw new BadUserInputError(`${JSON.stringify(url)} is not an absolute http(s) URL`, ['url']);
  }
  return url;
}

/** The event patterns, checked (BAD_USER_INPUT at ['events'] or ['events', i]) and without duplicates. */
export function validateWebhookEvents(events: readonly string[]): string[] {
  if (events.length === 0) throw new BadUserInputError('At least one event type is required', ['events']);
  events.forEach((pattern, i) => {
    if (!isKnownPattern(pattern)) {
      throw new BadUserInputError(`${JSON.stringify(pattern)} is not a known event type or wildcard`, ['events', i]);
    }
  });
  return [...new Set(events)];
}

/** A new signing secret: `whsec_` + base64url of 32 random bytes. */
export function newSigningSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

/** The POST body of an outbox event, in the shape of seed 000's webhook. */
export function webhookBody(event: Pick<OutboxEvent, 'type' | 'payload' | 'occurredAt'>): WebhookBody {
  return { event: event.type, data: event.payload.data ?? null, triggeredAt: event.occurredAt.toISOString() };
}

// --- persistence --------------------------------------------------------------------------------------------

export function createWebhookEndpoint(
  em: Em, caller: Caller, url: string, events: readonly string[],
): { endpoint: WebhookEndpoint; secret: string } {
  const endpoint = new WebhookEndpoint();
  const secret = newSigningSecret();
  Object.assign(endpoint, {
    accountId: caller.accountId,
    url: validateWebhookUrl(url),
    events: validateWebhookEvents(events),
    signingSecretSealed: sealSecret(secret, secretsKey()),
  });
  em.persist(endpoint);
  recordWebhookEndpointEvent(em, 'webhook-endpoint.created', endpoint);
  return { endpoint, secret };
}

export async function deleteWebhookEndpoint(em: Em, caller: Caller, id: string): Promise<WebhookEndpoint> {
  const endpoint = await findByIdOrFail(em, WebhookEndpoint, id, 'WebhookEndpoint');
  // its pending deliveries must not be sent anywhere once the endpoint is gone
  await em.nativeDelete(WebhookDelivery, { accountId: caller.accountId, endpointId: endpoint.id });
  recordWebhookEndpointEvent(em, 'webhook-endpoint.deleted', endpoint);
  em.remove(endpoint);
  return endpoint;
}

/**
 * Schedules a delivery again now. One conditional UPDATE, so that a retry racing the delivery worker never turns
 * a delivery that has just succeeded back into PENDING.
 */
export async function retryWebhookDelivery(em: Em, caller: Caller, id: string): Promise<WebhookDelivery> {
  const rowId = rowIdOrNotFound(id, 'WebhookDelivery');
  const now = new Date();
  const changed = await em.nativeUpdate(
    WebhookDelivery,
    { id: rowId, accountId: caller.accountId, status: { $ne: 'DELIVERED' } },
    { status: 'PENDING', nextAttemptAt: now, updatedAt: now },
  );
  const delivery = await findByIdOrFail(em, WebhookDelivery, id, 'WebhookDelivery', { refresh: true });
  if (changed === 0) throw new ConflictError('The webhook delivery was already delivered', { reason: 'ALREADY_DELIVERED' });
  recordEvent(em, {
    accountId: delivery.accountId, type: 'webhook-delivery.retried', entityType: 'WebhookDelivery', entityId: delivery.id,
    payload: { data: { id: delivery.id, endpointId: delivery.endpointId, eventId: delivery.eventId, event: delivery.event } },
  });
  return delivery;
}

/** The endpoint's signing secret, unsealed for the delivery worker's HMAC; never returned through the API. */
export async function endpointSigningSecret(em: Em, endpoint: WebhookEndpoint): Promise<string> {
  await em.populate(endpoint, ['signingSecretSealed']);
  return openSecret(endpoint.signingSecretSealed, secretsKey());
}
