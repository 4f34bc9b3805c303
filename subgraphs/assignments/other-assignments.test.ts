import { DATABASE_KINDS } from '../../test/testkit/databases';
import { startTestSubgraph, type TestSubgraph } from '../../test/testkit/subgraph';
import { readEntity, readLicense, uuid } from './testing';

const DATACENTER = 'id licenseId datacenterId quantity virtualMachines invalidAssignmentReasons';
const ORGANIZATION = 'id licenseId organizationId quantity isAutoAllocated applicationId';
const USER = 'id licenseId userId quantity invalidAssignmentReasons';
const SITE = 'id licenseId organizationId quantity';

describe.each(DATABASE_KINDS)('datacenter, organization, user and site assignments on %s', (kind) => {
  let t: TestSubgraph;
  beforeAll(async () => { t = await startTestSubgraph('assignments', kind); });
  afterAll(async () => { await t?.stop(); });

  const mutate = async (field: string, args: string, vars: Record<string, unknown>, fields: string) => {
    const data = await t.api.ok(`mutation(${args}) { ${field}(${callArgs(args)}) { ${fields} } }`, vars);
    return data[field];
  };

  test('datacenter assignments: add, replace one, replace all, delete, CONFLICT and NOT_FOUND', async () => {
    const [license, d1, d2, vm] = [uuid(), uuid(), uuid(), uuid()];
    const added = await mutate('addLicenseDatacenterAssignment', '$licenseId: ID!, $input: DatacenterAssignmentInput!', { licenseId: license, input: { datacenterId: d1, quantity: 3, virtualMachines: [vm] } }, DATACENTER);
    expect(added).toEqual({ id: expect.any(String), licenseId: license, datacenterId: d1, quantity: 3, virtualMachines: [vm], invalidAssignmentReasons: null });
    await t.api.fails('CONFLICT', `mutation($l: ID!, $d: ID!) { addLicenseDatacenterAssignment(licenseId: $l, input: { datacenterId: $d }) { id } }`, { l: license, d: d1 });
    const replaced = await mutate('replaceLicenseDatacenterAssignment', '$licenseId: ID!, $datacenterId: ID!, $input: DatacenterAssignmentInput!', { licenseId: license, datacenterId: d1, input: { datacenterId: d1, quantity: 5 } }, 'id quantity virtualMachines');
    expect(replaced).toEqual({ id: added.id, quantity: 5, virtualMachines: [] });
    const all = await mutate('replaceLicenseDatacenterAssignments', '$licenseId: ID!, $inputs: [DatacenterAssignmentInput!]!', { licenseId: license, inputs: [{ datacenterId: d2, quantity: 2 }, { datacenterId: d1, quantity: 2 }] }, 'datacenterId');
    expect(all).toEqual([{ datacenterId: d2 }, { datacenterId: d1 }]);
    const read = await readLicense(t.api, { id: license, quantity: 3, hasVmUseRights: false, numberOfSupportedVirtualMachines: 0 },
      `datacenterAssignments { totalCount edges { node { datacenterId invalidAssignmentReasons hasVmUseRights numberOfSupportedVirtualMachines } } } datacenterAssignment(datacenterId: "${d2}") { datacenterId }`);
    expect(read).toEqual({
      datacenterAssignments: { totalCount: 2, edges: [
        { node: { datacenterId: d2, invalidAssignmentReasons: [], hasVmUseRights: false, numberOfSupportedVirtualMachines: 0 } },
        { node: { datacenterId: d1, invalidAssignmentReasons: ['OVER_ASSIGNMENT'], hasVmUseRights: false, numberOfSupportedVirtualMachines: 0 } },
      ] },
      datacenterAssignment: { datacenterId: d2 },
    });
    expect(await mutate('deleteLicenseDatacenterAssignment', '$licenseId: ID!, $datacenterId: ID!', { licenseId: license, datacenterId: d2 }, 'datacenterId')).toEqual({ datacenterId: d2 });
    await t.api.fails('NOT_FOUND', `mutation($l: ID!, $d: ID!) { deleteLicenseDatacenterAssignment(licenseId: $l, datacenterId: $d) { id } }`, { l: license, d: d2 });
    expect(await mutate('deleteLicenseDatacenterAssignments', '$licenseId: ID!', { licenseId: license }, 'datacenterId')).toEqual([{ datacenterId: d1 }]);
  });

  test('organization assignments: per license and per organization, with the license application', async () => {
    const [license, o1, o2, app] = [uuid(), uuid(), uuid(), uuid()];
    const added = await mutate('addLicenseOrganizationAssignment', '$licenseId: ID!, $input: OrganizationAssignmentInput!', { licenseId: license, input: { organizationId: o1, quantity: 10 } }, `${ORGANIZATION} organization { id }`);
    expect(added).toEqual({ id: expect.any(String), licenseId: license, organizationId: o1, quantity: 10, isAutoAllocated: false, applicationId: null, organization: { id: o1 } });
    await t.api.fails('CONFLICT', `mutation($l: ID!, $o: ID!) { addLicenseOrganizationAssignment(licenseId: $l, input: { organizationId: $o }) { id } }`, { l: license, o: o1 });
    await mutate('replaceLicenseOrganizationAssignment', '$licenseId: ID!, $organizationId: ID!, $input: OrganizationAssignmentInput!', { licenseId: license, organizationId: o1, input: { organizationId: o2, quantity: 4 } }, 'id');
    const read = await readLicense(t.api, { id: license, applicationId: app },
      `organizationAssignments(filter: "quantity -eq 4") { totalCount edges { node { organizationId applicationId } } } organizationAssignment(organizationId: "${o2}") { quantity }`);
    expect(read).toEqual({ organizationAssignments: { totalCount: 1, edges: [{ node: { organizationId: o2, applicationId: app } }] }, organizationAssignment: { quantity: 4 } });
    expect(await readEntity(t.api, 'Organization', o2, 'organizationAssignments { totalCount edges { node { id licenseId } } }'))
      .toEqual({ organizationAssignments: { totalCount: 1, edges: [{ node: { id: added.id, licenseId: license } }] } });
    expect(await readEntity(t.api, 'Organization', o1, 'organizationAssignments { totalCount }')).toEqual({ organizationAssignments: { totalCount: 0 } });
    const all = await mutate('replaceLicenseOrganizationAssignments', '$licenseId: ID!, $inputs: [OrganizationAssignmentInput!]!', { licenseId: license, inputs: [{ organizationId: o1 }] }, 'organizationId quantity');
    expect(all).toEqual([{ organizationId: o1, quantity: 1 }]);
    expect(await mutate('deleteLicenseOrganizationAssignment', '$licenseId: ID!, $organizationId: ID!', { licenseId: license, organizationId: o1 }, 'organizationId')).toEqual({ organizationId: o1 });
    expect(await mutate('deleteLicenseOrganizationAssignments', '$licenseId: ID!', { licenseId: license }, 'id')).toEqual([]);
  });

  test('user assignments: quantity 1 each, flagged beyond the license quantity, listed per user', async () => {
    const [license, u1, u2, u3] = [uuid(), uuid(), uuid(), uuid()];
    const added = await mutate('addLicenseUserAssignment', '$licenseId: ID!, $input: UserAssignmentInput!', { licenseId: license, input: { userId: u1 } }, `${USER} user { id }`);
    expect(added).toEqual({ id: expect.any(String), licenseId: license, userId: u1, quantity: 1, invalidAssignmentReasons: null, user: { id: u1 } });
    await t.api.fails('CONFLICT', `mutation($l: ID!, $u: ID!) { addLicenseUserAssignment(licenseId: $l, input: { userId: $u }) { id } }`, { l: license, u: u1 });
    await mutate('replaceLicenseUserAssignments', '$licenseId: ID!, $inputs: [UserAssignmentInput!]!', { licenseId: license, inputs: [{ userId: u1 }, { userId: u2 }] }, 'id');
    await mutate('replaceLicenseUserAssignment', '$licenseId: ID!, $userId: ID!, $input: UserAssignmentInput!', { licenseId: license, userId: u2, input: { userId: u3 } }, 'id');
    const read = await readLicense(t.api, { id: license, quantity: 1 }, `userAssignments { totalCount edges { node { userId invalidAssignmentReasons } } } userAssignment(userId: "${u3}") { userId }`);
    expect(read).toEqual({
      userAssignments: { totalCount: 2, edges: [{ node: { userId: u1, invalidAssignmentReasons: [] } }, { node: { userId: u3, invalidAssignmentReasons: ['OVER_ASSIGNMENT'] } }] },
      userAssignment: { userId: u3 },
    });
    expect(await readEntity(t.api, 'User', u3, 'userAssignments { totalCount edges { node { licenseId invalidAssignmentReasons } } }'))
      .toEqual({ userAssignments: { totalCount: 1, edges: [{ node: { licenseId: license, invalidAssignmentReasons: null } }] } });
    expect(await mutate('deleteLicenseUserAssignment', '$licenseId: ID!, $userId: ID!', { licenseId: license, userId: u3 }, 'userId')).toEqual({ userId: u3 });
    expect(await mutate('deleteLicenseUserAssignments', '$licenseId: ID!', { licenseId: license }, 'userId')).toEqual([{ userId: u1 }]);
  });

  test('site assignment: one per license; add, CONFLICT, replace, delete, NOT_FOUND', async () => {
    const [license, o1, o2] = [uuid(), uuid(), uuid()];
    const added = await mutate('addLicenseSiteAssignment', '$licenseId: ID!, $input: SiteAssignmentInput!', { licenseId: license, input: { organizationId: o1 } }, `${SITE} organization { id }`);
    expect(added).toEqual({ id: expect.any(String), licenseId: license, organizationId: o1, quantity: 1, organization: { id: o1 } });
    const conflict = await t.api.fails('CONFLICT', `mutation($l: ID!, $o: ID!) { addLicenseSiteAssignment(licenseId: $l, input: { organizationId: $o }) { id } }`, { l: license, o: o2 });
    expect(conflict.extensions?.argumentPath).toEqual(['licenseId']);
    expect(await mutate('replaceLicenseSiteAssignment', '$licenseId: ID!, $input: SiteAssignmentInput!', { licenseId: license, input: { organizationId: o2 } }, 'id organizationId')).toEqual({ id: added.id, organizationId: o2 });
    expect(await readLicense(t.api, { id: license }, 'siteAssignment { organizationId }')).toEqual({ siteAssignment: { organizationId: o2 } });
    expect(await readEntity(t.api, 'Organization', o2, 'siteAssignments { totalCount edges { node { id } } }')).toEqual({ siteAssignments: { totalCount: 1, edges: [{ node: { id: added.id } }] } });
    expect(await mutate('deleteLicenseSiteAssignment', '$licenseId: ID!', { licenseId: license }, 'id')).toEqual({ id: added.id });
    await t.api.fails('NOT_FOUND', `mutation($l: ID!) { deleteLicenseSiteAssignment(licenseId: $l) { id } }`, { l: license });
    await t.api.fails('NOT_FOUND', `mutation($l: ID!, $o: ID!) { replaceLicenseSiteAssignment(licenseId: $l, input: { organizationId: $o }) { id } }`, { l: license, o: o1 });
    expect(await readLicense(t.api, { id: license }, 'siteAssignment { id }')).toEqual({ siteAssignment: null });
  });
});

/** `$licenseId: ID!, $input: X!` -> `licenseId: $licenseId, input: $input`. */
function callArgs(declarations: string): string {
  return [...declarations.matchAll(/\$(\w+):/g)].map(([, name]) => `${name}: $${name}`).join(', ');
}
