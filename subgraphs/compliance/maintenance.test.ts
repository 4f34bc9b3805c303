import { DATABASE_KINDS } from '../../test/testkit/databases';
import { outboxTypes } from '../../test/testkit/outbox';
import { startTestSubgraph, type TestSubgraph } from '../../test/testkit/subgraph';

const LICENSE = '0a000000-0000-4000-8000-000000000001';
const OTHER_LICENSE = '0a000000-0000-4000-8000-000000000002';
const PERIOD = `id licenseId agreementPeriodId validFrom validTo hasUpgradeRights invoiceReference notes maintenanceCost supportCost purchaseCurrency`;
const ADD = `mutation($l: ID!, $i: MaintenancePeriodInput!) { addMaintenancePeriod(licenseId: $l, input: $i) { ${PERIOD} } }`;

describe.each(DATABASE_KINDS)('maintenance and support periods on %s', (kind) => {
  let t: TestSubgraph;
  beforeAll(async () => { t = await startTestSubgraph('compliance', kind); });
  afterAll(async () => { await t?.stop(); });

  let first: { id: string };

  test('addMaintenancePeriod stores the seed fields, money in canonical decimal form', async () => {
    const input = {
      agreementPeriodId: '17597d2f-ae4b-4505-a85d-52a78421873c', validFrom: '2024-01-01T00:00:00Z', validTo: '2025-01-01T00:00:00Z',
      hasUpgradeRights: true, invoiceReference: 'INV12345', notes: 'Notes', maintenanceCost: '1000.50', supportCost: '250', purchaseCurrency: 'USD',
    };
    const { addMaintenancePeriod } = await t.api.ok(ADD, { l: LICENSE, i: input });
    first = addMaintenancePeriod;
    expect(addMaintenancePeriod).toEqual({
      ...input, id: expect.any(String), licenseId: LICENSE, validFrom: '2024-01-01T00:00:00.000Z', validTo: '2025-01-01T00:00:00.000Z', maintenanceCost: '1000.5',
    });
    const minimal = await t.api.ok(ADD, { l: LICENSE, i: { maintenanceCost: '0.1' } });
    expect(minimal.addMaintenancePeriod).toMatchObject({ validFrom: null, validTo: null, hasUpgradeRights: false, supportCost: null, purchaseCurrency: null });
  });

  test('reads back with the same values from the database', async () => {
    const { maintenancePeriods } = await t.api.ok(`{ maintenancePeriods { totalCount edges { node { ${PERIOD} } } } }`);
    expect(maintenancePeriods.totalCount).toBe(2);
    // nulls first: the open-ended period precedes the 2024 one on both databases
    expect(maintenancePeriods.edges.map((e: { node: { maintenanceCost: string } }) => e.node.maintenanceCost)).toEqual(['0.1', '1000.5']);
    expect(maintenancePeriods.edges[1].node).toMatchObject({ id: first.id, supportCost: '250', validTo: '2025-01-01T00:00:00.000Z' });
  });

  test('references in any letter case find their rows; a malformed one has none and spoils nothing in its batch', async () => {
    const { _entities } = await t.api.ok(`query($r: [_Any!]!) { _entities(representations: $r) {
      ... on License { maintenancePeriods { totalCount } } ... on MaintenancePeriod { id } } }`, {
      r: [
        { __typename: 'License', id: LICENSE.toUpperCase() }, { __typename: 'License', id: 'not-a-uuid' },
        { __typename: 'License', id: OTHER_LICENSE }, { __typename: 'License', id: LICENSE },
        { __typename: 'MaintenancePeriod', id: first.id.toUpperCase() }, { __typename: 'MaintenancePeriod', id: 'nope' },
      ],
    });
    expect(_entities).toEqual([
      { maintenancePeriods: { totalCount: 2 } }, { maintenancePeriods: { totalCount: 0 } },
      { maintenancePeriods: { totalCount: 0 } }, { maintenancePeriods: { totalCount: 2 } },
      { id: first.id }, null,
    ]);
  });

  test.each([
    [{ validFrom: '2025-01-01T00:00:00Z', validTo: '2024-01-01T00:00:00Z' }, ['input', 'validTo']],
    [{ validFrom: '2025-01-01T00:00:00Z', validTo: '2025-01-01T00:00:00Z' }, ['input', 'validTo']],
    [{ maintenanceCost: '-1' }, ['input', 'maintenanceCost']],
    [{ supportCost: '1.23456' }, ['input', 'supportCost']],
    [{ supportCost: '123456789012' }, ['input', 'supportCost']],
    [{ purchaseCurrency: 'usd' }, ['input', 'purchaseCurrency']],
    [{ purchaseCurrency: 'XYZ' }, ['input', 'purchaseCurrency']],
    [{ agreementPeriodId: 'agreement-1' }, ['input', 'agreementPeriodId']],
  ])('refuses %j with BAD_USER_INPUT at %j and changes nothing', async (input, path) => {
    const before = await outboxTypes(t.subgraph.orm);
    const error = await t.api.fails('BAD_USER_INPUT', ADD, { l: LICENSE, i: input });
    expect(error.extensions?.argumentPath).toEqual(path);
    expect(await outboxTypes(t.subgraph.orm)).toEqual(before);
  });

  test('refuses a license ID that is not a UUID, and a second currency for one license', async () => {
    expect((await t.api.fails('BAD_USER_INPUT', ADD, { l: 'license-1', i: {} })).extensions?.argumentPath).toEqual(['licenseId']);
    const conflict = await t.api.fails('CONFLICT', ADD, { l: LICENSE, i: { maintenanceCost: '1', purchaseCurrency: 'EUR' } });
    expect(conflict.extensions?.argumentPath).toEqual(['input', 'purchaseCurrency']);
    expect((await t.api.ok(ADD, { l: OTHER_LICENSE, i: { maintenanceCost: '1', purchaseCurrency: 'EUR' } })).addMaintenancePeriod.purchaseCurrency).toBe('EUR');
  });

  test('filters periods of all licenses and of one license', async () => {
    const rich = await t.api.ok(`{ maintenancePeriods(filter: "maintenanceCost -gt 0.5 -and validFrom -ge \\"2024-01-01\\"") { edges { node { id } } } }`);
    expect(rich.maintenancePeriods.edges).toEqual([{ node: { id: first.id } }]);
    const eur = await t.api.ok(`{ maintenancePeriods(filter: "purchaseCurrency -eq \\"EUR\\"") { edges { node { licenseId } } } }`);
    expect(eur.maintenancePeriods.edges).toEqual([{ node: { licenseId: OTHER_LICENSE } }]);
    const data = await t.api.ok(`query($r: [_Any!]!) { _entities(representations: $r) { ... on License {
      all: maintenancePeriods { totalCount } withUpgradeRights: maintenancePeriods(filter: "hasUpgradeRights -eq true") { edges { node { id license { id } } } } } } }`,
    { r: [{ __typename: 'License', id: LICENSE }, { __typename: 'License', id: OTHER_LICENSE }] });
    expect(data._entities).toEqual([
      { all: { totalCount: 2 }, withUpgradeRights: { edges: [{ node: { id: first.id, license: { id: LICENSE } } }] } },
      { all: { totalCount: 1 }, withUpgradeRights: { edges: [] } },
    ]);
    await t.api.fails('BAD_USER_INPUT', `query($r: [_Any!]!) { _entities(representations: $r) { ... on License { maintenancePeriods(filter: "cost -gt 1") { totalCount } } } }`,
      { r: [{ __typename: 'License', id: LICENSE }] });
  });

  test('replaceMaintenancePeriod replaces every field, clearing those left out', async () => {
    const { replaceMaintenancePeriod } = await t.api.ok(`mutation($id: ID!) { replaceMaintenancePeriod(id: $id, input: { supportCost: "300" }) { ${PERIOD} } }`, { id: first.id });
    expect(replaceMaintenancePeriod).toEqual({
      id: first.id, licenseId: LICENSE, agreementPeriodId: null, validFrom: null, validTo: null, hasUpgradeRights: false,
      invoiceReference: null, notes: null, maintenanceCost: null, supportCost: '300', purchaseCurrency: null,
    });
    await t.api.fails('NOT_FOUND', `mutation { replaceMaintenancePeriod(id: "${OTHER_LICENSE}", input: {}) { id } }`);
  });

  test('replaceMaintenancePeriods makes the periods exactly the given ones; refuses mixed currencies', async () => {
    const inputs = [{ maintenanceCost: '10', validFrom: '2030-01-01T00:00:00Z' }, { maintenanceCost: '20', validFrom: '2020-01-01T00:00:00Z', purchaseCurrency: 'USD' }];
    const { replaceMaintenancePeriods } = await t.api.ok(`mutation($l: ID!, $i: [MaintenancePeriodInput!]!) { replaceMaintenancePeriods(licenseId: $l, inputs: $i) { licenseId maintenanceCost } }`, { l: LICENSE, i: inputs });
    expect(replaceMaintenancePeriods).toEqual([{ licenseId: LICENSE, maintenanceCost: '10' }, { licenseId: LICENSE, maintenanceCost: '20' }]);
    const periods = await t.api.ok(`{ maintenancePeriods(filter: "licenseId -eq \\"${LICENSE}\\"") { edges { node { maintenanceCost } } } }`);
    expect(periods.maintenancePeriods.edges).toEqual([{ node: { maintenanceCost: '20' } }, { node: { maintenanceCost: '10' } }]);
    const mixed = await t.api.fails('BAD_USER_INPUT', `mutation($l: ID!, $i: [MaintenancePeriodInput!]!) { replaceMaintenancePeriods(licenseId: $l, inputs: $i) { id } }`,
      { l: LICENSE, i: [{ purchaseCurrency: 'USD' }, { purchaseCurrency: 'EUR' }] });
    expect(mixed.extensions?.argumentPath).toEqual(['inputs', 1, 'purchaseCurrency']);
  });

  test('deleteMaintenancePeriod and deleteMaintenancePeriods remove periods', async () => {
    const { maintenancePeriods } = await t.api.ok(`{ maintenancePeriods(filter: "licenseId -eq \\"${OTHER_LICENSE}\\"") { edges { node { id } } } }`);
    const id = maintenancePeriods.edges[0].node.id;
    expect((await t.api.ok(`mutation($id: ID!) { deleteMaintenancePeriod(id: $id) }`, { id })).deleteMaintenancePeriod).toBe(id);
    await t.api.fails('NOT_FOUND', `mutation($id: ID!) { deleteMaintenancePeriod(id: $id) }`, { id });
    expect((await t.api.ok(`mutation { deleteMaintenancePeriods(licenseId: "${LICENSE}") }`)).deleteMaintenancePeriods).toBe(2);
    expect((await t.api.ok(`mutation { deleteMaintenancePeriods(licenseId: "${LICENSE}") }`)).deleteMaintenancePeriods).toBe(0);
    expect((await t.api.ok(`{ maintenancePeriods { totalCount } }`)).maintenancePeriods.totalCount).toBe(0);
  });

  test('every change recorded its event in the outbox', async () => {
    expect(await outboxTypes(t.subgraph.orm)).toEqual([
      'maintenance-period.created', 'maintenance-period.created', 'maintenance-period.created', 'maintenance-period.updated',
      'maintenance-period.deleted', 'maintenance-period.deleted', 'maintenance-period.created', 'maintenance-period.created',
      'maintenance-period.deleted', 'maintenance-period.deleted', 'maintenance-period.deleted',
    ]);
  });
});
