import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { ApolloServer, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { EntitySchema } from '@mikro-orm/core';
import { parse, type DocumentNode, type GraphQLFieldResolver } from 'graphql';
import { authConfigFromEnv, createAuthenticator, hasGatewaySecret, type LicenseKeyResolver } from './auth';
import { enforceScopes } from './auth/scopes';
import { PROJECT_ROOT, type SubgraphName } from './config';
import { createContext, type LoaderFactory, type RequestContext } from './context';
import { deliveredEventOf } from './events/delivery';
import { formatClientError } from './errors';
import { loadEntitySchemas, loadResolvers } from './modules';
import { outboxSchema } from './outbox';
import { openDatabase, type MigrationLists, type Orm } from './orm';
import { scalarResolvers } from './scalars';
import { keepConnectionsLongerThanClients } from './http';
import type { EventBus } from './events/bus';
import { busFromEnv } from './events';
import { OutboxRelay } from './events/relay';
import type { Worker, WorkerFactory } from './events/worker';
import type { SnapshotSource } from './snapshots';

/** Everything that makes one subgraph; each `subgraphs/<name>/index.ts` exports one. */
export interface SubgraphDefinition<Loaders> {
  name: SubgraphName;
  // Resolver maps are typed by codegen per subgraph; here they are only passed through.
  resolvers: GraphQLResolverMap<RequestContext<Loaders>>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- entity schemas of any entity type
  entities: EntitySchema<any, any>[];
  migrations: MigrationLists;
  createLoaders: LoaderFactory<Loaders>;
  /** Only the licenses subgraph accepts `Authorization: License <key>`: it knows the keys. */
  licenseKeyResolver?: (orm: Orm) => LicenseKeyResolver;
  /** Background workers (bus consumers, pollers) that run beside the HTTP server, e.g. webhook delivery. */
  workers?: WorkerFactory[];
  /** Entities whose rows `npm run republish` re-publishes as snapshot events, for projections kept elsewhere. */
  snapshots?: SnapshotSource[];
}

/**
 * A subgraph from the conventional layout of `subgraphs/<name>/`: resolvers discovered in
 * `resolvers/`, entities in `entities/`, plus the subgraph's outbox table.
 */
export function defineSubgraph<L>(
  name: SubgraphName,
  dir: string,
  parts: Pick<SubgraphDefinition<L>, 'migrations' | 'createLoaders' | 'licenseKeyResolver' | 'workers' | 'snapshots'>,
): SubgraphDefinition<L> {
  return {
    name,
    resolvers: loadResolvers(path.join(dir, 'resolvers')) as GraphQLResolverMap<RequestContext<L>>,
    entities: [...loadEntitySchemas(path.join(dir, 'entities')), outboxSchema(name)],
    ...parts,
  };
}

/** The SDL of a subgraph: `schema/<name>.graphql` is the source of truth. */
export function subgraphTypeDefs(name: SubgraphName): DocumentNode {
  return parse(fs.readFileSync(path.join(PROJECT_ROOT, 'schema', `${name}.graphql`), 'utf8'));
}

type AnyResolver = GraphQLFieldResolver<unknown, RequestContext<unknown>>;

/**
 * Every mutation field runs in one transaction on the request's entity manager: the field's
 * writes and its outbox events commit together or not at all (ARCHITECTURE.md, "Persistence").
 */
export function withMutationTransactions<C>(resolvers: GraphQLResolverMap<C>): GraphQLResolverMap<C> {
  const mutation = resolvers.Mutation as Record<string, AnyResolver> | undefined;
  if (!mutation) return resolvers;
  const wrapped: Record<string, AnyResolver> = {};
  for (const [field, resolve] of Object.entries(mutation)) {
    wrapped[field] = (parent, args, ctx, info) =>
      ctx.em.transactional((em) => resolve(parent, args, { ...ctx, em }, info));
  }
  return { ...resolvers, Mutation: wrapped } as GraphQLResolverMap<C>;
}

export function buildSchemaOf<L>(def: SubgraphDefinition<L>) {
  const resolvers = withMutationTransactions({ ...scalarResolvers, ...def.resolvers } as GraphQLResolverMap<RequestContext<L>>);
  // buildSubgraphSchema's resolver map type is contravariant in the context; the context is ours.
  const schema = buildSubgraphSchema({ typeDefs: subgraphTypeDefs(def.name), resolvers: resolvers as GraphQLResolverMap<unknown> });
  enforceScopes(schema);
  return schema;
}

/**
 * Subgraphs answer the router only: a request without the router's secret header is refused
 * before any GraphQL work, so `_entities` cannot be called with forged representations.
 */
function requireGatewaySecret(secret: string): express.RequestHandler {
  return (req, res, next) => {
    if (hasGatewaySecret(req.headers, secret)) return next();
    res.status(401).json({ errors: [{ message: 'Subgraphs answer the gateway only', extensions: { code: 'UNAUTHENTICATED' } }] });
  };
}

export interface RunningSubgraph {
  name: SubgraphName;
  url: string;
  orm: Orm;
  /** The bus its relay publishes to and its workers consume from (not closed by `stop`: it is shared). */
  bus: EventBus;
  /** The outbox relay of this process, unless turned off (`relay: false`, RELAY=false). */
  relay?: OutboxRelay;
  stop(): Promise<void>;
}

export interface StartSubgraphOptions {
  port?: number;
  host?: string;
  databaseUrl?: string;
  sqlitePath?: string;
  /** Where the relay publishes this subgraph's outbox and its workers consume; default: busFromEnv(). */
  bus?: EventBus;
  /** Run the outbox relay in this process (default true; RELAY=false turns it off). */
  relay?: boolean;
  /** Run the subgraph's background workers (default true; tests that count SQL statements turn them off). */
  workers?: boolean;
}

/** A mutation's transactions have committed by the time its response goes out: the relay can publish. */
function wakeRelayAfterMutations<C extends BaseContext>(relay: OutboxRelay): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        // also after a partly failed operation: its other fields may have committed
        async willSendResponse({ operation }) {
          if (operation?.operation === 'mutation') relay.wake();
        },
      };
    },
  };
}

