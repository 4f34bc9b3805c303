/**
 * GraphQL over WebSocket (`graphql-transport-ws`, the `graphql-ws` library) on the gateway's own HTTP server and
 * `/graphql` path, next to queries over HTTP.
 *
 * - Connection: `connectionParams.authorization` must be `Bearer <token>`, verified like an HTTP request's
 *   header; otherwise the socket is closed with 4403.
 * - Subscribe: the document is validated against the API schema and the operation limits, the root field's
 *   `@requiresScopes` is checked, and the operation is planned once (planner.ts); the subscriber then joins the
 *   group of identical subscriptions (hub.ts).
 * - Each event: the group's plan runs through `@apollo/gateway`'s executor with the caller's credentials, so the
 *   subgraphs apply their scope checks and tenant filter to every event.
 * - Queries and mutations sent over the socket run through Apollo Server like HTTP requests.
 */
import { createHash } from 'node:crypto';
import type http from 'node:http';
import type { ApolloServer } from '@apollo/server';
import { executeQueryPlan, type ServiceMap } from '@apollo/gateway';
import type { GatewayGraphQLRequestContext } from '@apollo/server-gateway-interface';
import {
  getArgumentValues, getOperationAST, getVariableValues, GraphQLError, parse, print, validate,
  type DocumentNode, type ExecutionArgs, type ExecutionResult, type OperationDefinitionNode,
} from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { Authenticator } from '../../lib/auth';
import { requireScopes } from '../../lib/auth/scopes';
import { BadUserInputError, formatClientError, UnauthenticatedError } from '../../lib/errors';
import type { BusEvent } from '../../lib/events/bus';
import { TOPICS } from '../../lib/events/topics';
import type { Caller } from '../../lib/tenancy';
import { checkOperationLimits, type OperationLimits } from '../limits';
import type { GatewayContext } from '../security';
import type { SubscriptionHub } from './hub';
import type { PlannedSubscription, SubscriptionPlanner } from './planner';

export interface SubscriptionServerOptions {
  httpServer: http.Server;
  path: string;
  planner: SubscriptionPlanner;
  hub: SubscriptionHub;
  authenticator: Authenticator;
  limits: OperationLimits;
  /** The subgraphs, called with each subscriber's credentials. */
  serviceMap: ServiceMap;
  /** Runs queries and mutations sent over the socket. */
  apollo: ApolloServer<GatewayContext>;
}

interface Session {
  authorization: string;
  caller: Caller;
}

interface SocketContext extends GatewayContext {
  authorization: string;
  caller: Caller;
  operation: OperationDefinitionNode;
  source: string;
  /** The plan of a subscription operation. */
  planned?: PlannedSubscription;
}

/** JSON with sorted object keys: equal variables give equal text whatever their key order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * The credentials of a connection: `connectionParams.authorization` (what graphql-ws clients send), the same in
 * `connectionParams.headers` (what some IDEs send), or else the upgrade request's Authorization header.
 */
function authorizationOf(params: Readonly<Record<string, unknown>> | undefined, upgradeHeader: string | undefined): string | undefined {
  const headers = (params?.headers ?? {}) as Record<string, unknown>;
  const value = params?.authorization ?? params?.Authorization ?? headers.authorization ?? headers.Authorization ?? upgradeHeader;
  return typeof value === 'string' ? value : undefined;
}

const asErrors = (err: unknown): GraphQLError[] => [err instanceof GraphQLError ? err : new GraphQLError('The operation could not be started')];

