/**
 * Events across processes over real Redis: the five subgraphs and two gateways run as separate OS processes
 * started by the deployment scripts (`scripts/start-subgraph.ts`, `scripts/start-gateway.ts`), over one fresh
 * database, connected by nothing but HTTP and a Redis bus with this file's own key prefix.
 *
 * Two watchers, one per gateway, subscribe to every license event for the whole file. They prove that each
 * gateway's bus listener is live (one started listening may still be fetching its start position), and a test
 * subscribes only after both watchers have received its license's earlier events: a new subscriber then sees
 * nothing from before it.
 */
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { MikroORM } from '@mikro-orm/core';
import type { AbstractSqlDriver } from '@mikro-orm/knex';
import type { Client } from 'graphql-ws';
import { SUBGRAPH_NAMES, type SubgraphName } from '../../lib/config';
import { ormOptions, type Orm } from '../../lib/orm';
import { outboxSchema } from '../../lib/outbox';
import { deleteRedisKeys } from '../../lib/testing/redis';
import { testToken } from '../testkit/auth';
import { freshDatabase, type TestDatabase, type TestDatabaseKind } from '../testkit/databases';
import { client, type TestClient } from '../testkit/graphql';
import { outboxEvents } from '../testkit/outbox';
import { freePorts, OutputLog, startGatewayProcess, startSubgraphProcess, withOutputOnFailure, type TestProcess } from '../testkit/processes';
import { eventually } from '../testkit/eventually';
import { subscribe, wsClient, type TestSubscription } from '../testkit/subscriptions';

jest.setTimeout(120_000);

const REDIS_URL = process.env.REDIS_URL;
const KIND: TestDatabaseKind = process.env.DATABASE_URL ? 'postgresql' : 'sqlite';

const LICENSE_EVENTS = `subscription($licenseId: ID) {
  licenseEvents(licenseId: $licenseId) { id type licenseId license { status costsSummary { totalCost } } }
}`;
const CREATE_PRODUCT = `mutation { createProduct(input: { name: "Editor" }) { id } }`;
const CREATE_POLICY = `mutation($input: PolicyInput!) { createPolicy(input: $input) { id } }`;
const CREATE_LICENSE = `mutation($input: LicenseInput!) { createLicense(input: $input) { id } }`;
const SUSPEND = `mutation($id: ID!) { suspendLicense(id: $id) { id } }`;
const REINSTATE = `mutation($id: ID!) { reinstateLicense(id: $id) { id } }`;
const INCREMENT = `mutation($id: ID!) { incrementLicenseUsage(id: $id) { id } }`;
const DECREMENT = `mutation($id: ID!) { decrementLicenseUsage(id: $id) { id } }`;

interface LicenseEventPayload {
  id: string;
  type: string;
  licenseId: string;
  license: { status: string; costsSummary: { totalCost: string } } | null;
}

/** The event of a payload that must have no errors. */
async function nextEvent(sub: TestSubscription): Promise<LicenseEventPayload> {
  const payload = await sub.next();
  if (payload.errors?.length || !payload.data) throw new Error(`expected an event without errors, got ${JSON.stringify(payload)}`);
  return payload.data.licenseEvents as LicenseEventPayload;
}

/** A subscriber to every license event, remembering the event ids it has taken. */
interface Watcher {
  sub: TestSubscription;
  seen: Set<string>;
}

/** Takes the watcher's payloads until it has seen every one of `eventIds`. */
async function seenBy(watcher: Watcher, eventIds: string[]): Promise<void> {
  while (!eventIds.every((id) => watcher.seen.has(id))) watcher.seen.add((await nextEvent(watcher.sub)).id);
}

const suite = REDIS_URL ? describe : describe.skip;

