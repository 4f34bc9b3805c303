import type { WebhookDeliveryResolvers } from '../generated/graphql';

export const WebhookDelivery: WebhookDeliveryResolvers = {
  endpoint: (delivery, _, { loaders }) => loaders.webhookEndpoint.load(delivery.endpointId),
  // the JSON column keeps instants as ISO strings
  attemptHistory: (delivery) => delivery.attemptHistory.map((attempt) => ({ ...attempt, at: new Date(attempt.at) })),
};
