/**
 * Per-user license assignments end to end (seed 002 PUT / GET .../users/{userId}/assignments, GET .../usage):
 * reserved / denied / floating through the gateway, each rule with its exact code and rows, their effect on
 * consumption (denied users, required reservations, reserved seats), seats under concurrency, tenant isolation,
 * scopes, and live usage over WebSocket.
 */
import { randomUUID } from 'node:crypto';
import type { Client } from 'graphql-ws';
import { licenseWith, seatLine, type Binding } from '../../subgraphs/entitlements/testing';
import { bearerHeaders, testToken } from '../testkit/auth';
import { DATABASE_KINDS } from '../testkit/databases';
import { eventually } from '../testkit/eventually';
import type { TestClient } from '../testkit/graphql';
import { outboxEvents } from '../testkit/outbox';
import { startTestStack, type TestStack } from '../testkit/stack';
import { subscribe, wsClient } from '../testkit/subscriptions';
import { newLicense } from './licenses-fixtures';

const ASSIGNMENT = 'id type validFrom validUntil valid usedAt licenseId userId';
const SET = `mutation($o: ID!, $e: ID!, $l: ID!, $u: String!, $a: [LicenseAssignmentInput!]!) {
  setUserLicenseAssignments(organizationId: $o, entitlementId: $e, licenseId: $l, userId: $u, assignments: $a) { ${ASSIGNMENT} } }`;
const GET = `query($o: ID!, $e: ID!, $l: ID!, $u: String!) {
  userLicenseAssignments(organizationId: $o, entitlementId: $e, licenseId: $l, userId: $u) { ${ASSIGNMENT} } }`;
const USAGE = `query($o: ID!, $e: ID!, $l: ID!) { licenseUsage(organizationId: $o, entitlementId: $e, licenseId: $l) {
  license { id seatsTotal seatsTaken seatsReserved entitlement { id } assignments { userId type } }
  users { userId assignments { type validUntil } sessions { userId } } } }`;
const CONSUME = `mutation($item: String!, $a: [SessionAnchorInput!]! = []) { consumeLicense(licensedItem: $item, anchors: $a) { id session { id } } }`;
const REFRESH = 'mutation($id: ID!) { refreshLease(leaseId: $id) { id } }';
const FUTURE = '2099-01-01T00:00:00.000Z';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- test data is read loosely
type Assign = Array<Record<string, unknown>>;
const SEATS = { seatCountConstraint: {} };

