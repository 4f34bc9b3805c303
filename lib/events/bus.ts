/**
 * The event bus (ARCHITECTURE.md, "Events"): one interface, two implementations. The in-process bus is the
 * default (one process runs the whole stack, and the tests); the Redis bus (`REDIS_URL`) connects any number
 * of subgraph and gateway processes.
 *
 * Two ways to receive events:
 * - `listen`: live fan-out. Every listener on every instance sees every event published after it started
 *   listening. Nothing is kept for a listener that is not there: GraphQL subscriptions use it.
 * - `consume`: durable consumer groups. Each event is handled by one consumer of the group and handed out
 *   again until a handler resolves for it, also after a crash or restart: webhooks and projections use it.
 *
 * Delivery is at least once: a relay that crashes between publishing and marking its rows publishes them
 * again, so consumers drop duplicates by `eventId`.
 */
import type { SubgraphName } from '../config';

/** An outbox row on the bus. */
export interface BusEvent {
  /** Unique per event: consumers drop duplicates by it. */
  eventId: string;
  /** The subgraph whose outbox the event comes from. */
  source: SubgraphName;
  /** Position in its source's outbox: increasing in commit order within one source. */
  seq: number;
  /** The tenant: an event reaches only callers and endpoints of this account. */
  accountId: string;
  /** e.g. `license.updated`. */
  type: string;
  /** GraphQL type of the entity, e.g. `License`; with `entityId`, the entity's key. */
  entityType: string;
  entityId: string;
  /** `data` (the entity after the change) and what consumers key on (e.g. `licenseId`). */
  payload: Record<string, unknown>;
  /** ISO-8601 time of the change. */
  occurredAt: string;
}

export type LiveListener = (event: BusEvent) => void;
export type EventHandler = (event: BusEvent) => Promise<void>;

export interface Consumer {
  /** Stops taking events; resolves once the event in hand (if any) is handled. */
  stop(): Promise<void>;
}

export interface ConsumeOptions {
  /** Name of this consumer within the group (default: host, process and a random suffix). */
  consumer?: string;
}

export interface EventBus {
  /** `inprocess` or `redis`. */
  readonly kind: string;
  /**
   * Appends events in the given order. Resolves when the bus holds them durably (Redis) or, in process, when
   * every consumer group has handled them; rejects when they may not have been taken, so the caller retries.
   */
  publish(events: readonly BusEvent[]): Promise<void>;
  /** Live fan-out of events published from now on; returns the function that stops listening. */
  listen(listener: LiveListener): () => void;
  /**
   * Resolves once the live listeners of this instance receive every event appended from now on (Redis: the live
   * read knows its start position). An event published just before may still reach them.
   */
  listening(): Promise<void>;
  /** Number of live listeners on this instance (0 once every one has stopped). */
  listenerCount(): number;
  /** Joins the durable consumer group `group`, created on first use. */
  consume(group: string, handler: EventHandler, opts?: ConsumeOptions): Consumer;
  /** Stops every consumer and listener of this instance and releases its connections. */
  close(): Promise<void>;
}
