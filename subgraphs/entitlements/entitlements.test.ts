import { randomUUID } from 'node:crypto';
import { DATABASE_KINDS } from '../../test/testkit/databases';
import { startTestSubgraph, type TestSubgraph } from '../../test/testkit/subgraph';
import { bindLicense, createEntitlement, createItem, createModel, FAR_FUTURE, PAST, PLACE_ORDER, seatLine } from './testing';

const ADD = `mutation($i: EntitlementLicenseInput!) {
  addEntitlementLicense(input: $i) { entitlementId licenseId licensedItemId licenseModelId validFrom validUntil active scopeBindings { type externalId externalName }
    entitlement { name } license { id } licensedItem { name } licenseModel { name } }
}`;

const LICENSES = `query($o: ID!, $e: ID!, $c: CreditInclusion, $m: Boolean) {
  entitlementLicenses(organizationId: $o, entitlementId: $e, includeCredits: $c, includeEffectiveModel: $m) {
    id licenseModelName effectiveLicenseModel { name } seatsTotal seatCountCredits { seatCount validUntil }
  }
}`;

describe.each(DATABASE_KINDS)('entitlements and their licenses (%s)', (kind) => {
  let t: TestSubgraph;
  beforeAll(async () => { t = await startTestSubgraph('entitlements', kind); });
  afterAll(async () => { await t?.stop(); });

  test('createEntitlement stores the entitlement; entitlement(id) and entitlements(organizationId) read it', async () => {
    const org = randomUUID();
    const { createEntitlement: created } = await t.api.ok(`mutation($o: ID!) {
      createEntitlement(input: { organizationId: $o, name: "Studio", description: "Studio seats", validFrom: "${PAST}", validUntil: "${FAR_FUTURE}" }) {
        id organizationId organization { id } name description validFrom validUntil licenses { id }
      }
    }`, { o: org });
    expect(created).toEqual({
      id: expect.any(String), organizationId: org, organization: { id: org }, name: 'Studio', description: 'Studio seats',
      validFrom: PAST, validUntil: FAR_FUTURE, licenses: [],
    });
    await createEntitlement(t.api, org, 'Analytics');
    await createEntitlement(t.api, randomUUID(), 'Other organization');
    const { entitlement } = await t.api.ok(`query($id: ID!) { entitlement(id: $id) { name } }`, { id: created.id });
    expect(entitlement).toEqual({ name: 'Studio' });
    const { entitlements } = await t.api.ok(`query($o: ID!) { entitlements(organizationId: $o, first: 1) { totalCount pageInfo { hasNextPage } edges { node { name } } } }`, { o: org });
    expect(entitlements).toEqual({ totalCount: 2, pageInfo: { hasNextPage: true }, edges: [{ node: { name: 'Analytics' } }] });
  });

  test('createEntitlement rejects a blank name and a validity that ends before it starts', async () => {
    const blank = await t.api.fails('BAD_USER_INPUT', `mutation { createEntitlement(input: { organizationId: "${randomUUID()}", name: "" }) { id } }`);
    expect(blank.extensions?.argumentPath).toEqual(['input', 'name']);
    const period = await t.api.fails('BAD_USER_INPUT',
      `mutation { createEntitlement(input: { organizationId: "${randomUUID()}", name: "x", validFrom: "${FAR_FUTURE}", validUntil: "${PAST}" }) { id } }`);
    expect(period.extensions?.argumentPath).toEqual(['input', 'validUntil']);
  });

  test('addEntitlementLicense binds a license to the entitlement, item and model', async () => {
    const org = randomUUID();
    const input = {
      entitlementId: await createEntitlement(t.api, org, 'Bound'), licenseId: randomUUID(),
      licensedItemId: await createItem(t.api, 'bound-item'), licenseModelId: await createModel(t.api, 'Bound model'),
      validFrom: PAST, scopeBindings: [{ type: 'project', externalId: 'p-1' }],
    };
    const { addEntitlementLicense } = await t.api.ok(ADD, { i: input });
    expect(addEntitlementLicense).toEqual({
      entitlementId: input.entitlementId, licenseId: input.licenseId, licensedItemId: input.licensedItemId, licenseModelId: input.licenseModelId,
      validFrom: PAST, validUntil: null, active: true, scopeBindings: [{ type: 'project', externalId: 'p-1', externalName: null }],
      entitlement: { name: 'Bound' }, license: { id: input.licenseId }, licensedItem: { name: 'bound-item' }, licenseModel: { name: 'Bound model' },
    });
    const { entitlement } = await t.api.ok(`query($id: ID!) { entitlement(id: $id) { licenses { id entitlement { name } licensedItem { name } licenseModelId scopeBindings { externalId } } } }`, { id: input.entitlementId });
    expect(entitlement.licenses).toEqual([{ id: input.licenseId, entitlement: { name: 'Bound' }, licensedItem: { name: 'bound-item' }, licenseModelId: input.licenseModelId, scopeBindings: [{ externalId: 'p-1' }] }]);
    const again = await t.api.fails('CONFLICT', ADD, { i: { ...input, validFrom: undefined, scopeBindings: undefined } });
    expect(again.extensions?.argumentPath).toEqual(['input', 'licenseId']);
  });

  test.each(['entitlementId', 'licensedItemId', 'licenseModelId'])('addEntitlementLicense with an unknown %s is bad input at its path', async (field) => {
    const b = { entitlementId: await createEntitlement(t.api, randomUUID()), licenseId: randomUUID(), licensedItemId: await createItem(t.api), licenseModelId: await createModel(t.api) };
    const error = await t.api.fails('BAD_USER_INPUT', ADD, { i: { ...b, [field]: randomUUID() } });
    expect(error.extensions?.argumentPath).toEqual(['input', field]);
  });

  test('entitlementLicenses lists the licenses with the credits includeCredits selects', async () => {
    const b = await bindLicense(t.api);
    await t.api.ok(PLACE_ORDER, { i: { organizationId: b.organizationId, lines: [
      seatLine(b, 5, PAST, '2021-01-01T00:00:00.000Z'), seatLine(b, 10, '2020-06-01T00:00:00.000Z'), seatLine(b, 20, '2099-01-01T00:00:00.000Z', null),
    ] } });
    const other = await bindLicense(t.api, { organizationId: b.organizationId, entitlementId: b.entitlementId, licenseModelId: b.licenseModelId });
    const seats = (license: { seatCountCredits: Array<{ seatCount: number }> }) => license.seatCountCredits.map((c) => c.seatCount);
    const all = (await t.api.ok(LICENSES, { o: b.organizationId, e: b.entitlementId })).entitlementLicenses;
    expect(all.map((l: { id: string }) => l.id).sort()).toEqual([b.licenseId, other.licenseId].sort());
    const first = all.find((l: { id: string }) => l.id === b.licenseId);
    expect(first).toMatchObject({ seatsTotal: 10, effectiveLicenseModel: null, licenseModelName: expect.stringMatching(/^model-/) });
    expect(seats(first)).toEqual([5, 10, 20]);
    const valid = (await t.api.ok(LICENSES, { o: b.organizationId, e: b.entitlementId, c: 'VALID', m: true })).entitlementLicenses;
    const validFirst = valid.find((l: { id: string }) => l.id === b.licenseId);
    expect(seats(validFirst)).toEqual([10]);
    expect(validFirst.effectiveLicenseModel).toEqual({ name: validFirst.licenseModelName });
    const latest = (await t.api.ok(LICENSES, { o: b.organizationId, e: 'any', c: 'LATEST_EXPIRATION' })).entitlementLicenses;
    const seatsById = (licenses: Array<{ id: string; seatCountCredits: Array<{ seatCount: number }> }>) => Object.fromEntries(licenses.map((l) => [l.id, seats(l)]));
    expect(latest).toHaveLength(2);
    expect(seatsById(latest)).toEqual({ [b.licenseId]: [20], [other.licenseId]: [] });
  });

  test('entitlementLicenses of an entitlement of another organization is NOT_FOUND; `any` of an empty organization is empty', async () => {
    const b = await bindLicense(t.api);
    await t.api.fails('NOT_FOUND', LICENSES, { o: randomUUID(), e: b.entitlementId });
    await t.api.fails('NOT_FOUND', LICENSES, { o: b.organizationId, e: randomUUID() });
    expect((await t.api.ok(LICENSES, { o: randomUUID(), e: 'any' })).entitlementLicenses).toEqual([]);
  });

  test('an ID that is not a UUID is answered the same on every database: bad input at its path, or not found', async () => {
    const b = await bindLicense(t.api);
    const pathOf = async (query: string, variables: Record<string, unknown> = {}) => (await t.api.fails('BAD_USER_INPUT', query, variables)).extensions?.argumentPath;
    expect(await pathOf(`mutation { createEntitlement(input: { organizationId: "org-1", name: "x" }) { id } }`)).toEqual(['input', 'organizationId']);
    const input = { entitlementId: b.entitlementId, licenseId: randomUUID(), licensedItemId: b.licensedItemId, licenseModelId: b.licenseModelId };
    expect(await pathOf(ADD, { i: { ...input, licenseId: 'license-1' } })).toEqual(['input', 'licenseId']);
    expect(await pathOf(ADD, { i: { ...input, entitlementId: 'entitlement-1' } })).toEqual(['input', 'entitlementId']);
    expect(await pathOf(`{ entitlements(organizationId: "org-1") { totalCount } }`)).toEqual(['organizationId']);
    expect(await pathOf(`{ licenseOrders(organizationId: "org-1") { totalCount } }`)).toEqual(['organizationId']);
    expect(await pathOf(PLACE_ORDER, { i: { organizationId: b.organizationId, lines: [{ ...seatLine(b, 1), licenseId: 'license-1' }] } })).toEqual(['input', 'lines', 0, 'licenseId']);
    expect(await pathOf(PLACE_ORDER, { i: { organizationId: b.organizationId, lines: [{ ...seatLine(b, 1), licensedItemId: 'item-1' }] } })).toEqual(['input', 'lines', 0, 'licensedItemId']);
    expect(await pathOf(`mutation { createLicensedItem(input: { name: "x", aggregatedItemIds: ["${b.licensedItemId}", "item-1"] }) { id } }`)).toEqual(['input', 'aggregatedItemIds', 1]);
    await t.api.fails('NOT_FOUND', LICENSES, { o: b.organizationId, e: 'entitlement-1' });
    await t.api.fails('NOT_FOUND', `mutation { cancelLicenseOrder(id: "order-1") { id } }`);
    await t.api.fails('NOT_FOUND', `mutation { updateLicenseModel(id: "model-1", input: { description: "d" }) { id } }`);
    // an upper-case UUID names the same row on SQLite as on PostgreSQL
    const upper = { ...input, licenseId: randomUUID().toUpperCase(), entitlementId: b.entitlementId.toUpperCase() };
    expect((await t.api.ok(ADD, { i: upper })).addEntitlementLicense).toMatchObject({ entitlementId: b.entitlementId, licenseId: upper.licenseId.toLowerCase() });
  });
});
