import type { SubgraphName } from '../../lib/config';
import { loadSubgraph } from '../../lib/registry';
import { startSubgraph, type RunningSubgraph } from '../../lib/subgraph';
import { InProcessBus } from '../../lib/events';
import { freshDatabase, type TestDatabaseKind } from './databases';
import { routerHeaders } from './auth';
import { client, type TestClient } from './graphql';

export interface TestSubgraph {
  subgraph: RunningSubgraph;
  /** A client of the subgraph itself, sending what the gateway sends (router secret, admin token). */
  api: TestClient;
  /** A client of the subgraph sending exactly these headers. */
  apiWith(headers: Record<string, string>): TestClient;
  stop(): Promise<void>;
}

export interface TestSubgraphOptions {
  /** Run the outbox relay and the background workers (default true); off, only requests touch the database. */
  background?: boolean;
}

/** One subgraph over HTTP on a free port, on a fresh database, with an in-process bus of its own. */
export async function startTestSubgraph(name: SubgraphName, kind: TestDatabaseKind = 'sqlite', opts: TestSubgraphOptions = {}): Promise<TestSubgraph> {
  const db = await freshDatabase(kind);
  const bus = new InProcessBus();
  let subgraph: RunningSubgraph;
  try {
    subgraph = await startSubgraph(loadSubgraph(name), {
      databaseUrl: db.databaseUrl,
      sqlitePath: db.sqliteDir ? `${db.sqliteDir}/${name}.sqlite` : undefined,
      bus,
      relay: opts.background,
      workers: opts.background,
    });
  } catch (err) {
    await bus.close();
    await db.drop();
    throw err;
  }
  return {
    subgraph,
    api: client(subgraph.url, await routerHeaders()),
    apiWith: (headers) => client(subgraph.url, headers),
    async stop() {
      await subgraph.stop();
      await bus.close();
      await db.drop();
    },
  };
}
