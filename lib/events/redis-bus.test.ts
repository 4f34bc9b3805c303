import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { eventually } from '../../test/testkit/eventually';
import type { BusEvent, Consumer } from './bus';
import { RedisBus, type RedisBusOptions } from './redis-bus';

const REDIS_URL = process.env.REDIS_URL;
if (!REDIS_URL) console.warn('REDIS_URL is not set: the Redis bus suite is skipped (set REDIS_URL=redis://127.0.0.1:6379 to run it)');
const withRedis = REDIS_URL ? describe : describe.skip;

function event(seq: number, type = 'license.updated'): BusEvent {
  return {
    eventId: randomUUID(), source: 'licenses', seq, accountId: 'acct', type,
    entityType: 'License', entityId: `lic-${seq}`, payload: { data: { seq } }, occurredAt: new Date(0).toISOString(),
  };
}
const events = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => event(from + i));
const seqs = (list: BusEvent[]) => list.map((e) => e.seq);

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => { resolve = r; });
  return { promise, resolve };
}

test('a bus whose Redis is unreachable rejects publish and stops its loops cleanly', async () => {
  const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  const bus = new RedisBus('redis://127.0.0.1:1', { prefix: `test:${randomUUID()}:` });
  const consumer = bus.consume('g', async () => undefined);
  const stopListening = bus.listen(() => undefined);
  await expect(bus.publish([event(1)])).rejects.toThrow('Reached the max retries per request limit (which is 3)');
  stopListening();
  await consumer.stop();
  await bus.close();
  expect(bus.listenerCount()).toBe(0);
  error.mockRestore();
});

