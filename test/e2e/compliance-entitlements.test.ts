/**
 * Application entitlements end to end (seed 003 computers applications entitlements, license entitlement states,
 * user license entitlements): derived from tracking rows written through the gateway, with the seed's filter,
 * tenant isolation and scopes.
 */
import { randomUUID } from 'node:crypto';
import { bearerHeaders, testToken } from '../testkit/auth';
import { DATABASE_KINDS } from '../testkit/databases';
import { startTestStack, type TestStack } from '../testkit/stack';

const STATE_IDS = {
  COVERED: '7c1a6f40-5d2b-4e0a-9b1e-000000000001', PARTIALLY_COVERED: '7c1a6f40-5d2b-4e0a-9b1e-000000000002',
  NOT_COVERED: '7c1a6f40-5d2b-4e0a-9b1e-000000000003', NOT_REQUIRED: '7c1a6f40-5d2b-4e0a-9b1e-000000000004',
};
const STATES = `query($n: Int, $after: String) { entitlementStates(first: $n, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { id code name description } } } }`;
const ENTITLEMENT = 'applicationId metricId entitlementStateId entitlementState { code name } requirement receivedCoverage';
const COMPUTERS = `query($f: String) { computerApplicationEntitlements(filter: $f) { totalCount edges { node { computerId ${ENTITLEMENT} } } } }`;
const USERS = `query($f: String) { userApplicationEntitlements(filter: $f) { totalCount edges { node { userId ${ENTITLEMENT} } } } }`;
const ADD_COMPUTER = `mutation($a: ID!, $i: ComputerLicenseTrackingInput!) { addComputerLicenseTracking(applicationId: $a, input: $i) { id } }`;
const ADD_USER = `mutation($a: ID!, $i: UserLicenseTrackingInput!) { addUserLicenseTracking(applicationId: $a, input: $i) { id } }`;

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- test data is read loosely
const nodes = (connection: { edges: Array<{ node: Row }> }) => connection.edges.map((e) => e.node);
// sorted, so that the expected order of the entitlements does not depend on the random IDs
const [PC_1, PC_2, USER_1, USER_2] = [randomUUID(), randomUUID()].sort().concat([randomUUID(), randomUUID()].sort());
const state = (code: keyof typeof STATE_IDS, name: string) => ({ entitlementStateId: STATE_IDS[code], entitlementState: { code, name } });

