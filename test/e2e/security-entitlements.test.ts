/**
 * Authentication, scopes and tenant isolation of the entitlements subgraph, through the gateway and
 * straight to the subgraph (as a router would call it, or as an attacker who reached it would).
 */
import { randomUUID } from 'node:crypto';
import { bindLicense, PLACE_ORDER, seatLine, type Binding } from '../../subgraphs/entitlements/testing';
import { bearerHeaders, routerHeaders, testToken } from '../testkit/auth';
import { DATABASE_KINDS } from '../testkit/databases';
import { client } from '../testkit/graphql';
import { outboxEvents } from '../testkit/outbox';
import { describeAuthentication } from '../testkit/security';
import { startTestStack, type TestStack } from '../testkit/stack';
import { newLicense } from './licenses-fixtures';

const ITEMS = '{ licensedItems { totalCount } }';
const CREATE_ITEM = 'mutation($n: String!) { createLicensedItem(input: { name: $n }) { id } }';
const RENAME_MODEL = 'mutation($id: ID!) { updateLicenseModel(id: $id, input: { name: "renamed" }) { id name } }';
const CANCEL_ORDER = 'mutation($id: ID!) { cancelLicenseOrder(id: $id) { id canceled } }';
const ENTITIES = 'query($r: [_Any!]!) { _entities(representations: $r) { __typename ... on Entitlement { name } ... on LicensedItem { name } ... on LicenseModel { name } ... on EntitlementLicense { licenseId } ... on LicenseOrder { canceled } ... on SeatCountCredit { seatCount } } }';
const LICENSE_ENTITY = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on License { entitlementLicense { id } entitlement { id } licenseModelName seatsTotal seatCountCredits { id } } } }';
const ORGANIZATION_ENTITY = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Organization { entitlements { totalCount } } } }';

