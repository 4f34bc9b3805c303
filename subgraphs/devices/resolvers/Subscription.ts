import { subscriptionField } from '../../../lib/events/delivery';
import type { SubscriptionResolvers } from '../generated/graphql';
import type { Context } from '../context';

/** Streams are opened by the gateway; each delivery executes this field for one event (lib/events/delivery.ts). */
export const Subscription: SubscriptionResolvers = {
  deviceEvents: subscriptionField<Context>(),
};
