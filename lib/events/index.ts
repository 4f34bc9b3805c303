import type { EventBus } from './bus';
import { InProcessBus } from './inprocess-bus';
import { RedisBus } from './redis-bus';

export type { BusEvent, ConsumeOptions, Consumer, EventBus, EventHandler, LiveListener } from './bus';
export type { Worker, WorkerEnv, WorkerFactory } from './worker';
export { InProcessBus } from './inprocess-bus';
export { RedisBus, type RedisBusOptions } from './redis-bus';

// the relay (lib/events/relay.ts) is not re-exported: it pulls in the ORM, which a gateway process does not need

let processBus: EventBus | undefined;

/**
 * The bus of this process: a RedisBus when REDIS_URL is set, else the in-process bus. One per process, so that
 * every subgraph and the gateway of one process share it (in process, that is what connects them). The process
 * owns it: parts that were handed it do not close it; `closeBusFromEnv()` does, at shutdown.
 */
export function busFromEnv(): EventBus {
  processBus ??= process.env.REDIS_URL ? new RedisBus(process.env.REDIS_URL) : new InProcessBus();
  return processBus;
}

/** Closes the bus of this process, if one was made; a later `busFromEnv()` makes a new one. */
export async function closeBusFromEnv(): Promise<void> {
  const bus = processBus;
  processBus = undefined;
  await bus?.close();
}
