import { createContext } from '../../lib/context';
import { DEV_ACCOUNT_ID } from '../../lib/auth';
import { DATABASE_KINDS } from '../../test/testkit/databases';
import { outboxTypes } from '../../test/testkit/outbox';
import { startTestSubgraph, type TestSubgraph } from '../../test/testkit/subgraph';
import { createLoaders } from './loaders';

const LICENSE = '0b000000-0000-4000-8000-000000000001';
const UPGRADED = '0b000000-0000-4000-8000-000000000002';
const BARE = '0b000000-0000-4000-8000-000000000003';
const ORG = '0c000000-0000-4000-8000-000000000001';
const license = { __typename: 'License', id: LICENSE, quantity: 3, purchaseValue: '2000.10', purchaseCurrency: 'USD', organizationId: ORG };
const ENTITIES = (selection: string) => `query($r: [_Any!]!) { _entities(representations: $r) { ... on License { ${selection} } } }`;
const SUMMARY = `licenseId quantity purchaseCost currentMaintenanceCost accumulatedMaintenanceCost currentSupportCost accumulatedSupportCost totalCost averageCostPerLicensePurchase currency`;
const COST = `licenseId organizationId organization { id } licenseQuantity licensePurchaseCost currentMaintenanceCost accumulatedMaintenanceCost currentSupportCost accumulatedSupportCost totalCost currency`;