function relayEnabled(opts: StartSubgraphOptions): boolean {
  return opts.relay !== false && process.env.RELAY !== 'false';
}

/** Opens a subgraph's own database (its entities, its migrations applied): for its server and for scripts. */
export function openSubgraphDatabase(def: Pick<SubgraphDefinition<unknown>, 'name' | 'entities' | 'migrations'>, where: { databaseUrl?: string; sqlitePath?: string }): Promise<Orm> {
  return openDatabase({ subgraph: def.name, entities: def.entities, migrations: def.migrations, ...where });
}

/** Stops background work, then the server, then the database, each after the previous one is done. */
async function stopInOrder(workers: Worker[], relay: OutboxRelay | undefined, server: { stop(): Promise<void> }, orm: Orm): Promise<void> {
  await Promise.allSettled(workers.map((w) => w.stop()));
  await relay?.stop();
  await server.stop().catch(() => undefined);
  await orm.close(true);
}

/**
 * Opens the database (migrating it), serves the subgraph over HTTP at `/graphql`, and runs its outbox relay
 * and background workers against the bus.
 */
export async function startSubgraph<L>(def: SubgraphDefinition<L>, opts: StartSubgraphOptions = {}): Promise<RunningSubgraph> {
  const auth = authConfigFromEnv();
  const bus = opts.bus ?? busFromEnv();
  const orm = await openSubgraphDatabase(def, { databaseUrl: opts.databaseUrl, sqlitePath: opts.sqlitePath });
  const relay = relayEnabled(opts) ? new OutboxRelay(orm, def.name, bus) : undefined;
  const workers: Worker[] = [];
  const authenticator = createAuthenticator(auth, def.licenseKeyResolver?.(orm));
  const app = express();
  const httpServer = http.createServer(app);
  keepConnectionsLongerThanClients(httpServer);
  const server = new ApolloServer<RequestContext<L>>({
    schema: buildSchemaOf(def),
    formatError: formatClientError,
    // no inline traces: no usage reporting is configured, so they would only cost time
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginInlineTraceDisabled(),
      ...(relay ? [wakeRelayAfterMutations<RequestContext<L>>(relay)] : []),
    ],
  });
  const stop = () => stopInOrder(workers, relay, server, orm);
  try {
    await server.start();
    app.get('/health', (_req, res) => { res.json({ status: 'ok', subgraph: def.name }); });
    app.use('/graphql', requireGatewaySecret(auth.gatewaySecret), express.json({ limit: '1mb' }), expressMiddleware(server, {
      // a subscription delivery from the gateway carries its event (lib/events/delivery.ts)
      context: async ({ req }) =>
        createContext(orm.em, await authenticator.authenticate(req.headers), def.createLoaders, deliveredEventOf(req.body)),
    }));
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', resolve);
    });
    // consumers first, so that they are listening when the relay publishes what is pending
    if (opts.workers !== false) for (const factory of def.workers ?? []) workers.push(factory({ subgraph: def.name, orm, bus }));
    relay?.start();
  } catch (err) {
    await stop();
    throw err;
  }
  const { port } = httpServer.address() as AddressInfo;
  return { name: def.name, url: `http://127.0.0.1:${port}/graphql`, orm, bus, relay, stop };
}
