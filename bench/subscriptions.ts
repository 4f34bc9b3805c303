/**
 * `npm run bench:subscriptions`: live subscriptions through the real gateway, once on the in-process bus and once
 * on Redis (when REDIS_URL is set), on SQLite in a temporary folder or a temporary PostgreSQL database
 * (DATABASE_URL). Opens N `licenseEvents` subscriptions over real WebSockets, fires M `incrementLicenseUsage`
 * mutations through the gateway over HTTP, and prints delivered payloads, their latency and throughput.
 * Settings (argument `--name value`, else the env var):
 *   --subscribers BENCH_SUBSCRIBERS (1000)   --events BENCH_EVENTS (200, mutations; each emits 2 events)
 *   --sockets BENCH_SOCKETS (50)             --concurrency BENCH_CONCURRENCY (4 mutations at once)
 *   --licenses BENCH_LICENSES (8)            --settle-ms BENCH_SETTLE_MS (10000: wait for stragglers)
 *   --shared BENCH_SHARED_PERCENT (50)
 * BENCH_SHARED_PERCENT of the subscribers share one subscription (one group, one resolution per event: the first
 * license's usage increments); the others spread over every license × 3 event-type filters (one group each).
 * Events go round-robin to the licenses. Latency is measured from the mutation's HTTP response (and from the
 * event's occurredAt) to the payload's arrival at the client, all on this process's clock.
 */
import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { ALL_SCOPES, authConfigFromEnv, DEV_ACCOUNT_ID, signToken } from '../lib/auth';
import { envInt } from '../lib/config';
import { InProcessBus, RedisBus, type EventBus } from '../lib/events';
import { deleteRedisKeys } from '../lib/testing/redis';
import { startStack, type Stack } from '../scripts/stack';
import { freshDatabase } from '../test/testkit/databases';
import { openSubscribers, wants, type SubscriberSpec, type Subscribers } from './subscription-clients';
import { gql, printReport, until, type Measured, type OnBus } from './subscription-report';

/** `--name value` or `--name=value` on the command line, else env `variable`, else `fallback`. */
function setting(name: string, variable: string, fallback: number): number {
  const i = process.argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  const arg = i < 0 ? undefined : process.argv[i].includes('=') ? process.argv[i].split('=')[1] : process.argv[i + 1];
  return envInt(variable, fallback, arg === undefined ? process.env : { [variable]: arg });
}

const SUBSCRIBERS = setting('subscribers', 'BENCH_SUBSCRIBERS', 1000);
const EVENTS = setting('events', 'BENCH_EVENTS', 200);
const SOCKETS = setting('sockets', 'BENCH_SOCKETS', 50);
const CONCURRENCY = Math.max(1, setting('concurrency', 'BENCH_CONCURRENCY', 4));
const LICENSES = Math.max(1, setting('licenses', 'BENCH_LICENSES', 8));
const SETTLE_MS = setting('settle-ms', 'BENCH_SETTLE_MS', 10_000);
const SHARED_PERCENT = Math.min(100, setting('shared', 'BENCH_SHARED_PERCENT', 50));

/** What one `incrementLicenseUsage` commits (recordLicenseChange: the specific event, then `license.updated`). */
const INCREMENT_EVENT_TYPES = ['license.usage.incremented', 'license.updated'];
/** The distinct half's filters: one event per increment, the other one, both. */
const TYPE_VARIANTS: Array<string[] | null> = [['license.usage.*'], ['license.updated'], null];

function subscriberSpecs(licenses: string[]): SubscriberSpec[] {
  const shared: SubscriberSpec = { licenseId: licenses[0], types: ['license.usage.incremented'] };
  const variants = licenses.flatMap((licenseId) => TYPE_VARIANTS.map((types) => ({ licenseId, types })));
  const sharing = Math.ceil((SUBSCRIBERS * SHARED_PERCENT) / 100);
  return Array.from({ length: SUBSCRIBERS }, (_, i) => (i < sharing ? shared : variants[(i - sharing) % variants.length]));
}

async function createLicenses(url: string, authorization: string): Promise<string[]> {
  const { createProduct } = await gql(url, authorization, 'mutation { createProduct(input: { name: "Bench" }) { id } }');
  const { createPolicy } = await gql(url, authorization, 'mutation($p: ID!) { createPolicy(input: { productId: $p, name: "Unlimited" }) { id } }', { p: createProduct.id });
  const ids: string[] = [];
  for (let i = 0; i < LICENSES; i++) {
    ids.push((await gql(url, authorization, 'mutation($p: ID!) { createLicense(input: { policyId: $p }) { id } }', { p: createPolicy.id })).createLicense.id);
  }
  return ids;
}

/** Fires the increments, CONCURRENCY at once, round-robin over the licenses; when each response arrived, by change. */
async function fireIncrements(url: string, authorization: string, licenses: string[]): Promise<Map<string, number>> {
  const answered = new Map<string, number>();
  let next = 0;
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < EVENTS) {
      const id = licenses[next++ % licenses.length];
      const { incrementLicenseUsage } = await gql(url, authorization, 'mutation($id: ID!) { incrementLicenseUsage(id: $id) { id uses } }', { id });
      answered.set(`${incrementLicenseUsage.id}#${incrementLicenseUsage.uses}`, performance.now());
    }
  }));
  return answered;
}

