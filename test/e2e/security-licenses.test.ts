/**
 * Authentication, scopes (license:read on queries and owned types, license:write on mutations, webhook:manage on
 * webhooks) and tenant isolation of the licenses subgraph, through the real gateway and straight to the subgraph
 * with the router secret, on every database kind. License-key callers are in security-licenses-keys.test.ts.
 */
import { randomUUID } from 'node:crypto';
import { ALL_SCOPES } from '../../lib/auth';
import { gatewayAndSubgraph, routerHeaders, testToken } from '../testkit/auth';
import { DATABASE_KINDS } from '../testkit/databases';
import { client, type TestClient } from '../testkit/graphql';
import { describeAuthentication } from '../testkit/security';
import { startTestStack, type TestStack } from '../testkit/stack';
import { newLicense, newUser } from './licenses-fixtures';

const LICENSE = 'id key name notes uses suspended revoked lastValidated lastCheckOut machinesCount totalDeactivations meterAttributes { totalUses }';
const READ = `query($id: ID!) { license(id: $id) { ${LICENSE} machines { edges { node { id lastHeartbeat } } } } }`;
const COUNTS = '{ licenses { totalCount } products { totalCount } policies { totalCount } organizations { totalCount } licenseFieldPolicies { totalCount } }';
const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) {
  ... on License { id key } ... on Machine { id fingerprint } ... on Product { id name } ... on Policy { id name }
  ... on Organization { id name } ... on User { id email } ... on MeterAttribute { id name } ... on LicenseFieldPolicy { id name }
  ... on WebhookEndpoint { id url } ... on Device { machines { id } } } }`;
const NOT_LICENSE_SCOPES = ALL_SCOPES.filter((s) => !s.startsWith('license:') && s !== 'webhook:manage');

describe.each(DATABASE_KINDS)('licenses security (%s)', (kind) => {
  let t: TestStack;
  /** Account B (the test account, every scope) owns these rows. */
  let b: Record<'licenseId' | 'key' | 'productId' | 'policyId' | 'machineId' | 'meterId' | 'organizationId' | 'userId' | 'fieldPolicyId' | 'endpointId', string>;
  let before: unknown;
  const subgraph = (headers: Record<string, string>): TestClient => client(t.stack.subgraphs.licenses.url, headers);
  const bearer = (token: string) => gatewayAndSubgraph(t, t.stack.subgraphs.licenses.url, token);
  const readBack = async () => (await t.gateway.ok(READ, { id: b.licenseId })).license;
  const counts = async () => t.gateway.ok(COUNTS);

  beforeAll(async () => {
    t = await startTestStack(kind);
    const license = await newLicense(t, {}, { name: 'B', notes: 'b', meterAttributes: [{ name: 'api', allowedUses: 10 }] });
    const { userId, organizationId } = await newUser(t, 'b@example.com');
    const { activateMachine } = await t.gateway.ok('mutation($id: ID!) { activateMachine(input: { licenseId: $id, fingerprint: "fp-b" }) { id } }', { id: license.id });
    const { createLicenseFieldPolicy } = await t.gateway.ok('mutation { createLicenseFieldPolicy(input: { name: "B rules", fields: [] }) { id } }');
    const { createWebhookEndpoint } = await t.gateway.ok('mutation { createWebhookEndpoint(url: "https://hooks.example.com/b", events: ["*"]) { endpoint { id } } }');
    const { license: read } = await t.gateway.ok(`query($id: ID!) { license(id: $id) { meterAttributes { id } } }`, { id: license.id });
    b = {
      licenseId: license.id, key: license.key, productId: license.productId, policyId: license.policyId, machineId: activateMachine.id,
      meterId: read.meterAttributes[0].id, organizationId, userId, fieldPolicyId: createLicenseFieldPolicy.id, endpointId: createWebhookEndpoint.endpoint.id,
    };
    before = await readBack();
  });
  afterAll(async () => { await t?.stop(); });

  describeAuthentication({
    stack: () => t,
    subgraph: 'licenses',
    operations: [{ query: COUNTS }, { query: 'mutation { createProduct(input: { name: "x" }) { id } }' }],
    state: async () => [await readBack(), await counts()],
  });

  describe('scopes', () => {
    it.each([
      ['only the other subgraphs\' scopes', NOT_LICENSE_SCOPES],
      ['only license:write', ['license:write']],
    ])('a token with %s gets FORBIDDEN on the license queries', async (_name, scopes) => {
      const api = bearer(await testToken({ scopes }));
      for (const c of [api.gateway, api.subgraph]) {
        await c.fails('FORBIDDEN', '{ licenses { totalCount } }');
        await c.fails('FORBIDDEN', READ, { id: b.licenseId });
        await c.fails('FORBIDDEN', 'query($k: String!) { licenseByKey(key: $k) { id } }', { k: b.key });
        await c.fails('FORBIDDEN', 'query($id: ID!) { machine(id: $id) { id } }', { id: b.machineId });
        await c.fails('FORBIDDEN', '{ account { publicKey } }');
        await c.fails('FORBIDDEN', '{ products { totalCount } }');
      }
      if (scopes.includes('license:write')) {
        // a writer reads the objects it may write (type rules admit license:write), never the read-only roots above
        expect((await api.subgraph.ok(ENTITIES, { r: [{ __typename: 'License', id: b.licenseId }] }))._entities).toEqual([{ id: b.licenseId, key: b.key }]);
      } else {
        await api.subgraph.fails('FORBIDDEN', ENTITIES, { r: [{ __typename: 'License', id: b.licenseId }] });
      }
      await api.subgraph.fails('FORBIDDEN', ENTITIES, { r: [{ __typename: 'Device', fingerprint: 'fp-b' }] });
    });

    it.each([
      ['only the other subgraphs\' scopes', NOT_LICENSE_SCOPES],
      ['only license:read', ['license:read']],
    ])('a token with %s gets FORBIDDEN on the license mutations, which change nothing', async (_name, scopes) => {
      const api = bearer(await testToken({ scopes }));
      const countsBefore = await counts();
      for (const c of [api.gateway, api.subgraph]) {
        await c.fails('FORBIDDEN', 'mutation($id: ID!) { suspendLicense(id: $id) { id } }', { id: b.licenseId });
        await c.fails('FORBIDDEN', 'mutation($id: ID!) { updateLicense(id: $id, input: { notes: "changed" }) { id } }', { id: b.licenseId });
        await c.fails('FORBIDDEN', 'mutation($id: ID!) { incrementLicenseUsage(id: $id) { id } }', { id: b.licenseId });
        await c.fails('FORBIDDEN', 'mutation($id: ID!) { deactivateMachine(id: $id) { id } }', { id: b.machineId });
        await c.fails('FORBIDDEN', 'mutation($id: ID!) { deleteLicense(id: $id) { id } }', { id: b.licenseId });
        await c.fails('FORBIDDEN', 'mutation($p: ID!) { createLicense(input: { policyId: $p }) { id } }', { p: b.policyId });
        await c.fails('FORBIDDEN', 'mutation { createProduct(input: { name: "forbidden" }) { id } }');
      }
      expect(await readBack()).toEqual(before);
      expect(await counts()).toEqual(countsBefore);
    });

    it('webhooks need webhook:manage: license:read + license:write is FORBIDDEN and changes nothing', async () => {
      const api = bearer(await testToken({ scopes: ['license:read', 'license:write'] }));
      for (const c of [api.gateway, api.subgraph]) {
        await c.fails('FORBIDDEN', '{ webhookEndpoints { totalCount } }');
        await c.fails('FORBIDDEN', 'query($id: ID!) { webhookEndpoint(id: $id) { id } }', { id: b.endpointId });
        await c.fails('FORBIDDEN', '{ webhookDeliveries { totalCount } }');
        await c.fails('FORBIDDEN', 'mutation { createWebhookEndpoint(url: "https://hooks.example.com/x", events: ["*"]) { secret } }');
        await c.fails('FORBIDDEN', 'mutation($id: ID!) { deleteWebhookEndpoint(id: $id) { id } }', { id: b.endpointId });
        await c.fails('FORBIDDEN', 'mutation($id: ID!) { retryWebhookDelivery(id: $id) { id } }', { id: randomUUID() });
      }
      await api.subgraph.fails('FORBIDDEN', ENTITIES, { r: [{ __typename: 'WebhookEndpoint', id: b.endpointId }] });
      const { webhookEndpoints } = await t.gateway.ok('{ webhookEndpoints { totalCount edges { node { id } } } }');
      expect(webhookEndpoints).toEqual({ totalCount: 1, edges: [{ node: { id: b.endpointId } }] });
      const webhooks = bearer(await testToken({ scopes: ['webhook:manage'] }));
      expect((await webhooks.gateway.ok('{ webhookEndpoints { totalCount } }')).webhookEndpoints.totalCount).toBe(1);
    });
  });

  describe('tenant isolation: account A (every scope) and account B\'s rows', () => {
    let a: { gateway: TestClient; subgraph: TestClient };
    beforeAll(async () => { a = bearer(await testToken({ accountId: randomUUID(), subject: 'account-a' })); });

    it('A reads none of B\'s rows by id, by key or through lists and filters', async () => {
      const byId = `query($l: ID!, $k: String!, $m: ID!, $p: ID!, $pol: ID!, $o: ID!, $u: ID!, $f: ID!, $e: ID!) {
        license(id: $l) { id } licenseByKey(key: $k) { id } machine(id: $m) { id } product(id: $p) { id } policy(id: $pol) { id }
        organization(id: $o) { id } user(id: $u) { id } licenseFieldPolicy(policyId: $f) { id } webhookEndpoint(id: $e) { id } }`;
      const lists = `query($filter: String!) { filtered: licenses(filter: $filter) { totalCount } all: licenses { totalCount edges { node { id } } }
        webhookEndpoints { totalCount } webhookDeliveries { totalCount } }`;
      for (const c of [a.gateway, a.subgraph]) {
        expect(await c.ok(byId, { l: b.licenseId, k: b.key, m: b.machineId, p: b.productId, pol: b.policyId, o: b.organizationId, u: b.userId, f: b.fieldPolicyId, e: b.endpointId }))
          .toEqual({ license: null, licenseByKey: null, machine: null, product: null, policy: null, organization: null, user: null, licenseFieldPolicy: null, webhookEndpoint: null });
        expect(await c.ok(COUNTS)).toEqual({ licenses: { totalCount: 0 }, products: { totalCount: 0 }, policies: { totalCount: 0 }, organizations: { totalCount: 0 }, licenseFieldPolicies: { totalCount: 0 } });
        expect(await c.ok(lists, { filter: `key -eq "${b.key}"` }))
          .toEqual({ filtered: { totalCount: 0 }, all: { totalCount: 0, edges: [] }, webhookEndpoints: { totalCount: 0 }, webhookDeliveries: { totalCount: 0 } });
      }
    });

    it('_entities with A\'s token resolves none of B\'s rows; B\'s token resolves them', async () => {
      const r = [
        { __typename: 'License', id: b.licenseId }, { __typename: 'Machine', id: b.machineId }, { __typename: 'Product', id: b.productId },
        { __typename: 'Policy', id: b.policyId }, { __typename: 'Organization', id: b.organizationId }, { __typename: 'User', id: b.userId },
        { __typename: 'MeterAttribute', id: b.meterId }, { __typename: 'LicenseFieldPolicy', id: b.fieldPolicyId },
        { __typename: 'WebhookEndpoint', id: b.endpointId }, { __typename: 'Device', fingerprint: 'fp-b' },
      ];
      const { _entities } = await a.subgraph.ok(ENTITIES, { r });
      expect(_entities).toEqual([null, null, null, null, null, null, null, null, null, { machines: [] }]);
      const own = (await subgraph(await routerHeaders()).ok(ENTITIES, { r }))._entities;
      expect(own.map((e: Record<string, unknown> | null) => e?.id ?? e)).toEqual([
        b.licenseId, b.machineId, b.productId, b.policyId, b.organizationId, b.userId, b.meterId, b.fieldPolicyId, b.endpointId, { machines: [{ id: b.machineId }] },
      ]);
    });

    it.each([
      ['updateLicense', 'mutation($id: ID!) { updateLicense(id: $id, input: { notes: "stolen" }) { id } }'],
      ['replaceLicense', 'mutation($id: ID!) { replaceLicense(id: $id, input: { notes: "stolen" }) { id } }'],
      ['suspendLicense', 'mutation($id: ID!) { suspendLicense(id: $id) { id } }'],
      ['revokeLicense', 'mutation($id: ID!) { revokeLicense(id: $id) { id } }'],
      ['renewLicense', 'mutation($id: ID!) { renewLicense(id: $id) { id } }'],
      ['checkInLicense', 'mutation($id: ID!) { checkInLicense(id: $id) { id } }'],
      ['incrementLicenseUsage', 'mutation($id: ID!) { incrementLicenseUsage(id: $id) { id } }'],
      ['resetLicenseUsage', 'mutation($id: ID!) { resetLicenseUsage(id: $id) { id } }'],
      ['incrementLicenseMeterAttribute', 'mutation($id: ID!) { incrementLicenseMeterAttribute(licenseId: $id, name: "api") { id } }'],
      ['checkOutLicense', 'mutation($id: ID!) { checkOutLicense(id: $id) { certificate } }'],
      ['activateMachine', 'mutation($id: ID!) { activateMachine(input: { licenseId: $id, fingerprint: "fp-a" }) { id } }'],
      ['deleteLicense', 'mutation($id: ID!) { deleteLicense(id: $id) { id } }'],
    ])('A\'s %s on B\'s license is NOT_FOUND and B\'s license is unchanged', async (_name, mutation) => {
      await a.gateway.fails('NOT_FOUND', mutation, { id: b.licenseId });
      await a.subgraph.fails('NOT_FOUND', mutation, { id: b.licenseId });
      expect(await readBack()).toEqual(before);
    });

    it.each([
      ['deactivateMachine', 'machineId', 'mutation($id: ID!) { deactivateMachine(id: $id) { id } }'],
      ['pingMachineHeartbeat', 'machineId', 'mutation($id: ID!) { pingMachineHeartbeat(id: $id) { id } }'],
      ['resetLicenseMeterAttribute', 'meterId', 'mutation($id: ID!) { resetLicenseMeterAttribute(id: $id) { id } }'],
      ['updateUser', 'userId', 'mutation($id: ID!) { updateUser(id: $id, input: { banned: true }) { id } }'],
      ['deleteLicenseFieldPolicy', 'fieldPolicyId', 'mutation($id: ID!) { deleteLicenseFieldPolicy(policyId: $id) { id } }'],
      ['deleteWebhookEndpoint', 'endpointId', 'mutation($id: ID!) { deleteWebhookEndpoint(id: $id) { id } }'],
    ] as const)('A\'s %s on B\'s row is NOT_FOUND and B\'s rows are unchanged', async (_name, row, mutation) => {
      await a.gateway.fails('NOT_FOUND', mutation, { id: b[row] });
      await a.subgraph.fails('NOT_FOUND', mutation, { id: b[row] });
      expect(await readBack()).toEqual(before);
      expect((await t.gateway.ok('{ webhookEndpoints { totalCount } licenseFieldPolicies { totalCount } }')))
        .toEqual({ webhookEndpoints: { totalCount: 1 }, licenseFieldPolicies: { totalCount: 1 } });
      expect((await t.gateway.ok('query($id: ID!) { user(id: $id) { banned } }', { id: b.userId })).user.banned).toBe(false);
    });

    it('A validates none of B\'s licenses, bulk updates none, and cannot build on B\'s policy', async () => {
      const notFound = { valid: false, code: 'NOT_FOUND' };
      expect((await a.gateway.ok('mutation($id: ID!) { validateLicense(id: $id) { valid code } }', { id: b.licenseId })).validateLicense).toEqual(notFound);
      expect((await a.gateway.ok('mutation($k: String!) { validateLicenseKey(key: $k) { valid code } }', { k: b.key })).validateLicenseKey).toEqual(notFound);
      const bulk = await a.gateway.ok('mutation { bulkUpdateLicenses(scope: ALL, body: { notes: "stolen", suspended: true }) { successCount } }');
      expect(bulk.bulkUpdateLicenses.successCount).toBe(0);
      const foreignPolicy = await a.gateway.fails('BAD_USER_INPUT', 'mutation($p: ID!) { createLicense(input: { policyId: $p }) { id } }', { p: b.policyId });
      expect(foreignPolicy.extensions?.argumentPath).toEqual(['input', 'policyId']);
      expect(await readBack()).toEqual(before);
      expect((await a.gateway.ok(COUNTS)).licenses.totalCount).toBe(0);
    });
  });
});
