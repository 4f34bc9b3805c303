import { randomUUID } from 'node:crypto';
import type { ExecutionResult } from 'graphql';
import type { BusEvent } from '../../lib/events/bus';
import { InProcessBus } from '../../lib/events/inprocess-bus';
import { TOPICS } from '../../lib/events/topics';
import { SubscriptionHub, type GroupSpec } from './hub';

const ACCOUNT = randomUUID();
const LICENSE = randomUUID();

function event(type = 'license.updated', overrides: Partial<BusEvent> = {}): BusEvent {
  return {
    eventId: randomUUID(), source: 'licenses', seq: 1, accountId: ACCOUNT, type, entityType: 'License', entityId: LICENSE,
    payload: { licenseId: LICENSE }, occurredAt: new Date().toISOString(), ...overrides,
  };
}

function spec(key: string, resolved: string[], overrides: Partial<GroupSpec> = {}): GroupSpec {
  return {
    key, accountId: ACCOUNT, topic: TOPICS.licenseEvents, args: {},
    resolve: async (e) => { resolved.push(e.eventId); return { data: { type: e.type, eventId: e.eventId } }; },
    ...overrides,
  };
}

const take = async (it: AsyncIterator<ExecutionResult>) => (await it.next()).value as ExecutionResult;

describe('SubscriptionHub', () => {
  let bus: InProcessBus;
  beforeEach(() => { bus = new InProcessBus(); });
  afterEach(() => bus.close());

  it('drops a duplicate of an event it has delivered (the bus is at least once)', async () => {
    const hub = new SubscriptionHub(bus, { bufferLimit: 10, queueLimit: 100, concurrency: 4, dedupeWindow: 100 });
    const resolved: string[] = [];
    const sub = hub.subscribe(spec('k', resolved));
    const e = event();
    await bus.publish([e, e, { ...e }]);
    const next = event('license.suspended');
    await bus.publish([next]);
    expect((await take(sub)).data).toEqual({ type: 'license.updated', eventId: e.eventId });
    expect((await take(sub)).data).toEqual({ type: 'license.suspended', eventId: next.eventId });
    expect(resolved).toEqual([e.eventId, next.eventId]);
    await sub.return?.();
    expect(hub.stats()).toEqual({ subscriptions: 0, groups: 0, busListeners: 0, resolutions: 2 });
    expect(bus.listenerCount()).toBe(0);
  });

  it('ends a subscriber that falls behind by more than the buffer, without holding up the others', async () => {
    const hub = new SubscriptionHub(bus, { bufferLimit: 3, queueLimit: 100, concurrency: 4, dedupeWindow: 100 });
    const slow = hub.subscribe(spec('k', []));
    const fast = hub.subscribe(spec('k', []));
    const events = Array.from({ length: 6 }, () => event());
    for (const e of events) {
      await bus.publish([e]);
      expect((await take(fast)).data?.eventId).toBe(e.eventId);
    }
    const got: ExecutionResult[] = [];
    for (let r = await slow.next(); !r.done; r = await slow.next()) got.push(r.value);
    expect(got.slice(0, 3).map((g) => g.data?.eventId)).toEqual(events.slice(0, 3).map((e) => e.eventId));
    expect(got[3].errors?.map((e) => [e.message, e.extensions?.code])).toEqual([['The subscriber fell more than 3 events behind and was ended', 'LIMIT_EXCEEDED']]);
    expect(got).toHaveLength(4);
    expect(hub.stats().subscriptions).toBe(1);
    await fast.return?.();
    expect(hub.stats()).toEqual({ subscriptions: 0, groups: 0, busListeners: 0, resolutions: 6 });
  });

  it('ends the subscriptions of an expired token with UNAUTHENTICATED instead of resolving', async () => {
    const hub = new SubscriptionHub(bus, { bufferLimit: 10, queueLimit: 100, concurrency: 4, dedupeWindow: 100 });
    const resolved: string[] = [];
    const sub = hub.subscribe(spec('k', resolved, { expiresAt: new Date(Date.now() - 1000) }));
    await bus.publish([event()]);
    const last = await take(sub);
    expect(last.errors?.map((e) => [e.message, e.extensions?.code])).toEqual([['The token has expired: subscribe again with a new one', 'UNAUTHENTICATED']]);
    expect((await sub.next()).done).toBe(true);
    expect(resolved).toEqual([]);
    expect(hub.stats()).toMatchObject({ subscriptions: 0, groups: 0, busListeners: 0 });
  });

  it("checks the account before the topic: another account's event is never resolved", async () => {
    const hub = new SubscriptionHub(bus, { bufferLimit: 10, queueLimit: 100, concurrency: 4, dedupeWindow: 100 });
    const resolved: string[] = [];
    const sub = hub.subscribe(spec('k', resolved));
    await bus.publish([event('license.updated', { accountId: randomUUID() })]);
    const mine = event();
    await bus.publish([mine]);
    expect((await take(sub)).data?.eventId).toBe(mine.eventId);
    expect(resolved).toEqual([mine.eventId]);
    await sub.return?.();
  });

  it('resolves several events of a group at once and still delivers them in order', async () => {
    const hub = new SubscriptionHub(bus, { bufferLimit: 10, queueLimit: 100, concurrency: 3, dedupeWindow: 100 });
    const started: string[] = [];
    const finish = new Map<string, (r: ExecutionResult) => void>();
    const sub = hub.subscribe(spec('k', [], {
      resolve: (e) => new Promise((resolve) => { started.push(e.eventId); finish.set(e.eventId, resolve); }),
    }));
    const events = Array.from({ length: 4 }, () => event());
    await bus.publish(events);
    expect(started).toEqual(events.slice(0, 3).map((e) => e.eventId)); // the window: 3 at a time
    finish.get(events[2].eventId)!({ data: { n: 2 } });
    finish.get(events[1].eventId)!({ data: { n: 1 } });
    finish.get(events[0].eventId)!({ data: { n: 0 } });
    expect((await take(sub)).data).toEqual({ n: 0 });
    expect((await take(sub)).data).toEqual({ n: 1 });
    expect((await take(sub)).data).toEqual({ n: 2 });
    expect(started).toHaveLength(4);
    finish.get(events[3].eventId)!({ data: { n: 3 } });
    expect((await take(sub)).data).toEqual({ n: 3 });
    await sub.return?.();
  });

  it('ends a group whose events wait longer than its queue allows', async () => {
    const hub = new SubscriptionHub(bus, { bufferLimit: 10, queueLimit: 2, concurrency: 1, dedupeWindow: 100 });
    const sub = hub.subscribe(spec('k', [], { resolve: () => new Promise(() => undefined) })); // never resolves
    await bus.publish([event(), event(), event()]);
    const last = await take(sub);
    expect(last.errors?.map((e) => [e.message, e.extensions?.code])).toEqual([['The subscription fell more than 2 events behind and was ended', 'LIMIT_EXCEEDED']]);
    expect((await sub.next()).done).toBe(true);
    expect(hub.stats()).toMatchObject({ subscriptions: 0, groups: 0, busListeners: 0 });
  });
});
