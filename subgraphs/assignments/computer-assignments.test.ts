import { DATABASE_KINDS } from '../../test/testkit/databases';
import { outboxEvents } from '../../test/testkit/outbox';
import { startTestSubgraph, type TestSubgraph } from '../../test/testkit/subgraph';
import { COMPUTER_FIELDS, readLicense, uuid } from './testing';

const ADD = `mutation($l: ID!, $i: ComputerAssignmentInput!) { addLicenseComputerAssignment(licenseId: $l, input: $i) { ${COMPUTER_FIELDS} license { id } } }`;
const REPLACE_ALL = `mutation($l: ID!, $i: [ComputerAssignmentInput!]!) { replaceLicenseComputerAssignments(licenseId: $l, inputs: $i) { computerId quantity } }`;
const REPLACE_ONE = `mutation($l: ID!, $c: ID!, $i: ComputerAssignmentInput!) { replaceLicenseComputerAssignment(licenseId: $l, computerId: $c, input: $i) { id computerId quantity virtualMachines } }`;
const DELETE_ONE = `mutation($l: ID!, $c: ID!) { deleteLicenseComputerAssignment(licenseId: $l, computerId: $c) { id computerId } }`;
const DELETE_ALL = `mutation($l: ID!) { deleteLicenseComputerAssignments(licenseId: $l) { computerId } }`;
const LIST = `computerAssignments { totalCount edges { node { computerId quantity invalidAssignmentReasons } } }`;