describe.each(DATABASE_KINDS)('license costs and upgrades on %s', (kind) => {
  let t: TestSubgraph;
  beforeAll(async () => {
    t = await startTestSubgraph('compliance', kind);
    // a past, a current and a future period (current: its validity contains now)
    await t.api.ok(`mutation($l: ID!) { replaceMaintenancePeriods(licenseId: $l, inputs: [
      { validFrom: "2000-01-01T00:00:00Z", validTo: "2001-01-01T00:00:00Z", maintenanceCost: "100.10", supportCost: "50.05" },
      { validFrom: "2020-01-01T00:00:00Z", validTo: "2100-01-01T00:00:00Z", maintenanceCost: "200.20" },
      { validFrom: "2100-01-01T00:00:00Z", validTo: "2101-01-01T00:00:00Z", maintenanceCost: "300.30", supportCost: "75", purchaseCurrency: "USD" }
    ]) { id } }`, { l: LICENSE });
  });
  afterAll(async () => { await t?.stop(); });

  test('costsSummary: current periods contain now, accumulated are all, totalCost adds the purchase exactly', async () => {
    const data = await t.api.ok(ENTITIES(`costsSummary { ${SUMMARY} }`), { r: [license, { __typename: 'License', id: BARE }] });
    expect(data._entities).toEqual([
      { costsSummary: {
        licenseId: LICENSE, quantity: 3, purchaseCost: '2000.1', currentMaintenanceCost: '200.2', accumulatedMaintenanceCost: '600.6',
        currentSupportCost: '0', accumulatedSupportCost: '125.05', totalCost: '2725.75', averageCostPerLicensePurchase: '666.7', currency: 'USD',
      } },
      { costsSummary: {
        licenseId: BARE, quantity: null, purchaseCost: '0', currentMaintenanceCost: '0', accumulatedMaintenanceCost: '0', currentSupportCost: '0',
        accumulatedSupportCost: '0', totalCost: '0', averageCostPerLicensePurchase: null, currency: null,
      } },
    ]);
  });

  test('costsSummary is a CONFLICT when the periods are in another currency than the purchase', async () => {
    const response = await t.api.raw(ENTITIES(`costsSummary { totalCost }`), { r: [{ ...license, purchaseCurrency: 'EUR' }] });
    expect(response.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(response.data).toEqual({ _entities: [{ costsSummary: null }] });
  });

  test('costs: one row for the owning organization, filterable; costsForOrganization finds it', async () => {
    const row = {
      licenseId: LICENSE, organizationId: ORG, organization: { id: ORG }, licenseQuantity: 3, licensePurchaseCost: '2000.1', currentMaintenanceCost: '200.2',
      accumulatedMaintenanceCost: '600.6', currentSupportCost: '0', accumulatedSupportCost: '125.05', totalCost: '2725.75', currency: 'USD',
    };
    const data = await t.api.ok(ENTITIES(`costs { totalCount edges { node { ${COST} } } }
      cheap: costs(filter: "totalCost -lt 2725.75") { totalCount } exact: costs(filter: "totalCost -eq 2725.75 -and currency -eq \\"USD\\"") { totalCount }
      mine: costsForOrganization(organizationId: "${ORG.toUpperCase()}") { totalCost } other: costsForOrganization(organizationId: "${BARE}") { totalCost }`), { r: [license] });
    expect(data._entities).toEqual([{
      costs: { totalCount: 1, edges: [{ node: row }] }, cheap: { totalCount: 0 }, exact: { totalCount: 1 }, mine: { totalCost: '2725.75' }, other: null,
    }]);
    const bad = await t.api.fails('BAD_USER_INPUT', ENTITIES(`costs(filter: "price -gt 1") { totalCount }`), { r: [license] });
    expect(bad.extensions?.argumentPath).toEqual(['filter']);
  });

  test('one query answers the periods of many licenses', async () => {
    const ctx = createContext(t.subgraph.orm.em, { kind: 'token' as const, accountId: DEV_ACCOUNT_ID, subject: 'test', scopes: new Set() }, createLoaders);
    const find = jest.spyOn(ctx.em, 'find');
    const loader = ctx.loaders.periodsByLicense(null);
    const [a, b, c] = await Promise.all([LICENSE, UPGRADED, BARE].map((id) => loader.load(id)));
    expect([a.length, b.length, c.length]).toEqual([3, 0, 0]);
    expect(find).toHaveBeenCalledTimes(1);
  });

  test('addLicenseUpgrade records an upgrade; License.upgrades and License.upgrade read it', async () => {
    const { addLicenseUpgrade } = await t.api.ok(`mutation { addLicenseUpgrade(licenseId: "${LICENSE}", input: { upgradedLicenseId: "${UPGRADED}", quantity: 2, upgradedQuantity: 4 }) {
      id licenseId quantity upgradedLicenseId upgradedQuantity license { id } upgradedLicense { id } } }`);
    expect(addLicenseUpgrade).toEqual({ id: expect.any(String), licenseId: LICENSE, quantity: 2, upgradedLicenseId: UPGRADED, upgradedQuantity: 4, license: { id: LICENSE }, upgradedLicense: { id: UPGRADED } });
    const data = await t.api.ok(ENTITIES(`upgrades { totalCount edges { node { id quantity upgradedQuantity } } } big: upgrades(filter: "upgradedQuantity -gt 4") { totalCount }
      upgrade(upgradedLicenseId: "${UPGRADED}") { upgradedLicenseId } none: upgrade(upgradedLicenseId: "${BARE}") { id }`), { r: [{ __typename: 'License', id: LICENSE }] });
    expect(data._entities).toEqual([{
      upgrades: { totalCount: 1, edges: [{ node: { id: addLicenseUpgrade.id, quantity: 2, upgradedQuantity: 4 } }] },
      big: { totalCount: 0 }, upgrade: { upgradedLicenseId: UPGRADED }, none: null,
    }]);
    const entity = await t.api.ok(`query($r: [_Any!]!) { _entities(representations: $r) { ... on LicenseUpgrade { quantity } ... on MaintenancePeriod { maintenanceCost } } }`,
      { r: [{ __typename: 'LicenseUpgrade', id: addLicenseUpgrade.id }, { __typename: 'MaintenancePeriod', id: LICENSE }] });
    expect(entity._entities).toEqual([{ quantity: 2 }, null]);
  });

  test('addLicenseUpgrade refuses duplicates, self-upgrades and counts below 1', async () => {
    const add = (licenseId: string, input: string) => `mutation { addLicenseUpgrade(licenseId: "${licenseId}", input: { ${input} }) { id } }`;
    await t.api.fails('CONFLICT', add(LICENSE, `upgradedLicenseId: "${UPGRADED}", quantity: 1, upgradedQuantity: 1`));
    const cases: Array<[string, string, Array<string>]> = [
      [LICENSE, `upgradedLicenseId: "${LICENSE}", quantity: 1, upgradedQuantity: 1`, ['input', 'upgradedLicenseId']],
      [LICENSE, `upgradedLicenseId: "${BARE}", quantity: 0, upgradedQuantity: 1`, ['input', 'quantity']],
      [LICENSE, `upgradedLicenseId: "${BARE}", quantity: 1, upgradedQuantity: -2`, ['input', 'upgradedQuantity']],
      ['L-1', `upgradedLicenseId: "${BARE}", quantity: 1, upgradedQuantity: 1`, ['licenseId']],
    ];
    for (const [licenseId, input, path] of cases) {
      expect((await t.api.fails('BAD_USER_INPUT', add(licenseId, input))).extensions?.argumentPath).toEqual(path);
    }
    expect((await outboxTypes(t.subgraph.orm)).filter((type) => type === 'license-upgrade.created')).toHaveLength(1);
  });
});
