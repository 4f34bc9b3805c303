/**
 * The webhook worker of the licenses subgraph: the bus consumer (group `webhooks`) that records deliveries, and
 * the poller that sends them. The consumer wakes the poller, so a delivery goes out as soon as it is recorded;
 * the poll interval only matters for retries and for deliveries recorded by another process.
 */
import type { BusEvent, Consumer } from '../../../lib/events/bus';
import { Alarm } from '../../../lib/events/timing';
import type { Worker, WorkerFactory } from '../../../lib/events/worker';
import type { Orm } from '../../../lib/orm';
import type { WebhookDelivery } from '../entities/WebhookDelivery';
import { claimLeaseMs, webhookDeliveryConfig, type WebhookDeliveryConfig } from './webhook-delivery';
import { recordWebhookDeliveries } from './webhook-fanout';
import { EndpointSecrets, attemptDelivery, claimDelivery, dueDeliveries } from './webhook-sender';

export const WEBHOOK_CONSUMER_GROUP = 'webhooks';

export interface WebhookSender extends Worker {
  /** Look for due deliveries now instead of at the next poll. */
  wake(): void;
}

/** Claims a due delivery and, when this process won it, makes the attempt. Never throws. */
async function claimAndAttempt(orm: Orm, delivery: WebhookDelivery, config: WebhookDeliveryConfig, secrets: EndpointSecrets): Promise<void> {
  try {
    if (!(await claimDelivery(orm, delivery, claimLeaseMs(config)))) return;
    const result = await attemptDelivery(orm, delivery, config, secrets);
    if (result === 'lost') console.warn(`Webhook delivery ${delivery.id} changed during its attempt; the attempt is not recorded`);
  } catch (err) {
    // the lease runs out and the attempt is made again: one delivery never stops the others
    console.error(`Webhook delivery ${delivery.id} could not be attempted`, err);
  }
}

/**
 * Sends due deliveries, at most `concurrency` at once, every `pollMs` or when woken, until stopped. A free slot
 * is filled as soon as an attempt ends, so a slow endpoint holds one slot and delays nobody else. A delivery is
 * claimed just before its POST, so its lease starts with the attempt. `stop` waits for the POSTs in flight.
 */
export function startWebhookSender(orm: Orm, config: WebhookDeliveryConfig): WebhookSender {
  let stopped = false;
  const secrets = new EndpointSecrets();
  const inFlight = new Map<string, Promise<void>>();
  // a wake while the loop is busy is remembered: the next sleep returns at once
  const alarm = new Alarm();
  /** Starts attempts in the free slots; answers whether more may be due right now. */
  const fill = async (): Promise<boolean> => {
    const free = Math.min(config.batchSize, config.concurrency - inFlight.size);
    // a full house: the end of an attempt wakes the loop
    if (free <= 0) return false;
    // rows in flight are claimed, hence not due, unless their claim is still on its way: read past them
    const limit = free + inFlight.size;
    const due = await dueDeliveries(orm, limit);
    for (const delivery of due.filter((d) => !inFlight.has(d.id)).slice(0, free)) {
      inFlight.set(delivery.id, claimAndAttempt(orm, delivery, config, secrets).finally(() => {
        inFlight.delete(delivery.id);
        alarm.wake();
      }));
    }
    return due.length === limit && inFlight.size < config.concurrency;
  };
  const loop = async () => {
    while (!stopped) {
      let more = false;
      try {
        more = await fill();
      } catch (err) {
        console.error('Webhook sender could not read due deliveries', err);
      }
      if (!stopped && !more) await alarm.sleep(config.pollMs);
    }
    await Promise.all(inFlight.values());
  };
  const running = loop();
  return {
    wake: () => alarm.wake(),
    async stop() {
      stopped = true;
      alarm.interrupt();
      await running;
    },
  };
}

/** Event types that make due deliveries without recording any: a manual retry. */
const WAKING_TYPES = new Set(['webhook-delivery.retried']);

/** The consumer's handler: record the deliveries of an event, and wake the sender when there is work. */
export function webhookEventHandler(orm: Orm, sender: Pick<WebhookSender, 'wake'>) {
  return async (event: BusEvent): Promise<void> => {
    const recorded = await recordWebhookDeliveries(orm, event);
    if (recorded > 0 || (event.source === 'licenses' && WAKING_TYPES.has(event.type))) sender.wake();
  };
}

/** The webhook worker: WEBHOOK_* settings are read when it starts. */
export const webhookWorkers: WorkerFactory = ({ orm, bus }) => {
  const sender = startWebhookSender(orm, webhookDeliveryConfig());
  let consumer: Consumer;
  try {
    consumer = bus.consume(WEBHOOK_CONSUMER_GROUP, webhookEventHandler(orm, sender));
  } catch (err) {
    void sender.stop();
    throw err;
  }
  return {
    async stop() {
      await consumer.stop();
      await sender.stop();
    },
  };
};