withRedis('RedisBus', () => {
  let admin: Redis;
  let prefix: string;
  let buses: RedisBus[];
  const newBus = (opts: RedisBusOptions = {}) => {
    const bus = new RedisBus(REDIS_URL!, { prefix, ...opts });
    buses.push(bus);
    return bus;
  };
  /** Names of this test's connections that Redis still has open. */
  const connections = async () => {
    const list = (await admin.client('LIST')) as string;
    return list.split('\n').map((line) => /(?:^| )name=(\S*)/.exec(line)?.[1] ?? '').filter((name) => name.startsWith(prefix));
  };
  const pendingCount = async (group: string) => ((await admin.xpending(`${prefix}events`, group)) as [number])[0];

  beforeAll(() => { admin = new Redis(REDIS_URL!); });
  afterAll(async () => { await admin.quit(); });
  beforeEach(() => {
    prefix = `test:${randomUUID()}:`;
    buses = [];
  });
  afterEach(async () => {
    await Promise.all(buses.map((bus) => bus.close()));
    await admin.del(`${prefix}events`);
  });

  test('publish appends the events in order, one entry each', async () => {
    const bus = newBus();
    await bus.publish(events(1, 3));
    await bus.publish(events(4, 5));
    await bus.publish([]);
    const entries = await admin.xrange(`${prefix}events`, '-', '+');
    expect(entries.map(([, fields]) => (JSON.parse(fields[1]) as BusEvent).seq)).toEqual([1, 2, 3, 4, 5]);
    expect(entries.map(([, fields]) => fields[0])).toEqual(['e', 'e', 'e', 'e', 'e']);
  });

  test('every listener of every instance receives every event, in order (fan-out)', async () => {
    const a = newBus();
    const b = newBus();
    const gotA: BusEvent[] = [];
    const gotB1: BusEvent[] = [];
    const gotB2: BusEvent[] = [];
    a.listen((e) => gotA.push(e));
    b.listen((e) => gotB1.push(e));
    b.listen((e) => gotB2.push(e));
    await Promise.all([a.listening(), b.listening()]);
    await a.publish(events(1, 3));
    await b.publish(events(4, 5));
    await eventually(() => gotA.length === 5 && gotB1.length === 5 && gotB2.length === 5, 'five events at each listener');
    expect([seqs(gotA), seqs(gotB1), seqs(gotB2)]).toEqual([[1, 2, 3, 4, 5], [1, 2, 3, 4, 5], [1, 2, 3, 4, 5]]);
    expect(gotA[0]).toEqual(gotB1[0]);
  });

  test('two consumers of one group share the events: none handled twice, none lost', async () => {
    await newBus().publish(events(1, 150));
    const handled: Array<{ consumer: string; seq: number }> = [];
    const started = { a: deferred(), b: deferred() };
    // each consumer waits on its first event until the other one has one too: both surely take a share
    const handler = (name: 'a' | 'b', other: 'a' | 'b') => async (e: BusEvent) => {
      started[name].resolve();
      await started[other].promise;
      handled.push({ consumer: name, seq: e.seq });
    };
    const consumers: Consumer[] = [
      newBus().consume('webhooks', handler('a', 'b'), { consumer: 'a' }),
      newBus().consume('webhooks', handler('b', 'a'), { consumer: 'b' }),
    ];
    await eventually(async () => handled.length >= 150 && (await pendingCount('webhooks')) === 0, '150 events handled and acknowledged');
    await Promise.all(consumers.map((c) => c.stop()));
    expect(handled).toHaveLength(150);
    expect(new Set(handled.map((h) => h.seq)).size).toBe(150);
    const byA = handled.filter((h) => h.consumer === 'a').map((h) => h.seq);
    const byB = handled.filter((h) => h.consumer === 'b').map((h) => h.seq);
    expect(byA.length > 0 && byB.length > 0).toBe(true);
    // each consumer handles its share in stream order
    expect(byA).toEqual([...byA].sort((x, y) => x - y));
    expect(byB).toEqual([...byB].sort((x, y) => x - y));
  });

  test('a handler that fails twice gets the event again and it is handled once, before the next one', async () => {
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const bus = newBus();
    let attempts = 0;
    const handled: number[] = [];
    const consumer = bus.consume('projections', async (e) => {
      if (e.seq === 1 && ++attempts <= 2) throw new Error(`attempt ${attempts} fails`);
      handled.push(e.seq);
    });
    await bus.publish(events(1, 2));
    await eventually(async () => handled.length === 2 && (await pendingCount('projections')) === 0, 'both events handled and acknowledged');
    await consumer.stop();
    expect(attempts).toBe(3);
    expect(handled).toEqual([1, 2]);
    expect(error).toHaveBeenCalledTimes(2);
    error.mockRestore();
  });

  test('an event left unacknowledged by a stopped consumer is taken over by another one after the claim idle time', async () => {
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const tried = deferred();
    const dead = newBus().consume('webhooks', async () => { tried.resolve(); throw new Error('crashes'); }, { consumer: 'dead' });
    await newBus().publish([event(1)]);
    await tried.promise;
    await dead.stop();
    const [, , , perConsumer] = (await admin.xpending(`${prefix}events`, 'webhooks')) as [number, string, string, [string, string][]];
    expect(perConsumer).toEqual([['dead', '1']]);

    const handled: Array<{ seq: number }> = [];
    const heir = newBus({ claimIdleMs: 200 }).consume('webhooks', async (e) => { handled.push({ seq: e.seq }); }, { consumer: 'heir' });
    await eventually(async () => handled.length === 1 && (await pendingCount('webhooks')) === 0, 'the heir handled and acknowledged the event');
    await heir.stop();
    expect(handled).toEqual([{ seq: 1 }]);
    error.mockRestore();
  });

  test('a consumer whose stream vanished (Redis restarted empty) makes its group again and goes on', async () => {
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const bus = newBus();
    const handled: number[] = [];
    const consumer = bus.consume('projections', async (e) => { handled.push(e.seq); });
    await bus.publish([event(1)]);
    await eventually(() => handled.length === 1, 'the first event handled');
    await admin.del(`${prefix}events`);
    await bus.publish([event(2)]);
    await eventually(() => handled.length === 2, 'the event after the loss handled');
    await consumer.stop();
    expect(handled).toEqual([1, 2]);
    error.mockRestore();
  });

  test('the live connection exists only while someone listens; listening again starts from then', async () => {
    const bus = newBus();
    const got: number[] = [];
    const stop1 = bus.listen((e) => got.push(e.seq));
    const stop2 = bus.listen((e) => got.push(e.seq * 10));
    await bus.listening();
    await bus.publish([event(1)]);
    await eventually(() => got.length === 2, 'both listeners called');
    expect(await connections()).toContain(`${prefix}listen`);
    stop1();
    expect(bus.listenerCount()).toBe(1);
    stop2();
    stop2();
    expect(bus.listenerCount()).toBe(0);
    await eventually(async () => !(await connections()).includes(`${prefix}listen`), 'the listen connection closed');

    await bus.publish([event(2)]);
    const stop3 = bus.listen((e) => got.push(e.seq));
    await bus.listening();
    await bus.publish([event(3)]);
    await eventually(() => got.length === 3, 'the new listener called');
    expect(got).toEqual([1, 10, 3]);
    stop3();
  });

  test('close stops consumers and listeners and closes every connection', async () => {
    const bus = newBus();
    const got: number[] = [];
    bus.listen((e) => got.push(e.seq));
    const consumed: number[] = [];
    bus.consume('g', async (e) => { consumed.push(e.seq); });
    await bus.listening();
    await bus.publish([event(1)]);
    await eventually(() => got.length === 1 && consumed.length === 1, 'the event listened to and consumed');
    expect((await connections()).sort()).toEqual([`${prefix}bus`, `${prefix}consumer:g:${(await admin.xinfo('CONSUMERS', `${prefix}events`, 'g') as string[][])[0][1]}`, `${prefix}listen`].sort());
    await bus.close();
    expect(bus.listenerCount()).toBe(0);
    await eventually(async () => (await connections()).length === 0, 'no connection of the bus left');
    await expect(bus.publish([event(2)])).rejects.toThrow('closed');
  });
});
