import { randomUUID } from 'node:crypto';
import { DATABASE_KINDS } from '../../test/testkit/databases';
import { startTestSubgraph, type TestSubgraph } from '../../test/testkit/subgraph';
import { bindLicense, createEntitlement, createItem, FAR_FUTURE, PAST, PLACE_ORDER, seatLine } from './testing';

const SEATS = `query($r: [_Any!]!) { _entities(representations: $r) { ... on License { id seatsTotal seatsTaken seatsReserved } } }`;
const CREDITS = `query($r: [_Any!]!) { _entities(representations: $r) { ... on License {
  seatCountCredits { seatCount seatsConsumed valid licenseOrderLineId license { id } }
  useCountCredits { useCount countUsed validFrom validUntil valid }
  useTimeCredits { useTime timeUsed valid allowedVersions }
} } }`;
const CANCEL = `mutation($id: ID!) { cancelLicenseOrder(id: $id) { id canceled } }`;
const ref = (id: string) => ({ r: [{ __typename: 'License', id }] });

describe.each(DATABASE_KINDS)('license orders and credits (%s)', (kind) => {
  let t: TestSubgraph;
  beforeAll(async () => { t = await startTestSubgraph('entitlements', kind); });
  afterAll(async () => { await t?.stop(); });

  test('placeLicenseOrder grants each line as a credit; seatsTotal adds the seat credits valid now', async () => {
    const b = await bindLicense(t.api);
    const { placeLicenseOrder } = await t.api.ok(PLACE_ORDER, { i: {
      organizationId: b.organizationId, orderNumber: 'PO-1', orderDate: PAST, metadata: 'crm:42',
      lines: [
        seatLine(b, 10), seatLine(b, 5, PAST, '2021-01-01T00:00:00.000Z'), seatLine(b, 7, '2099-01-01T00:00:00.000Z'), seatLine(b, 100, null),
        { ...seatLine(b, 3), creditType: 'USE_COUNT', entitlementId: b.entitlementId },
        { ...seatLine(b, 2 ** 40, PAST, null), creditType: 'USE_TIME', allowedVersions: '^2' },
      ],
    } });
    expect(placeLicenseOrder.canceled).toBe(false);
    expect(placeLicenseOrder.orderLines.map((l: { creditType: string; quantity: number }) => [l.creditType, l.quantity])).toEqual([
      ['SEAT_COUNT', 10], ['SEAT_COUNT', 5], ['SEAT_COUNT', 7], ['SEAT_COUNT', 100], ['USE_COUNT', 3], ['USE_TIME', 2 ** 40],
    ]);
    expect((await t.api.ok(SEATS, ref(b.licenseId)))._entities).toEqual([{ id: b.licenseId, seatsTotal: 10, seatsTaken: 0, seatsReserved: 0 }]);
    const [credits] = (await t.api.ok(CREDITS, ref(b.licenseId)))._entities;
    expect(credits.seatCountCredits).toHaveLength(4);
    expect(credits.seatCountCredits.filter((c: { valid: boolean }) => c.valid)).toEqual([
      { seatCount: 10, seatsConsumed: 0, valid: true, licenseOrderLineId: placeLicenseOrder.orderLines[0].id, license: { id: b.licenseId } },
    ]);
    expect(credits.useCountCredits).toEqual([{ useCount: 3, countUsed: 0, validFrom: PAST, validUntil: FAR_FUTURE, valid: true }]);
    expect(credits.useTimeCredits).toEqual([{ useTime: 2 ** 40, timeUsed: 0, valid: true, allowedVersions: '^2' }]);
  });

  test('a license with credits but no entitlement still has its seats; one without credits has none', async () => {
    const licenseId = randomUUID();
    const licensedItemId = await createItem(t.api);
    await t.api.ok(PLACE_ORDER, { i: { organizationId: randomUUID(), lines: [{ licenseId, licensedItemId, creditType: 'SEAT_COUNT', quantity: 4, orderValidFrom: PAST }] } });
    const { _entities } = await t.api.ok(SEATS, { r: [{ __typename: 'License', id: licenseId }, { __typename: 'License', id: randomUUID() }] });
    expect(_entities.map((l: { seatsTotal: number }) => l.seatsTotal)).toEqual([4, 0]);
  });

  test('cancelLicenseOrder removes the credits the order granted, once', async () => {
    const b = await bindLicense(t.api);
    const kept = (await t.api.ok(PLACE_ORDER, { i: { organizationId: b.organizationId, lines: [seatLine(b, 2)] } })).placeLicenseOrder;
    const canceled = (await t.api.ok(PLACE_ORDER, { i: { organizationId: b.organizationId, lines: [seatLine(b, 8), { ...seatLine(b, 1), creditType: 'USE_COUNT' }] } })).placeLicenseOrder;
    expect((await t.api.ok(SEATS, ref(b.licenseId)))._entities[0].seatsTotal).toBe(10);
    expect((await t.api.ok(CANCEL, { id: canceled.id })).cancelLicenseOrder).toEqual({ id: canceled.id, canceled: true });
    expect((await t.api.ok(SEATS, ref(b.licenseId)))._entities[0].seatsTotal).toBe(2);
    expect((await t.api.ok(CREDITS, ref(b.licenseId)))._entities[0].useCountCredits).toEqual([]);
    await t.api.fails('CONFLICT', CANCEL, { id: canceled.id });
    await t.api.fails('NOT_FOUND', CANCEL, { id: randomUUID() });
    const { licenseOrders } = await t.api.ok(`query($o: ID!) { licenseOrders(organizationId: $o) { totalCount edges { node { id canceled } } } }`, { o: b.organizationId });
    expect(licenseOrders.totalCount).toBe(2);
    expect(licenseOrders.edges.map((e: { node: { id: string; canceled: boolean } }) => e.node)).toEqual(
      expect.arrayContaining([{ id: kept.id, canceled: false }, { id: canceled.id, canceled: true }]));
  });

  test('licenseOrder(id) reads the order with its lines in order', async () => {
    const b = await bindLicense(t.api);
    const placed = (await t.api.ok(PLACE_ORDER, { i: { organizationId: b.organizationId, orderNumber: 'PO-9', lines: [
      { ...seatLine(b, 1), lineNumber: '10', productCode: 'SKU-1' }, { ...seatLine(b, 2), lineNumber: '20' },
    ] } })).placeLicenseOrder;
    const { licenseOrder } = await t.api.ok(`query($id: ID!) { licenseOrder(id: $id) { orderNumber organizationId orderLines { lineNumber productCode quantity licensedItem { id } license { id } } } }`, { id: placed.id });
    expect(licenseOrder).toEqual({ orderNumber: 'PO-9', organizationId: b.organizationId, orderLines: [
      { lineNumber: '10', productCode: 'SKU-1', quantity: 1, licensedItem: { id: b.licensedItemId }, license: { id: b.licenseId } },
      { lineNumber: '20', productCode: null, quantity: 2, licensedItem: { id: b.licensedItemId }, license: { id: b.licenseId } },
    ] });
  });

  test.each([
    ['no lines', () => [], ['input', 'lines']],
    ['a zero quantity', (b: Bound) => [seatLine(b, 1), seatLine(b, 0)], ['input', 'lines', 1, 'quantity']],
    ['a validity ending before it starts', (b: Bound) => [seatLine(b, 1, FAR_FUTURE, PAST)], ['input', 'lines', 0, 'orderValidUntil']],
    ['an unknown licensed item', (b: Bound) => [{ ...seatLine(b, 1), licensedItemId: randomUUID() }], ['input', 'lines', 0, 'licensedItemId']],
    ['another item than the license grants', (b: Bound) => [{ ...seatLine(b, 1), licensedItemId: b.otherItemId }], ['input', 'lines', 0, 'licensedItemId']],
    ['an unknown entitlement', (b: Bound) => [{ ...seatLine(b, 1), entitlementId: randomUUID() }], ['input', 'lines', 0, 'entitlementId']],
    ['an entitlement of another organization', (b: Bound) => [{ ...seatLine(b, 1), entitlementId: b.foreignEntitlementId }], ['input', 'lines', 0, 'entitlementId']],
    ['an entitlement the license is not in', (b: Bound) => [{ ...seatLine(b, 1), entitlementId: b.sameOrgEntitlementId }], ['input', 'lines', 0, 'entitlementId']],
  ])('placeLicenseOrder with %s is bad input at its path and grants nothing', async (_, lines, path) => {
    const b = await bound();
    const error = await t.api.fails('BAD_USER_INPUT', PLACE_ORDER, { i: { organizationId: b.organizationId, lines: lines(b) } });
    expect(error.extensions?.argumentPath).toEqual(path);
    expect((await t.api.ok(SEATS, ref(b.licenseId)))._entities[0].seatsTotal).toBe(0);
    const { licenseOrders } = await t.api.ok(`query($o: ID!) { licenseOrders(organizationId: $o) { totalCount } }`, { o: b.organizationId });
    expect(licenseOrders.totalCount).toBe(0);
  });

  type Bound = Awaited<ReturnType<typeof bound>>;
  async function bound() {
    const b = await bindLicense(t.api);
    return {
      ...b, otherItemId: await createItem(t.api),
      foreignEntitlementId: await createEntitlement(t.api, randomUUID()),
      sameOrgEntitlementId: await createEntitlement(t.api, b.organizationId, 'Second'),
    };
  }
});
