import type { SubgraphName } from '../config';
import type { Orm } from '../orm';
import type { EventBus } from './bus';

/** What a subgraph's background worker (a bus consumer, a poller) is started with. */
export interface WorkerEnv {
  subgraph: SubgraphName;
  orm: Orm;
  bus: EventBus;
}

/** A running background worker; `stop` resolves once the work in hand is finished. */
export interface Worker {
  stop(): Promise<void>;
}

/** Starts one background worker of a subgraph; `startSubgraph` starts them after migrating, stops them first. */
export type WorkerFactory = (env: WorkerEnv) => Worker;
