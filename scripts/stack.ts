import { DEFAULT_GATEWAY_PORT, SUBGRAPH_NAMES, defaultSubgraphPort, type SubgraphName } from '../lib/config';
import { loadSubgraph } from '../lib/registry';
import { startSubgraph, type RunningSubgraph } from '../lib/subgraph';
import { startGateway, type RunningGateway } from '../gateway';
import { busFromEnv, closeBusFromEnv, type EventBus } from '../lib/events';

export interface StackOptions {
  /** PostgreSQL URL shared by the five subgraphs (each owns its prefixed tables); SQLite files otherwise. */
  databaseUrl?: string;
  /** Folder of the SQLite files (`<subgraph>.sqlite`); defaults to `data/`. */
  sqliteDir?: string;
  /** Gateway port; 0 picks a free one. Subgraphs take the next ports, or free ones when 0. */
  port?: number;
  host?: string;
  /** The bus of the subgraphs' relays and workers and of the gateway's subscriptions; default: busFromEnv(). */
  bus?: EventBus;
}

export interface Stack {
  gateway: RunningGateway;
  subgraphs: Record<SubgraphName, RunningSubgraph>;
  bus: EventBus;
  /** Stops the gateway and the subgraphs; closes the bus when it is the process's own (not one given). */
  stop(): Promise<void>;
}

async function stopAll(parts: Array<{ stop(): Promise<void> }>): Promise<void> {
  await Promise.allSettled(parts.reverse().map((p) => p.stop()));
}

/** The five subgraphs and the gateway in this process, on one bus; a failure half way stops what started. */
export async function startStack(opts: StackOptions = {}): Promise<Stack> {
  const bus = opts.bus ?? busFromEnv();
  // after everything that uses it has stopped; a bus given by the caller is the caller's to close
  const stopParts = async (parts: Array<{ stop(): Promise<void> }>) => {
    await stopAll(parts);
    if (!opts.bus) await closeBusFromEnv();
  };
  const started: RunningSubgraph[] = [];
  try {
    for (const name of SUBGRAPH_NAMES) {
      const port = opts.port ? opts.port + defaultSubgraphPort(name) - DEFAULT_GATEWAY_PORT : 0;
      const sqlitePath = opts.sqliteDir ? `${opts.sqliteDir}/${name}.sqlite` : undefined;
      started.push(await startSubgraph(loadSubgraph(name), { port, host: opts.host, databaseUrl: opts.databaseUrl, sqlitePath, bus }));
    }
    const gateway = await startGateway({
      port: opts.port ?? 0,
      host: opts.host,
      subgraphUrls: Object.fromEntries(started.map((s) => [s.name, s.url])),
      bus,
    });
    const subgraphs = Object.fromEntries(started.map((s) => [s.name, s])) as Record<SubgraphName, RunningSubgraph>;
    return { gateway, subgraphs, bus, stop: () => stopParts([...started, gateway]) };
  } catch (err) {
    await stopParts(started);
    throw err;
  }
}
