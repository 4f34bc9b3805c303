import { EntitySchema } from '@mikro-orm/core';
import { BaseEntity, baseProperties } from '../../../lib/entity';
import type { WebhookDeliveryStatus } from '../generated/graphql';

/** The POST body of a webhook (seed 000): the event name, the entity after the change, when it happened. */
export interface WebhookBody {
  event: string;
  data: unknown;
  triggeredAt: string;
}

/** One attempt to POST a delivery, as kept in its history (the last MAX_ATTEMPT_HISTORY of them). */
export interface WebhookDeliveryAttempt {
  /** 1 for the first attempt, counting every attempt of the delivery. */
  number: number;
  /** When the attempt started (ISO-8601). */
  at: string;
  durationMs: number;
  /** The HTTP status answered; null when none was (connection refused, timeout). */
  responseCode: number | null;
  /** Why the attempt failed; null when it succeeded. */
  error: string | null;
  succeeded: boolean;
}

/**
 * One event to deliver to one endpoint, with the record of its attempts, so that a person can see it and
 * replay it. (endpointId, eventId) is unique: a redelivered outbox event never makes a second delivery.
 */
export class WebhookDelivery extends BaseEntity {
  endpointId!: string;
  /** The outbox event's `eventId`. */
  eventId!: string;
  /** The event type, e.g. `license.updated`. */
  event!: string;
  payload!: WebhookBody;
  status: WebhookDeliveryStatus = 'PENDING';
  attempts = 0;
  lastResponseCode: number | null = null;
  lastError: string | null = null;
  lastAttemptAt: Date | null = null;
  nextAttemptAt: Date | null = new Date();
  durationMs: number | null = null;
  /** The most recent attempts, oldest first. */
  attemptHistory: WebhookDeliveryAttempt[] = [];
}

export const WebhookDeliverySchema = new EntitySchema<WebhookDelivery>({
  class: WebhookDelivery,
  tableName: 'licenses_webhook_delivery',
  uniques: [{ properties: ['endpointId', 'eventId'] }],
  // the delivery worker picks due rows: PENDING with nextAttemptAt <= now
  indexes: [{ properties: ['status', 'nextAttemptAt'] }],
  properties: {
    ...baseProperties,
    endpointId: { type: 'uuid', index: true },
    eventId: { type: 'string', length: 36 },
    event: { type: 'string', length: 100 },
    payload: { type: 'json' },
    status: { type: 'string', length: 20 },
    attempts: { type: 'integer' },
    lastResponseCode: { type: 'integer', nullable: true },
    lastError: { type: 'text', nullable: true },
    lastAttemptAt: { type: 'datetime', nullable: true },
    nextAttemptAt: { type: 'datetime', nullable: true },
    durationMs: { type: 'integer', nullable: true },
    attemptHistory: { type: 'json', default: '[]' },
  },
});
