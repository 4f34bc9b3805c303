import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { DATABASE_KINDS, freshDatabase, type TestDatabase, type TestDatabaseKind } from '../../test/testkit/databases';
import { eventually } from '../../test/testkit/eventually';
import type { Orm } from '../orm';
import { OutboxEvent, recordEvent } from '../outbox';
import { loadSubgraph } from '../registry';
import { openSubgraphDatabase } from '../subgraph';
import type { BusEvent, EventBus } from './bus';
import { InProcessBus } from './inprocess-bus';
import { RedisBus } from './redis-bus';
import { OutboxRelay, type RelayOptions } from './relay';

const ACCOUNT = '00000000-0000-4000-8000-000000000001';

/** Opens the licenses subgraph's real schema (migrated) on a database. */
function openLicenses(db: TestDatabase): Promise<Orm> {
  const def = loadSubgraph('licenses');
  return openSubgraphDatabase(def, { databaseUrl: db.databaseUrl, sqlitePath: db.sqliteDir && `${db.sqliteDir}/licenses.sqlite` });
}

/** Commits one transaction recording an event per entity id; the event ids in order. */
async function commitEvents(orm: Orm, ...entityIds: string[]): Promise<string[]> {
  return orm.em.fork().transactional(async (em) =>
    entityIds.map((entityId) => recordEvent(em, { accountId: ACCOUNT, type: 'license.updated', entityType: 'License', entityId, payload: { data: { id: entityId } } }).eventId));
}

const rows = (orm: Orm) => orm.em.fork().find(OutboxEvent, {}, { filters: false, orderBy: { seq: 'asc' } });
const unpublished = async (orm: Orm) => (await rows(orm)).filter((row) => row.publishedAt === null).length;

/** A real in-process bus with one consumer group recording what reaches it. */
function recordingBus(): { bus: InProcessBus; received: BusEvent[] } {
  const bus = new InProcessBus();
  const received: BusEvent[] = [];
  bus.consume('test', async (event) => { received.push(event); });
  return { bus, received };
}

/** Wraps a bus: `failBefore` throws before publishing (Redis down); `failAfter` publishes, then throws (a crash before the commit). */
function faultyBus(inner: EventBus, mode: { failBefore?: boolean; failAfter?: boolean; delayMs?: number }): EventBus & { attempts: number } {
  const wrapper = {
    kind: inner.kind,
    attempts: 0,
    async publish(events: readonly BusEvent[]) {
      wrapper.attempts += 1;
      if (mode.delayMs) await new Promise((r) => setTimeout(r, mode.delayMs));
      if (mode.failBefore) throw new Error('bus unavailable');
      await inner.publish(events);
      if (mode.failAfter) throw new Error('crashed before marking');
    },
    listen: inner.listen.bind(inner),
    listening: inner.listening.bind(inner),
    listenerCount: inner.listenerCount.bind(inner),
    consume: inner.consume.bind(inner),
    close: inner.close.bind(inner),
  };
  return wrapper;
}

