import { startStack, type Stack } from '../../scripts/stack';
import { freshDatabase, type TestDatabaseKind } from './databases';
import { testToken } from './auth';
import { client, type TestClient } from './graphql';

export interface TestStack {
  stack: Stack;
  /** A client of the gateway with a token of the test account holding every scope. */
  gateway: TestClient;
  /** A client of the gateway sending exactly these headers (none: anonymous). */
  gatewayWith(headers: Record<string, string>): TestClient;
  stop(): Promise<void>;
}

/** The whole stack (five subgraphs and the gateway) on free ports over a fresh database. */
export async function startTestStack(kind: TestDatabaseKind = 'sqlite'): Promise<TestStack> {
  const db = await freshDatabase(kind);
  let stack: Stack;
  try {
    stack = await startStack({ databaseUrl: db.databaseUrl, sqliteDir: db.sqliteDir, port: 0 });
  } catch (err) {
    await db.drop();
    throw err;
  }
  return {
    stack,
    gateway: client(stack.gateway.url, { authorization: `Bearer ${await testToken()}` }),
    gatewayWith: (headers) => client(stack.gateway.url, headers),
    async stop() {
      await stack.stop();
      await db.drop();
    },
  };
}
