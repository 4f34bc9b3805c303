import { randomUUID } from 'node:crypto';
import { DATABASE_KINDS } from '../../test/testkit/databases';
import { startTestSubgraph, type TestSubgraph } from '../../test/testkit/subgraph';
import { allowConsumers, bindLicense, PAST, PLACE_ORDER, seatLine } from './testing';

const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) {
  __typename
  ... on Organization { id entitlements { totalCount edges { node { id } } } }
  ... on License { id entitlement { id } licensedItem { id } licenseModelId licenseModelName effectiveLicenseModel { id } seatsTotal }
  ... on Entitlement { id organizationId }
  ... on EntitlementLicense { id licenseId }
  ... on LicensedItem { id name }
  ... on LicenseModel { id name }
  ... on LicenseOrder { id canceled }
  ... on SeatCountCredit { id seatCount }
  ... on UseCountCredit { id useCount }
  ... on UseTimeCredit { id useTime }
} }`;

describe.each(DATABASE_KINDS)('entity references (%s)', (kind) => {
  let t: TestSubgraph;
  beforeAll(async () => { t = await startTestSubgraph('entitlements', kind); });
  afterAll(async () => { await t?.stop(); });

  test('_entities resolves every entity type of the subgraph, and null for unknown ids', async () => {
    const b = await bindLicense(t.api);
    const order = (await t.api.ok(PLACE_ORDER, { i: { organizationId: b.organizationId, lines: [
      seatLine(b, 3), { ...seatLine(b, 4), creditType: 'USE_COUNT' }, { ...seatLine(b, 5), creditType: 'USE_TIME' },
    ] } })).placeLicenseOrder;
    const { entitlement } = await t.api.ok(`query($id: ID!) { entitlement(id: $id) { licenses { entitlementLicense { id }
      seatCountCredits { id } useCountCredits { id } useTimeCredits { id } } } }`, { id: b.entitlementId });
    const [license] = entitlement.licenses;
    const model = (await t.api.ok(`query($id: ID!) { licenseModel(id: $id) { name } }`, { id: b.licenseModelId })).licenseModel;
    const item = (await t.api.ok(`query($id: ID!) { licensedItem(id: $id) { name } }`, { id: b.licensedItemId })).licensedItem;
    const representations = [
      { __typename: 'Organization', id: b.organizationId },
      { __typename: 'License', id: b.licenseId },
      { __typename: 'Entitlement', id: b.entitlementId },
      { __typename: 'EntitlementLicense', id: license.entitlementLicense.id },
      { __typename: 'LicensedItem', id: b.licensedItemId },
      { __typename: 'LicenseModel', id: b.licenseModelId },
      { __typename: 'LicenseOrder', id: order.id },
      { __typename: 'SeatCountCredit', id: license.seatCountCredits[0].id },
      { __typename: 'UseCountCredit', id: license.useCountCredits[0].id },
      { __typename: 'UseTimeCredit', id: license.useTimeCredits[0].id },
      { __typename: 'Entitlement', id: randomUUID() },
    ];
    const { _entities } = await t.api.ok(ENTITIES, { r: representations });
    expect(_entities).toEqual([
      { __typename: 'Organization', id: b.organizationId, entitlements: { totalCount: 1, edges: [{ node: { id: b.entitlementId } }] } },
      {
        __typename: 'License', id: b.licenseId, entitlement: { id: b.entitlementId }, licensedItem: { id: b.licensedItemId },
        licenseModelId: b.licenseModelId, licenseModelName: model.name, effectiveLicenseModel: { id: b.licenseModelId }, seatsTotal: 3,
      },
      { __typename: 'Entitlement', id: b.entitlementId, organizationId: b.organizationId },
      { __typename: 'EntitlementLicense', id: license.entitlementLicense.id, licenseId: b.licenseId },
      { __typename: 'LicensedItem', id: b.licensedItemId, name: item.name },
      { __typename: 'LicenseModel', id: b.licenseModelId, name: model.name },
      { __typename: 'LicenseOrder', id: order.id, canceled: false },
      { __typename: 'SeatCountCredit', id: license.seatCountCredits[0].id, seatCount: 3 },
      { __typename: 'UseCountCredit', id: license.useCountCredits[0].id, useCount: 4 },
      { __typename: 'UseTimeCredit', id: license.useTimeCredits[0].id, useTime: 5 },
      null,
    ]);
  });

  test('_entities resolves consumption sessions and leases of the account, null for unknown ids', async () => {
    const b = await bindLicense(t.api, {}, { validFrom: PAST });
    await allowConsumers(t.api, b, ['me']);
    await t.api.ok(PLACE_ORDER, { i: { organizationId: b.organizationId, lines: [seatLine(b, 1)] } });
    const { consumeLicense: lease } = await t.api.ok(`mutation($i: String!) { consumeLicense(licensedItem: $i) { id session { id } } }`, { i: b.licensedItemId });
    const { _entities } = await t.api.ok(`query($r: [_Any!]!) { _entities(representations: $r) {
      ... on LicenseSession { id userId license { id seatsTaken } leases { id } } ... on LicenseLease { id mode session { id } } } }`, { r: [
      { __typename: 'LicenseSession', id: lease.session.id }, { __typename: 'LicenseLease', id: lease.id },
      { __typename: 'LicenseSession', id: randomUUID() }, { __typename: 'LicenseLease', id: randomUUID() },
    ] });
    expect(_entities).toEqual([
      { id: lease.session.id, userId: 'test-admin', license: { id: b.licenseId, seatsTaken: 1 }, leases: [{ id: lease.id }] },
      { id: lease.id, mode: 'CACHE', session: { id: lease.session.id } },
      null, null,
    ]);
  });

  test('a license in no entitlement resolves with null entitlement fields and no credits', async () => {
    const id = randomUUID();
    const { _entities } = await t.api.ok(`query($r: [_Any!]!) { _entities(representations: $r) { ... on License {
      id entitlementLicense { id } entitlement { id } licensedItem { id } licenseModelId licenseModelName effectiveLicenseModel { id }
      scopeBindings { type } seatsTotal seatsTaken seatsReserved seatCountCredits { id } useCountCredits { id } useTimeCredits { id }
    } } }`, { r: [{ __typename: 'License', id }] });
    expect(_entities).toEqual([{
      id, entitlementLicense: null, entitlement: null, licensedItem: null, licenseModelId: null, licenseModelName: null, effectiveLicenseModel: null,
      scopeBindings: [], seatsTotal: 0, seatsTaken: 0, seatsReserved: 0, seatCountCredits: [], useCountCredits: [], useTimeCredits: [],
    }]);
  });

  test('seat credits of many licenses are read in one batch, each license with its own total', async () => {
    const bindings = await Promise.all([1, 2, 3].map(() => bindLicense(t.api)));
    for (const [i, b] of bindings.entries()) {
      await t.api.ok(PLACE_ORDER, { i: { organizationId: b.organizationId, lines: [seatLine(b, i + 1, PAST), seatLine(b, 10 * (i + 1), PAST)] } });
    }
    const statements: string[] = [];
    const knex = t.subgraph.orm.em.getConnection().getKnex();
    const record = (q: { sql: string }) => { statements.push(q.sql); };
    knex.on('query', record);
    const { _entities } = await t.api.ok(`query($r: [_Any!]!) { _entities(representations: $r) { ... on License { seatsTotal seatsTaken seatCountCredits { id } } } }`,
      { r: bindings.map((b) => ({ __typename: 'License', id: b.licenseId })) });
    knex.off('query', record);
    expect(_entities.map((l: { seatsTotal: number }) => l.seatsTotal)).toEqual([11, 22, 33]);
    expect(statements.filter((sql) => sql.includes('entitlements_seat_count_credit'))).toHaveLength(1);
  });
});
