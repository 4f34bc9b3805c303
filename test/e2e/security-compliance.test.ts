/**
 * Authentication, scopes and tenant isolation of the compliance subgraph, through the real gateway and
 * straight to the subgraph (with the router secret, as the gateway sends it).
 */
import { randomUUID } from 'node:crypto';
import { ALL_SCOPES } from '../../lib/auth';
import { routerHeaders, testToken } from '../testkit/auth';
import { DATABASE_KINDS } from '../testkit/databases';
import { client, type TestClient } from '../testkit/graphql';
import { describeAuthentication } from '../testkit/security';
import { startTestStack, type TestStack } from '../testkit/stack';

const LIST_ALL = `{ applications { totalCount } metrics { totalCount } maintenancePeriods { totalCount }
  extendedCoverageTypes { totalCount } extendedCoverages { totalCount } }`;
const CREATE_APP = `mutation($n: String!) { createApplication(input: { name: $n }) { id } }`;
const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) {
  ... on Application { id name } ... on Metric { id name } ... on MaintenancePeriod { id maintenanceCost }
  ... on LicenseUpgrade { id quantity } ... on ExtendedCoverageType { id name } ... on ExtendedCoverage { id reason }
  ... on License { maintenancePeriods { totalCount } upgrades { totalCount } costsSummary { accumulatedMaintenanceCost totalCost } }
} }`;
const PERIOD = `query($l: ID!) { license(id: $l) { maintenancePeriods { edges { node { id notes maintenanceCost } } } upgrades { totalCount } } }`;

describe.each(DATABASE_KINDS)('compliance security on %s', (kind) => {
  let t: TestStack;
  /** Straight to the compliance subgraph with the router secret and this bearer token. */
  let direct: (token: string) => Promise<TestClient>;
  const ids = {} as Record<'license' | 'key' | 'application' | 'metric' | 'period' | 'upgrade' | 'type' | 'coverage', string>;

  beforeAll(async () => {
    t = await startTestStack(kind);
    direct = async (token) => client(t.stack.subgraphs.compliance.url, await routerHeaders(token));
    // account B (the test account) owns one row of every kind
    const { createProduct } = await t.gateway.ok(`mutation { createProduct(input: { name: "Visio" }) { id } }`);
    const { createPolicy } = await t.gateway.ok(`mutation($p: ID!) { createPolicy(input: { productId: $p, name: "Std" }) { id } }`, { p: createProduct.id });
    ({ id: ids.license, key: ids.key } = (await t.gateway.ok(`mutation($p: ID!) {
      createLicense(input: { policyId: $p, name: "L", quantity: 4, purchaseValue: "1000", purchaseCurrency: "USD" }) { id key } }`, { p: createPolicy.id })).createLicense);
    ids.application = (await t.gateway.ok(CREATE_APP, { n: 'Visio' })).createApplication.id;
    ids.metric = (await t.gateway.ok(`mutation { createMetric(input: { name: "Users" }) { id } }`)).createMetric.id;
    ids.period = (await t.gateway.ok(`mutation($l: ID!) { addMaintenancePeriod(licenseId: $l, input: { maintenanceCost: "100", notes: "B" }) { id } }`,
      { l: ids.license })).addMaintenancePeriod.id;
    ids.upgrade = (await t.gateway.ok(`mutation($l: ID!, $u: ID!) { addLicenseUpgrade(licenseId: $l, input: { upgradedLicenseId: $u, quantity: 1, upgradedQuantity: 1 }) { id } }`,
      { l: ids.license, u: randomUUID() })).addLicenseUpgrade.id;
    ids.type = (await t.gateway.ok(`mutation { createExtendedCoverageType(input: { name: "Passive" }) { id } }`)).createExtendedCoverageType.id;
    ids.coverage = (await t.gateway.ok(`mutation($a: ID!) { createExtendedCoverage(input: { parentComputerId: "${randomUUID()}", extendedComputerId: "${randomUUID()}",
      applicationId: $a, coveredApplicationId: $a, reason: "Passive" }) { id } }`, { a: ids.application })).createExtendedCoverage.id;
  });
  afterAll(async () => { await t?.stop(); });

  const representations = () => [
    { __typename: 'Application', id: ids.application }, { __typename: 'Metric', id: ids.metric },
    { __typename: 'MaintenancePeriod', id: ids.period }, { __typename: 'LicenseUpgrade', id: ids.upgrade },
    { __typename: 'ExtendedCoverageType', id: ids.type }, { __typename: 'ExtendedCoverage', id: ids.coverage },
    { __typename: 'License', id: ids.license, quantity: 4, purchaseValue: '1000', purchaseCurrency: 'USD', organizationId: null },
  ];

  describeAuthentication({
    stack: () => t,
    subgraph: 'compliance',
    operations: [{ query: '{ applications { totalCount } }' }, { query: CREATE_APP, variables: () => ({ n: 'Anonymous' }) }],
    state: () => t.gateway.ok(LIST_ALL),
  });

  describe('scopes', () => {
    const otherScopes = ALL_SCOPES.filter((s) => !s.startsWith('compliance:'));

    test('a token without compliance scopes is FORBIDDEN on queries and mutations, which change nothing', async () => {
      const token = await testToken({ scopes: otherScopes });
      for (const api of [t.gatewayWith({ authorization: `Bearer ${token}` }), await direct(token)]) {
        await api.fails('FORBIDDEN', '{ applications { totalCount } }');
        await api.fails('FORBIDDEN', '{ metric(id: "00000000-0000-4000-8000-000000000000") { id } }');
        await api.fails('FORBIDDEN', CREATE_APP, { n: 'Forbidden' });
        await api.fails('FORBIDDEN', `mutation($id: ID!) { deleteMaintenancePeriod(id: $id) }`, { id: ids.period });
      }
      const { applications } = await t.gateway.ok(`{ applications(filter: "name -eq \\"Forbidden\\"") { totalCount } }`);
      expect(applications.totalCount).toBe(0);
      expect((await t.gateway.ok(PERIOD, { l: ids.license })).license.maintenancePeriods.edges).toHaveLength(1);
    });

    test('compliance:read reads but cannot write; contributed License fields need compliance:read', async () => {
      const reader = await direct(await testToken({ scopes: ['compliance:read'] }));
      expect((await reader.ok('{ applications { totalCount } }')).applications.totalCount).toBe(1);
      await reader.fails('FORBIDDEN', CREATE_APP, { n: 'Reader' });
      const stranger = await direct(await testToken({ scopes: otherScopes }));
      await stranger.fails('FORBIDDEN', `query($r: [_Any!]!) { _entities(representations: $r) { ... on License { costsSummary { totalCost } } } }`,
        { r: representations().slice(-1) });
    });

    test('license:read alone reads the license but is FORBIDDEN on its costs summary', async () => {
      const api = t.gatewayWith({ authorization: `Bearer ${await testToken({ scopes: ['license:read'] })}` });
      const { license } = await api.ok(`query($id: ID!) { license(id: $id) { key } }`, { id: ids.license });
      expect(license.key).toBe(ids.key);
      const error = await api.fails('FORBIDDEN', `query($id: ID!) { license(id: $id) { costsSummary { totalCost } } }`, { id: ids.license });
      expect(error.path).toEqual(['license', 'costsSummary']);
    });
  });

  describe('tenant isolation (account A reads and writes nothing of account B)', () => {
    let a: { gateway: TestClient; subgraph: TestClient };
    beforeAll(async () => {
      const token = await testToken({ accountId: randomUUID(), subject: 'tenant-a' });
      a = { gateway: t.gatewayWith({ authorization: `Bearer ${token}` }), subgraph: await direct(token) };
    });

    test('rows by ID are null', async () => {
      const byId = `query($a: ID!, $m: ID!, $c: ID!, $l: ID!) { application(id: $a) { id } metric(id: $m) { id }
        extendedCoverage(coverageId: $c) { id } license(id: $l) { id } }`;
      const vars = { a: ids.application, m: ids.metric, c: ids.coverage, l: ids.license };
      expect(await a.gateway.ok(byId, vars)).toEqual({ application: null, metric: null, extendedCoverage: null, license: null });
      expect(await t.gateway.ok(byId, vars)).toEqual({
        application: { id: ids.application }, metric: { id: ids.metric }, extendedCoverage: { id: ids.coverage }, license: { id: ids.license },
      });
    });

    test('lists count nothing, even with a filter that matches every row', async () => {
      const none = { totalCount: 0 };
      expect(await a.gateway.ok(LIST_ALL)).toEqual({ applications: none, metrics: none, maintenancePeriods: none, extendedCoverageTypes: none, extendedCoverages: none });
      const everything = `{ applications(filter: "name -eq \\"Visio\\" -or name -ne \\"Visio\\"") { totalCount }
        maintenancePeriods(filter: "notes -eq \\"B\\" -or notes -ne \\"B\\"") { totalCount } }`;
      expect(await a.gateway.ok(everything)).toEqual({ applications: none, maintenancePeriods: none });
      expect(await t.gateway.ok(everything)).toEqual({ applications: { totalCount: 1 }, maintenancePeriods: { totalCount: 1 } });
    });

    test('entity references to B\'s rows resolve to null or empty values', async () => {
      const { _entities } = await a.subgraph.ok(ENTITIES, { r: representations() });
      expect(_entities).toEqual([null, null, null, null, null, null, {
        maintenancePeriods: { totalCount: 0 }, upgrades: { totalCount: 0 }, costsSummary: { accumulatedMaintenanceCost: '0', totalCost: '1000' },
      }]);
      const own = (await (await direct(await testToken())).ok(ENTITIES, { r: representations() }))._entities;
      expect(own.slice(0, 6).map((e: { id: string }) => e.id)).toEqual(representations().slice(0, 6).map((r) => r.id));
      expect(own[6]).toEqual({ maintenancePeriods: { totalCount: 1 }, upgrades: { totalCount: 1 }, costsSummary: { accumulatedMaintenanceCost: '100', totalCost: '1100' } });
    });

    test('mutations on B\'s rows are NOT_FOUND or touch nothing, and B\'s rows are unchanged', async () => {
      const before = await t.gateway.ok(PERIOD, { l: ids.license });
      await a.gateway.fails('NOT_FOUND', `mutation($id: ID!) { replaceMaintenancePeriod(id: $id, input: { notes: "A" }) { id } }`, { id: ids.period });
      await a.gateway.fails('NOT_FOUND', `mutation($id: ID!) { deleteMaintenancePeriod(id: $id) }`, { id: ids.period });
      expect((await a.gateway.ok(`mutation($l: ID!) { deleteMaintenancePeriods(licenseId: $l) }`, { l: ids.license })).deleteMaintenancePeriods).toBe(0);
      expect((await a.gateway.ok(`mutation($l: ID!) { replaceMaintenancePeriods(licenseId: $l, inputs: []) { id } }`, { l: ids.license })).replaceMaintenancePeriods).toEqual([]);
      // names are unique per account: B's names are free in A (no CONFLICT revealing them); B's application is not A's to reference
      await a.gateway.ok(`mutation { createMetric(input: { name: "Users" }) { id } }`);
      await a.gateway.ok(`mutation { createExtendedCoverageType(input: { name: "Passive" }) { id } }`);
      const coverage = await a.gateway.fails('BAD_USER_INPUT', `mutation($a: ID!) { createExtendedCoverage(input: { parentComputerId: "${randomUUID()}",
        extendedComputerId: "${randomUUID()}", applicationId: $a, coveredApplicationId: $a, reason: "Passive" }) { id } }`, { a: ids.application });
      expect(coverage.extensions?.argumentPath).toEqual(['input', 'applicationId']);
      expect(await t.gateway.ok(PERIOD, { l: ids.license })).toEqual(before);
      expect(await t.gateway.ok(`{ metrics { totalCount } extendedCoverageTypes { totalCount } extendedCoverages { totalCount } }`))
        .toEqual({ metrics: { totalCount: 1 }, extendedCoverageTypes: { totalCount: 1 }, extendedCoverages: { totalCount: 1 } });
    });
  });
});
