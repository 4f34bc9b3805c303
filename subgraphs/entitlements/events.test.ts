import { DATABASE_KINDS } from '../../test/testkit/databases';
import { outboxEvents } from '../../test/testkit/outbox';
import { startTestSubgraph, type TestSubgraph } from '../../test/testkit/subgraph';
import { bindLicense, PLACE_ORDER, seatLine } from './testing';

describe.each(DATABASE_KINDS)('outbox events (%s)', (kind) => {
  let t: TestSubgraph;
  beforeAll(async () => { t = await startTestSubgraph('entitlements', kind); });
  afterAll(async () => { await t?.stop(); });

  const events = async () => (await outboxEvents(t.subgraph.orm)).map((e) => [e.type, e.entityType, e.entityId]);

  test('every mutation records its event in the same transaction; a failed one records nothing', async () => {
    const b = await bindLicense(t.api);
    const order = (await t.api.ok(PLACE_ORDER, { i: { organizationId: b.organizationId, lines: [seatLine(b, 1)] } })).placeLicenseOrder;
    await t.api.ok(`mutation($id: ID!) { updateLicenseModel(id: $id, input: { description: "d" }) { id } }`, { id: b.licenseModelId });
    await t.api.ok(`mutation($id: ID!) { cancelLicenseOrder(id: $id) { id } }`, { id: order.id });
    await t.api.fails('BAD_USER_INPUT', PLACE_ORDER, { i: { organizationId: b.organizationId, lines: [seatLine(b, -1)] } });
    const recorded = await events();
    expect(recorded.map(([type, entityType]) => `${type} ${entityType}`)).toEqual([
      'entitlement.created Entitlement', 'licensed-item.created LicensedItem', 'license-model.created LicenseModel',
      'entitlement.license.added EntitlementLicense', 'license-order.placed LicenseOrder', 'license-model.updated LicenseModel',
      'license-order.canceled LicenseOrder',
    ]);
    expect(recorded[4][2]).toBe(order.id);
    expect(recorded[6][2]).toBe(order.id);
  });
});