describe.each(DATABASE_KINDS)('license assignments (%s)', (kind) => {
  let t: TestStack;
  const consumers = new Map<string, TestClient>();
  beforeAll(async () => { t = await startTestStack(kind); });
  afterAll(async () => { await t?.stop(); });

  /** A client whose token holds `scopes` (default: only entitlement:consume) for `subject` of the test account. */
  async function as(subject: string, scopes = ['entitlement:consume'], accountId?: string): Promise<TestClient> {
    const key = `${accountId ?? ''}/${subject}/${scopes.join(' ')}`;
    if (!consumers.has(key)) consumers.set(key, t.gatewayWith(bearerHeaders(await testToken({ subject, accountId, scopes }))));
    return consumers.get(key)!;
  }

  const seats = (n: number, model: Row = SEATS) => licenseWith(t.gateway, model, (l) => [seatLine(l, n)]);
  const path = (b: Binding, user: string) => ({ o: b.organizationId, e: b.entitlementId, l: b.licenseId, u: user });
  const set = async (b: Binding, user: string, a: Assign): Promise<Row[]> => (await t.gateway.ok(SET, { ...path(b, user), a })).setUserLicenseAssignments;
  const get = async (b: Binding, user: string): Promise<Row[]> => (await t.gateway.ok(GET, path(b, user))).userLicenseAssignments;
  const usage = async (b: Binding): Promise<Row> => (await t.gateway.ok(USAGE, { o: b.organizationId, e: b.entitlementId, l: b.licenseId })).licenseUsage;
  const consume = async (who: string, item: string, a: Assign = []) => (await (await as(who)).ok(CONSUME, { item, a })).consumeLicense;
  const events = async (b: Binding) => (await outboxEvents(t.stack.subgraphs.entitlements.orm))
    .filter((e) => e.payload.licenseId === b.licenseId).map((e) => ({ type: e.type, userId: e.payload.userId, types: e.payload.types }));
  /** Everything a refused request must leave as it was: the usage with every user's rows, and the events. */
  const everything = async (b: Binding) => [await usage(b), await events(b)];

  it('sets each type with the seed defaults, replaces the user\'s assignments, keeps a named one and reads them back', async () => {
    const b = await seats(3);
    const start = Date.now();
    // the same start: listed by creation, then id, so the order of the two is not the request's
    const reserved = await set(b, 'ann', [{ type: 'RESERVED' }, { type: 'RESERVED', validUntil: FUTURE }]);
    expect(reserved.map((r) => [r.type, r.validUntil, r.valid, r.usedAt, r.licenseId, r.userId])).toEqual(expect.arrayContaining([
      ['RESERVED', null, true, null, b.licenseId, 'ann'], ['RESERVED', FUTURE, true, null, b.licenseId, 'ann'],
    ]));
    expect(reserved).toHaveLength(2);
    // no validity given: applies immediately
    for (const r of reserved) expect(Date.parse(r.validFrom)).toBeGreaterThanOrEqual(start - 1000);
    expect(await get(b, 'ann')).toEqual(reserved);
    expect((await usage(b)).license).toMatchObject({ seatsTotal: 3, seatsTaken: 2, seatsReserved: 2 });

    const limited = reserved.find((r) => r.validUntil === FUTURE)!;
    const kept = await set(b, 'ann', [{ id: limited.id, type: 'RESERVED' }]);
    expect(kept.map((r) => [r.id, r.validUntil])).toEqual([[limited.id, null]]);
    expect(await get(b, 'ann')).toEqual(kept);

    const denied = await set(b, 'ann', [{ type: 'DENIED', validUntil: FUTURE }]);
    expect((await get(b, 'ann')).map((r) => [r.type, r.validUntil])).toEqual([['DENIED', FUTURE]]);
    expect((await usage(b)).license).toMatchObject({ seatsTaken: 0, seatsReserved: 0 });
    await set(b, 'ann', [{ type: 'FLOATING' }]);
    expect((await get(b, 'ann')).map((r) => [r.type, r.validUntil])).toEqual([['FLOATING', null]]);
    expect((await get(b, 'ann'))[0].id).not.toBe(denied[0].id);
    // `me` is the caller (the admin token's subject); a user never assigned has no assignments
    await t.gateway.ok(SET, { ...path(b, 'me'), a: [{ type: 'RESERVED' }] });
    expect((await get(b, 'test-admin')).map((r) => r.type)).toEqual(['RESERVED']);
    expect(await get(b, 'nobody')).toEqual([]);
    expect(await events(b)).toEqual([
      { type: 'entitlement.assignments.set', userId: 'ann', types: ['RESERVED', 'RESERVED'] },
      { type: 'entitlement.assignments.set', userId: 'ann', types: ['RESERVED'] },
      { type: 'entitlement.assignments.set', userId: 'ann', types: ['DENIED'] },
      { type: 'entitlement.assignments.set', userId: 'ann', types: ['FLOATING'] },
      { type: 'entitlement.assignments.set', userId: 'test-admin', types: ['RESERVED'] },
    ]);
  });

  it('refuses what the seed does not allow with BAD_USER_INPUT at the argument, changing nothing', async () => {
    const b = await seats(3);
    const [own] = await set(b, 'ann', [{ type: 'RESERVED' }]);
    const before = await everything(b);
    const refused: Array<[Assign, Array<string | number>]> = [
      [[], ['assignments']],
      [[{ type: 'RESERVED' }, { type: 'DENIED' }], ['assignments', 1, 'type']],
      [[{ type: 'DENIED' }, { type: 'DENIED' }], ['assignments', 1]],
      [[{ type: 'FLOATING' }, { type: 'FLOATING' }], ['assignments', 1]],
      [[{ type: 'FLOATING', validUntil: FUTURE }], ['assignments', 0, 'validUntil']],
      [[{ type: 'RESERVED', validFrom: FUTURE, validUntil: '2098-01-01T00:00:00.000Z' }], ['assignments', 0, 'validUntil']],
      [[{ type: 'RESERVED', validUntil: '2020-01-01T00:00:00.000Z' }], ['assignments', 0, 'validUntil']],
      [[{ type: 'RESERVED', id: own.id }, { type: 'RESERVED', id: own.id }], ['assignments', 1, 'id']],
      [[{ type: 'RESERVED', id: randomUUID() }], ['assignments', 0, 'id']],
    ];
    for (const [a, argumentPath] of refused) {
      expect((await t.gateway.fails('BAD_USER_INPUT', SET, { ...path(b, 'ann'), a })).extensions?.argumentPath).toEqual(argumentPath);
    }
    // another user's assignment cannot be named
    expect((await t.gateway.fails('BAD_USER_INPUT', SET, { ...path(b, 'bob'), a: [{ type: 'RESERVED', id: own.id }] })).extensions?.argumentPath)
      .toEqual(['assignments', 0, 'id']);
    expect((await t.gateway.fails('BAD_USER_INPUT', SET, { ...path(b, ' '), a: [{ type: 'RESERVED' }] })).extensions?.argumentPath).toEqual(['userId']);
    expect(await everything(b)).toEqual(before);
  });

  it('refuses a denied user (FORBIDDEN USER_DENIED), new session or refresh; FLOATING clears the deny', async () => {
    const b = await seats(3);
    const lease = await consume('ann', b.item);
    await set(b, 'ann', [{ type: 'DENIED' }]);
    expect((await (await as('ann')).fails('FORBIDDEN', CONSUME, { item: b.item })).extensions?.reason).toBe('USER_DENIED');
    expect((await (await as('ann')).fails('FORBIDDEN', REFRESH, { id: lease.id })).extensions?.reason).toBe('USER_DENIED');
    await consume('bob', b.item);
    await set(b, 'ann', [{ type: 'FLOATING' }]);
    expect((await consume('ann', b.item)).id).toBe(lease.id);
    expect((await usage(b)).users.map((u: Row) => [u.userId, u.sessions.length])).toEqual([['ann', 1], ['bob', 1]]);
  });

  it('with requireReservation only reserved users consume, each in a reserved seat', async () => {
    const b = await seats(3, { ...SEATS, assignedLicenseConstraint: { requireReservation: true }, concurrentSessions: { sessionAnchors: ['HARDWARE'] } });
    const device = (externalId: string) => ({ item: b.item, a: [{ type: 'HARDWARE', externalId }] });
    expect((await (await as('bob')).fails('FORBIDDEN', CONSUME, device('h1'))).extensions?.reason).toBe('RESERVATION_REQUIRED');
    await set(b, 'ann', [{ type: 'RESERVED' }]);
    await consume('ann', b.item, device('h1').a);
    expect((await usage(b)).license).toMatchObject({ seatsTaken: 1, seatsReserved: 1 });
    // a second session (another device) needs a second reserved seat
    expect((await (await as('ann')).fails('CONFLICT', CONSUME, device('h2'))).extensions?.reason).toBe('SEAT_LIMIT_REACHED');
    await set(b, 'ann', [{ type: 'RESERVED' }, { type: 'RESERVED' }]);
    await consume('ann', b.item, device('h2').a);
    expect((await usage(b)).license).toMatchObject({ seatsTaken: 2, seatsReserved: 2 });
    await set(b, 'ann', [{ type: 'FLOATING' }]);
    expect((await (await as('ann')).fails('FORBIDDEN', CONSUME, device('h1'))).extensions?.reason).toBe('RESERVATION_REQUIRED');
  });

  it('a reserved user who consumes takes one seat; floating users cannot take reserved seats', async () => {
    const b = await seats(2);
    await set(b, 'ann', [{ type: 'RESERVED' }]);
    await consume('bob', b.item);
    expect((await (await as('carol')).fails('CONFLICT', CONSUME, { item: b.item })).extensions?.reason).toBe('SEAT_LIMIT_REACHED');
    await consume('ann', b.item);
    const now = await usage(b);
    expect(now.license).toMatchObject({ seatsTotal: 2, seatsTaken: 2, seatsReserved: 1 });
    expect(now.users).toEqual([
      { userId: 'ann', assignments: [{ type: 'RESERVED', validUntil: null }], sessions: [{ userId: 'ann' }] },
      { userId: 'bob', assignments: [], sessions: [{ userId: 'bob' }] },
    ]);
    expect((await get(b, 'ann'))[0].usedAt).not.toBeNull();
  });

  it('refuses reservations beyond the free seats with CONFLICT SEAT_LIMIT_REACHED, changing nothing', async () => {
    const b = await seats(2);
    await consume('bob', b.item);
    const before = await everything(b);
    const over = await t.gateway.fails('CONFLICT', SET, { ...path(b, 'ann'), a: [{ type: 'RESERVED' }, { type: 'RESERVED' }] });
    expect(over.extensions?.reason).toBe('SEAT_LIMIT_REACHED');
    expect(await everything(b)).toEqual(before);
    await set(b, 'ann', [{ type: 'RESERVED' }]);
    // bob's own session goes into bob's reserved seat: no more seats taken
    await set(b, 'bob', [{ type: 'RESERVED' }]);
    expect((await usage(b)).license).toMatchObject({ seatsTaken: 2, seatsReserved: 2 });
    expect((await t.gateway.fails('CONFLICT', SET, { ...path(b, 'carol'), a: [{ type: 'RESERVED' }] })).extensions?.reason).toBe('SEAT_LIMIT_REACHED');
  });

  it('with allowReassign false a used reservation stays with its user (CONFLICT REASSIGN_NOT_ALLOWED); unused ones may go', async () => {
    const b = await seats(3, { ...SEATS, assignedLicenseConstraint: { allowReassign: false } });
    const [used] = await set(b, 'ann', [{ type: 'RESERVED' }]);
    await set(b, 'bob', [{ type: 'RESERVED' }]);
    await consume('ann', b.item);
    const before = await everything(b);
    for (const a of [[{ type: 'FLOATING' }], [{ type: 'RESERVED' }], [{ id: used.id, type: 'RESERVED', validUntil: FUTURE }]]) {
      const refused = await t.gateway.fails('CONFLICT', SET, { ...path(b, 'ann'), a });
      expect(refused.extensions).toMatchObject({ reason: 'REASSIGN_NOT_ALLOWED', assignmentId: used.id });
    }
    expect(await everything(b)).toEqual(before);
    expect((await set(b, 'ann', [{ id: used.id, type: 'RESERVED' }, { type: 'RESERVED' }])).map((r) => r.id)[0]).toBe(used.id);
    await set(b, 'bob', [{ type: 'FLOATING' }]);
    // the default (true) lets the same used reservation go
    const free = await seats(3);
    await set(free, 'ann', [{ type: 'RESERVED' }]);
    await consume('ann', free.item);
    await set(free, 'ann', [{ type: 'FLOATING' }]);
    expect((await usage(free)).license).toMatchObject({ seatsTaken: 1, seatsReserved: 0 });
  });

  it('licenseUsage and the assignment reads accept `any` where it names the license(s), NOT_FOUND otherwise', async () => {
    const b = await seats(2);
    await set(b, 'ann', [{ type: 'RESERVED' }]);
    const any = { o: b.organizationId, e: 'any', l: 'any' };
    const { licenseUsage } = await t.gateway.ok(USAGE, any);
    expect(licenseUsage.license).toEqual({
      id: b.licenseId, seatsTotal: 2, seatsTaken: 1, seatsReserved: 1, entitlement: { id: b.entitlementId }, assignments: [{ userId: 'ann', type: 'RESERVED' }],
    });
    expect((await t.gateway.ok(GET, { ...any, u: 'ann' })).userLicenseAssignments.map((r: Row) => r.type)).toEqual(['RESERVED']);
    // a second license in the entitlement: `any` names two, which one license cannot be
    const second = await licenseWith(t.gateway, SEATS, (l) => [seatLine(l, 1)], { organizationId: b.organizationId, entitlementId: b.entitlementId });
    await set(second, 'ann', [{ type: 'DENIED' }]);
    expect((await t.gateway.fails('BAD_USER_INPUT', USAGE, any)).extensions?.argumentPath).toEqual(['licenseId']);
    expect((await t.gateway.fails('BAD_USER_INPUT', SET, { ...any, u: 'ann', a: [{ type: 'FLOATING' }] })).extensions?.argumentPath).toEqual(['licenseId']);
    expect((await t.gateway.ok(GET, { ...any, u: 'ann' })).userLicenseAssignments.map((r: Row) => [r.licenseId, r.type]))
      .toEqual(expect.arrayContaining([[b.licenseId, 'RESERVED'], [second.licenseId, 'DENIED']]));
    await t.gateway.fails('NOT_FOUND', USAGE, { ...any, l: randomUUID() });
    await t.gateway.fails('NOT_FOUND', USAGE, { o: randomUUID(), e: b.entitlementId, l: b.licenseId });
    await t.gateway.fails('NOT_FOUND', GET, { o: b.organizationId, e: randomUUID(), l: 'any', u: 'ann' });
  });

  it('is atomic under concurrency: 6 reservations and 6 consumptions at once on 3 seats, exactly 3 succeed', async () => {
    const b = await seats(3);
    const reservers = Array.from({ length: 6 }, (_, i) => t.gateway.raw(SET, { ...path(b, `reserver-${i}`), a: [{ type: 'RESERVED' }] }));
    const consumerApis = await Promise.all(Array.from({ length: 6 }, (_, i) => as(`consumer-${i}`)));
    const consumptions = consumerApis.map((api) => api.raw(CONSUME, { item: b.item }));
    const [reserved, consumed] = await Promise.all([Promise.all(reservers), Promise.all(consumptions)]);
    const ok = (rs: Array<{ errors?: unknown[] }>) => rs.filter((r) => !r.errors).length;
    expect(ok(reserved) + ok(consumed)).toBe(3);
    expect([...reserved, ...consumed].filter((r) => r.errors).map((r) => r.errors?.[0]?.extensions?.reason)).toEqual(Array(9).fill('SEAT_LIMIT_REACHED'));
    const now = await usage(b);
    expect([now.license.seatsTaken, now.license.seatsReserved, now.users.length]).toEqual([3, ok(reserved), 3]);
  });

  it('another account cannot read or set the assignments or usage (NOT_FOUND); A\'s rows do not move', async () => {
    const b = await seats(2);
    await set(b, 'ann', [{ type: 'RESERVED' }]);
    const before = await everything(b);
    const other = t.gatewayWith(bearerHeaders(await testToken({ accountId: randomUUID() })));
    await other.fails('NOT_FOUND', SET, { ...path(b, 'ann'), a: [{ type: 'FLOATING' }] });
    await other.fails('NOT_FOUND', SET, { ...path(b, 'mallory'), a: [{ type: 'RESERVED' }] });
    await other.fails('NOT_FOUND', GET, path(b, 'ann'));
    await other.fails('NOT_FOUND', USAGE, { o: b.organizationId, e: b.entitlementId, l: b.licenseId });
    expect(await everything(b)).toEqual(before);
  });

  it('entitlement:read reads but cannot set (FORBIDDEN), and changes nothing; entitlement:consume reads nothing', async () => {
    const b = await seats(2);
    await set(b, 'ann', [{ type: 'RESERVED' }]);
    const before = await everything(b);
    const reader = await as('reader', ['entitlement:read']);
    await reader.fails('FORBIDDEN', SET, { ...path(b, 'ann'), a: [{ type: 'DENIED' }] });
    await reader.fails('FORBIDDEN', SET, { ...path(b, 'me'), a: [{ type: 'RESERVED' }] });
    expect((await reader.ok(GET, path(b, 'ann'))).userLicenseAssignments.map((r: Row) => r.type)).toEqual(['RESERVED']);
    await (await as('ann')).fails('FORBIDDEN', GET, path(b, 'me'));
    await (await as('ann')).fails('FORBIDDEN', USAGE, { o: b.organizationId, e: b.entitlementId, l: b.licenseId });
    expect(await everything(b)).toEqual(before);
  });

  describe('live usage', () => {
    let ws: Client;
    afterAll(async () => { await ws?.dispose(); });

    it('licenseUsageChanged delivers entitlement.assignments.set with the reserved seats', async () => {
      const license = await newLicense(t);
      const b = await licenseWith(t.gateway, SEATS, (l) => [seatLine(l, 3)], { licenseId: license.id });
      await t.publishAll();
      ws = wsClient(t.stack.gateway.url, { authorization: `Bearer ${await testToken()}` });
      const sub = subscribe(ws, 'subscription($id: ID!) { licenseUsageChanged(licenseId: $id) { type licenseId license { seatsTaken seatsReserved } } }', { id: license.id });
      await eventually(() => t.stack.gateway.subscriptionStats().subscriptions === 1, 'the subscription');
      await set(b, 'ann', [{ type: 'RESERVED' }, { type: 'RESERVED' }]);
      expect((await sub.next()).data?.licenseUsageChanged).toEqual({
        type: 'entitlement.assignments.set', licenseId: license.id, license: { seatsTaken: 2, seatsReserved: 2 },
      });
      sub.unsubscribe();
    });
  });
});
