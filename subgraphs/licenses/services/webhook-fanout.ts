/**
 * From bus events to webhook deliveries: the consumer side of webhook delivery. For each event of a type that
 * endpoints can subscribe to, one PENDING delivery per endpoint of the event's account that wants it.
 */
import type { BusEvent } from '../../../lib/events/bus';
import { matchesEventType } from '../../../lib/events/topics';
import type { Orm } from '../../../lib/orm';
import { WebhookDelivery } from '../entities/WebhookDelivery';
import { WebhookEndpoint } from '../entities/WebhookEndpoint';
import { WEBHOOK_EVENT_TYPES, webhookBody } from './webhooks';

const DELIVERABLE = new Set(WEBHOOK_EVENT_TYPES);

/** Whether endpoints can receive events of this type (webhook management events, for one, are not offered). */
export function isWebhookEventType(type: string): boolean {
  return DELIVERABLE.has(type);
}

/**
 * Records the deliveries of one event and answers how many endpoints it is for. Idempotent: the bus delivers at
 * least once, and (endpointId, eventId) is unique, so a repeated event inserts nothing. An endpoint registered
 * after the event happened does not get it.
 */
export async function recordWebhookDeliveries(orm: Orm, event: BusEvent, now = new Date()): Promise<number> {
  if (!isWebhookEventType(event.type)) return 0;
  const occurredAt = new Date(event.occurredAt);
  // system work: no tenant filter, the account is named explicitly
  const em = orm.em.fork({ clear: true });
  const endpoints = await em.find(
    WebhookEndpoint,
    { accountId: event.accountId, createdAt: { $lte: occurredAt } },
    { filters: false, orderBy: { createdAt: 'asc', id: 'asc' } },
  );
  const wanting = endpoints.filter((endpoint) => matchesEventType(endpoint.events, event.type));
  if (wanting.length === 0) return 0;
  const payload = webhookBody({ type: event.type, payload: event.payload, occurredAt });
  const rows = wanting.map((endpoint) => {
    const delivery = Object.assign(new WebhookDelivery(), {
      accountId: event.accountId, endpointId: endpoint.id, eventId: event.eventId, event: event.type, payload,
      createdAt: now, updatedAt: now, nextAttemptAt: now,
    });
    return { ...delivery };
  });
  await em.createQueryBuilder(WebhookDelivery).insert(rows).onConflict(['endpointId', 'eventId']).ignore().execute();
  return wanting.length;
}