export function serveSubscriptions(opts: SubscriptionServerOptions): { dispose(): Promise<void> } {
  const { planner, hub } = opts;
  const sessions = new WeakMap<object, Session>();
  const wsServer = new WebSocketServer({ server: opts.httpServer, path: opts.path });

  function prepare(session: Session, payload: { query?: string; operationName?: string | null; variables?: Record<string, unknown> | null }): ExecutionArgs | GraphQLError[] {
    let document: DocumentNode;
    try {
      document = parse(payload.query ?? '');
    } catch (err) {
      return asErrors(err);
    }
    const validationErrors = validate(planner.schema, document);
    if (validationErrors.length > 0) return [...validationErrors];
    const operation = getOperationAST(document, payload.operationName ?? undefined);
    if (!operation) return [new BadUserInputError('Name the operation to run: the document has several')];
    const variables = payload.variables ?? {};
    const coerced = getVariableValues(planner.schema, operation.variableDefinitions ?? [], variables);
    if (coerced.errors) return [...coerced.errors];
    checkOperationLimits(document, operation, variables, opts.limits);
    const contextValue: SocketContext = { ...session, operation, source: payload.query ?? '' };
    if (operation.operation === 'subscription') {
      const planned = planner.plan(document, operation);
      const name = planned.rootField.name.value;
      if (!TOPICS[name]) return [new BadUserInputError(`Subscription.${name} has no event topic in this gateway`)];
      requireScopes(session.caller, planned.scopes, `Subscription.${name}`);
      contextValue.planned = planned;
    }
    // variables stay as sent: the subgraph fetches coerce them again, and equal requests must hash equal
    return { schema: planner.schema, document, operationName: payload.operationName, variableValues: variables, contextValue };
  }

  function subscribe(args: ExecutionArgs): AsyncIterableIterator<ExecutionResult> {
    const ctx = args.contextValue as SocketContext;
    const planned = ctx.planned as PlannedSubscription; // set by prepare() for every subscription operation
    const name = planned.rootField.name.value;
    const fieldDef = planner.schema.getSubscriptionType()?.getFields()[name];
    const variables = (args.variableValues ?? {}) as Record<string, unknown>;
    return hub.subscribe({
      key: createHash('sha256').update(canonicalJson([print(args.document), args.operationName ?? null, variables, ctx.authorization])).digest('hex'),
      accountId: ctx.caller.accountId,
      topic: TOPICS[name],
      args: fieldDef ? getArgumentValues(fieldDef, planned.rootField, variables) : {},
      expiresAt: ctx.caller.expiresAt,
      resolve: (event) => resolveEvent(planned, args, ctx, event),
    });
  }

  function resolveEvent(planned: PlannedSubscription, args: ExecutionArgs, ctx: SocketContext, event: BusEvent): Promise<ExecutionResult> {
    const context: GatewayContext = { authorization: ctx.authorization, caller: ctx.caller, event };
    // executeQueryPlan reads request, context, logger and metrics of Apollo Server's request context; the rest of
    // that type (cache, hashes, response) belongs to an HTTP request and is not used by the executor
    const requestContext = {
      request: { query: ctx.source, operationName: args.operationName ?? undefined, variables: args.variableValues ?? {} },
      context,
      logger: console,
      metrics: {},
      schema: planner.schema,
      document: args.document,
      operation: ctx.operation,
      operationName: args.operationName ?? null,
      source: ctx.source,
    } as unknown as GatewayGraphQLRequestContext<GatewayContext>;
    return executeQueryPlan(planned.queryPlan, opts.serviceMap, requestContext, planned.operationContext, planner.supergraphSchema, planner.apiSchema);
  }

  async function execute(args: ExecutionArgs): Promise<ExecutionResult> {
    const ctx = args.contextValue as SocketContext;
    const response = await opts.apollo.executeOperation(
      { query: ctx.source, operationName: args.operationName ?? undefined, variables: (args.variableValues ?? {}) as Record<string, unknown> },
      { contextValue: { authorization: ctx.authorization, caller: ctx.caller } },
    );
    if (response.body.kind !== 'single') return { errors: [new GraphQLError('Incremental delivery is not supported over WebSocket')] };
    // already formatted by Apollo Server (formatClientError): sent as they are
    return response.body.singleResult as ExecutionResult;
  }

  const disposable = useServer<Record<string, unknown>>({
    async onConnect(ctx) {
      const authorization = authorizationOf(ctx.connectionParams, ctx.extra.request.headers.authorization);
      if (!authorization || !/^bearer /i.test(authorization)) return false;
      try {
        sessions.set(ctx, { authorization, caller: await opts.authenticator.authenticate({ authorization }) });
        return true;
      } catch {
        return false;
      }
    },
    onSubscribe(ctx, _id, payload) {
      const session = sessions.get(ctx);
      if (!session) return [new UnauthenticatedError()];
      try {
        return prepare(session, payload);
      } catch (err) {
        return asErrors(err);
      }
    },
    subscribe,
    execute,
    // the same formatting as HTTP responses: codes kept, internals hidden
    onError: (_ctx, _id, _payload, errors) => errors.map((e) => formatClientError(e.toJSON(), e)),
    onNext: (_ctx, _id, _payload, _args, result) => ({
      ...result,
      errors: result.errors?.map((e) => (e instanceof GraphQLError ? formatClientError(e.toJSON(), e) : e)),
    }),
  }, wsServer);

  return {
    async dispose() {
      hub.close();
      await disposable.dispose();
      await new Promise<void>((resolve) => wsServer.close(() => resolve()));
    },
  };
}
