/**
 * License tracking end to end (seed 003 computer / user license tracking): rows written through the gateway,
 * the four tracking reads with their optional arguments and filters, exact errors that change nothing, tenant
 * isolation and scopes.
 */
import { randomUUID } from 'node:crypto';
import { bearerHeaders, testToken } from '../testkit/auth';
import { DATABASE_KINDS } from '../testkit/databases';
import { outboxTypes } from '../testkit/outbox';
import { startTestStack, type TestStack } from '../testkit/stack';

const COMPUTER = `id metricId applicationId computerId licenseId organizationId coverageTrait initialRequirement requirement receivedCoverage
  primaryUseRights fullUseRights`;
const USER = 'id metricId applicationId userId licenseId organizationId coverageTrait initialRequirement receivedCoverage primaryUseRights fullUseRights';
const ADD_COMPUTER = `mutation($a: ID!, $i: ComputerLicenseTrackingInput!) { addComputerLicenseTracking(applicationId: $a, input: $i) { ${COMPUTER} } }`;
const ADD_USER = `mutation($a: ID!, $i: UserLicenseTrackingInput!) { addUserLicenseTracking(applicationId: $a, input: $i) { ${USER} } }`;
const BY_COMPUTER = `query($c: ID!, $f: String) { computerLicenseTracking(computerId: $c, filter: $f) { totalCount edges { node { ${COMPUTER} } } } }`;
const APP_COMPUTERS = `query($a: ID!, $c: ID, $f: String) { applicationComputerLicenseTracking(applicationId: $a, computerId: $c, filter: $f) {
  totalCount edges { node { id computerId } } } }`;
const APP_LICENSES = `query($a: ID!, $f: String) { applicationLicenseTracking(applicationId: $a, filter: $f) {
  totalCount edges { node { licenseId hasComputerTracking hasUserTracking } } } }`;
const APP_USERS = `query($a: ID!, $u: ID, $f: String) { applicationUserLicenseTracking(applicationId: $a, userId: $u, filter: $f) {
  totalCount edges { node { ${USER} } } } }`;
const DELETE = 'mutation($id: ID!) { deleteLicenseTracking(id: $id) }';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- test data is read loosely
const nodes = (connection: { edges: Array<{ node: Row }> }) => connection.edges.map((e) => e.node);
// sorted, so that the expected order of the licenses does not depend on the random IDs
const [LICENSE_A, LICENSE_B] = [randomUUID(), randomUUID()].sort();

