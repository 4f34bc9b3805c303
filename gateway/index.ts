import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { PROJECT_ROOT, SUBGRAPH_NAMES, isSubgraphName, subgraphUrlFromEnv, type SubgraphName } from '../lib/config';
import { formatClientError } from '../lib/errors';
import { asServerGateway } from './adapter';
import { readiness } from './health';

export const SUPERGRAPH_PATH = path.join(PROJECT_ROOT, 'schema', 'supergraph.graphql');

export interface GatewayOptions {
  port?: number;
  host?: string;
  /** Where each subgraph is served; missing ones come from `SUBGRAPH_<NAME>_URL` or the defaults. */
  subgraphUrls?: Partial<Record<SubgraphName, string>>;
  /** The composed supergraph; defaults to the checked-in `schema/supergraph.graphql`. */
  supergraphSdl?: string;
}

interface GatewayRequestContext {
  authorization?: string;
}

export interface RunningGateway {
  url: string;
  port: number;
  subgraphUrls: Record<SubgraphName, string>;
  stop(): Promise<void>;
}

function resolveSubgraphUrls(given: GatewayOptions['subgraphUrls'] = {}): Record<SubgraphName, string> {
  return Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, given[name] ?? subgraphUrlFromEnv(name)])) as Record<SubgraphName, string>;
}

/** The gateway loads the composed supergraph file: no introspection of subgraphs at run time. */
function createApolloGateway(supergraphSdl: string, urls: Record<SubgraphName, string>): ApolloGateway {
  return new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) =>
      new RemoteGraphQLDataSource<GatewayRequestContext>({
        url: isSubgraphName(name) ? urls[name] : url,
        willSendRequest({ request, context }) {
          if (context.authorization) request.http?.headers.set('authorization', context.authorization);
        },
      }),
  });
}

export async function startGateway(opts: GatewayOptions = {}): Promise<RunningGateway> {
  const urls = resolveSubgraphUrls(opts.subgraphUrls);
  const supergraphSdl = opts.supergraphSdl ?? fs.readFileSync(SUPERGRAPH_PATH, 'utf8');
  const app = express();
  const httpServer = http.createServer(app);
  const server = new ApolloServer<GatewayRequestContext>({
    gateway: asServerGateway(createApolloGateway(supergraphSdl, urls)),
    formatError: formatClientError,
    introspection: true,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false }),
    ],
  });
  await server.start();
  app.get('/health', (_req, res) => { res.json({ status: 'ok' }); });
  app.get('/ready', async (_req, res) => {
    const report = await readiness(urls);
    res.status(report.ready ? 200 : 503).json(report);
  });
  app.use('/graphql', express.json({ limit: '1mb' }), expressMiddleware(server, {
    context: async ({ req }) => ({ authorization: req.headers.authorization }),
  }));
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
  return { url: `http://127.0.0.1:${port}/graphql`, port, subgraphUrls: urls, stop: () => server.stop() };
}
