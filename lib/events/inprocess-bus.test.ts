import { randomUUID } from 'node:crypto';
import type { BusEvent } from './bus';
import { InProcessBus } from './inprocess-bus';

function event(seq: number): BusEvent {
  return {
    eventId: randomUUID(), source: 'licenses', seq, accountId: 'acct', type: 'license.updated',
    entityType: 'License', entityId: `lic-${seq}`, payload: { data: { seq } }, occurredAt: new Date(0).toISOString(),
  };
}

test('publish resolves after every consumer group has handled the events, in order', async () => {
  const bus = new InProcessBus();
  const handled: string[] = [];
  bus.consume('webhooks', async (e) => { await new Promise((r) => setImmediate(r)); handled.push(`webhooks:${e.seq}`); });
  bus.consume('projections', async (e) => { handled.push(`projections:${e.seq}`); });
  await bus.publish([event(1), event(2)]);
  expect(handled).toEqual(['webhooks:1', 'projections:1', 'webhooks:2', 'projections:2']);
  await bus.close();
});

test('a failing handler rejects publish; a second consumer of a group takes nothing', async () => {
  const bus = new InProcessBus();
  const seen: number[] = [];
  const second: number[] = [];
  bus.consume('g', async (e) => { if (e.seq === 2) throw new Error('down'); seen.push(e.seq); });
  const extra = bus.consume('g', async (e) => { second.push(e.seq); });
  await expect(bus.publish([event(1), event(2), event(3)])).rejects.toThrow('down');
  expect(seen).toEqual([1]);
  expect(second).toEqual([]);
  await extra.stop();
  await bus.close();
});

test('listeners are counted, called before the groups, and a throwing listener does not stop the others', async () => {
  const bus = new InProcessBus();
  const got: string[] = [];
  const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  bus.consume('g', async (e) => { got.push(`group:${e.seq}`); });
  const stopA = bus.listen(() => { throw new Error('listener bug'); });
  const stopB = bus.listen((e) => got.push(`b:${e.seq}`));
  const stopB2 = bus.listen((e) => got.push(`b2:${e.seq}`));
  expect(bus.listenerCount()).toBe(3);
  await bus.publish([event(1), event(2)]);
  expect(got).toEqual(['b:1', 'b2:1', 'b:2', 'b2:2', 'group:1', 'group:2']);
  expect(error).toHaveBeenCalledTimes(2);
  stopA();
  stopB();
  stopB();
  expect(bus.listenerCount()).toBe(1);
  stopB2();
  expect(bus.listenerCount()).toBe(0);
  error.mockRestore();
  await bus.close();
  await expect(bus.publish([event(2)])).rejects.toThrow('closed');
});

test('a stopped consumer finishes the event in hand, then takes nothing more, even from a batch being published', async () => {
  const bus = new InProcessBus();
  const seen: string[] = [];
  let release!: () => void;
  const held = new Promise<void>((resolve) => { release = resolve; });
  // group a holds the first event until released; group b (joined later) comes after it for each event
  const a = bus.consume('a', async (e) => { seen.push(`a:${e.seq}`); if (e.seq === 1) await held; });
  const b = bus.consume('b', async (e) => { seen.push(`b:${e.seq}`); });
  const publishing = bus.publish([event(1), event(2)]);
  await new Promise((resolve) => setImmediate(resolve));
  let bStopped = false;
  const stoppingB = b.stop().then(() => { bStopped = true; });
  await stoppingB;
  expect(bStopped).toBe(true); // b had nothing in hand
  let aStopped = false;
  const stoppingA = a.stop().then(() => { aStopped = true; });
  await new Promise((resolve) => setImmediate(resolve));
  expect(aStopped).toBe(false); // a waits for the event it holds
  release();
  await stoppingA;
  await publishing;
  expect(aStopped).toBe(true);
  expect(seen).toEqual(['a:1']);
  await bus.close();
});
