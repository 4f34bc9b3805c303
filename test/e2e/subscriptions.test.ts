/**
 * Subscriptions end to end: a real graphql-ws client, the real gateway over WebSocket, real subgraphs (the outbox
 * relay publishing to the stack's bus), a real database. Payloads carry fields of several subgraphs.
 *
 * Negative cases ("this subscriber does not get that event") rely on order: each subscription receives its
 * events in commit order, so when a subscriber's first payload is the later, matching event, the earlier one
 * was filtered out rather than still on its way.
 */
import { randomUUID } from 'node:crypto';
import type { Client } from 'graphql-ws';
import { DATABASE_KINDS } from '../testkit/databases';
import { testToken } from '../testkit/auth';
import { client } from '../testkit/graphql';
import { startTestStack, type TestStack } from '../testkit/stack';
import { eventually } from '../testkit/eventually';
import { subscribe as openSubscription, wsClient, type TestSubscription } from '../testkit/subscriptions';
import { licenseOf, newLicense, newUser } from './licenses-fixtures';

const LICENSE_EVENTS = `
  subscription Events($licenseId: ID, $productId: ID, $types: [String!]) {
    licenseEvents(licenseId: $licenseId, productId: $productId, types: $types) {
      id type licenseId
      license { id status uses seatsTotal costsSummary { totalCost } computerAssignments { totalCount } }
    }
  }`;
const SUSPEND = `mutation($id: ID!) { suspendLicense(id: $id) { id } }`;
const INCREMENT = `mutation($id: ID!) { incrementLicenseUsage(id: $id) { id uses } }`;

