/**
 * The test stack with a `graphql-ws` client of its gateway, for end-to-end files that check what a subscription
 * delivers: one start, one `stop()` that closes the client before the stack.
 */
import type { Client } from 'graphql-ws';
import { testToken } from './auth';
import { eventually } from './eventually';
import { startTestStack, type TestStack } from './stack';
import type { TestDatabaseKind } from './databases';
import { subscribe, wsClient, type TestSubscription } from './subscriptions';

export interface TestStackWithWs extends TestStack {
  /** A WebSocket client of the gateway with a token of the test account holding every scope. */
  ws: Client;
  /**
   * Subscribes once every subgraph's outbox is published (so no event of an earlier step arrives) and waits until the
   * gateway holds the subscription (so the next event is not missed). One subscription at a time: unsubscribe it first.
   */
  subscribeAfterDrain(query: string, variables?: Record<string, unknown>): Promise<TestSubscription>;
}

export async function startTestStackWithWs(kind: TestDatabaseKind): Promise<TestStackWithWs> {
  const authorization = `Bearer ${await testToken()}`;
  const t = await startTestStack(kind);
  // lazy: nothing connects (or can fail) before the first subscription
  const ws = wsClient(t.stack.gateway.url, { authorization });
  return {
    ...t,
    ws,
    async subscribeAfterDrain(query, variables = {}) {
      await t.publishAll();
      const sub = subscribe(ws, query, variables);
      await eventually(() => t.stack.gateway.subscriptionStats().subscriptions === 1, 'the subscription');
      return sub;
    },
    async stop() {
      await ws.dispose();
      await t.stop();
    },
  };
}
