import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloGateway, type RemoteGraphQLDataSource } from '@apollo/gateway';
import { envInt, PROJECT_ROOT, SUBGRAPH_NAMES, subgraphUrlFromEnv, type SubgraphName } from '../lib/config';
import { authConfigFromEnv, createAuthenticator, isProduction } from '../lib/auth';
import { formatClientError, LimitExceededError } from '../lib/errors';
import { keepConnectionsLongerThanClients } from '../lib/http';
import { busFromEnv, type EventBus } from '../lib/events';
import { asServerGateway } from './adapter';
import { subgraphDataSource } from './datasources';
import { hubOptionsFromEnv, SubscriptionHub, type HubStats } from './subscriptions/hub';
import { SubscriptionPlanner } from './subscriptions/planner';
import { serveSubscriptions } from './subscriptions/server';
import { readiness } from './health';
import { limitsFromEnv } from './limits';
import { securityPlugin, type GatewayContext } from './security';
import { supergraphForApolloGateway } from './supergraph';

export const SUPERGRAPH_PATH = path.join(PROJECT_ROOT, 'schema', 'supergraph.graphql');

export interface GatewayOptions {
  port?: number;
  host?: string;
  /** Where each subgraph is served; missing ones come from `SUBGRAPH_<NAME>_URL` or the defaults. */
  subgraphUrls?: Partial<Record<SubgraphName, string>>;
  /** The composed supergraph; defaults to the checked-in `schema/supergraph.graphql`. */
  supergraphSdl?: string;
  /** Where live events come from for subscriptions; default: busFromEnv(). */
  bus?: EventBus;
}

export interface RunningGateway {
  url: string;
  port: number;
  subgraphUrls: Record<SubgraphName, string>;
  /** Open subscriptions, their groups and the bus listeners they hold (also in GET /health). */
  subscriptionStats(): HubStats;
  stop(): Promise<void>;
}

function resolveSubgraphUrls(given: GatewayOptions['subgraphUrls'] = {}): Record<SubgraphName, string> {
  return Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, given[name] ?? subgraphUrlFromEnv(name)])) as Record<SubgraphName, string>;
}

/**
 * The gateway loads the composed supergraph file: no introspection of subgraphs at run time. Queries and
 * subscription deliveries call the subgraphs through the same data sources.
 */
function createApolloGateway(supergraphSdl: string, serviceMap: Record<string, RemoteGraphQLDataSource<GatewayContext>>, gatewaySecret: string): ApolloGateway {
  return new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) => serviceMap[name] ?? subgraphDataSource(url ?? '', gatewaySecret),
  });
}

/** Largest request body (MAX_BODY_BYTES, default 1 MiB). */
const MAX_BODY = envInt('MAX_BODY_BYTES', 1024 * 1024);

function limitResponse(res: express.Response, status: number, error: LimitExceededError): void {
  res.status(status).json({ errors: [{ message: error.message, extensions: { code: error.code, limit: error.extensions.limit } }] });
}

/** One operation per request: a JSON array of operations is refused, not executed in bulk. */
const refuseBatches: express.RequestHandler = (req, res, next) => {
  if (!Array.isArray(req.body)) return next();
  limitResponse(res, 400, new LimitExceededError('maxBatchedOperations', 'Batched operations are not accepted: send one operation per request'));
};

/** Bodies over MAX_BODY_BYTES answer LIMIT_EXCEEDED rather than express's HTML page. */
const limitErrors: express.ErrorRequestHandler = (err, _req, res, next) => {
  if ((err as { type?: string }).type !== 'entity.too.large') return next(err);
  limitResponse(res, 413, new LimitExceededError('maxBodyBytes', `The request body is larger than ${MAX_BODY} bytes`));
};

export async function startGateway(opts: GatewayOptions = {}): Promise<RunningGateway> {
  const auth = authConfigFromEnv();
  const authenticator = createAuthenticator(auth);
  const production = isProduction();
  const urls = resolveSubgraphUrls(opts.subgraphUrls);
  const supergraphSdl = supergraphForApolloGateway(opts.supergraphSdl ?? fs.readFileSync(SUPERGRAPH_PATH, 'utf8'));
  const app = express();
  const httpServer = http.createServer(app);
  keepConnectionsLongerThanClients(httpServer);
  const limits = limitsFromEnv();
  const hub = new SubscriptionHub(opts.bus ?? busFromEnv(), hubOptionsFromEnv());
  const serviceMap = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, subgraphDataSource(urls[name], auth.gatewaySecret)]));
  let subscriptions: { dispose(): Promise<void> } | undefined;
  const server = new ApolloServer<GatewayContext>({
    gateway: asServerGateway(createApolloGateway(supergraphSdl, serviceMap, auth.gatewaySecret)),
    formatError: formatClientError,
    introspection: !production || process.env.ALLOW_INTROSPECTION === 'true',
    includeStacktraceInErrorResponses: !production,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false }),
      securityPlugin(limits),
      // WebSocket connections are not the HTTP server's: they are closed here, when Apollo Server drains
      { serverWillStart: async () => ({ drainServer: async () => { await subscriptions?.dispose(); } }) },
    ],
  });
  await server.start();
  subscriptions = serveSubscriptions({
    httpServer,
    path: '/graphql',
    planner: new SubscriptionPlanner(supergraphSdl),
    hub,
    authenticator,
    limits,
    serviceMap,
    apollo: server,
  });
  app.get('/health', (_req, res) => { res.json({ status: 'ok', subscriptions: hub.stats() }); });
  app.get('/ready', async (_req, res) => {
    const report = await readiness(urls);
    res.status(report.ready ? 200 : 503).json(report);
  });
  app.use('/graphql', express.json({ limit: MAX_BODY }), refuseBatches, expressMiddleware(server, {
    // a bearer token is verified here already (and again by every subgraph); a license key is the licenses subgraph's to check
    context: async ({ req }) => {
      const authorization = req.headers.authorization;
      const caller = /^bearer /i.test(authorization ?? '') ? await authenticator.authenticate(req.headers) : undefined;
      return { authorization, caller };
    },
  }));
  app.use(limitErrors);
  try {
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', resolve);
    });
  } catch (err) {
    await server.stop();
    throw err;
  }
  const { port } = httpServer.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    port,
    subgraphUrls: urls,
    subscriptionStats: () => hub.stats(),
    stop: () => server.stop(),
  };
}