describe.each(DATABASE_KINDS)('application entitlements (%s)', (kind) => {
  let t: TestStack;
  let app: string; let metric: string;

  beforeAll(async () => {
    t = await startTestStack(kind);
    app = (await t.gateway.ok(`mutation { createApplication(input: { name: "Visio" }) { id } }`)).createApplication.id;
    metric = (await t.gateway.ok(`mutation { createMetric(input: { name: "Installations" }) { id } }`)).createMetric.id;
    const computer = (computerId: string, requirement: number, receivedCoverage: number) =>
      t.gateway.ok(ADD_COMPUTER, { a: app, i: { metricId: metric, computerId, initialRequirement: requirement, receivedCoverage } });
    // PC 1: two installations needing 1 + 2 with 1 + 0 received; PC 2: one installation that needs nothing
    await computer(PC_1, 1, 1); await computer(PC_1, 2, 0); await computer(PC_2, 0, 0);
    const user = (userId: string, requirement: number, receivedCoverage: number) =>
      t.gateway.ok(ADD_USER, { a: app, i: { metricId: metric, userId, initialRequirement: requirement, receivedCoverage } });
    await user(USER_1, 1, 1); await user(USER_2, 2, 0);
  });
  afterAll(async () => { await t?.stop(); });

  it('lists the fixed catalog of entitlement states with stable IDs, page by page', async () => {
    const all = (await t.gateway.ok(STATES)).entitlementStates;
    expect(all.totalCount).toBe(4);
    expect(nodes(all).map((s) => [s.id, s.code, s.name])).toEqual([
      [STATE_IDS.COVERED, 'COVERED', 'Covered'], [STATE_IDS.PARTIALLY_COVERED, 'PARTIALLY_COVERED', 'Partially covered'],
      [STATE_IDS.NOT_COVERED, 'NOT_COVERED', 'Not covered'], [STATE_IDS.NOT_REQUIRED, 'NOT_REQUIRED', 'Not required'],
    ]);
    expect(nodes(all)[1].description).toBe('The licenses cover part of the requirement, not all of it.');
    const first = (await t.gateway.ok(STATES, { n: 3 })).entitlementStates;
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = (await t.gateway.ok(STATES, { n: 3, after: first.pageInfo.endCursor })).entitlementStates;
    expect(nodes(rest).map((s) => s.code)).toEqual(['NOT_REQUIRED']);
  });

  it('sums the tracking rows of each computer, application and metric into an entitlement state', async () => {
    const computers = (await t.gateway.ok(COMPUTERS)).computerApplicationEntitlements;
    expect(computers.totalCount).toBe(2);
    expect(nodes(computers)).toEqual([
      { computerId: PC_1, applicationId: app, metricId: metric, requirement: 3, receivedCoverage: 1, ...state('PARTIALLY_COVERED', 'Partially covered') },
      { computerId: PC_2, applicationId: app, metricId: metric, requirement: 0, receivedCoverage: 0, ...state('NOT_REQUIRED', 'Not required') },
    ]);
    const users = (await t.gateway.ok(USERS)).userApplicationEntitlements;
    expect(nodes(users)).toEqual([
      { userId: USER_1, applicationId: app, metricId: metric, requirement: 1, receivedCoverage: 1, ...state('COVERED', 'Covered') },
      { userId: USER_2, applicationId: app, metricId: metric, requirement: 2, receivedCoverage: 0, ...state('NOT_COVERED', 'Not covered') },
    ]);
  });

  it('takes the seed\'s filter and refuses an unknown field with BAD_USER_INPUT', async () => {
    const computers = async (f: string) => nodes((await t.gateway.ok(COMPUTERS, { f })).computerApplicationEntitlements).map((e) => e.computerId);
    expect(await computers(`entitlementStateId -eq "${STATE_IDS.NOT_REQUIRED}"`)).toEqual([PC_2]);
    expect(await computers(`computerId -eq "${PC_1}" -and requirement -gt 2`)).toEqual([PC_1]);
    expect(await computers(`applicationId -ne "${app}"`)).toEqual([]);
    const users = async (f: string) => nodes((await t.gateway.ok(USERS, { f })).userApplicationEntitlements).map((e) => e.userId);
    expect(await users(`receivedCoverage -ge 1 -or userId -eq "${USER_2.toUpperCase()}"`)).toEqual([USER_1, USER_2]);
    await t.gateway.fails('BAD_USER_INPUT', COMPUTERS, { f: `userId -eq "${USER_1}"` });
    await t.gateway.fails('BAD_USER_INPUT', USERS, { f: 'status -eq "active"' });
  });

  it('follows the tracking rows: a new row changes the state', async () => {
    await t.gateway.ok(ADD_COMPUTER, { a: app, i: { metricId: metric, computerId: PC_1, initialRequirement: 0, receivedCoverage: 2 } });
    const pc1 = nodes((await t.gateway.ok(COMPUTERS, { f: `computerId -eq "${PC_1}"` })).computerApplicationEntitlements);
    // the new row (requirement 0) joins PC_1's two: still one entitlement, its coverage summed
    expect(pc1).toEqual([{ computerId: PC_1, applicationId: app, metricId: metric, requirement: 3, receivedCoverage: 3, ...state('COVERED', 'Covered') }]);
  });

  it('keeps another account out: it sees none of these entitlements', async () => {
    const other = t.gatewayWith(bearerHeaders(await testToken({ accountId: randomUUID() })));
    expect((await other.ok(COMPUTERS)).computerApplicationEntitlements).toEqual({ totalCount: 0, edges: [] });
    expect((await other.ok(USERS)).userApplicationEntitlements).toEqual({ totalCount: 0, edges: [] });
    expect((await other.ok(STATES)).entitlementStates.totalCount).toBe(4);
  });

  it('needs compliance:read', async () => {
    const nobody = t.gatewayWith(bearerHeaders(await testToken({ scopes: ['license:read', 'assignment:read'] })));
    for (const query of [STATES, COMPUTERS, USERS]) await nobody.fails('FORBIDDEN', query);
    const reader = t.gatewayWith(bearerHeaders(await testToken({ scopes: ['compliance:read'] })));
    expect((await reader.ok(USERS)).userApplicationEntitlements.totalCount).toBe(2);
  });
});