suite(REDIS_URL ? `events across subgraph and gateway processes over Redis (${KIND})` : 'events across processes over Redis (skipped: REDIS_URL is not set)', () => {
  const log = new OutputLog();
  const prefix = `test:${randomUUID()}:`;
  const started: TestProcess[] = [];
  const wsClients: Client[] = [];
  const opened: TestSubscription[] = [];
  let db: TestDatabase;
  let redis: Redis;
  let outbox: Orm;
  let env: NodeJS.ProcessEnv;
  let subgraphPorts: Record<SubgraphName, number>;
  let gatewayPorts: number[];
  let licenses: TestProcess;
  let gateway1: TestClient;
  let watchers: Watcher[];

  const track = (p: Promise<TestProcess>) => p.then((proc) => { started.push(proc); return proc; });
  const startLicenses = async (extraEnv: NodeJS.ProcessEnv = {}) => {
    licenses = await track(startSubgraphProcess('licenses', subgraphPorts.licenses, { ...env, ...extraEnv }, log));
  };
  /** Open subscriptions of gateway 1 or 2, from its GET /health. */
  const openSubscriptions = async (gateway: 1 | 2): Promise<number> => {
    const res = await fetch(`http://127.0.0.1:${gatewayPorts[gateway - 1]}/health`);
    return ((await res.json()) as { subscriptions: { subscriptions: number } }).subscriptions.subscriptions;
  };
  const onlyWatchersOpen = async () => (await openSubscriptions(1)) === 1 && (await openSubscriptions(2)) === 1;
  /** Subscribes to one license's events on gateway 1 or 2 and waits until that gateway's /health shows it open. */
  const subscribeOn = async (gateway: 1 | 2, licenseId: string): Promise<TestSubscription> => {
    const sub = subscribe(wsClients[gateway - 1], LICENSE_EVENTS, { licenseId });
    opened.push(sub);
    await eventually(async () => (await openSubscriptions(gateway)) === 2, `the watcher and one subscription open on gateway ${gateway}`);
    return sub;
  };
  /** Waits until the license's events so far are committed, published and dispatched by both gateways. */
  const untilDispatched = async (licenseId: string): Promise<void> => {
    const eventIds = (await outboxEvents(outbox, { entityId: licenseId })).map((e) => e.eventId);
    await Promise.all(watchers.map((w) => seenBy(w, eventIds)));
  };
  const unpublished = () => outboxEvents(outbox, { publishedAt: null });
  /** A license of a new policy of a new product, made through gateway 1. */
  const newLicense = async (): Promise<string> => {
    const { createProduct } = await gateway1.ok(CREATE_PRODUCT);
    const { createPolicy } = await gateway1.ok(CREATE_POLICY, { input: { productId: createProduct.id, name: 'Std' } });
    return (await gateway1.ok(CREATE_LICENSE, { input: { policyId: createPolicy.id } })).createLicense.id;
  };

  /** Changes a license until each watcher has received an event: then every gateway listens to the bus. */
  async function warmUp(): Promise<void> {
    const licenseId = await newLicense();
    watchers = wsClients.map((c) => ({ sub: subscribe(c, LICENSE_EVENTS, {}), seen: new Set<string>() }));
    await eventually(onlyWatchersOpen, 'the watchers open');
    const waiting = new Set(watchers);
    for (let attempt = 1; waiting.size > 0; attempt++) {
      if (attempt > 10) throw new Error('the gateways received no event of the warm-up license');
      await gateway1.ok(INCREMENT, { id: licenseId });
      await Promise.all([...waiting].map(async (w) => {
        const payload = await w.sub.next(2000).catch((err: Error) => {
          if (err.message.startsWith('the subscription ended')) throw err;
          return undefined; // not yet: change the license again
        });
        if (payload) waiting.delete(w);
      }));
    }
  }

  beforeAll(withOutputOnFailure(log, async () => {
    db = await freshDatabase(KIND);
    redis = new Redis(REDIS_URL!, { lazyConnect: true });
    const ports = await freePorts(SUBGRAPH_NAMES.length + 2);
    gatewayPorts = ports.slice(0, 2);
    subgraphPorts = Object.fromEntries(SUBGRAPH_NAMES.map((name, i) => [name, ports[i + 2]])) as Record<SubgraphName, number>;
    // the same development JWT and router secrets as this process: nothing secret is set here
    env = { ...process.env, REDIS_URL, REDIS_PREFIX: prefix };
    delete env.DATABASE_URL;
    if (db.databaseUrl) env.DATABASE_URL = db.databaseUrl;
    else env.DATA_DIR = db.sqliteDir; // each subgraph process opens <DATA_DIR>/<name>.sqlite
    // all in parallel: the gateways read the composed supergraph file and need no subgraph to start
    const starts = await Promise.allSettled([
      ...SUBGRAPH_NAMES.map((name) => track(startSubgraphProcess(name, subgraphPorts[name], env, log))),
      ...gatewayPorts.map((port, i) => track(startGatewayProcess(`gateway${i + 1}`, port, subgraphPorts, env, log))),
    ]);
    const failed = starts.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failed) throw failed.reason;
    licenses = started.find((p) => p.name === 'licenses')!;
    outbox = await MikroORM.init<AbstractSqlDriver>(ormOptions({
      subgraph: 'licenses',
      entities: [outboxSchema('licenses')],
      migrations: { sqlite: [], postgresql: [] },
      databaseUrl: db.databaseUrl,
      sqlitePath: db.sqliteDir && path.join(db.sqliteDir, 'licenses.sqlite'),
    }));
    const authorization = `Bearer ${await testToken()}`;
    gateway1 = client(`http://127.0.0.1:${gatewayPorts[0]}/graphql`, { authorization });
    for (const port of gatewayPorts) wsClients.push(wsClient(`http://127.0.0.1:${port}/graphql`, { authorization }));
    await warmUp();
  }));

  afterEach(async () => {
    for (const sub of opened.splice(0)) sub.unsubscribe();
    if (watchers) await eventually(onlyWatchersOpen, 'only the watchers open'); // not when the start failed
  });

  afterAll(async () => {
    for (const w of watchers ?? []) w.sub.unsubscribe();
    await Promise.allSettled(wsClients.map((c) => c.dispose()));
    await Promise.allSettled(started.map((p) => p.stop()));
    await outbox?.close(true);
    await db?.drop();
    if (redis) {
      await deleteRedisKeys(redis, prefix);
      await redis.quit();
    }
  });

  it('delivers the event of a mutation on gateway 1 to a subscriber on gateway 2, with fields of two subgraphs', withOutputOnFailure(log, async () => {
    const licenseId = await newLicense();
    await untilDispatched(licenseId);
    const sub = await subscribeOn(2, licenseId);
    await gateway1.ok(SUSPEND, { id: licenseId });
    const [suspended, updated] = (await outboxEvents(outbox, { entityId: licenseId })).slice(-2);
    const license = { status: 'SUSPENDED', costsSummary: { totalCost: '0' } };
    expect(await nextEvent(sub)).toEqual({ id: suspended.eventId, type: 'license.suspended', licenseId, license });
    expect(await nextEvent(sub)).toEqual({ id: updated.eventId, type: 'license.updated', licenseId, license });
  }));

  it('restarting the relay loses nothing and duplicates nothing', withOutputOnFailure(log, async () => {
    const licenseId = await newLicense();
    await untilDispatched(licenseId);
    const sub = await subscribeOn(2, licenseId);
    const streamLength = await redis.xlen(`${prefix}events`);

    // the licenses process again, without its relay: mutations commit their events, nothing is published
    expect(await licenses.stop()).toEqual({ code: 0, signal: null }); // a graceful stop
    await startLicenses({ RELAY: 'false' });
    for (const mutation of [SUSPEND, REINSTATE, INCREMENT, INCREMENT, DECREMENT]) await gateway1.ok(mutation, { id: licenseId });
    const pending = await unpublished();
    expect(pending.map((e) => `${e.type} ${e.entityId}`)).toEqual([
      'license.suspended', 'license.updated', 'license.reinstated', 'license.updated', 'license.usage.incremented', 'license.updated',
      'license.usage.incremented', 'license.updated', 'license.usage.decremented', 'license.updated',
    ].map((type) => `${type} ${licenseId}`));
    expect(await redis.xlen(`${prefix}events`)).toBe(streamLength);
    expect(sub.pending).toBe(0);

    // a crash after the commits loses none of them
    expect(await licenses.kill()).toEqual({ code: null, signal: 'SIGKILL' });
    expect((await unpublished()).map((e) => e.eventId)).toEqual(pending.map((e) => e.eventId));

    // with the relay back, the subscriber on the other gateway receives exactly those events, in order
    await startLicenses();
    const received: LicenseEventPayload[] = [];
    while (received.length < pending.length) received.push(await nextEvent(sub));
    const now = { status: 'ACTIVE', costsSummary: { totalCost: '0' } }; // resolved after the last change
    expect(received).toEqual(pending.map((e) => ({ id: e.eventId, type: e.type, licenseId, license: now })));
    await eventually(async () => (await unpublished()).length === 0, 'the replayed rows marked published');

    // nothing else was queued: the next event is the next mutation's
    await gateway1.ok(SUSPEND, { id: licenseId });
    const fresh = (await outboxEvents(outbox, { entityId: licenseId })).slice(-2);
    received.push(await nextEvent(sub), await nextEvent(sub));
    expect(received.slice(-2).map((e) => `${e.type} ${e.id}`)).toEqual(fresh.map((e) => `${e.type} ${e.eventId}`));
    expect(fresh.map((e) => e.type)).toEqual(['license.suspended', 'license.updated']);
    expect(new Set(received.map((e) => e.id)).size).toBe(pending.length + 2);
  }));

  it('fans one event out to subscribers on both gateways', withOutputOnFailure(log, async () => {
    const licenseId = await newLicense();
    await untilDispatched(licenseId);
    const subs = [await subscribeOn(1, licenseId), await subscribeOn(2, licenseId)];
    await gateway1.ok(SUSPEND, { id: licenseId });
    const [suspended] = (await outboxEvents(outbox, { entityId: licenseId })).slice(-2);
    const expected = { id: suspended.eventId, type: 'license.suspended', licenseId, license: { status: 'SUSPENDED', costsSummary: { totalCost: '0' } } };
    expect(await nextEvent(subs[0])).toEqual(expected);
    expect(await nextEvent(subs[1])).toEqual(expected);
  }));
});
