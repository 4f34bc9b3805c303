import { randomUUID } from 'node:crypto';
import { DATABASE_KINDS } from '../../test/testkit/databases';
import { startTestSubgraph, type TestSubgraph } from '../../test/testkit/subgraph';
import { createItem, createModel } from './testing';

const MODEL_FIELDS = `id name description
  assignedLicenseConstraint { requireReservation allowReassign }
  concurrentSessions { maxCache maxCheckOut maxTotal leaseTrackingMode sessionAnchors additionalAnchors }
  leaseTimeBehavior { leaseTimeCache leaseTimeCheckOut refreshTimeCache refreshTimeCheckOut cooldownTime incrementModel allowLeaseExtension allowLeaseRelease }
  licenseLockingBehavior { lockMode } licensePoolBehavior { behavior }
  scopedLicenseConstraint { scopeType allowLateBinding scopedCreditType }
  seatCountConstraint { overuseExpr } useCountConstraint { overuseExpr trackingMode } useTimeConstraint { overuseExpr }
  versionConstraint { matcher }`;

const CREATE_MODEL = `mutation($i: LicenseModelInput!) { createLicenseModel(input: $i) { ${MODEL_FIELDS} } }`;
const UPDATE_MODEL = `mutation($id: ID!, $i: LicenseModelInput!) { updateLicenseModel(id: $id, input: $i) { ${MODEL_FIELDS} } }`;

