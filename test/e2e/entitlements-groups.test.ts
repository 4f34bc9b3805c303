/**
 * Consuming groups and available licenses end to end (seed 002 GET .../entitlements/{entId}/consuming-groups,
 * GET /users/{userId}/available-licenses, and the mutations behind them): organization groups and their members,
 * consuming groups of entitlements, each rule with its exact code, the licenses a member may consume with the
 * product / version filters and the include options, consumption limited to members, tenant isolation and scopes.
 */
import { randomUUID } from 'node:crypto';
import { createEntitlement, licenseWith, PAST, seatLine, type Binding } from '../../subgraphs/entitlements/testing';
import { bearerHeaders, testToken } from '../testkit/auth';
import { DATABASE_KINDS } from '../testkit/databases';
import type { TestClient } from '../testkit/graphql';
import { outboxEvents } from '../testkit/outbox';
import { startTestStack, type TestStack } from '../testkit/stack';

const GROUP = 'id organizationId name type description memberUserIds';
const CREATE = `mutation($i: OrganizationGroupInput!) { createOrganizationGroup(input: $i) { ${GROUP} createdAt updatedAt } }`;
const ADD_MEMBER = `mutation($g: ID!, $u: String!) { addGroupMember(groupId: $g, userId: $u) { ${GROUP} } }`;
const ADD = `mutation($o: ID!, $e: ID!, $g: ID!) { addConsumingGroup(organizationId: $o, entitlementId: $e, groupId: $g) { ${GROUP} } }`;
const REMOVE = `mutation($o: ID!, $e: ID!, $g: ID!) { removeConsumingGroup(organizationId: $o, entitlementId: $e, groupId: $g) { ${GROUP} } }`;
const GROUPS = `query($o: ID!, $e: ID!) { entitlementConsumingGroups(organizationId: $o, entitlementId: $e) { ${GROUP} } }`;
const AVAILABLE = `query($u: String!, $p: String, $v: String, $c: CreditInclusion, $m: Boolean) {
  availableLicenses(userId: $u, product: $p, version: $v, includeCredits: $c, includeEffectiveModel: $m) {
    id entitlement { id } licensedItem { name } licenseModelId effectiveLicenseModel { id } seatsTotal seatCountCredits { seatCount validUntil }
  } }`;
const SET = `mutation($o: ID!, $e: ID!, $l: ID!, $u: String!, $a: [LicenseAssignmentInput!]!) {
  setUserLicenseAssignments(organizationId: $o, entitlementId: $e, licenseId: $l, userId: $u, assignments: $a) { id } }`;
const CONSUME = 'mutation($item: String!) { consumeLicense(licensedItem: $item) { id } }';
const REFRESH = 'mutation($id: ID!) { refreshLease(leaseId: $id) { id } }';
const RELEASE = 'mutation($id: ID!) { releaseLease(leaseId: $id) { id } }';
const SEATS = { seatCountConstraint: {} };
const PAST_END = '2021-01-01T00:00:00.000Z';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- test data is read loosely