describe.each(DATABASE_KINDS)('license tracking (%s)', (kind) => {
  let t: TestStack;
  let app: string; let otherApp: string; let metric: string;
  const [pc1, pc2, user1, user2, org] = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  const rows: Record<string, Row> = {};

  beforeAll(async () => {
    t = await startTestStack(kind);
    app = (await t.gateway.ok(`mutation { createApplication(input: { name: "Visio" }) { id } }`)).createApplication.id;
    otherApp = (await t.gateway.ok(`mutation { createApplication(input: { name: "Acrobat" }) { id } }`)).createApplication.id;
    metric = (await t.gateway.ok(`mutation { createMetric(input: { name: "Installations" }) { id } }`)).createMetric.id;
  });
  afterAll(async () => { await t?.stop(); });

  const events = () => outboxTypes(t.stack.subgraphs.compliance.orm);
  const state = async () => [
    await t.gateway.ok(BY_COMPUTER, { c: pc1 }), await t.gateway.ok(APP_USERS, { a: app }), await t.gateway.ok(APP_LICENSES, { a: app }), await events(),
  ];

  it('adds computer and user rows with the seed fields and defaults', async () => {
    const full = { metricId: metric, computerId: pc1, licenseId: LICENSE_A, organizationId: org, coverageTrait: 1, initialRequirement: 2, requirement: 1,
      receivedCoverage: 1, primaryUseRights: ['NamedComputer'], fullUseRights: ['NamedComputer', 'UpgradeRights'] };
    rows.pc1 = (await t.gateway.ok(ADD_COMPUTER, { a: app, i: full })).addComputerLicenseTracking;
    expect(rows.pc1).toEqual({ ...full, id: expect.any(String), applicationId: app });
    rows.pc2 = (await t.gateway.ok(ADD_COMPUTER, { a: app, i: { metricId: metric, computerId: pc2.toUpperCase(), initialRequirement: 3 } })).addComputerLicenseTracking;
    // the requirement defaults to the initial requirement; IDs are kept in lower case
    expect(rows.pc2).toEqual({ id: expect.any(String), metricId: metric, applicationId: app, computerId: pc2, licenseId: null, organizationId: null,
      coverageTrait: 0, initialRequirement: 3, requirement: 3, receivedCoverage: 0, primaryUseRights: [], fullUseRights: [] });
    rows.other = (await t.gateway.ok(ADD_COMPUTER, { a: otherApp, i: { metricId: metric, computerId: pc1, licenseId: LICENSE_B } })).addComputerLicenseTracking;
    const user = { metricId: metric, userId: user1, licenseId: LICENSE_B, organizationId: org, coverageTrait: 1, initialRequirement: 1, receivedCoverage: 1,
      primaryUseRights: ['NamedUser'], fullUseRights: ['NamedUser'] };
    rows.user1 = (await t.gateway.ok(ADD_USER, { a: app, i: user })).addUserLicenseTracking;
    expect(rows.user1).toEqual({ ...user, id: expect.any(String), applicationId: app });
    rows.user2 = (await t.gateway.ok(ADD_USER, { a: app, i: { metricId: metric, userId: user2, licenseId: LICENSE_A } })).addUserLicenseTracking;
    expect(await events()).toEqual([
      'application.created', 'application.created', 'metric.created', ...Array(5).fill('license-tracking.created'),
    ]);
  });

  it('reads the rows of a computer, of an application and its computers, licenses and users', async () => {
    const byComputer = (await t.gateway.ok(BY_COMPUTER, { c: pc1 })).computerLicenseTracking;
    expect(byComputer.totalCount).toBe(2);
    expect(nodes(byComputer)).toEqual([rows.pc1, rows.other]);
    expect(nodes((await t.gateway.ok(BY_COMPUTER, { c: pc1, f: `licenseId -eq "${LICENSE_B}"` })).computerLicenseTracking)).toEqual([rows.other]);

    const computers = async (c?: string, f?: string) => nodes((await t.gateway.ok(APP_COMPUTERS, { a: app, c, f })).applicationComputerLicenseTracking);
    expect(await computers()).toEqual([{ id: rows.pc1.id, computerId: pc1 }, { id: rows.pc2.id, computerId: pc2 }]);
    expect(await computers(pc2)).toEqual([{ id: rows.pc2.id, computerId: pc2 }]);
    expect(await computers(undefined, 'requirement -gt 1')).toEqual([{ id: rows.pc2.id, computerId: pc2 }]);

    expect(nodes((await t.gateway.ok(APP_LICENSES, { a: app })).applicationLicenseTracking)).toEqual([
      { licenseId: LICENSE_A, hasComputerTracking: true, hasUserTracking: true },
      { licenseId: LICENSE_B, hasComputerTracking: false, hasUserTracking: true },
    ]);
    expect(nodes((await t.gateway.ok(APP_LICENSES, { a: app, f: `licenseId -eq "${LICENSE_B}"` })).applicationLicenseTracking)).toHaveLength(1);

    const users = (await t.gateway.ok(APP_USERS, { a: app })).applicationUserLicenseTracking;
    expect(users.totalCount).toBe(2);
    expect(nodes(users)).toEqual([rows.user1, rows.user2]);
    expect(nodes((await t.gateway.ok(APP_USERS, { a: app, u: user2 })).applicationUserLicenseTracking)).toEqual([rows.user2]);
    expect((await t.gateway.ok(APP_USERS, { a: otherApp })).applicationUserLicenseTracking.totalCount).toBe(0);
  });

  it.each([
    [{ computerId: 'pc-1' }, ['input', 'computerId']],
    [{ licenseId: 'l-1' }, ['input', 'licenseId']],
    [{ metricId: randomUUID() }, ['input', 'metricId']],
    [{ coverageTrait: -1 }, ['input', 'coverageTrait']],
    [{ requirement: -2 }, ['input', 'requirement']],
    [{ primaryUseRights: ['NamedComputer', ' '] }, ['input', 'primaryUseRights', 1]],
    [{ fullUseRights: Array(21).fill('X') }, ['input', 'fullUseRights']],
  ])('refuses %j with BAD_USER_INPUT at its path and changes nothing', async (input, path) => {
    const before = await state();
    const error = await t.gateway.fails('BAD_USER_INPUT', ADD_COMPUTER, { a: app, i: { metricId: metric, computerId: pc1, ...input } });
    expect(error.extensions?.argumentPath).toEqual(path);
    expect(await state()).toEqual(before);
  });

  it('answers NOT_FOUND for an unknown or malformed application, BAD_USER_INPUT for a malformed user or computer ID', async () => {
    const before = await state();
    await t.gateway.fails('NOT_FOUND', ADD_USER, { a: randomUUID(), i: { metricId: metric, userId: user1 } });
    expect((await t.gateway.fails('BAD_USER_INPUT', ADD_USER, { a: app, i: { metricId: metric, userId: 'ann' } })).extensions?.argumentPath).toEqual(['input', 'userId']);
    for (const query of [APP_COMPUTERS, APP_LICENSES, APP_USERS]) await t.gateway.fails('NOT_FOUND', query, { a: 'not-an-id' });
    expect((await t.gateway.fails('BAD_USER_INPUT', BY_COMPUTER, { c: 'pc-1' })).extensions?.argumentPath).toEqual(['computerId']);
    expect((await t.gateway.fails('BAD_USER_INPUT', APP_USERS, { a: app, u: 'ann' })).extensions?.argumentPath).toEqual(['userId']);
    expect(await state()).toEqual(before);
  });

  it('keeps another account out: its rows are NOT_FOUND and the test account\'s rows are invisible to it', async () => {
    const other = t.gatewayWith(bearerHeaders(await testToken({ accountId: randomUUID() })));
    const before = await state();
    await other.fails('NOT_FOUND', APP_COMPUTERS, { a: app });
    await other.fails('NOT_FOUND', ADD_COMPUTER, { a: app, i: { metricId: metric, computerId: pc1 } });
    await other.fails('NOT_FOUND', DELETE, { id: rows.pc1.id });
    expect((await other.ok(BY_COMPUTER, { c: pc1 })).computerLicenseTracking.totalCount).toBe(0);
    expect(await state()).toEqual(before);
  });

  it('needs compliance:write to write and compliance:read to read', async () => {
    const reader = t.gatewayWith(bearerHeaders(await testToken({ scopes: ['compliance:read'] })));
    const nobody = t.gatewayWith(bearerHeaders(await testToken({ scopes: ['license:read'] })));
    const before = await state();
    await reader.fails('FORBIDDEN', ADD_COMPUTER, { a: app, i: { metricId: metric, computerId: pc1 } });
    await reader.fails('FORBIDDEN', DELETE, { id: rows.pc1.id });
    await nobody.fails('FORBIDDEN', BY_COMPUTER, { c: pc1 });
    await nobody.fails('FORBIDDEN', APP_LICENSES, { a: app });
    expect((await reader.ok(BY_COMPUTER, { c: pc1 })).computerLicenseTracking.totalCount).toBe(2);
    expect(await state()).toEqual(before);
  });

  it('deletes one row and records it', async () => {
    expect((await t.gateway.ok(DELETE, { id: rows.pc2.id })).deleteLicenseTracking).toBe(rows.pc2.id);
    expect((await t.gateway.ok(APP_COMPUTERS, { a: app })).applicationComputerLicenseTracking.totalCount).toBe(1);
    await t.gateway.fails('NOT_FOUND', DELETE, { id: rows.pc2.id });
    expect((await events()).slice(-1)).toEqual(['license-tracking.deleted']);
  });
});
