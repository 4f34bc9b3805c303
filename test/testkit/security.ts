import type { SubgraphName } from '../../lib/config';
import { BAD_CREDENTIALS, bearerHeaders, postWithoutRouterSecret, ROUTER_SECRET_FLAWS, withRouterSecret } from './auth';
import { client } from './graphql';
import type { TestStack } from './stack';

/** An operation of the subgraph under test; `variables` are computed when the test runs (after the suite's setup). */
export interface GuardedOperation {
  query: string;
  variables?: () => Record<string, unknown>;
}

export interface AuthenticationSuite {
  /** The running stack (assigned by the suite's beforeAll). */
  stack: () => TestStack;
  subgraph: SubgraphName;
  /** Operations a valid admin token may run, mutations included: every one must be refused. */
  operations: GuardedOperation[];
  /** What the refused mutations must leave as it was, read with a valid token before and after each test. */
  state: () => Promise<unknown>;
}

/**
 * The `authentication` block of every subgraph's security suite (call it inside the suite's describe): each of
 * BAD_CREDENTIALS gets UNAUTHENTICATED on every operation, through the gateway and straight to the subgraph with
 * the router secret; a valid token sent straight to the subgraph without the router secret, or with a wrong one,
 * gets HTTP 401 UNAUTHENTICATED and no data. Nothing is changed either way.
 */
export function describeAuthentication({ stack, subgraph, operations, state }: AuthenticationSuite): void {
  const subgraphUrl = () => stack().stack.subgraphs[subgraph].url;
  describe('authentication', () => {
    it.each(BAD_CREDENTIALS)('refuses %s with UNAUTHENTICATED at the gateway and at the subgraph, changing nothing', async (_name, make) => {
      const before = await state();
      const headers = bearerHeaders(await make());
      for (const api of [stack().gatewayWith(headers), client(subgraphUrl(), withRouterSecret(headers))]) {
        for (const op of operations) await api.fails('UNAUTHENTICATED', op.query, op.variables?.());
      }
      expect(await state()).toEqual(before);
    });

    it.each(ROUTER_SECRET_FLAWS)('the subgraph refuses a request %s with 401 UNAUTHENTICATED, even with a valid token, changing nothing', async (_name, secret) => {
      const before = await state();
      for (const op of operations) {
        expect(await postWithoutRouterSecret(subgraphUrl(), op.query, secret, op.variables?.())).toEqual({ status: 401, code: 'UNAUTHENTICATED', data: undefined });
      }
      expect(await state()).toEqual(before);
    });
  });
}