describe.each(DATABASE_KINDS)('entitlements security (%s)', (kind) => {
  let t: TestStack;
  /** Account B (the test account): a real license in an entitlement, with a 5-seat order. */
  let b: Binding & { key: string; orderId: string; bindingId: string; creditId: string };
  /** Account A: another tenant with every scope. */
  let tokenA: string;
  const subgraph = (headers: Record<string, string>) => client(t.stack.subgraphs.entitlements.url, headers);

  beforeAll(async () => {
    t = await startTestStack(kind);
    const license = await newLicense(t);
    const binding = await bindLicense(t.gateway, { licenseId: license.id });
    const { placeLicenseOrder } = await t.gateway.ok(PLACE_ORDER, { i: { organizationId: binding.organizationId, lines: [seatLine(binding, 5)] } });
    const { license: read } = await t.gateway.ok('query($id: ID!) { license(id: $id) { entitlementLicense { id } seatCountCredits { id } } }', { id: license.id });
    b = { ...binding, key: license.key, orderId: placeLicenseOrder.id, bindingId: read.entitlementLicense.id, creditId: read.seatCountCredits[0].id };
    tokenA = await testToken({ accountId: randomUUID(), subject: 'tenant-a' });
  });
  afterAll(async () => { await t?.stop(); });

  /** What account B's rows look like to B: must not move when A or a scope-less caller tries to change them. */
  const stateOfB = () => t.gateway.ok(`query($m: ID!, $o: ID!, $l: ID!) {
    licenseModel(id: $m) { name updatedAt } licenseOrder(id: $o) { canceled updatedAt } license(id: $l) { seatsTotal }
    licensedItems { totalCount } }`, { m: b.licenseModelId, o: b.orderId, l: b.licenseId });

  describeAuthentication({
    stack: () => t,
    subgraph: 'entitlements',
    operations: [{ query: ITEMS }, { query: CREATE_ITEM, variables: () => ({ n: 'anonymous' }) }],
    state: async () => [await stateOfB(), (await outboxEvents(t.stack.subgraphs.entitlements.orm)).length],
  });

  describe('scopes', () => {
    it('refuses queries and mutations to a token holding only other scopes (FORBIDDEN), changing nothing', async () => {
      const other = await testToken({ scopes: ['license:read', 'license:write', 'device:read', 'entitlement:consume'] });
      const before = await stateOfB();
      const events = (await outboxEvents(t.stack.subgraphs.entitlements.orm)).length;
      for (const api of [t.gatewayWith(bearerHeaders(other)), subgraph(await routerHeaders(other))]) {
        await api.fails('FORBIDDEN', ITEMS);
        await api.fails('FORBIDDEN', 'query($id: ID!) { entitlement(id: $id) { name } }', { id: b.entitlementId });
        await api.fails('FORBIDDEN', CREATE_ITEM, { n: 'forbidden' });
        await api.fails('FORBIDDEN', RENAME_MODEL, { id: b.licenseModelId });
        await api.fails('FORBIDDEN', CANCEL_ORDER, { id: b.orderId });
      }
      expect(await stateOfB()).toEqual(before);
      expect((await outboxEvents(t.stack.subgraphs.entitlements.orm)).length).toBe(events);
    });

    it('entitlement:read reads but does not write; entitlement:write writes', async () => {
      const reader = t.gatewayWith(bearerHeaders(await testToken({ scopes: ['entitlement:read'] })));
      expect((await reader.ok('query($id: ID!) { entitlement(id: $id) { id } }', { id: b.entitlementId })).entitlement).toEqual({ id: b.entitlementId });
      await reader.fails('FORBIDDEN', CREATE_ITEM, { n: 'reader' });
      const writer = t.gatewayWith(bearerHeaders(await testToken({ scopes: ['entitlement:write'] })));
      const name = `writer-${randomUUID()}`;
      expect(await writer.ok('mutation($n: String!) { createLicensedItem(input: { name: $n }) { __typename } }', { n: name })).toEqual({ createLicensedItem: { __typename: 'LicensedItem' } });
      await writer.fails('FORBIDDEN', ITEMS);
    });

    it('a license:read token reads license(id) { key } but gets FORBIDDEN on the contributed seatsTotal', async () => {
      const licenseReader = await testToken({ scopes: ['license:read'] });
      const gateway = t.gatewayWith(bearerHeaders(licenseReader));
      const { license } = await gateway.ok('query($id: ID!) { license(id: $id) { id key } }', { id: b.licenseId });
      expect(license).toEqual({ id: b.licenseId, key: b.key });
      const error = await gateway.fails('FORBIDDEN', 'query($id: ID!) { license(id: $id) { seatsTotal } }', { id: b.licenseId });
      expect(error.message).toContain('License.seatsTotal');
      const direct = subgraph(await routerHeaders(licenseReader));
      await direct.fails('FORBIDDEN', LICENSE_ENTITY, { r: [{ __typename: 'License', id: b.licenseId }] });
      await direct.fails('FORBIDDEN', ORGANIZATION_ENTITY, { r: [{ __typename: 'Organization', id: b.organizationId }] });
    });
  });

  describe("account A cannot read or change account B's rows", () => {
    it('by id: null', async () => {
      const { entitlement, licensedItem, licenseModel, licenseOrder } = await t.gatewayWith(bearerHeaders(tokenA)).ok(`query($e: ID!, $i: ID!, $m: ID!, $o: ID!) {
        entitlement(id: $e) { id } licensedItem(id: $i) { id } licenseModel(id: $m) { id } licenseOrder(id: $o) { id } }`,
      { e: b.entitlementId, i: b.licensedItemId, m: b.licenseModelId, o: b.orderId });
      expect([entitlement, licensedItem, licenseModel, licenseOrder]).toEqual([null, null, null, null]);
    });

    it('through lists: empty', async () => {
      const a = t.gatewayWith(bearerHeaders(tokenA));
      const lists = await a.ok(`query($org: ID!) {
        entitlements(organizationId: $org) { totalCount } licensedItems { totalCount } licenseModels { totalCount }
        licenseOrders(organizationId: $org) { totalCount } entitlementLicenses(organizationId: $org, entitlementId: "any") { id } }`, { org: b.organizationId });
      expect(lists).toEqual({
        entitlements: { totalCount: 0 }, licensedItems: { totalCount: 0 }, licenseModels: { totalCount: 0 },
        licenseOrders: { totalCount: 0 }, entitlementLicenses: [],
      });
      await a.fails('NOT_FOUND', 'query($org: ID!, $e: ID!) { entitlementLicenses(organizationId: $org, entitlementId: $e) { id } }', { org: b.organizationId, e: b.entitlementId });
    });

    it('through entity references sent straight to the subgraph: null or empty', async () => {
      const direct = subgraph(await routerHeaders(tokenA));
      const { _entities } = await direct.ok(ENTITIES, { r: [
        { __typename: 'Entitlement', id: b.entitlementId }, { __typename: 'LicensedItem', id: b.licensedItemId },
        { __typename: 'LicenseModel', id: b.licenseModelId }, { __typename: 'EntitlementLicense', id: b.bindingId },
        { __typename: 'LicenseOrder', id: b.orderId }, { __typename: 'SeatCountCredit', id: b.creditId },
      ] });
      expect(_entities).toEqual([null, null, null, null, null, null]);
      const license = await direct.ok(LICENSE_ENTITY, { r: [{ __typename: 'License', id: b.licenseId }] });
      expect(license._entities).toEqual([{ entitlementLicense: null, entitlement: null, licenseModelName: null, seatsTotal: 0, seatCountCredits: [] }]);
      const org = await direct.ok(ORGANIZATION_ENTITY, { r: [{ __typename: 'Organization', id: b.organizationId }] });
      expect(org._entities).toEqual([{ entitlements: { totalCount: 0 } }]);
      // the same references with B's own token see the rows: the nulls above are isolation, not bad references
      const own = await subgraph(await routerHeaders()).ok(LICENSE_ENTITY, { r: [{ __typename: 'License', id: b.licenseId }] });
      expect(own._entities[0]).toMatchObject({ entitlementLicense: { id: b.bindingId }, seatsTotal: 5 });
    });

    it('by id in mutations: NOT_FOUND (or an unknown reference), B unchanged', async () => {
      const before = await stateOfB();
      const events = (await outboxEvents(t.stack.subgraphs.entitlements.orm)).length;
      const a = t.gatewayWith(bearerHeaders(tokenA));
      await a.fails('NOT_FOUND', RENAME_MODEL, { id: b.licenseModelId });
      await a.fails('NOT_FOUND', CANCEL_ORDER, { id: b.orderId });
      // rows of B named as references of A's new rows are unknown to A
      const attach = { entitlementId: b.entitlementId, licenseId: randomUUID(), licensedItemId: b.licensedItemId, licenseModelId: b.licenseModelId };
      const error = await a.fails('BAD_USER_INPUT', 'mutation($i: EntitlementLicenseInput!) { addEntitlementLicense(input: $i) { id } }', { i: attach });
      expect(error.extensions?.argumentPath).toEqual(['input', 'entitlementId']);
      await a.fails('BAD_USER_INPUT', PLACE_ORDER, { i: { organizationId: b.organizationId, lines: [{ ...seatLine(b, 3), entitlementId: b.entitlementId }] } });
      expect(await stateOfB()).toEqual(before);
      expect((await outboxEvents(t.stack.subgraphs.entitlements.orm)).length).toBe(events);
    });

    it("names are unique per account: another account may reuse B's names", async () => {
      const { licensedItem } = await t.gateway.ok('query($id: ID!) { licensedItem(id: $id) { name } }', { id: b.licensedItemId });
      const c = t.gatewayWith(bearerHeaders(await testToken({ accountId: randomUUID() })));
      await c.ok(CREATE_ITEM, { n: licensedItem.name });
    });
  });
});
