import type { BusEvent, Consumer, EventBus, EventHandler, LiveListener } from './bus';
import { LiveListeners } from './listeners';

/**
 * The bus inside one process. `publish` calls the live listeners first, synchronously, for the whole batch (a
 * listener's failure is logged, not propagated), then hands each event to every consumer group (one handler per
 * group: the first to join) and resolves after they all succeeded, so a relay marks rows sent only once they
 * are handled. It rejects when a handler fails, and the relay publishes the batch again later: handlers and
 * listeners drop what they have seen by event id.
 */
/** The one consumer of a group in this process, with the handler calls in flight, which `stop` waits for. */
class GroupConsumer {
  private readonly inFlight = new Set<Promise<void>>();

  constructor(readonly handler: EventHandler) {}

  async handle(event: BusEvent): Promise<void> {
    const call = this.handler(event);
    this.inFlight.add(call);
    try {
      await call;
    } finally {
      this.inFlight.delete(call);
    }
  }

  async drained(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
  }
}

export class InProcessBus implements EventBus {
  readonly kind = 'inprocess';
  private readonly listeners = new LiveListeners();
  private readonly groups = new Map<string, GroupConsumer>();
  private closed = false;

  async publish(events: readonly BusEvent[]): Promise<void> {
    if (this.closed) throw new Error('The event bus is closed');
    // live subscribers do not wait for the durable consumers (webhooks write to the database)
    for (const event of events) this.listeners.dispatch(event);
    for (const event of events) {
      for (const [group, consumer] of [...this.groups]) {
        // a consumer that stopped while an earlier handler ran takes nothing more: its database may be closed
        if (this.groups.get(group) === consumer) await consumer.handle(event);
      }
    }
  }

  listen(listener: LiveListener): () => void {
    const remove = this.listeners.add(listener);
    return () => { remove(); };
  }

  /** Listeners are called synchronously by `publish`: they receive everything from the moment they listen. */
  async listening(): Promise<void> {}

  listenerCount(): number {
    return this.listeners.size;
  }

  consume(group: string, handler: EventHandler): Consumer {
    // in one process a group has one consumer: a second one joining the group takes nothing
    const consumer = new GroupConsumer(handler);
    if (!this.groups.has(group)) this.groups.set(group, consumer);
    return {
      // the publishing relays belong to other subgraphs and go on: take no more events, finish the one in hand
      stop: async () => {
        if (this.groups.get(group) === consumer) this.groups.delete(group);
        await consumer.drained();
      },
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    this.listeners.clear();
    this.groups.clear();
  }
}
