import { DATABASE_KINDS } from '../../test/testkit/databases';
import { startTestSubgraph, type TestSubgraph } from '../../test/testkit/subgraph';
import { DEMO, DEMO_ADMIN_SUBJECT } from '../../scripts/seed/ids';
import { routerHeaders, testToken } from '../../test/testkit/auth';
import { seed } from '../../scripts/seed/entitlements';
import { Entitlement } from './entities/Entitlement';
import { EntitlementLicense } from './entities/EntitlementLicense';
import { LicensedItem } from './entities/LicensedItem';
import { LicenseModel } from './entities/LicenseModel';
import { LicenseOrder } from './entities/LicenseOrder';
import { LicenseOrderLine } from './entities/LicenseOrderLine';
import { SeatCountCredit } from './entities/SeatCountCredit';
import { UseCountCredit } from './entities/UseCountCredit';
import { UseTimeCredit } from './entities/UseTimeCredit';

describe.each(DATABASE_KINDS)('demo data (%s)', (kind) => {
  let t: TestSubgraph;
  beforeAll(async () => { t = await startTestSubgraph('entitlements', kind); });
  afterAll(async () => { await t?.stop(); });

  test('seed inserts the demo rows, and the first demo license has its seats', async () => {
    await seed(t.subgraph.orm.em.fork());
    const em = t.subgraph.orm.em.fork();
    const count = (entity: Parameters<typeof em.count>[0]) => em.count(entity, {}, { filters: false });
    expect(await count(LicensedItem)).toBe(2);
    expect(await count(LicenseModel)).toBe(2);
    expect(await count(Entitlement)).toBe(3);
    expect(await count(EntitlementLicense)).toBe(19); // 7 + 7 + 5 licenses of the three organizations
    expect(await count(LicenseOrder)).toBe(3);
    expect(await count(SeatCountCredit)).toBe(19 + 3); // one per license, and an expired one per organization
    expect(await count(UseCountCredit)).toBe(3 + 3 + 2); // every third license of each organization
    expect(await count(UseTimeCredit)).toBe(9); // the licenses of the named-user model
    expect(await count(LicenseOrderLine)).toBe(22 + 8 + 9);
    const { _entities } = await t.api.ok(`query($r: [_Any!]!) { _entities(representations: $r) { ... on License { seatsTotal entitlement { name } } } }`,
      { r: [{ __typename: 'License', id: DEMO.licenses[0] }, { __typename: 'License', id: DEMO.licenses[19] }] });
    expect(_entities).toEqual([{ seatsTotal: 5, entitlement: { name: 'Studio enterprise' } }, { seatsTotal: 0, entitlement: null }]);
  });

  test("the demo admin (the subject of `npm start`'s token) is a consumer of every organization's entitlement, nobody else", async () => {
    const { entitlementConsumingGroups } = await t.api.ok(
      'query($o: ID!) { entitlementConsumingGroups(organizationId: $o, entitlementId: "any") { name type memberUserIds } }', { o: DEMO.organizations[0] });
    expect(entitlementConsumingGroups).toEqual([{ name: 'License consumers', type: 'licenseConsumers', memberUserIds: [DEMO_ADMIN_SUBJECT] }]);
    const CONSUME = 'mutation { consumeLicense(licensedItem: "studio", version: "3.2.0", anchors: [{ type: HARDWARE, externalId: "demo-pc" }]) { session { userId } } }';
    const as = async (subject: string) => t.apiWith(await routerHeaders(await testToken({ subject, scopes: ['entitlement:consume'] })));
    expect((await (await as(DEMO_ADMIN_SUBJECT)).ok(CONSUME)).consumeLicense).toEqual({ session: { userId: DEMO_ADMIN_SUBJECT } });
    expect((await (await as('stranger')).fails('FORBIDDEN', CONSUME)).extensions?.reason).toBe('NOT_A_CONSUMER');
  });
});
