/**
 * A real `graphql-ws` client (graphql-transport-ws over a real WebSocket) for the gateway's subscriptions, and a
 * subscription handle that queues what the server sends, so a test can wait for the next payload.
 */
import type { ExecutionResult } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/** `ws://…/graphql` of an `http://…/graphql` URL. */
export const wsUrl = (httpUrl: string): string => httpUrl.replace(/^http/, 'ws');

export interface WsClientOptions {
  /** The `authorization` connection parameter (omitted when undefined). */
  authorization?: string;
}

/** A client that connects on first subscribe and never retries (a refused connection is an error to see). */
export function wsClient(httpUrl: string, opts: WsClientOptions = {}): Client {
  return createClient({
    url: wsUrl(httpUrl),
    webSocketImpl: WebSocket,
    connectionParams: opts.authorization === undefined ? {} : { authorization: opts.authorization },
    retryAttempts: 0,
    lazy: true,
  });
}

type Payload = ExecutionResult<Record<string, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any -- test data is read loosely

export interface TestSubscription {
  /** The next payload; fails after `timeoutMs` or when the subscription ends or errors first. */
  next(timeoutMs?: number): Promise<Payload>;
  /** Resolves with the error (a close event or GraphQL errors) that ends the subscription. */
  ended(timeoutMs?: number): Promise<unknown>;
  /** Payloads received and not yet taken by next(). */
  readonly pending: number;
  unsubscribe(): void;
}

export function subscribe(client: Client, query: string, variables: Record<string, unknown> = {}): TestSubscription {
  const queue: Payload[] = [];
  let end: { error: unknown } | null = null;
  let wake: (() => void) | null = null;
  const notify = () => { wake?.(); wake = null; };
  const unsubscribe = client.subscribe<Record<string, unknown>>({ query, variables }, {
    next: (value) => { queue.push(value as Payload); notify(); },
    error: (error) => { end = { error }; notify(); },
    complete: () => { end = end ?? { error: null }; notify(); },
  });
  async function waitFor<T>(take: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = take();
      if (value !== undefined) return value;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no ${what} within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        wake = () => { clearTimeout(timer); resolve(); };
      });
    }
  }
  return {
    next: (timeoutMs = 10_000) => waitFor(() => {
      if (queue.length > 0) return queue.shift();
      if (end) throw new Error(`the subscription ended: ${JSON.stringify(end.error)}`);
      return undefined;
    }, timeoutMs, 'payload'),
    ended: (timeoutMs = 10_000) => waitFor(() => (end ? end.error ?? 'completed' : undefined), timeoutMs, 'end'),
    get pending() { return queue.length; },
    unsubscribe,
  };
}
