/**
 * License consumption end to end (seed 002 license models, API.md "consumption"): consumeLicense, refreshLease and
 * releaseLease through the gateway with tokens holding only `entitlement:consume`, each rule with its exact code and
 * rows, tenant and user isolation, concurrent consumption of the last seats, and live usage over WebSocket.
 */
import { randomUUID } from 'node:crypto';
import type { Client } from 'graphql-ws';
import { createItem, licenseWith as licenseFor, seatLine, type Binding } from '../../subgraphs/entitlements/testing';
import { bearerHeaders, testToken } from '../testkit/auth';
import { DATABASE_KINDS } from '../testkit/databases';
import { eventually } from '../testkit/eventually';
import type { TestClient } from '../testkit/graphql';
import { outboxEvents } from '../testkit/outbox';
import { startTestStack, type TestStack } from '../testkit/stack';
import { subscribe, wsClient } from '../testkit/subscriptions';
import { newLicense } from './licenses-fixtures';

const LEASE = 'id mode validFrom validUntil refreshAfter releasedAt licenseId session { id userId anchors { type externalId } }';
const CONSUME = `mutation($item: String!, $v: String, $m: ConsumptionMode! = CACHE, $a: [SessionAnchorInput!]! = [], $l: ID) {
  consumeLicense(licensedItem: $item, version: $v, mode: $m, anchors: $a, leaseId: $l) { ${LEASE} } }`;
const REFRESH = `mutation($id: ID!) { refreshLease(leaseId: $id) { ${LEASE} } }`;
const RELEASE = `mutation($id: ID!) { releaseLease(leaseId: $id) { ${LEASE} } }`;
const USAGE = `query($o: ID!) { entitlementLicenses(organizationId: $o, entitlementId: "any") {
  seatsTaken seatsTotal seatCountCredits { seatsConsumed } useCountCredits { countUsed } useTimeCredits { timeUsed }
  sessions { id userId seatHeldUntil leases { id mode releasedAt } } } }`;

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- test data is read loosely
const span = (lease: Row) => Date.parse(lease.validUntil) - Date.parse(lease.validFrom);
const hw = (externalId: string) => ({ type: 'HARDWARE', externalId });
const proc = (externalId: string) => ({ type: 'LICENSED_PROCESS', externalId });