describe.each(DATABASE_KINDS)('consuming groups and available licenses (%s)', (kind) => {
  let t: TestStack;
  beforeAll(async () => { t = await startTestStack(kind); });
  afterAll(async () => { await t?.stop(); });

  const as = async (subject: string, scopes: string[], accountId?: string): Promise<TestClient> =>
    t.gatewayWith(bearerHeaders(await testToken({ subject, scopes, accountId })));
  /** A license of a new entitlement without consuming groups (or in `given`'s entitlement). */
  const license = (lines: (b: Binding) => Row[], given: Partial<Binding> = {}) => licenseWith(t.gateway, SEATS, lines, given, []);
  const user = (name: string) => `${name}-${randomUUID()}`;
  const group = async (organizationId: string, name = 'Designers', api = t.gateway): Promise<Row> =>
    (await api.ok(CREATE, { i: { organizationId, name } })).createOrganizationGroup;
  const member = async (groupId: string, userId: string): Promise<Row> => (await t.gateway.ok(ADD_MEMBER, { g: groupId, u: userId })).addGroupMember;
  const add = async (b: Pick<Binding, 'organizationId' | 'entitlementId'>, g: Row): Promise<Row[]> =>
    (await t.gateway.ok(ADD, { o: b.organizationId, e: b.entitlementId, g: g.id })).addConsumingGroup;
  const groups = async (organizationId: string, entitlementId: string): Promise<Row[]> =>
    (await t.gateway.ok(GROUPS, { o: organizationId, e: entitlementId })).entitlementConsumingGroups;
  const available = async (u: string, extra: Row = {}, api = t.gateway): Promise<Row[]> => (await api.ok(AVAILABLE, { u, ...extra })).availableLicenses;
  const ids = (rows: Row[]) => rows.map((r) => r.id);
  const events = async (entityId: string) => (await outboxEvents(t.stack.subgraphs.entitlements.orm, { entityId }))
    .map((e) => ({ type: e.type, userId: e.payload.userId, groupId: e.payload.groupId }));

  it('creates a group with the seed fields, adds members (`me` = the caller) and refuses bad input with its path', async () => {
    const organizationId = randomUUID();
    const { createOrganizationGroup: g } = await t.gateway.ok(CREATE, {
      i: { organizationId, name: '  Designers ', type: 'licenseConsumers', description: 'The design team' },
    });
    expect(g).toMatchObject({ organizationId, name: 'Designers', type: 'licenseConsumers', description: 'The design team', memberUserIds: [] });
    expect(Date.parse(g.createdAt)).toBeGreaterThan(Date.now() - 60_000);
    const bob = user('bob');
    const ann = user('ann');
    expect((await member(g.id, bob)).memberUserIds).toEqual([bob]);
    const carol = await as('carol', ['entitlement:write']);
    expect((await carol.ok(ADD_MEMBER, { g: g.id, u: 'me' })).addGroupMember.memberUserIds).toEqual([bob, 'carol'].sort());
    expect((await member(g.id, ann)).memberUserIds).toEqual([ann, bob, 'carol'].sort());

    const dup = await t.gateway.fails('CONFLICT', ADD_MEMBER, { g: g.id, u: bob });
    expect([dup.extensions?.reason, dup.extensions?.argumentPath]).toEqual(['ALREADY_MEMBER', ['userId']]);
    expect((await t.gateway.fails('BAD_USER_INPUT', ADD_MEMBER, { g: g.id, u: '  ' })).extensions?.argumentPath).toEqual(['userId']);
    await t.gateway.fails('NOT_FOUND', ADD_MEMBER, { g: randomUUID(), u: bob });
    await t.gateway.fails('NOT_FOUND', ADD_MEMBER, { g: 'not-a-uuid', u: bob });
    for (const [i, argumentPath] of [
      [{ organizationId, name: ' ' }, ['input', 'name']],
      [{ organizationId, name: 'x'.repeat(256) }, ['input', 'name']],
      [{ organizationId: 'nope', name: 'A' }, ['input', 'organizationId']],
    ] as const) {
      expect((await t.gateway.fails('BAD_USER_INPUT', CREATE, { i })).extensions?.argumentPath).toEqual(argumentPath);
    }
    expect(await events(g.id)).toEqual([
      { type: 'organization-group.created', userId: undefined, groupId: undefined },
      ...[bob, 'carol', ann].map((userId) => ({ type: 'organization-group.member.added', userId, groupId: undefined })),
    ]);
  });

  it('adds and removes consuming groups of an entitlement, lists them by name (`any`: each once), with exact errors', async () => {
    const b = await license((l) => [seatLine(l, 1)]);
    const other = await createEntitlement(t.gateway, b.organizationId, 'Other suite');
    const [z, a] = [await group(b.organizationId, 'Zeta'), await group(b.organizationId, 'Alpha')];
    expect(await groups(b.organizationId, b.entitlementId)).toEqual([]);
    expect(ids(await add(b, z))).toEqual([z.id]);
    expect(ids(await add(b, a))).toEqual([a.id, z.id]);
    expect(await groups(b.organizationId, b.entitlementId)).toEqual([
      { id: a.id, organizationId: b.organizationId, name: 'Alpha', type: null, description: null, memberUserIds: [] },
      { id: z.id, organizationId: b.organizationId, name: 'Zeta', type: null, description: null, memberUserIds: [] },
    ]);
    expect(ids(await add({ organizationId: b.organizationId, entitlementId: other }, z))).toEqual([z.id]);
    expect(ids(await groups(b.organizationId, 'any'))).toEqual([a.id, z.id]);
    expect(ids(await groups(b.organizationId, other))).toEqual([z.id]);

    const path = { o: b.organizationId, e: b.entitlementId };
    const dup = await t.gateway.fails('CONFLICT', ADD, { ...path, g: z.id });
    expect([dup.extensions?.reason, dup.extensions?.argumentPath]).toEqual(['ALREADY_CONSUMING', ['groupId']]);
    const foreign = await group(randomUUID(), 'Elsewhere');
    expect((await t.gateway.fails('BAD_USER_INPUT', ADD, { ...path, g: foreign.id })).extensions?.argumentPath).toEqual(['groupId']);
    expect((await t.gateway.fails('BAD_USER_INPUT', ADD, { ...path, g: randomUUID() })).extensions?.argumentPath).toEqual(['groupId']);
    await t.gateway.fails('NOT_FOUND', ADD, { o: randomUUID(), e: b.entitlementId, g: z.id });
    await t.gateway.fails('NOT_FOUND', ADD, { ...path, e: 'any', g: z.id });
    await t.gateway.fails('NOT_FOUND', GROUPS, { o: randomUUID(), e: b.entitlementId });
    await t.gateway.fails('NOT_FOUND', GROUPS, { o: b.organizationId, e: randomUUID() });

    expect(ids((await t.gateway.ok(REMOVE, { ...path, g: a.id })).removeConsumingGroup)).toEqual([z.id]);
    expect((await t.gateway.fails('BAD_USER_INPUT', REMOVE, { ...path, g: a.id })).extensions?.argumentPath).toEqual(['groupId']);
    expect(ids(await groups(b.organizationId, b.entitlementId))).toEqual([z.id]);
    expect(ids(await groups(b.organizationId, other))).toEqual([z.id]);
    expect(await events(b.entitlementId)).toEqual([
      { type: 'entitlement.created', userId: undefined, groupId: undefined },
      { type: 'entitlement.consuming-group.added', userId: undefined, groupId: z.id },
      { type: 'entitlement.consuming-group.added', userId: undefined, groupId: a.id },
      { type: 'entitlement.consuming-group.removed', userId: undefined, groupId: a.id },
    ]);
  });

  it('availableLicenses: the valid licenses of entitlements consumed by the user\'s groups, filtered by product and version', async () => {
    const ann = user('ann');
    const first = await license((l) => [seatLine(l, 2), seatLine(l, 5, PAST, PAST_END)]);
    const at = { organizationId: first.organizationId, entitlementId: first.entitlementId };
    const versioned = await license((l) => [{ ...seatLine(l, 1), allowedVersions: '1.0' }], at);
    // no valid credit: its only credit has ended
    const ended = await license((l) => [seatLine(l, 1, PAST, PAST_END)], at);
    // an entitlement no group of ann's consumes
    const elsewhere = await license((l) => [seatLine(l, 1)], { organizationId: first.organizationId });
    const g = await group(first.organizationId);
    await member(g.id, ann);
    expect(await available(ann)).toEqual([]);
    await add(first, g);

    const all = await available(ann);
    expect(all).toEqual([
      {
        id: first.licenseId, entitlement: { id: first.entitlementId }, licensedItem: { name: first.item }, licenseModelId: first.licenseModelId,
        effectiveLicenseModel: null, seatsTotal: 2,
        seatCountCredits: expect.arrayContaining([{ seatCount: 2, validUntil: '2100-01-01T00:00:00.000Z' }, { seatCount: 5, validUntil: PAST_END }]),
      },
      {
        id: versioned.licenseId, entitlement: { id: first.entitlementId }, licensedItem: { name: versioned.item }, licenseModelId: versioned.licenseModelId,
        effectiveLicenseModel: null, seatsTotal: 1, seatCountCredits: [{ seatCount: 1, validUntil: '2100-01-01T00:00:00.000Z' }],
      },
    ]);
    expect(ids(all)).not.toContain(ended.licenseId);
    expect(ids(all)).not.toContain(elsewhere.licenseId);
    const included = await available(ann, { c: 'VALID', m: true });
    expect(included.map((l) => [l.id, l.effectiveLicenseModel?.id, l.seatCountCredits.map((c: Row) => c.seatCount)])).toEqual([
      [first.licenseId, first.licenseModelId, [2]], [versioned.licenseId, versioned.licenseModelId, [1]],
    ]);
    expect(ids(await available(ann, { p: first.item }))).toEqual([first.licenseId]);
    expect(await available(ann, { p: 'no-such-product' })).toEqual([]);
    expect(ids(await available(ann, { v: '1.0' }))).toEqual([first.licenseId, versioned.licenseId]);
    expect(ids(await available(ann, { v: '2.0' }))).toEqual([first.licenseId]);
    expect(ids(await available(ann, { p: versioned.item, v: '2.0' }))).toEqual([]);
    expect((await t.gateway.fails('BAD_USER_INPUT', AVAILABLE, { u: ann, v: 'x'.repeat(201) })).extensions?.argumentPath).toEqual(['version']);
    expect((await t.gateway.fails('BAD_USER_INPUT', AVAILABLE, { u: ' ' })).extensions?.argumentPath).toEqual(['userId']);

    // `me` is the caller; a user in no group has none
    const annApi = await as(ann, ['entitlement:read']);
    expect(ids(await available('me', {}, annApi))).toEqual([first.licenseId, versioned.licenseId]);
    expect(await available(user('bob'))).toEqual([]);

    // denied on one license: not available; removing the group takes them all away
    await t.gateway.ok(SET, { o: first.organizationId, e: first.entitlementId, l: first.licenseId, u: ann, a: [{ type: 'DENIED' }] });
    expect(ids(await available(ann))).toEqual([versioned.licenseId]);
    await t.gateway.ok(REMOVE, { o: first.organizationId, e: first.entitlementId, g: g.id });
    expect(await available(ann)).toEqual([]);
  });

  it('a license model that requires a reservation is available only to members holding one', async () => {
    const ann = user('ann');
    const bob = user('bob');
    const b = await licenseWith(t.gateway, { ...SEATS, assignedLicenseConstraint: { requireReservation: true } }, (l) => [seatLine(l, 2)], {}, []);
    const g = await group(b.organizationId);
    await member(g.id, ann);
    await member(g.id, bob);
    await add(b, g);
    await t.gateway.ok(SET, { o: b.organizationId, e: b.entitlementId, l: b.licenseId, u: ann, a: [{ type: 'RESERVED' }] });
    expect(ids(await available(ann))).toEqual([b.licenseId]);
    expect(await available(bob)).toEqual([]);
  });

  it('consumeLicense: only members of a consuming group of the entitlement consume (FORBIDDEN NOT_A_CONSUMER, nothing written)', async () => {
    const [ann, bob] = [user('ann'), user('bob')];
    const b = await license((l) => [seatLine(l, 3)]);
    // bob is in a group consuming another entitlement of the organization only
    const elsewhere = await license((l) => [seatLine(l, 1)], { organizationId: b.organizationId });
    const g = await group(b.organizationId);
    const other = await group(b.organizationId, 'Others');
    await member(g.id, ann);
    await member(other.id, bob);
    await add(elsewhere, other);
    const consumer = async (who: string) => as(who, ['entitlement:consume']);
    const usage = async () => (await t.gateway.ok(AVAILABLE, { u: ann })).availableLicenses;
    const sessions = async () => (await outboxEvents(t.stack.subgraphs.entitlements.orm)).filter((e) => e.payload.licenseId === b.licenseId).map((e) => e.type);
    for (const who of [ann, bob]) {
      expect((await (await consumer(who)).fails('FORBIDDEN', CONSUME, { item: b.item })).extensions?.reason).toBe('NOT_A_CONSUMER');
    }
    expect(await sessions()).toEqual([]);
    expect(await usage()).toEqual([]);

    await add(b, g);
    const lease = (await (await consumer(ann)).ok(CONSUME, { item: b.item })).consumeLicense;
    expect((await (await consumer(bob)).fails('FORBIDDEN', CONSUME, { item: b.item })).extensions?.reason).toBe('NOT_A_CONSUMER');
    expect(await sessions()).toEqual(['entitlement.seat.consumed', 'entitlement.lease.granted']);
    // the group removed: no extension any more, but the lease can still be released
    await t.gateway.ok(REMOVE, { o: b.organizationId, e: b.entitlementId, g: g.id });
    expect((await (await consumer(ann)).fails('FORBIDDEN', REFRESH, { id: lease.id })).extensions?.reason).toBe('NOT_A_CONSUMER');
    expect((await (await consumer(ann)).ok(RELEASE, { id: lease.id })).releaseLease.id).toBe(lease.id);
    expect(await sessions()).toEqual(['entitlement.seat.consumed', 'entitlement.lease.granted', 'entitlement.lease.released']);
  });

  it('another account cannot see or change A\'s groups, members or consuming groups (NOT_FOUND); A\'s rows do not move', async () => {
    const ann = user('ann');
    const b = await license((l) => [seatLine(l, 1)]);
    const g = await group(b.organizationId);
    await member(g.id, ann);
    await add(b, g);
    const before = [await groups(b.organizationId, b.entitlementId), await available(ann), await events(g.id), await events(b.entitlementId)];
    const accountId = randomUUID();
    const other = await as('intruder', ['entitlement:read', 'entitlement:write'], accountId);
    const own = await group(b.organizationId, 'Mine', other);
    await other.fails('NOT_FOUND', ADD_MEMBER, { g: g.id, u: 'mallory' });
    await other.fails('NOT_FOUND', ADD, { o: b.organizationId, e: b.entitlementId, g: own.id });
    await other.fails('NOT_FOUND', REMOVE, { o: b.organizationId, e: b.entitlementId, g: g.id });
    await other.fails('NOT_FOUND', GROUPS, { o: b.organizationId, e: b.entitlementId });
    expect((await other.ok(GROUPS, { o: b.organizationId, e: 'any' })).entitlementConsumingGroups).toEqual([]);
    expect(await available(ann, {}, other)).toEqual([]);
    expect([await groups(b.organizationId, b.entitlementId), await available(ann), await events(g.id), await events(b.entitlementId)]).toEqual(before);
  });

  it('entitlement:read reads but cannot change (FORBIDDEN), and changes nothing; entitlement:consume reads nothing', async () => {
    const ann = user('ann');
    const b = await license((l) => [seatLine(l, 1)]);
    const g = await group(b.organizationId);
    await member(g.id, ann);
    await add(b, g);
    const before = [await groups(b.organizationId, b.entitlementId), await events(g.id), await events(b.entitlementId)];
    const reader = await as('reader', ['entitlement:read']);
    await reader.fails('FORBIDDEN', CREATE, { i: { organizationId: b.organizationId, name: 'Nope' } });
    await reader.fails('FORBIDDEN', ADD_MEMBER, { g: g.id, u: 'mallory' });
    await reader.fails('FORBIDDEN', REMOVE, { o: b.organizationId, e: b.entitlementId, g: g.id });
    const second = await group(b.organizationId, 'Second');
    await reader.fails('FORBIDDEN', ADD, { o: b.organizationId, e: b.entitlementId, g: second.id });
    expect(ids((await reader.ok(GROUPS, { o: b.organizationId, e: b.entitlementId })).entitlementConsumingGroups)).toEqual([g.id]);
    expect(ids(await available(ann, {}, reader))).toEqual([b.licenseId]);
    const consumer = await as(ann, ['entitlement:consume']);
    await consumer.fails('FORBIDDEN', AVAILABLE, { u: 'me' });
    await consumer.fails('FORBIDDEN', GROUPS, { o: b.organizationId, e: b.entitlementId });
    expect([await groups(b.organizationId, b.entitlementId), await events(g.id), await events(b.entitlementId)]).toEqual(before);
  });
});
