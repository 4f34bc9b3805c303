import { requireUuid } from '../../../../lib/ids';
import { findConnection } from '../../../../lib/query';
import { WebhookDelivery } from '../../entities/WebhookDelivery';
import { WebhookEndpoint } from '../../entities/WebhookEndpoint';
import type { QueryResolvers } from '../../generated/graphql';

type WebhookQueryResolvers = Pick<QueryResolvers, 'webhookEndpoints' | 'webhookEndpoint' | 'webhookDeliveries'>;

/** Webhook endpoints (never their secrets) and the record of deliveries. */
export const webhookQueries: WebhookQueryResolvers = {
  webhookEndpoints: (_, args, { em }) => findConnection(em, WebhookEndpoint, { orderBy: { createdAt: 'asc', id: 'asc' }, args }),
  webhookEndpoint: (_, { id }, { loaders }) => loaders.webhookEndpoint.load(id),
  webhookDeliveries: (_, args, { em }) => {
    // the same answer on both databases (PostgreSQL would refuse a malformed UUID in the WHERE)
    if (args.endpointId) requireUuid(args.endpointId, ['endpointId']);
    return findConnection(em, WebhookDelivery, {
      where: args.endpointId ? { endpointId: args.endpointId } : undefined,
      orderBy: { createdAt: 'desc', id: 'desc' },
      args,
    });
  },
};
