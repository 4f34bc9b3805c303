import type { WebhookEndpointResolvers } from '../generated/graphql';

export const WebhookEndpoint: WebhookEndpointResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.webhookEndpoint.load(ref.id),
};
