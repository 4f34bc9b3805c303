import { startStack, type Stack } from '../../scripts/stack';
import { InProcessBus, type EventBus } from '../../lib/events';
import { freshDatabase, type TestDatabaseKind } from './databases';
import { testToken } from './auth';
import { client, type TestClient } from './graphql';

export interface TestStack {
  stack: Stack;
  /** A client of the gateway with a token of the test account holding every scope. */
  gateway: TestClient;
  /** A client of the gateway sending exactly these headers (none: anonymous). */
  gatewayWith(headers: Record<string, string>): TestClient;
  /**
   * Publishes everything the subgraphs' outboxes hold; on the in-process bus, once it resolves every consumer
   * (webhooks, the compliance projection and call-home tracking) has handled those events too.
   */
  publishAll(): Promise<void>;
  stop(): Promise<void>;
}

export interface TestStackOptions {
  /** The stack's bus (e.g. a RedisBus with a prefix of the test's own), closed by the caller; default: a new in-process bus of this stack. */
  bus?: EventBus;
}

/**
 * The whole stack (five subgraphs and the gateway) on free ports over a fresh database, with a bus of its own:
 * test files never share a bus (or Redis keys) with each other.
 */
export async function startTestStack(kind: TestDatabaseKind = 'sqlite', opts: TestStackOptions = {}): Promise<TestStack> {
  const db = await freshDatabase(kind);
  const bus = opts.bus ?? new InProcessBus();
  const closeOwnBus = async () => { if (!opts.bus) await bus.close(); };
  let stack: Stack;
  try {
    stack = await startStack({ databaseUrl: db.databaseUrl, sqliteDir: db.sqliteDir, port: 0, bus });
  } catch (err) {
    await closeOwnBus();
    await db.drop();
    throw err;
  }
  return {
    stack,
    gateway: client(stack.gateway.url, { authorization: `Bearer ${await testToken()}` }),
    gatewayWith: (headers) => client(stack.gateway.url, headers),
    async publishAll() {
      await Promise.all(Object.values(stack.subgraphs).map((s) => s.relay?.drain()));
    },
    async stop() {
      await stack.stop();
      await closeOwnBus();
      await db.drop();
    },
  };
}
