import type { WebhookDeliveryResolvers } from '../generated/graphql';

export const WebhookDelivery: WebhookDeliveryResolvers = {
  endpoint: (delivery, _, { loaders }) => loaders.webhookEndpoint.load(delivery.endpointId),
};