describe.each(DATABASE_KINDS)('licensed items and license models (%s)', (kind) => {
  let t: TestSubgraph;
  beforeAll(async () => { t = await startTestSubgraph('entitlements', kind); });
  afterAll(async () => { await t?.stop(); });

  test('createLicensedItem stores the item and its aggregated items', async () => {
    const part = await createItem(t.api, 'render-engine');
    const { createLicensedItem } = await t.api.ok(`mutation($p: ID!) {
      createLicensedItem(input: { name: "studio", displayName: "Studio", description: "The suite", type: "bundle", version: "2.1", aggregatedItemIds: [$p] }) {
        name displayName description type version aggregatedItems { id name }
      }
    }`, { p: part });
    expect(createLicensedItem).toEqual({
      name: 'studio', displayName: 'Studio', description: 'The suite', type: 'bundle', version: '2.1',
      aggregatedItems: [{ id: part, name: 'render-engine' }],
    });
    const { licensedItems } = await t.api.ok(`{ licensedItems(first: 10) { totalCount edges { node { name } } } }`);
    expect(licensedItems.totalCount).toBe(2);
    expect(licensedItems.edges.map((e: { node: { name: string } }) => e.node.name)).toEqual(['render-engine', 'studio']);
  });

  test('licensed item names are unique; unknown aggregated items and blank names are bad input', async () => {
    await t.api.fails('CONFLICT', `mutation { createLicensedItem(input: { name: "studio" }) { id } }`);
    const bad = await t.api.fails('BAD_USER_INPUT', `mutation($p: ID!) { createLicensedItem(input: { name: "x", aggregatedItemIds: [$p] }) { id } }`, { p: randomUUID() });
    expect(bad.extensions?.argumentPath).toEqual(['input', 'aggregatedItemIds', 0]);
    const blank = await t.api.fails('BAD_USER_INPUT', `mutation { createLicensedItem(input: { name: "  " }) { id } }`);
    expect(blank.extensions?.argumentPath).toEqual(['input', 'name']);
  });

  test('createLicenseModel fills in the seed defaults of each given constraint and leaves the others null', async () => {
    const { createLicenseModel } = await t.api.ok(CREATE_MODEL, { i: {
      name: 'Floating 10', description: 'Ten floating seats',
      assignedLicenseConstraint: {},
      concurrentSessions: { maxCache: 2, maxCheckOut: 1, maxTotal: 3, leaseTrackingMode: 'REQUIRE_LEASE_ID', sessionAnchors: ['HARDWARE'] },
      leaseTimeBehavior: { leaseTimeCache: 3_600_000, refreshTimeCache: 600_000, leaseTimeCheckOut: 30 * 86_400_000, cooldownTime: 60_000 },
      scopedLicenseConstraint: { scopeType: 'PROJECT' },
      seatCountConstraint: { overuseExpr: ' ceil(n / 10) ' },
      useCountConstraint: { trackingMode: 'USER_UNIQUE_RESOURCES' },
      versionConstraint: {},
    } });
    expect(createLicenseModel).toEqual({
      id: expect.any(String), name: 'Floating 10', description: 'Ten floating seats',
      assignedLicenseConstraint: { requireReservation: false, allowReassign: true },
      concurrentSessions: { maxCache: 2, maxCheckOut: 1, maxTotal: 3, leaseTrackingMode: 'REQUIRE_LEASE_ID', sessionAnchors: ['HARDWARE'], additionalAnchors: [] },
      leaseTimeBehavior: {
        leaseTimeCache: 3_600_000, leaseTimeCheckOut: 2_592_000_000, refreshTimeCache: 600_000, refreshTimeCheckOut: null, cooldownTime: 60_000,
        incrementModel: 'RELATIVE', allowLeaseExtension: true, allowLeaseRelease: true,
      },
      licenseLockingBehavior: null, licensePoolBehavior: null,
      scopedLicenseConstraint: { scopeType: 'PROJECT', allowLateBinding: false, scopedCreditType: null },
      seatCountConstraint: { overuseExpr: 'ceil(n / 10)' },
      useCountConstraint: { overuseExpr: null, trackingMode: 'USER_UNIQUE_RESOURCES' },
      useTimeConstraint: null,
      versionConstraint: { matcher: 'EXACT' },
    });
    const { licenseModel } = await t.api.ok(`query($id: ID!) { licenseModel(id: $id) { ${MODEL_FIELDS} } }`, { id: createLicenseModel.id });
    expect(licenseModel).toEqual(createLicenseModel);
  });

  test('updateLicenseModel keeps absent fields, replaces given constraints and removes null ones', async () => {
    const id = await createModel(t.api, 'Named seats');
    const { updateLicenseModel } = await t.api.ok(UPDATE_MODEL, { id, i: {
      description: 'Reserved seats only', seatCountConstraint: null,
      assignedLicenseConstraint: { requireReservation: true, allowReassign: false }, licenseLockingBehavior: {},
    } });
    expect(updateLicenseModel).toMatchObject({
      id, name: 'Named seats', description: 'Reserved seats only', seatCountConstraint: null,
      assignedLicenseConstraint: { requireReservation: true, allowReassign: false }, licenseLockingBehavior: { lockMode: 'NO_LOCKING' },
    });
    const renamed = await t.api.ok(UPDATE_MODEL, { id, i: { name: 'Named seats v2' } });
    expect(renamed.updateLicenseModel).toMatchObject({ name: 'Named seats v2', description: 'Reserved seats only', licenseLockingBehavior: { lockMode: 'NO_LOCKING' } });
    const { licenseModels } = await t.api.ok(`{ licenseModels { totalCount edges { node { name } } } }`);
    expect(licenseModels.edges.map((e: { node: { name: string } }) => e.node.name)).toEqual(['Floating 10', 'Named seats v2']);
  });

  test.each([
    [{ name: 'a', seatCountConstraint: { overuseExpr: 'ceil(x)' } }, ['input', 'seatCountConstraint', 'overuseExpr']],
    [{ name: 'b', useTimeConstraint: { overuseExpr: 'n +' } }, ['input', 'useTimeConstraint', 'overuseExpr']],
    [{ name: 'c', concurrentSessions: { maxTotal: -1 } }, ['input', 'concurrentSessions', 'maxTotal']],
    [{ name: 'd', leaseTimeBehavior: { leaseTimeCache: 1000, refreshTimeCache: 2000 } }, ['input', 'leaseTimeBehavior', 'refreshTimeCache']],
    [{ name: 'e', leaseTimeBehavior: { cooldownTime: 1.5 } }, ['input', 'leaseTimeBehavior', 'cooldownTime']],
    [{ description: 'no name' }, ['input', 'name']],
  ])('createLicenseModel rejects %j at its path', async (input, path) => {
    const error = await t.api.fails('BAD_USER_INPUT', CREATE_MODEL, { i: input });
    expect(error.extensions?.argumentPath).toEqual(path);
  });

  test('license model names are unique; updating a missing model is NOT_FOUND', async () => {
    await t.api.fails('CONFLICT', CREATE_MODEL, { i: { name: 'Floating 10' } });
    const other = await createModel(t.api);
    await t.api.fails('CONFLICT', UPDATE_MODEL, { id: other, i: { name: 'Floating 10' } });
    await t.api.fails('NOT_FOUND', UPDATE_MODEL, { id: randomUUID(), i: { description: 'x' } });
  });
});
