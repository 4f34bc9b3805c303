/**
 * The subgraph side of subscriptions (ARCHITECTURE.md, "Subscriptions"). The gateway serves subscriptions;
 * for each event a subscription wants, it sends the subscription's own fetch to the subgraph that declares the
 * root field, with the event in the request's `extensions.event` (only the gateway can: subgraphs require the
 * router's secret). The subgraph executes that subscription document once, with the event standing for the
 * event stream's value, exactly as graphql-js resolves one event of a subscription; the rest of the payload
 * (fields of other subgraphs) comes from the gateway's query plan.
 */
import { BadUserInputError, ForbiddenError } from '../errors';
import type { BusEvent } from './bus';

/** Name of the request extension that carries the event. */
export const EVENT_EXTENSION = 'event';

/** What a client is told when it asks a subgraph directly, or over HTTP, for a subscription. */
const SERVED_BY_GATEWAY = 'Subscriptions are served by the gateway over WebSocket (graphql-transport-ws at /graphql)';

const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

/** The event a request carries in `extensions.event`, when it carries a well-formed one. */
export function deliveredEventOf(body: unknown): BusEvent | undefined {
  const extensions = (body as { extensions?: Record<string, unknown> } | undefined)?.extensions;
  const event = extensions?.[EVENT_EXTENSION] as Partial<BusEvent> | undefined;
  if (!event || typeof event !== 'object') return undefined;
  const wellFormed = isText(event.eventId) && isText(event.accountId) && isText(event.type) && isText(event.entityType)
    && isText(event.entityId) && isText(event.occurredAt) && isText(event.source) && typeof event.payload === 'object' && event.payload !== null;
  return wellFormed ? (event as BusEvent) : undefined;
}

interface EventContext {
  event?: BusEvent;
  caller: { accountId: string };
}

/** The event of this request, which must belong to the caller's account (tenant isolation, again). */
function deliveredEvent(ctx: EventContext): BusEvent {
  if (!ctx.event) throw new BadUserInputError(SERVED_BY_GATEWAY);
  if (ctx.event.accountId !== ctx.caller.accountId) throw new ForbiddenError('The event belongs to another account');
  return ctx.event;
}

/**
 * A subscription root field of a subgraph: it never opens a stream itself (the gateway does) and resolves to
 * the event it is executed for.
 */
export function subscriptionField<Context extends EventContext>() {
  return {
    subscribe: (): never => {
      throw new BadUserInputError(SERVED_BY_GATEWAY);
    },
    resolve: (_root: unknown, _args: unknown, ctx: Context): BusEvent => deliveredEvent(ctx),
  };
}

/** The fields every event payload type shares: `id`, `type`, `occurredAt`, `data`. */
export const eventPayloadFields = {
  id: (event: BusEvent): string => event.eventId,
  type: (event: BusEvent): string => event.type,
  occurredAt: (event: BusEvent): Date => new Date(event.occurredAt),
  data: (event: BusEvent): unknown => event.payload.data ?? null,
};
