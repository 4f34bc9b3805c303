import { SUBGRAPH_NAMES, defaultSubgraphPort, type SubgraphName } from '../lib/config';
import { loadSubgraph } from '../lib/registry';
import { startSubgraph, type RunningSubgraph } from '../lib/subgraph';
import { startGateway, type RunningGateway } from '../gateway';

export interface StackOptions {
  /** PostgreSQL URL shared by the five subgraphs (each owns its prefixed tables); SQLite files otherwise. */
  databaseUrl?: string;
  /** Folder of the SQLite files (`<subgraph>.sqlite`); defaults to `data/`. */
  sqliteDir?: string;
  /** Gateway port; 0 picks a free one. Subgraphs take the next ports, or free ones when 0. */
  port?: number;
  host?: string;
}

export interface Stack {
  gateway: RunningGateway;
  subgraphs: Record<SubgraphName, RunningSubgraph>;
  stop(): Promise<void>;
}

async function stopAll(parts: Array<{ stop(): Promise<void> }>): Promise<void> {
  await Promise.allSettled(parts.reverse().map((p) => p.stop()));
}

/** The five subgraphs and the gateway in this process; a failure half way stops what started. */
export async function startStack(opts: StackOptions = {}): Promise<Stack> {
  const started: RunningSubgraph[] = [];
  try {
    for (const name of SUBGRAPH_NAMES) {
      const port = opts.port ? defaultSubgraphPort(name) - 4000 + opts.port : 0;
      const sqlitePath = opts.sqliteDir ? `${opts.sqliteDir}/${name}.sqlite` : undefined;
      started.push(await startSubgraph(loadSubgraph(name), { port, host: opts.host, databaseUrl: opts.databaseUrl, sqlitePath }));
    }
    const gateway = await startGateway({
      port: opts.port ?? 0,
      host: opts.host,
      subgraphUrls: Object.fromEntries(started.map((s) => [s.name, s.url])),
    });
    const subgraphs = Object.fromEntries(started.map((s) => [s.name, s])) as Record<SubgraphName, RunningSubgraph>;
    return { gateway, subgraphs, stop: () => stopAll([...started, gateway]) };
  } catch (err) {
    await stopAll(started);
    throw err;
  }
}