describe.each(DATABASE_KINDS)('subscriptions through the gateway (%s)', (kind) => {
  let t: TestStack;
  let ws: Client;
  const clients: Client[] = [];
  const open = async (opts: { scopes?: string[]; accountId?: string } = {}): Promise<Client> => {
    const c = wsClient(t.stack.gateway.url, { authorization: `Bearer ${await testToken(opts)}` });
    clients.push(c);
    return c;
  };
  const stats = () => t.stack.gateway.subscriptionStats();
  const live = (n: number) => eventually(() => stats().subscriptions === n, `${n} open subscriptions`);
  const opened: TestSubscription[] = [];
  /** Subscribes once every committed event is published: a subscription sees only what happens after it. */
  const subscribe: typeof openSubscription = (...args) => {
    const sub = openSubscription(...args);
    opened.push(sub);
    return sub;
  };
  const published = () => t.publishAll();

  beforeAll(async () => {
    t = await startTestStack(kind);
    ws = await open();
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    await t?.stop();
  });
  afterEach(async () => {
    for (const sub of opened.splice(0)) sub.unsubscribe();
    // every test leaves nothing behind: no subscription, no group, no bus listener
    await eventually(() => stats().subscriptions === 0 && stats().groups === 0 && stats().busListeners === 0, 'released subscriptions');
    expect(t.stack.bus.listenerCount()).toBe(0);
  });

  it('delivers a license event with fields of the licenses, entitlements, compliance and assignments subgraphs', async () => {
    const license = await newLicense(t);
    await published();
    const sub = subscribe(ws, LICENSE_EVENTS, { licenseId: license.id });
    await live(1);
    await t.gateway.ok(SUSPEND, { id: license.id });
    const first = await sub.next();
    expect(first.errors).toBeUndefined();
    expect(first.data?.licenseEvents).toEqual({
      id: expect.any(String),
      type: 'license.suspended',
      licenseId: license.id,
      license: { id: license.id, status: 'SUSPENDED', uses: 0, seatsTotal: 0, costsSummary: { totalCost: '0' }, computerAssignments: { totalCount: 0 } },
    });
    const second = await sub.next();
    expect(second.data?.licenseEvents.type).toBe('license.updated');
    expect(second.data?.licenseEvents.id).not.toBe(first.data?.licenseEvents.id);
    sub.unsubscribe();
  });

  it('filters by license, product and event type', async () => {
    const a = await newLicense(t);
    const b = await newLicense(t);
    const c = await licenseOf(t, a.policyId);
    await published();
    const byLicense = subscribe(ws, LICENSE_EVENTS, { licenseId: b.id });
    const byProduct = subscribe(ws, LICENSE_EVENTS, { productId: a.productId, types: ['license.usage.*'] });
    const all = subscribe(ws, LICENSE_EVENTS, {});
    await live(3);
    await t.gateway.ok(SUSPEND, { id: a.id }); // a: neither b nor usage
    await t.gateway.ok(INCREMENT, { id: c.id }); // c: product of a, usage
    await t.gateway.ok(INCREMENT, { id: b.id }); // b: its own license
    expect((await byProduct.next()).data?.licenseEvents).toMatchObject({ type: 'license.usage.incremented', licenseId: c.id, license: { uses: 1 } });
    const firstOfB = (await byLicense.next()).data?.licenseEvents;
    expect(firstOfB).toMatchObject({ type: 'license.usage.incremented', licenseId: b.id });
    const seen: string[] = [];
    for (let i = 0; i < 6; i++) {
      const event = (await all.next()).data?.licenseEvents;
      seen.push(`${{ [a.id]: 'a', [b.id]: 'b', [c.id]: 'c' }[event.licenseId as string]} ${event.type}`);
    }
    expect(seen).toEqual([
      'a license.suspended', 'a license.updated', 'c license.usage.incremented', 'c license.updated', 'b license.usage.incremented', 'b license.updated',
    ]);
    for (const s of [byLicense, byProduct, all]) s.unsubscribe();
  });

  it('filters by organization', async () => {
    const { organizationId } = await newUser(t, `org-${randomUUID()}@example.com`);
    const outside = await newLicense(t);
    const inside = await licenseOf(t, outside.policyId, { organizationId });
    await published();
    const sub = subscribe(ws, `subscription($o: ID) { licenseEvents(organizationId: $o) { type licenseId } }`, { o: organizationId });
    await live(1);
    await t.gateway.ok(SUSPEND, { id: outside.id });
    await t.gateway.ok(SUSPEND, { id: inside.id });
    expect((await sub.next()).data?.licenseEvents).toEqual({ type: 'license.suspended', licenseId: inside.id });
    expect((await sub.next()).data?.licenseEvents).toEqual({ type: 'license.updated', licenseId: inside.id });
    sub.unsubscribe();
  });

  it('licenseUsageChanged delivers the live usage of one license', async () => {
    const license = await newLicense(t);
    await published();
    const sub = subscribe(ws, `subscription($id: ID!) { licenseUsageChanged(licenseId: $id) { type licenseId license { uses } } }`, { id: license.id });
    await live(1);
    await t.gateway.ok(SUSPEND, { id: license.id }); // not a usage change
    await t.gateway.ok(INCREMENT, { id: license.id });
    await t.gateway.ok(INCREMENT, { id: license.id });
    expect((await sub.next()).data).toEqual({ licenseUsageChanged: { type: 'license.usage.incremented', licenseId: license.id, license: { uses: 1 } } });
    expect((await sub.next()).data?.licenseUsageChanged.license).toEqual({ uses: 2 });
    sub.unsubscribe();
  });

  it('deviceEvents delivers device changes with the machines the licenses subgraph knows', async () => {
    const fingerprint = `fp-${randomUUID()}`;
    const sub = subscribe(ws, `subscription { deviceEvents(types: ["device.registered"]) { type deviceId device { fingerprint hostname machines { id } } } }`);
    await live(1);
    const { registerDevice } = await t.gateway.ok(
      `mutation($input: RegisterDeviceInput!) { registerDevice(input: $input) { id } }`,
      { input: { fingerprint, hostname: 'edge-1' } },
    );
    expect((await sub.next()).data).toEqual({
      deviceEvents: { type: 'device.registered', deviceId: registerDevice.id, device: { fingerprint, hostname: 'edge-1', machines: [] } },
    });
    sub.unsubscribe();
  });

  it('deviceEvents filters by device', async () => {
    const register = `mutation($input: RegisterDeviceInput!) { registerDevice(input: $input) { id } }`;
    const { registerDevice: a } = await t.gateway.ok(register, { input: { fingerprint: `fp-${randomUUID()}` } });
    const { registerDevice: b } = await t.gateway.ok(register, { input: { fingerprint: `fp-${randomUUID()}` } });
    await published();
    const sub = subscribe(ws, `subscription($id: ID) { deviceEvents(deviceId: $id) { type deviceId device { hostname } } }`, { id: b.id });
    await live(1);
    const update = `mutation($id: ID!, $h: String!) { updateDevice(id: $id, input: { hostname: $h }) { id } }`;
    await t.gateway.ok(update, { id: a.id, h: 'a-host' });
    await t.gateway.ok(update, { id: b.id, h: 'b-host' });
    expect((await sub.next()).data?.deviceEvents).toEqual({ type: 'device.updated', deviceId: b.id, device: { hostname: 'b-host' } });
    sub.unsubscribe();
  });

  it("never delivers another account's events", async () => {
    const otherAccount = randomUUID();
    const other = await open({ accountId: otherAccount });
    const otherHttp = client(t.stack.gateway.url, { authorization: `Bearer ${await testToken({ accountId: otherAccount })}` });
    const theirs = subscribe(other, LICENSE_EVENTS, {});
    await live(1);
    const mine = await newLicense(t);
    await t.gateway.ok(SUSPEND, { id: mine.id });
    const { createProduct } = await otherHttp.ok(`mutation { createProduct(input: { name: "Other" }) { id } }`);
    const { createPolicy } = await otherHttp.ok(`mutation($p: ID!) { createPolicy(input: { productId: $p, name: "P" }) { id } }`, { p: createProduct.id });
    const { createLicense } = await otherHttp.ok(`mutation($p: ID!) { createLicense(input: { policyId: $p }) { id } }`, { p: createPolicy.id });
    const first = (await theirs.next()).data?.licenseEvents;
    expect(first).toMatchObject({ type: 'license.created', licenseId: createLicense.id, license: { id: createLicense.id } });
    theirs.unsubscribe();
  });

  it('refuses a subscription without the scope its root field requires', async () => {
    const devicesOnly = await open({ scopes: ['device:read'] });
    const sub = subscribe(devicesOnly, LICENSE_EVENTS, {});
    const error = (await sub.ended()) as Array<{ message: string; extensions: { code: string } }>;
    expect(error[0].extensions.code).toBe('FORBIDDEN');
    expect(error[0].message).toBe('Subscription.licenseEvents requires the scope license:read or license:write');
  });

  it('applies the operation limits to subscriptions', async () => {
    const aliases = Array.from({ length: 31 }, (_, i) => `a${i}: type`).join(' ');
    const sub = subscribe(ws, `subscription { licenseEvents { ${aliases} } }`);
    const error = (await sub.ended()) as Array<{ extensions: { code: string; limit: string } }>;
    expect(error[0].extensions).toEqual({ code: 'LIMIT_EXCEEDED', limit: 'maxAliases' });
  });

  it('closes a connection without a valid bearer token with 4403', async () => {
    for (const authorization of [undefined, 'Bearer not-a-token', `License ABC`]) {
      const c = wsClient(t.stack.gateway.url, { authorization });
      clients.push(c);
      const ended = (await subscribe(c, LICENSE_EVENTS, {}).ended()) as { code?: number };
      expect(ended.code).toBe(4403);
    }
  });

  it('shares one resolution per event between identical subscriptions, and releases everything', async () => {
    const license = await newLicense(t);
    await published();
    const one = subscribe(ws, LICENSE_EVENTS, { licenseId: license.id });
    const two = subscribe(ws, LICENSE_EVENTS, { licenseId: license.id });
    const otherClient = await open();
    const three = subscribe(otherClient, LICENSE_EVENTS, { licenseId: license.id, types: ['license.suspended'] });
    await live(3);
    expect(stats().groups).toBe(2);
    expect(stats().busListeners).toBe(1);
    const before = stats().resolutions;
    await t.gateway.ok(SUSPEND, { id: license.id });
    const [p1, p2, p3] = [await one.next(), await two.next(), await three.next()];
    expect(p1).toEqual(p2);
    expect(p3.data?.licenseEvents.type).toBe('license.suspended');
    await one.next();
    await two.next();
    // 2 events for the group of one and two, 1 for three's (its type filter drops license.updated)
    expect(stats().resolutions - before).toBe(3);
    one.unsubscribe();
    await live(2);
    expect(stats().groups).toBe(2);
    two.unsubscribe();
    await live(1);
    await otherClient.dispose(); // a disconnect releases its subscriptions too
    await live(0);
  });

  it('answers a subscription sent over HTTP with BAD_USER_INPUT', async () => {
    const error = await t.gateway.fails('BAD_USER_INPUT', LICENSE_EVENTS);
    expect(error.message).toBe('Subscriptions are served over WebSocket (graphql-transport-ws) at this same URL');
  });

  it('runs queries and mutations sent over the socket like HTTP requests', async () => {
    const license = await newLicense(t);
    const result = await new Promise<unknown>((resolve, reject) => {
      ws.subscribe({ query: `query($id: ID!) { license(id: $id) { id status } }`, variables: { id: license.id } }, { next: resolve, error: reject, complete: () => undefined });
    });
    expect(result).toEqual({ data: { license: { id: license.id, status: 'ACTIVE' } } });
  });
});
