import { seed, ASSIGNMENT_TYPE_IDS } from '../../scripts/seed/assignments';
import { DEMO } from '../../scripts/seed/ids';
import { DATABASE_KINDS } from '../../test/testkit/databases';
import { startTestSubgraph, type TestSubgraph } from '../../test/testkit/subgraph';
import { AssignmentType } from './entities/AssignmentType';
import { ComputerAssignment } from './entities/ComputerAssignment';
import { DatacenterAssignment } from './entities/DatacenterAssignment';
import { OrganizationAssignment } from './entities/OrganizationAssignment';
import { SiteAssignment } from './entities/SiteAssignment';
import { UserAssignment } from './entities/UserAssignment';
import { readEntity, readLicense, uuid } from './testing';

const SUMMARY = 'assignmentSummary { licenseId hasOrganizationAssignment hasComputerAssignment hasUserAssignment hasSiteAssignment hasDatacenterAssignment assignedQuantity unassignedQuantity invalidAssignments }';

describe.each(DATABASE_KINDS)('summary, assignment types, references and demo data on %s', (kind) => {
  let t: TestSubgraph;
  beforeAll(async () => {
    // no relay or workers: the statement count below is of the request alone
    t = await startTestSubgraph('assignments', kind, { background: false });
    await seed(t.subgraph.orm.em.fork());
  });
  afterAll(async () => { await t?.stop(); });

  const count = (entity: new () => object) => t.subgraph.orm.em.fork().count(entity, {}, { filters: false });

  test('the demo seed inserts its rows for the demo account', async () => {
    expect(await count(AssignmentType)).toBe(5);
    expect(await count(ComputerAssignment)).toBe(6);
    expect(await count(DatacenterAssignment)).toBe(1);
    expect(await count(OrganizationAssignment)).toBe(3);
    expect(await count(SiteAssignment)).toBe(1);
    expect(await count(UserAssignment)).toBe(6);
    expect(await readEntity(t.api, 'User', DEMO.users[0][2], 'userAssignments { totalCount }')).toEqual({ userAssignments: { totalCount: 1 } });
  });

  test('assignmentTypes lists the types in code order, with the filter language', async () => {
    const all = await t.api.ok('{ assignmentTypes { totalCount edges { node { assignmentType name } } } }');
    expect(all.assignmentTypes.totalCount).toBe(5);
    expect(all.assignmentTypes.edges.map((e: { node: { name: string } }) => e.node.name)).toEqual(['Organization', 'Computer', 'User', 'Site', 'Datacenter']);
    const filtered = await t.api.ok('{ assignmentTypes(filter: "name -eq \\"Organization\\" -or assignmentType -gt 3") { edges { node { id assignmentType name description } } } }');
    expect(filtered.assignmentTypes.edges).toEqual([
      { node: { id: ASSIGNMENT_TYPE_IDS[0], assignmentType: 0, name: 'Organization', description: 'Licenses are assigned to organizations, each with a quantity.' } },
      { node: { id: ASSIGNMENT_TYPE_IDS[4], assignmentType: 4, name: 'Datacenter', description: 'Licenses are assigned to datacenters, with their virtual machines.' } },
    ]);
    expect(await t.api.ok(`{ assignmentType(id: "${ASSIGNMENT_TYPE_IDS[1]}") { name } }`)).toEqual({ assignmentType: { name: 'Computer' } });
    await t.api.fails('BAD_USER_INPUT', '{ assignmentType(id: "computer") { name } }');
    await t.api.fails('BAD_USER_INPUT', '{ assignmentTypes(filter: "name -like 1") { totalCount } }');
  });

  test('the summary of a license counts what its quantity allows', async () => {
    const license = uuid();
    await t.api.ok(`mutation($l: ID!) {
      a: addLicenseComputerAssignment(licenseId: $l, input: { computerId: "${uuid()}", quantity: 2 }) { id }
      b: addLicenseDatacenterAssignment(licenseId: $l, input: { datacenterId: "${uuid()}", quantity: 2 }) { id }
      c: addLicenseUserAssignment(licenseId: $l, input: { userId: "${uuid()}" }) { id }
      d: addLicenseSiteAssignment(licenseId: $l, input: { organizationId: "${uuid()}" }) { id }
    }`, { l: license });
    expect(await readLicense(t.api, { id: license, quantity: 4 }, SUMMARY)).toEqual({ assignmentSummary: {
      licenseId: license, hasOrganizationAssignment: false, hasComputerAssignment: true, hasUserAssignment: true, hasSiteAssignment: true,
      hasDatacenterAssignment: true, assignedQuantity: 5, unassignedQuantity: 0, invalidAssignments: 1,
    } });
    expect((await readLicense(t.api, { id: license, quantity: null }, SUMMARY)).assignmentSummary).toMatchObject({ unassignedQuantity: null, invalidAssignments: 0 });
    expect((await readLicense(t.api, { id: uuid(), quantity: 3 }, SUMMARY)).assignmentSummary).toMatchObject({ hasComputerAssignment: false, assignedQuantity: 0, unassignedQuantity: 3 });
  });

  test('License.assignmentType follows the license assignmentTypeId', async () => {
    expect(await readLicense(t.api, { id: uuid(), assignmentTypeId: ASSIGNMENT_TYPE_IDS[3] }, 'assignmentType { name }')).toEqual({ assignmentType: { name: 'Site' } });
    expect(await readLicense(t.api, { id: uuid(), assignmentTypeId: null }, 'assignmentType { name }')).toEqual({ assignmentType: null });
  });

  test('every entity of this subgraph resolves by its key through _entities', async () => {
    const em = t.subgraph.orm.em.fork();
    const opts = { filters: false } as const;
    const computer = (await em.findOne(ComputerAssignment, { licenseId: DEMO.licenses[0], computerId: DEMO.devices[1] }, opts))!;
    expect(await readEntity(t.api, 'ComputerAssignment', computer.id, 'computerId quantity virtualMachines'))
      .toEqual({ computerId: DEMO.devices[1], quantity: 2, virtualMachines: [DEMO.devices[6], DEMO.devices[7]] });
    const datacenter = (await em.findOne(DatacenterAssignment, { licenseId: DEMO.licenses[2] }, opts))!;
    expect(await readEntity(t.api, 'DatacenterAssignment', datacenter.id, 'datacenterId quantity')).toEqual({ datacenterId: DEMO.datacenters[0], quantity: 4 });
    const organization = (await em.findOne(OrganizationAssignment, { licenseId: DEMO.licenses[3], organizationId: DEMO.organizations[2] }, opts))!;
    expect(await readEntity(t.api, 'OrganizationAssignment', organization.id, 'organizationId isAutoAllocated')).toEqual({ organizationId: DEMO.organizations[2], isAutoAllocated: true });
    const site = (await em.findOne(SiteAssignment, { licenseId: DEMO.licenses[4] }, opts))!;
    expect(await readEntity(t.api, 'SiteAssignment', site.id, 'organizationId license { id }')).toEqual({ organizationId: DEMO.organizations[0], license: { id: DEMO.licenses[4] } });
    const user = (await em.findOne(UserAssignment, { licenseId: DEMO.licenses[6], userId: DEMO.users[2][0] }, opts))!;
    expect(await readEntity(t.api, 'UserAssignment', user.id, 'userId user { id }')).toEqual({ userId: DEMO.users[2][0], user: { id: DEMO.users[2][0] } });
    expect(await readEntity(t.api, 'AssignmentType', ASSIGNMENT_TYPE_IDS[2], 'assignmentType name')).toEqual({ assignmentType: 2, name: 'User' });
    expect(await readEntity(t.api, 'Organization', DEMO.organizations[0], 'siteAssignments { totalCount } organizationAssignments { totalCount }'))
      .toEqual({ siteAssignments: { totalCount: 1 }, organizationAssignments: { totalCount: 1 } });
    expect(await readLicense(t.api, { id: DEMO.licenses[1], quantity: 3 }, 'computerAssignments { totalCount }')).toEqual({ computerAssignments: { totalCount: 4 } });
  });

  test("another account's assignments are neither visible nor in the way", async () => {
    const [license, computer] = [uuid(), uuid()];
    const em = t.subgraph.orm.em.fork();
    em.persist(Object.assign(new ComputerAssignment(), { accountId: uuid(), licenseId: license, computerId: computer, quantity: 9 }));
    await em.flush();
    expect(await readLicense(t.api, { id: license, quantity: 1 }, 'computerAssignments { totalCount } assignmentSummary { assignedQuantity }'))
      .toEqual({ computerAssignments: { totalCount: 0 }, assignmentSummary: { assignedQuantity: 0 } });
    await t.api.ok(`mutation($l: ID!, $c: ID!) { addLicenseComputerAssignment(licenseId: $l, input: { computerId: $c }) { id } }`, { l: license, c: computer });
    expect(await readLicense(t.api, { id: license, quantity: 1 }, 'computerAssignments { edges { node { quantity invalidAssignmentReasons } } }'))
      .toEqual({ computerAssignments: { edges: [{ node: { quantity: 1, invalidAssignmentReasons: [] } }] } });
  });

  test('lists of many licenses take the same number of SQL statements as of one', async () => {
    const statements = async (licenseIds: string[]) => {
      const logger = t.subgraph.orm.config.getLogger();
      const spy = jest.spyOn(logger, 'logQuery').mockImplementation(() => undefined);
      try {
        await t.api.ok(`query($r: [_Any!]!) { _entities(representations: $r) { ... on License {
          computerAssignments { totalCount edges { node { invalidAssignmentReasons } } } userAssignments { totalCount }
          bigOnes: computerAssignments(filter: "quantity -ge 1") { totalCount } ${SUMMARY} } } }`,
        { r: licenseIds.map((id) => ({ __typename: 'License', id, quantity: 2, applicationId: null, hasVmUseRights: null, numberOfSupportedVirtualMachines: null })) });
        return spy.mock.calls.length;
      } finally {
        spy.mockRestore();
      }
    };
    // one per list: computers, users, filtered computers, and datacenters, organizations, sites for the summary
    expect(await statements([DEMO.licenses[0]])).toBe(6);
    expect(await statements(DEMO.licenses.slice(0, 8))).toBe(6);
  });
});
