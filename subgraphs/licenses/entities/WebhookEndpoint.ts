import { EntitySchema } from '@mikro-orm/core';
import { BaseEntity, baseProperties } from '../../../lib/entity';

/**
 * A URL that receives the account's events as signed POSTs `{ event, data, triggeredAt }` (seed 000's webhook).
 * The signing secret is shown once, at creation; at rest it is sealed (AES-GCM) and never part of the SDL.
 */
export class WebhookEndpoint extends BaseEntity {
  url!: string;
  /** Event types and wildcards (`license.*`, `*`) the endpoint subscribes to. */
  events: string[] = [];
  /** The HMAC signing secret, sealed with the account key secret; lazy, so ordinary reads never load it. */
  signingSecretSealed!: string;
}

export const WebhookEndpointSchema = new EntitySchema<WebhookEndpoint>({
  class: WebhookEndpoint,
  tableName: 'licenses_webhook_endpoint',
  properties: {
    ...baseProperties,
    url: { type: 'text' },
    events: { type: 'json' },
    // hidden as well as lazy: an outbox payload made with toObject() must not carry it
    signingSecretSealed: { type: 'text', lazy: true, hidden: true },
  },
});