function expectedPayloads(specs: SubscriberSpec[], changes: Iterable<string>): number {
  let expected = 0;
  for (const change of changes) {
    const licenseId = change.split('#')[0];
    for (const type of INCREMENT_EVENT_TYPES) expected += specs.filter((s) => wants(s, licenseId, type)).length;
  }
  return expected;
}

/** Records when each event reaches the bus and which increment it comes from; returns the function that stops. */
function watchBus(bus: EventBus, onBus: Map<string, OnBus>): () => void {
  return bus.listen((event) => {
    const uses = (event.payload.data as { uses?: number } | undefined)?.uses;
    onBus.set(event.eventId, { at: performance.now(), change: `${event.entityId}#${uses}` });
  });
}

/** Waits until `expected` payloads are in, or none came for SETTLE_MS. */
function settle(subscribers: Subscribers, expected: number): Promise<void> {
  let seen = -1;
  let lastChange = performance.now();
  return until(() => {
    if (subscribers.receipts.length !== seen) [seen, lastChange] = [subscribers.receipts.length, performance.now()];
    return subscribers.receipts.length >= expected || performance.now() - lastChange > SETTLE_MS;
  }, Number.MAX_SAFE_INTEGER);
}

async function measure(stack: Stack, bus: EventBus): Promise<Measured> {
  const url = stack.gateway.url;
  const authorization = `Bearer ${await signToken({ accountId: DEV_ACCOUNT_ID, subject: 'bench', scopes: [...ALL_SCOPES] }, authConfigFromEnv().jwtSecret ?? '')}`;
  const licenses = await createLicenses(url, authorization);
  // the licenses' own events go out before anyone listens: subscribers see only the increments
  await Promise.all(Object.values(stack.subgraphs).map((s) => s.relay?.drain()));
  const onBus = new Map<string, OnBus>();
  const stopWatching = watchBus(bus, onBus);
  const specs = subscriberSpecs(licenses);
  const subscribing = performance.now();
  const subscribers = openSubscribers(url, authorization, specs, SOCKETS);
  try {
    await until(() => stack.gateway.subscriptionStats().subscriptions === SUBSCRIBERS || subscribers.errors.length > 0, 120_000);
    const subscribedMs = performance.now() - subscribing;
    if (bus instanceof RedisBus) await bus.listening();
    const before = stack.gateway.subscriptionStats();
    const started = performance.now();
    const answered = await fireIncrements(url, authorization, licenses);
    const mutationsMs = performance.now() - started;
    const expected = expectedPayloads(specs, answered.keys());
    await settle(subscribers, expected);
    return {
      subscribedMs, mutationsMs, started, expected, answered, onBus, specs,
      receipts: [...subscribers.receipts],
      groups: before.groups,
      resolutions: stack.gateway.subscriptionStats().resolutions - before.resolutions,
      errors: [...subscribers.errors],
      duplicates: subscribers.duplicates,
    };
  } finally {
    await subscribers.close();
    stopWatching();
    await until(() => stack.gateway.subscriptionStats().subscriptions === 0, 10_000).catch(() => console.error('!!! the gateway did not release every subscription !!!'));
  }
}

/** One run on `bus`, over a fresh database; the bus is closed afterwards. */
async function run(label: string, bus: EventBus): Promise<void> {
  const db = await freshDatabase(process.env.DATABASE_URL ? 'postgresql' : 'sqlite');
  try {
    const stack = await startStack({ bus, databaseUrl: db.databaseUrl, sqliteDir: db.sqliteDir, port: 0 });
    try {
      const measured = await measure(stack, bus);
      printReport(`${label} · ${db.databaseUrl ? 'PostgreSQL' : 'SQLite'} · ${SUBSCRIBERS} subscribers on ${Math.min(SOCKETS, SUBSCRIBERS)} sockets · ${EVENTS} increments, ${CONCURRENCY} at once`, measured);
    } finally {
      await stack.stop();
    }
  } finally {
    await bus.close().catch((err) => console.error('closing the bus failed', err));
    await db.drop();
  }
}

/** Deletes every key under `prefix` (the stream and its consumer groups). */
async function deleteKeys(url: string, prefix: string): Promise<number> {
  const redis = new Redis(url);
  try {
    return await deleteRedisKeys(redis, prefix);
  } finally {
    redis.disconnect();
  }
}

async function main(): Promise<void> {
  await run('in-process bus', new InProcessBus());
  const redisUrl = process.env.REDIS_URL;
  if (!redisUrl) {
    console.log('\nRedis bus: skipped: set REDIS_URL');
    return;
  }
  const prefix = `bench-subscriptions:${randomUUID()}:`;
  try {
    await run(`Redis bus (${prefix})`, new RedisBus(redisUrl, { prefix }));
  } finally {
    console.log(`  deleted ${await deleteKeys(redisUrl, prefix)} Redis key(s) under ${prefix}`);
  }
}

main().catch((err) => { console.error(err); process.exit(1); });