describe.each(DATABASE_KINDS)('license consumption (%s)', (kind) => {
  let t: TestStack;
  const consumers = new Map<string, TestClient>();
  beforeAll(async () => { t = await startTestStack(kind); });
  afterAll(async () => { await t?.stop(); });

  /** A client whose token holds only entitlement:consume, for `subject` of the test account (or of `accountId`). */
  async function as(subject: string, accountId?: string): Promise<TestClient> {
    const key = `${accountId ?? ''}/${subject}`;
    if (!consumers.has(key)) consumers.set(key, t.gatewayWith(bearerHeaders(await testToken({ subject, accountId, scopes: ['entitlement:consume'] }))));
    return consumers.get(key)!;
  }

  /** A licensed item with one license of a new model, and the order lines `lines` granted to it. */
  const licenseWith = (model: Row, lines: (b: Binding) => Row[], licenseId?: string) =>
    licenseFor(t.gateway, model, lines, licenseId ? { licenseId } : {});

  const usage = async (b: Binding): Promise<Row> => (await t.gateway.ok(USAGE, { o: b.organizationId })).entitlementLicenses[0];
  const consume = async (who: string, vars: Row) => (await (await as(who)).ok(CONSUME, vars)).consumeLicense;
  const events = async (licenseId: string) =>
    (await outboxEvents(t.stack.subgraphs.entitlements.orm)).filter((e) => e.payload.licenseId === licenseId).map((e) => e.type);

  it('takes one seat per session, extends the same session, refuses the seat beyond the limit and frees it on release', async () => {
    const b = await licenseWith({ seatCountConstraint: {} }, (l) => [seatLine(l, 2)]);
    const alice = await consume('alice', { item: b.item });
    expect(alice).toMatchObject({ mode: 'CACHE', releasedAt: null, refreshAfter: null, licenseId: b.licenseId, session: { userId: 'alice', anchors: [] } });
    // no lease time in the model: until the seat credit expires
    expect(alice.validUntil).toBe('2100-01-01T00:00:00.000Z');
    const again = await consume('alice', { item: b.licensedItemId });
    expect(again.id).toBe(alice.id);
    const bob = await consume('bob', { item: b.item });
    let now = await usage(b);
    expect([now.seatsTotal, now.seatsTaken, now.seatCountCredits[0].seatsConsumed, now.sessions.map((s: Row) => s.userId)]).toEqual([2, 2, 2, ['alice', 'bob']]);
    const carol = await (await as('carol')).fails('CONFLICT', CONSUME, { item: b.item });
    expect(carol.extensions?.reason).toBe('SEAT_LIMIT_REACHED');
    expect((await usage(b)).sessions).toHaveLength(2);
    const released = (await (await as('bob')).ok(RELEASE, { id: bob.id })).releaseLease;
    expect(released.releasedAt).toBe(released.validUntil);
    now = await usage(b);
    expect([now.seatsTaken, now.sessions.map((s: Row) => s.userId)]).toEqual([1, ['alice']]);
    await consume('carol', { item: b.item });
    expect(await events(b.licenseId)).toEqual([
      'entitlement.seat.consumed', 'entitlement.lease.granted', 'entitlement.lease.refreshed', 'entitlement.seat.consumed', 'entitlement.lease.granted',
      'entitlement.lease.released', 'entitlement.seat.consumed', 'entitlement.lease.granted',
    ]);
  });

  it('allows the overuse of the seat count constraint, and no more', async () => {
    const b = await licenseWith({ seatCountConstraint: { overuseExpr: 'ceil(n / 2)' } }, (l) => [seatLine(l, 1)]);
    await consume('a', { item: b.item });
    await consume('b', { item: b.item });
    expect((await (await as('c')).fails('CONFLICT', CONSUME, { item: b.item })).extensions?.reason).toBe('SEAT_LIMIT_REACHED');
    expect((await usage(b)).seatsTaken).toBe(2);
  });

  it('names NOT_FOUND for an unknown item and FORBIDDEN when no valid license or credit grants it', async () => {
    await (await as('alice')).fails('NOT_FOUND', CONSUME, { item: `nothing-${randomUUID()}` });
    const name = `bare-${randomUUID()}`;
    await createItem(t.gateway, name);
    expect((await (await as('alice')).fails('FORBIDDEN', CONSUME, { item: name })).extensions?.reason).toBe('NO_VALID_LICENSE');
    const expired = await licenseWith({}, (l) => [seatLine(l, 5, '2020-01-01T00:00:00.000Z', '2021-01-01T00:00:00.000Z')]);
    expect((await (await as('alice')).fails('FORBIDDEN', CONSUME, { item: expired.item })).extensions?.reason).toBe('NO_VALID_LICENSE');
  });

  it('matches the version against allowedVersions with the model matcher', async () => {
    const b = await licenseWith({ versionConstraint: { matcher: 'SEMANTIC' } }, (l) => [{ ...seatLine(l, 1), allowedVersions: '^2.0.0' }]);
    const api = await as('alice');
    expect((await api.fails('BAD_USER_INPUT', CONSUME, { item: b.item })).extensions?.argumentPath).toEqual(['version']);
    expect((await api.fails('FORBIDDEN', CONSUME, { item: b.item, v: '3.0.0' })).extensions?.reason).toBe('VERSION_NOT_ALLOWED');
    expect((await api.fails('FORBIDDEN', CONSUME, { item: b.item, v: 'two' })).extensions?.reason).toBe('VERSION_NOT_ALLOWED');
    await consume('alice', { item: b.item, v: '2.4.1' });
    expect((await usage(b)).sessions).toHaveLength(1);
  });

  it('refuses consumption when the model requires a reservation and the user has none', async () => {
    const b = await licenseWith({ assignedLicenseConstraint: { requireReservation: true } }, (l) => [seatLine(l, 3)]);
    expect((await (await as('alice')).fails('FORBIDDEN', CONSUME, { item: b.item })).extensions?.reason).toBe('RESERVATION_REQUIRED');
    expect((await usage(b)).sessions).toEqual([]);
  });

  it('charges one use per new session from the use count credit', async () => {
    const b = await licenseWith({ useCountConstraint: {} }, (l) => [{ ...seatLine(l, 2), creditType: 'USE_COUNT' }]);
    await consume('alice', { item: b.item });
    await consume('alice', { item: b.item }); // the same session: no new use
    await consume('bob', { item: b.item });
    expect((await usage(b)).useCountCredits).toEqual([{ countUsed: 2 }]);
    expect((await (await as('carol')).fails('CONFLICT', CONSUME, { item: b.item })).extensions?.reason).toBe('USE_COUNT_EXHAUSTED');
    expect((await usage(b)).useCountCredits).toEqual([{ countUsed: 2 }]);
  });

  it('charges lease time to the use time credit, shortens the lease to the time left and refunds on release', async () => {
    const b = await licenseWith({ useTimeConstraint: {}, leaseTimeBehavior: { leaseTimeCache: 60_000 } }, (l) => [{ ...seatLine(l, 90_000), creditType: 'USE_TIME' }]);
    const alice = await consume('alice', { item: b.item });
    expect(span(alice)).toBe(60_000);
    expect((await usage(b)).useTimeCredits).toEqual([{ timeUsed: 60_000 }]);
    const bob = await consume('bob', { item: b.item });
    expect(span(bob)).toBe(30_000);
    expect((await (await as('carol')).fails('CONFLICT', CONSUME, { item: b.item })).extensions?.reason).toBe('USE_TIME_EXHAUSTED');
    const released = (await (await as('alice')).ok(RELEASE, { id: alice.id })).releaseLease;
    const refund = Date.parse(alice.validUntil) - Date.parse(released.releasedAt);
    expect((await usage(b)).useTimeCredits).toEqual([{ timeUsed: 90_000 - refund }]);
  });

  it('keeps sessions by anchors, bounds leases per session, follows REQUIRE_LEASE_ID and stacks extensions', async () => {
    const b = await licenseWith({
      seatCountConstraint: {},
      concurrentSessions: { sessionAnchors: ['HARDWARE'], additionalAnchors: ['LICENSED_PROCESS'], maxCache: 1, leaseTrackingMode: 'REQUIRE_LEASE_ID' },
      leaseTimeBehavior: { leaseTimeCache: 60_000, refreshTimeCache: 30_000, incrementModel: 'STACK' },
    }, (l) => [seatLine(l, 5)]);
    const api = await as('alice');
    expect((await api.fails('BAD_USER_INPUT', CONSUME, { item: b.item, a: [hw('h1')] })).extensions?.argumentPath).toEqual(['anchors']);
    const first = await consume('alice', { item: b.item, a: [hw('h1'), proc('p1')] });
    expect([span(first), Date.parse(first.refreshAfter) - Date.parse(first.validFrom)]).toEqual([60_000, 30_000]);
    expect(first.session.anchors).toEqual([hw('h1'), proc('p1')]);
    // REQUIRE_LEASE_ID: without the lease id a new lease, which maxCache 1 refuses
    const limit = await api.fails('CONFLICT', CONSUME, { item: b.item, a: [hw('h1'), proc('p2')] });
    expect(limit.extensions).toMatchObject({ reason: 'SESSION_LIMIT_REACHED', limit: 'maxCache' });
    expect((await api.fails('CONFLICT', CONSUME, { item: b.item, a: [hw('h1'), proc('p1')], l: randomUUID() })).extensions?.reason).toBe('LEASE_MISMATCH');
    const extended = await consume('alice', { item: b.item, a: [hw('h1'), proc('p1')], l: first.id });
    expect([extended.id, Date.parse(extended.validUntil) - Date.parse(first.validUntil)]).toEqual([first.id, 60_000]);
    const refreshed = (await api.ok(REFRESH, { id: first.id })).refreshLease;
    expect(Date.parse(refreshed.validUntil) - Date.parse(extended.validUntil)).toBe(60_000);
    await consume('alice', { item: b.item, a: [hw('h1'), proc('p1')], m: 'CHECK_OUT' });
    await consume('alice', { item: b.item, a: [hw('h2'), proc('p1')] });
    const now = await usage(b);
    expect(now.seatsTaken).toBe(2);
    expect(now.sessions.map((s: Row) => s.leases.map((l: Row) => l.mode))).toEqual([['CHECK_OUT', 'CACHE'], ['CACHE']]);
  });

  it('refuses extension and release when the model does not allow them', async () => {
    const b = await licenseWith({ leaseTimeBehavior: { allowLeaseExtension: false, allowLeaseRelease: false } }, (l) => [seatLine(l, 1)]);
    const lease = await consume('alice', { item: b.item });
    const api = await as('alice');
    expect((await api.fails('CONFLICT', CONSUME, { item: b.item })).extensions?.reason).toBe('LEASE_EXTENSION_NOT_ALLOWED');
    expect((await api.fails('CONFLICT', REFRESH, { id: lease.id })).extensions?.reason).toBe('LEASE_EXTENSION_NOT_ALLOWED');
    expect((await api.fails('CONFLICT', RELEASE, { id: lease.id })).extensions?.reason).toBe('LEASE_RELEASE_NOT_ALLOWED');
    expect((await usage(b)).sessions[0].leases).toEqual([{ id: lease.id, mode: 'CACHE', releasedAt: null }]);
  });

  it('keeps a released seat taken through the cooldown; the same session takes it back', async () => {
    const b = await licenseWith({ seatCountConstraint: {}, leaseTimeBehavior: { cooldownTime: 3_600_000 } }, (l) => [seatLine(l, 1)]);
    const lease = await consume('alice', { item: b.item });
    const released = (await (await as('alice')).ok(RELEASE, { id: lease.id })).releaseLease;
    const after = await usage(b);
    expect(after.seatsTaken).toBe(1);
    expect(Date.parse(after.sessions[0].seatHeldUntil) - Date.parse(released.releasedAt)).toBe(3_600_000);
    expect((await (await as('bob')).fails('CONFLICT', CONSUME, { item: b.item })).extensions?.reason).toBe('SEAT_LIMIT_REACHED');
    expect((await (await as('alice')).fails('CONFLICT', RELEASE, { id: lease.id })).extensions?.reason).toBe('LEASE_ENDED');
    const back = await consume('alice', { item: b.item });
    expect(back.session.id).toBe(lease.session.id);
    expect(back.id).not.toBe(lease.id);
  });

  it('needs entitlement:consume: read and write scopes get FORBIDDEN and change nothing', async () => {
    const b = await licenseWith({ seatCountConstraint: {} }, (l) => [seatLine(l, 1)]);
    const lease = await consume('alice', { item: b.item });
    const before = [await usage(b), await events(b.licenseId)];
    const admin = t.gatewayWith(bearerHeaders(await testToken({ subject: 'alice', scopes: ['entitlement:read', 'entitlement:write'] })));
    await admin.fails('FORBIDDEN', CONSUME, { item: b.item });
    await admin.fails('FORBIDDEN', REFRESH, { id: lease.id });
    await admin.fails('FORBIDDEN', RELEASE, { id: lease.id });
    expect([await usage(b), await events(b.licenseId)]).toEqual(before);
  });

  it("another account or another user cannot see, refresh or release a lease (NOT_FOUND), and A's rows do not move", async () => {
    const b = await licenseWith({ seatCountConstraint: {} }, (l) => [seatLine(l, 1)]);
    const lease = await consume('alice', { item: b.item });
    const before = [await usage(b), await events(b.licenseId)];
    const otherAccount = randomUUID();
    for (const api of [await as('alice', otherAccount), await as('mallory')]) {
      await api.fails('NOT_FOUND', REFRESH, { id: lease.id });
      await api.fails('NOT_FOUND', RELEASE, { id: lease.id });
    }
    await (await as('alice', otherAccount)).fails('NOT_FOUND', CONSUME, { item: b.item });
    const reader = t.gatewayWith(bearerHeaders(await testToken({ accountId: otherAccount, scopes: ['entitlement:read'] })));
    expect((await reader.ok(USAGE, { o: b.organizationId })).entitlementLicenses).toEqual([]);
    expect([await usage(b), await events(b.licenseId)]).toEqual(before);
  });

  it('is atomic under concurrency: 12 users at once on 4 seats, exactly 4 get a lease and 8 CONFLICT', async () => {
    const b = await licenseWith({ seatCountConstraint: {} }, (l) => [seatLine(l, 4)]);
    const apis = await Promise.all(Array.from({ length: 12 }, (_, i) => as(`user-${i}`)));
    const responses = await Promise.all(apis.map((api) => api.raw(CONSUME, { item: b.item })));
    expect(responses.filter((r) => !r.errors).length).toBe(4);
    expect(responses.filter((r) => r.errors?.[0]?.extensions?.reason === 'SEAT_LIMIT_REACHED').length).toBe(8);
    const now = await usage(b);
    expect([now.seatsTaken, now.sessions.length, now.seatCountCredits[0].seatsConsumed]).toEqual([4, 4, 4]);
  });

  describe('live usage', () => {
    let ws: Client;
    afterAll(async () => { await ws?.dispose(); });

    it('licenseUsageChanged delivers the consumption events with seatsTaken from the entitlements subgraph', async () => {
      const license = await newLicense(t);
      const b = await licenseWith({ seatCountConstraint: {} }, (l) => [seatLine(l, 3)], license.id);
      await t.publishAll();
      ws = wsClient(t.stack.gateway.url, { authorization: `Bearer ${await testToken()}` });
      const sub = subscribe(ws, 'subscription($id: ID!) { licenseUsageChanged(licenseId: $id) { type licenseId license { seatsTaken seatsTotal } } }', { id: license.id });
      await eventually(() => t.stack.gateway.subscriptionStats().subscriptions === 1, 'the subscription');
      const lease = await consume('alice', { item: b.item });
      expect((await sub.next()).data?.licenseUsageChanged).toEqual({ type: 'entitlement.seat.consumed', licenseId: license.id, license: { seatsTaken: 1, seatsTotal: 3 } });
      expect((await sub.next()).data?.licenseUsageChanged.type).toBe('entitlement.lease.granted');
      await (await as('alice')).ok(RELEASE, { id: lease.id });
      expect((await sub.next()).data?.licenseUsageChanged).toEqual({ type: 'entitlement.lease.released', licenseId: license.id, license: { seatsTaken: 0, seatsTotal: 3 } });
      sub.unsubscribe();
    });
  });
});