describe.each(DATABASE_KINDS)('OutboxRelay on %s', (kind: TestDatabaseKind) => {
  let db: TestDatabase;
  let orm: Orm;
  const relay = (bus: EventBus, opts: RelayOptions = {}) => new OutboxRelay(orm, 'licenses', bus, opts);

  beforeAll(async () => {
    db = await freshDatabase(kind);
    orm = await openLicenses(db);
  });
  afterAll(async () => {
    await orm?.close(true);
    await db?.drop();
  });
  beforeEach(async () => { await orm.em.fork().nativeDelete(OutboxEvent, {}, { filters: false }); });

  test('publishes committed rows in seq order as bus events and marks exactly those', async () => {
    const ids = [...await commitEvents(orm, 'a', 'b'), ...await commitEvents(orm, 'c'), ...await commitEvents(orm, 'd', 'e')];
    const { bus, received } = recordingBus();
    expect(await relay(bus, { batchSize: 2 }).drain()).toBe(5);
    const stored = await rows(orm);
    expect(received.map((e) => e.seq)).toEqual(stored.map((row) => row.seq));
    expect(new Set(received.map((e) => e.eventId))).toEqual(new Set(ids));
    expect(received[0]).toEqual({
      eventId: stored[0].eventId, source: 'licenses', seq: stored[0].seq, accountId: ACCOUNT, type: 'license.updated',
      entityType: 'License', entityId: stored[0].entityId, payload: { data: { id: stored[0].entityId } }, occurredAt: stored[0].occurredAt.toISOString(),
    });
    expect(stored.every((row) => row.publishedAt instanceof Date)).toBe(true);
    expect(await relay(bus).drain()).toBe(0);
    expect(received).toHaveLength(5);
  });

  test('never publishes the rows of a transaction that rolled back', async () => {
    await expect(orm.em.fork().transactional(async (em) => {
      recordEvent(em, { accountId: ACCOUNT, type: 'license.created', entityType: 'License', entityId: 'gone', payload: {} });
      await em.flush();
      throw new Error('the mutation fails');
    })).rejects.toThrow('the mutation fails');
    const [kept] = await commitEvents(orm, 'kept');
    const { bus, received } = recordingBus();
    expect(await relay(bus).drain()).toBe(1);
    expect(received.map((e) => [e.eventId, e.entityId])).toEqual([[kept, 'kept']]);
  });

  test('a failed publish marks nothing; the rows go out, once each and in order, when the bus is back', async () => {
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    await commitEvents(orm, 'a', 'b', 'c');
    const { bus, received } = recordingBus();
    const mode = { failBefore: true };
    const faulty = faultyBus(bus, mode);
    await expect(relay(faulty).drain()).rejects.toThrow('bus unavailable');
    expect(await unpublished(orm)).toBe(3);

    const running = relay(faulty, { intervalMs: 10 });
    running.start();
    await eventually(() => faulty.attempts >= 3, 'the relay retried');
    expect(await unpublished(orm)).toBe(3);
    mode.failBefore = false;
    await eventually(async () => (await unpublished(orm)) === 0, 'every row marked');
    await running.stop();
    expect(received.map((e) => e.entityId)).toEqual(['a', 'b', 'c']);
    error.mockRestore();
  });

  test('a crash between publish and commit publishes the batch again; a consumer deduping by event id sees each once', async () => {
    const ids = await commitEvents(orm, 'a', 'b', 'c');
    const { bus, received } = recordingBus();
    await expect(relay(faultyBus(bus, { failAfter: true })).drain()).rejects.toThrow('crashed before marking');
    expect(await unpublished(orm)).toBe(3);
    expect(await relay(bus).drain()).toBe(3);
    expect(received.map((e) => e.eventId)).toEqual([...ids, ...ids]);
    const seen = new Set<string>();
    const deduped = received.filter((e) => !seen.has(e.eventId) && seen.add(e.eventId));
    expect(deduped.map((e) => e.eventId)).toEqual(ids);
  });

  test('start publishes what is pending without waiting (full batches back to back); wake publishes a new commit', async () => {
    await commitEvents(orm, 'a', 'b', 'c', 'd', 'e');
    const { bus, received } = recordingBus();
    // an interval no test waits for: only full batches and wake() make it publish
    const running = relay(bus, { batchSize: 2, intervalMs: 600_000 });
    running.start();
    await eventually(() => received.length === 5, 'the pending rows published');
    await commitEvents(orm, 'f');
    running.wake();
    await eventually(() => received.length === 6, 'the new row published after wake()');
    await running.stop();
    expect(received.map((e) => e.entityId)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });

  test('stop waits for the batch in hand, which is marked, and then ends the loop without sleeping', async () => {
    await commitEvents(orm, 'a', 'b');
    const { bus, received } = recordingBus();
    let entered!: () => void;
    const inPublish = new Promise<void>((r) => { entered = r; });
    let open!: () => void;
    const gate = new Promise<void>((r) => { open = r; });
    const gated = faultyBus(bus, {});
    const publish = gated.publish;
    gated.publish = async (events) => { entered(); await gate; await publish(events); };
    const running = relay(gated, { intervalMs: 600_000 });
    running.start();
    await inPublish;
    const stopped = running.stop();
    open();
    await stopped;
    expect(received.map((e) => e.entityId)).toEqual(['a', 'b']);
    expect(await unpublished(orm)).toBe(0);
  });

  test('retention deletes published rows older than OUTBOX_RETENTION_HOURS, and nothing else', async () => {
    const [oldPublished, recentPublished, oldPending] = await commitEvents(orm, 'old', 'recent', 'pending');
    const em = orm.em.fork();
    const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000);
    await em.nativeUpdate(OutboxEvent, { eventId: oldPublished }, { publishedAt: hoursAgo(200), occurredAt: hoursAgo(200) }, { filters: false });
    await em.nativeUpdate(OutboxEvent, { eventId: recentPublished }, { publishedAt: hoursAgo(1) }, { filters: false });
    await em.nativeUpdate(OutboxEvent, { eventId: oldPending }, { occurredAt: hoursAgo(300) }, { filters: false });
    expect(await relay(new InProcessBus(), { retentionHours: 168 }).purge()).toBe(1);
    expect((await rows(orm)).map((row) => row.eventId)).toEqual([recentPublished, oldPending]);
  });

  if (kind === 'postgresql') {
    test('a row committed late with a smaller seq (serial gap) is published on the next turn; nothing uncommitted is', async () => {
      const { bus, received } = recordingBus();
      let release!: () => void;
      const held = new Promise<void>((r) => { release = r; });
      let early!: string;
      let inserted!: () => void;
      const holdsSeq = new Promise<void>((r) => { inserted = r; });
      const slow = orm.em.fork().transactional(async (em) => {
        early = recordEvent(em, { accountId: ACCOUNT, type: 'license.updated', entityType: 'License', entityId: 'slow', payload: {} }).eventId;
        await em.flush();
        inserted();
        await held;
      });
      await holdsSeq;
      const [late] = await commitEvents(orm, 'fast');
      expect(await relay(bus).drain()).toBe(1);
      release();
      await slow;
      expect(await relay(bus).drain()).toBe(1);
      expect(received.map((e) => e.eventId)).toEqual([late, early]);
      expect(received[1].seq).toBeLessThan(received[0].seq);
    });

    test('two relays (two processes) on one outbox publish each row once per batch, in seq order (advisory lock)', async () => {
      for (let i = 0; i < 12; i += 1) await commitEvents(orm, `${i}-a`, `${i}-b`, `${i}-c`);
      const other = await openLicenses(db);
      try {
        const { bus, received } = recordingBus();
        // a publish that takes a moment, so that the two relays' turns overlap
        const slowBus = faultyBus(bus, { delayMs: 5 });
        const one = new OutboxRelay(orm, 'licenses', slowBus, { batchSize: 4 });
        const two = new OutboxRelay(other, 'licenses', slowBus, { batchSize: 4 });
        const counts = await Promise.all([one.drain(), two.drain(), one.drain(), two.drain()]);
        expect(counts.reduce((a, b) => a + b, 0)).toBe(36);
        expect(received.map((e) => e.seq)).toEqual((await rows(orm)).map((row) => row.seq));
        expect(await unpublished(orm)).toBe(0);
      } finally {
        await other.close(true);
      }
    });
  }

  const redisTest = process.env.REDIS_URL ? test : test.skip;
  redisTest('publishes into a real RedisBus: a consumer group of another instance gets the rows in order', async () => {
    const prefix = `test:${randomUUID()}:`;
    const publisher = new RedisBus(process.env.REDIS_URL!, { prefix });
    const subscriber = new RedisBus(process.env.REDIS_URL!, { prefix });
    try {
      const ids = [...await commitEvents(orm, 'a', 'b'), ...await commitEvents(orm, 'c')];
      const received: BusEvent[] = [];
      const consumer = subscriber.consume('webhooks', async (event) => { received.push(event); });
      expect(await relay(publisher).drain()).toBe(3);
      await eventually(() => received.length === 3, 'three events consumed');
      await consumer.stop();
      expect(received.map((e) => e.eventId)).toEqual(ids);
      expect(received.every((e) => e.source === 'licenses' && e.accountId === ACCOUNT)).toBe(true);
    } finally {
      await Promise.all([publisher.close(), subscriber.close()]);
      const admin = new Redis(process.env.REDIS_URL!);
      await admin.del(`${prefix}events`);
      await admin.quit();
    }
  });
});