describe.each(DATABASE_KINDS)('computer assignments on %s', (kind) => {
  let t: TestSubgraph;
  beforeAll(async () => { t = await startTestSubgraph('assignments', kind); });
  afterAll(async () => { await t?.stop(); });

  const add = (licenseId: string, input: Record<string, unknown>) => t.api.ok(ADD, { l: licenseId, i: input });
  // the payload is a JSON column: MikroORM queries its properties, which FilterQuery does not type
  const eventsOf = (licenseId: string) => outboxEvents(t.subgraph.orm, { payload: { licenseId } } as never);

  test('adds an assignment and reads it back through its license with the license facts', async () => {
    const [license, computer, vm, app] = [uuid(), uuid(), uuid(), uuid()];
    const { addLicenseComputerAssignment: added } = await add(license, { computerId: computer, quantity: 2, virtualMachines: [vm] });
    expect(added).toEqual({
      id: expect.any(String), licenseId: license, computerId: computer, quantity: 2, virtualMachines: [vm],
      invalidAssignmentReasons: null, applicationId: null, hasVmUseRights: null, numberOfSupportedVirtualMachines: null,
      license: { id: license },
    });
    const read = await readLicense(t.api, { id: license, quantity: 5, applicationId: app, hasVmUseRights: true, numberOfSupportedVirtualMachines: 3 },
      `computerAssignments { totalCount edges { node { ${COMPUTER_FIELDS} } } } computerAssignment(computerId: "${computer}") { id }`);
    expect(read.computerAssignments.totalCount).toBe(1);
    expect(read.computerAssignments.edges[0].node).toEqual({
      ...added, license: undefined, invalidAssignmentReasons: [], applicationId: app, hasVmUseRights: true, numberOfSupportedVirtualMachines: 3,
    });
    expect(read.computerAssignment).toEqual({ id: added.id });
    expect((await eventsOf(license)).map((e) => [e.type, e.entityType, e.entityId])).toEqual([['assignment.created', 'ComputerAssignment', added.id]]);
  });

  test('keeps an assignment beyond the license quantity and flags it OVER_ASSIGNMENT', async () => {
    const [license, c1, c2, c3] = [uuid(), uuid(), uuid(), uuid()];
    await add(license, { computerId: c1, quantity: 2 });
    await add(license, { computerId: c2, quantity: 2 });
    await add(license, { computerId: c3 });
    const read = await readLicense(t.api, { id: license, quantity: 3 }, LIST);
    expect(read.computerAssignments).toEqual({
      totalCount: 3,
      edges: [
        { node: { computerId: c1, quantity: 2, invalidAssignmentReasons: [] } },
        { node: { computerId: c2, quantity: 2, invalidAssignmentReasons: ['OVER_ASSIGNMENT'] } },
        { node: { computerId: c3, quantity: 1, invalidAssignmentReasons: ['OVER_ASSIGNMENT'] } },
      ],
    });
    const unlimited = await readLicense(t.api, { id: license, quantity: null }, LIST);
    expect(unlimited.computerAssignments.edges.map((e: { node: { invalidAssignmentReasons: string[] } }) => e.node.invalidAssignmentReasons)).toEqual([[], [], []]);
  });

  test('filters and pages the list with the filter language', async () => {
    const [license, c1, c2, c3] = [uuid(), uuid(), uuid(), uuid()];
    await t.api.ok(REPLACE_ALL, { l: license, i: [{ computerId: c1, quantity: 1 }, { computerId: c2, quantity: 3 }, { computerId: c3, quantity: 4 }] });
    const filtered = await readLicense(t.api, { id: license, quantity: 5 },
      `computerAssignments(filter: "quantity -gt 2", first: 1) { totalCount pageInfo { hasNextPage } edges { node { computerId invalidAssignmentReasons } } }`);
    expect(filtered.computerAssignments).toEqual({
      totalCount: 2, pageInfo: { hasNextPage: true }, edges: [{ node: { computerId: c2, invalidAssignmentReasons: [] } }],
    });
    const second = await readLicense(t.api, { id: license, quantity: 5 }, `computerAssignments(first: 1, after: "${Buffer.from('offset:1').toString('base64url')}") { edges { node { computerId invalidAssignmentReasons } } }`);
    expect(second.computerAssignments.edges).toEqual([{ node: { computerId: c3, invalidAssignmentReasons: ['OVER_ASSIGNMENT'] } }]);
    const error = await t.api.fails('BAD_USER_INPUT', `query($r: [_Any!]!) { _entities(representations: $r) { ... on License { computerAssignments(filter: "status -eq \\"active\\"") { totalCount } } } }`,
      { r: [{ __typename: 'License', id: license, quantity: 5 }] });
    expect(error.extensions?.argumentPath).toEqual(['filter']);
  });

  test('rejects a second assignment of the same computer, bad IDs and quantities', async () => {
    const [license, computer] = [uuid(), uuid()];
    await add(license, { computerId: computer });
    const conflict = await t.api.fails('CONFLICT', ADD, { l: license, i: { computerId: computer.toUpperCase() } });
    expect(conflict.extensions?.argumentPath).toEqual(['input', 'computerId']);
    expect((await t.api.fails('BAD_USER_INPUT', ADD, { l: 'license-1', i: { computerId: computer } })).extensions?.argumentPath).toEqual(['licenseId']);
    expect((await t.api.fails('BAD_USER_INPUT', ADD, { l: license, i: { computerId: 'pc-1' } })).extensions?.argumentPath).toEqual(['input', 'computerId']);
    expect((await t.api.fails('BAD_USER_INPUT', ADD, { l: license, i: { computerId: uuid(), quantity: 0 } })).extensions?.argumentPath).toEqual(['input', 'quantity']);
    expect((await readLicense(t.api, { id: license, quantity: 1 }, 'computerAssignments { totalCount }')).computerAssignments.totalCount).toBe(1);
  });

  test('replaces all assignments in input order, and a failed replace changes nothing', async () => {
    const [license, c1, c2, c3] = [uuid(), uuid(), uuid(), uuid()];
    await add(license, { computerId: c1 });
    const duplicate = await t.api.fails('CONFLICT', REPLACE_ALL, { l: license, i: [{ computerId: c2 }, { computerId: c2 }] });
    expect(duplicate.extensions?.argumentPath).toEqual(['inputs', 1, 'computerId']);
    const { replaceLicenseComputerAssignments: replaced } = await t.api.ok(REPLACE_ALL, { l: license, i: [{ computerId: c3, quantity: 2 }, { computerId: c1 }] });
    expect(replaced).toEqual([{ computerId: c3, quantity: 2 }, { computerId: c1, quantity: 1 }]);
    const read = await readLicense(t.api, { id: license, quantity: 2 }, LIST);
    expect(read.computerAssignments.edges).toEqual([
      { node: { computerId: c3, quantity: 2, invalidAssignmentReasons: [] } },
      { node: { computerId: c1, quantity: 1, invalidAssignmentReasons: ['OVER_ASSIGNMENT'] } },
    ]);
    expect((await eventsOf(license)).map((e) => e.type)).toEqual(['assignment.created', 'assignment.deleted', 'assignment.created', 'assignment.created']);
  });

  test('replaces one assignment: defaults for what the input leaves out, CONFLICT on a taken computer, NOT_FOUND when missing', async () => {
    const [license, c1, c2, c3, vm] = [uuid(), uuid(), uuid(), uuid(), uuid()];
    const { addLicenseComputerAssignment: first } = await add(license, { computerId: c1, quantity: 4, virtualMachines: [vm] });
    await add(license, { computerId: c2 });
    const { replaceLicenseComputerAssignment: replaced } = await t.api.ok(REPLACE_ONE, { l: license, c: c1, i: { computerId: c3 } });
    expect(replaced).toEqual({ id: first.id, computerId: c3, quantity: 1, virtualMachines: [] });
    expect((await t.api.fails('CONFLICT', REPLACE_ONE, { l: license, c: c3, i: { computerId: c2 } })).extensions?.argumentPath).toEqual(['input', 'computerId']);
    await t.api.fails('NOT_FOUND', REPLACE_ONE, { l: license, c: c1, i: { computerId: c1 } });
    expect((await eventsOf(license)).map((e) => e.type)).toEqual(['assignment.created', 'assignment.created', 'assignment.updated']);
  });

  test('deletes one assignment and then all, returning what was deleted', async () => {
    const [license, c1, c2, c3] = [uuid(), uuid(), uuid(), uuid()];
    await t.api.ok(REPLACE_ALL, { l: license, i: [{ computerId: c1 }, { computerId: c2 }, { computerId: c3 }] });
    const { deleteLicenseComputerAssignment: deleted } = await t.api.ok(DELETE_ONE, { l: license, c: c2 });
    expect(deleted).toEqual({ id: expect.any(String), computerId: c2 });
    await t.api.fails('NOT_FOUND', DELETE_ONE, { l: license, c: c2 });
    expect(await t.api.ok(DELETE_ALL, { l: license })).toEqual({ deleteLicenseComputerAssignments: [{ computerId: c1 }, { computerId: c3 }] });
    expect(await t.api.ok(DELETE_ALL, { l: license })).toEqual({ deleteLicenseComputerAssignments: [] });
    expect((await readLicense(t.api, { id: license, quantity: 1 }, 'computerAssignments { totalCount }')).computerAssignments.totalCount).toBe(0);
    expect((await eventsOf(license)).filter((e) => e.type === 'assignment.deleted')).toHaveLength(3);
  });
});
