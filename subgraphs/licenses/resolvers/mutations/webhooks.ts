import type { MutationResolvers } from '../../generated/graphql';
import * as webhooks from '../../services/webhooks';

type WebhookMutationResolvers = Pick<MutationResolvers, 'createWebhookEndpoint' | 'deleteWebhookEndpoint' | 'retryWebhookDelivery'>;

/** Webhook endpoints (the signing secret is returned by create only) and replays of deliveries. */
export const webhookMutations: WebhookMutationResolvers = {
  createWebhookEndpoint: (_, { url, events }, { em, caller }) => webhooks.createWebhookEndpoint(em, caller, url, events),
  deleteWebhookEndpoint: (_, { id }, { em, caller }) => webhooks.deleteWebhookEndpoint(em, caller, id),
  retryWebhookDelivery: (_, { id }, { em, caller }) => webhooks.retryWebhookDelivery(em, caller, id),
};
