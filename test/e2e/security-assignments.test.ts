/**
 * Security of the assignments subgraph, through the real gateway and straight to the subgraph:
 * authentication (no, tampered, expired or unsigned tokens), the router secret, the scopes
 * `assignment:read` / `assignment:write` of its queries, mutations and contributed fields, and
 * tenant isolation (account A cannot read or change account B's assignments by any path).
 */
import { randomUUID } from 'node:crypto';
import { seed, ASSIGNMENT_TYPE_IDS } from '../../scripts/seed/assignments';
import { routerHeaders, testToken } from '../testkit/auth';
import { DATABASE_KINDS } from '../testkit/databases';
import { client, type TestClient } from '../testkit/graphql';
import { outboxEvents } from '../testkit/outbox';
import { describeAuthentication } from '../testkit/security';
import { startTestStack, type TestStack } from '../testkit/stack';
import { newLicense, newUser } from './licenses-fixtures';

const TYPES = '{ assignmentTypes { totalCount } }';
const ADD = `mutation($l: ID!, $c: ID!) { addLicenseComputerAssignment(licenseId: $l, input: { computerId: $c, quantity: 2 }) { id licenseId computerId quantity } }`;
const COUNTS = `query($id: ID!) { license(id: $id) { computerAssignments { totalCount edges { node { computerId quantity } } } } }`;
/** An `_entities` query selecting `fields` on each type named. */
const entities = (fields: Record<string, string>) => `query($r: [_Any!]!) { _entities(representations: $r) { __typename ${
  Object.entries(fields).map(([type, selection]) => `... on ${type} { ${selection} }`).join(' ')} } }`;

describe.each(DATABASE_KINDS)('assignments security on %s', (kind) => {
  let t: TestStack;
  /** Account B (the admin test account) owns these rows; account A is another tenant. */
  const b = { license: '', key: '', organization: '', user: '', computer: randomUUID(), assignment: '' };
  const accountA = randomUUID();
  let a: TestClient;
  let aDirect: TestClient;
  const direct = (headers: Record<string, string>) => client(t.stack.subgraphs.assignments.url, headers);
  const bearer = async (scopes: string[]) => ({ authorization: `Bearer ${await testToken({ scopes })}` });
  /** A client of the subgraph itself, with the router secret and a token of these scopes. */
  const directWith = async (scopes: string[]) => direct(await routerHeaders(await testToken({ scopes })));

  beforeAll(async () => {
    t = await startTestStack(kind);
    await seed(t.stack.subgraphs.assignments.orm.em.fork()); // B's assignment types
    ({ id: b.license, key: b.key } = await newLicense(t, {}, { quantity: 5 }));
    ({ userId: b.user, organizationId: b.organization } = await newUser(t, 'b@example.com'));
    b.assignment = (await t.gateway.ok(ADD, { l: b.license, c: b.computer })).addLicenseComputerAssignment.id;
    await t.gateway.ok(`mutation($l: ID!, $o: ID!, $u: ID!) {
      addLicenseOrganizationAssignment(licenseId: $l, input: { organizationId: $o }) { id }
      addLicenseUserAssignment(licenseId: $l, input: { userId: $u }) { id }
      addLicenseSiteAssignment(licenseId: $l, input: { organizationId: $o }) { id }
    }`, { l: b.license, o: b.organization, u: b.user });
    const tokenA = await testToken({ accountId: accountA });
    a = t.gatewayWith({ authorization: `Bearer ${tokenA}` });
    aDirect = direct(await routerHeaders(tokenA));
  });
  afterAll(async () => { await t?.stop(); });

  /** What B sees of its license's computer assignments (admin token). */
  const bComputers = async () => (await t.gateway.ok(COUNTS, { id: b.license })).license.computerAssignments;
  const B_COMPUTERS = () => ({ totalCount: 1, edges: [{ node: { computerId: b.computer, quantity: 2 } }] });
  const bSite = async () => (await t.gateway.ok(`query($id: ID!) { license(id: $id) { siteAssignment { organizationId } } }`, { id: b.license })).license.siteAssignment;

  describeAuthentication({
    stack: () => t,
    subgraph: 'assignments',
    operations: [{ query: TYPES }, { query: ADD, variables: () => ({ l: b.license, c: randomUUID() }) }],
    state: bComputers,
  });

  describe('scopes', () => {
    it('refuses queries and mutations to a token with only other subgraphs\' scopes (FORBIDDEN), changing nothing', async () => {
      const others = ['license:read', 'license:write', 'device:read', 'compliance:read'];
      const eventsBefore = (await outboxEvents(t.stack.subgraphs.assignments.orm)).length;
      for (const api of [t.gatewayWith(await bearer(others)), await directWith(others)]) {
        await api.fails('FORBIDDEN', TYPES);
        await api.fails('FORBIDDEN', `{ assignmentType(id: "${ASSIGNMENT_TYPE_IDS[0]}") { name } }`);
        await api.fails('FORBIDDEN', ADD, { l: b.license, c: randomUUID() });
        await api.fails('FORBIDDEN', `mutation($l: ID!, $c: ID!) { deleteLicenseComputerAssignment(licenseId: $l, computerId: $c) { id } }`, { l: b.license, c: b.computer });
        await api.fails('FORBIDDEN', `mutation($l: ID!) { deleteLicenseSiteAssignment(licenseId: $l) { id } }`, { l: b.license });
      }
      expect(await bComputers()).toEqual(B_COMPUTERS());
      expect(await bSite()).toEqual({ organizationId: b.organization });
      expect((await outboxEvents(t.stack.subgraphs.assignments.orm)).length).toBe(eventsBefore);
    });

    it('refuses a mutation to a token with assignment:read only, and a query to one with assignment:write only', async () => {
      const readOnly = t.gatewayWith(await bearer(['assignment:read']));
      expect((await readOnly.ok(TYPES)).assignmentTypes.totalCount).toBe(5);
      await readOnly.fails('FORBIDDEN', ADD, { l: b.license, c: randomUUID() });
      await t.gatewayWith(await bearer(['assignment:write'])).fails('FORBIDDEN', TYPES);
      expect(await bComputers()).toEqual(B_COMPUTERS());
    });

    it('guards the fields it adds to License: license:read alone reads the key but not the assignments', async () => {
      const licenseReader = t.gatewayWith(await bearer(['license:read']));
      expect((await licenseReader.ok(`query($id: ID!) { license(id: $id) { id } }`, { id: b.license })).license).toEqual({ id: b.license });
      expect((await licenseReader.ok(`query($id: ID!) { license(id: $id) { key } }`, { id: b.license })).license.key).toBe(b.key);
      await licenseReader.fails('FORBIDDEN', `query($id: ID!) { license(id: $id) { computerAssignments { totalCount } } }`, { id: b.license });
      await licenseReader.fails('FORBIDDEN', `query($id: ID!) { license(id: $id) { assignmentSummary { assignedQuantity } } }`, { id: b.license });
      await licenseReader.fails('FORBIDDEN', `query($id: ID!) { organization(id: $id) { organizationAssignments { totalCount } } }`, { id: b.organization });
      await licenseReader.fails('FORBIDDEN', `query($id: ID!) { user(id: $id) { userAssignments { totalCount } } }`, { id: b.user });
      const both = t.gatewayWith(await bearer(['license:read', 'assignment:read']));
      expect((await both.ok(COUNTS, { id: b.license })).license.computerAssignments).toEqual(B_COMPUTERS());
    });

    it('guards this subgraph\'s entities behind _entities too (straight to the subgraph)', async () => {
      const noAssignmentScope = await directWith(['license:read']);
      const r = [{ __typename: 'ComputerAssignment', id: b.assignment }];
      await noAssignmentScope.fails('FORBIDDEN', 'query($r: [_Any!]!) { _entities(representations: $r) { ... on ComputerAssignment { quantity } } }', { r });
      await noAssignmentScope.fails('FORBIDDEN', 'query($r: [_Any!]!) { _entities(representations: $r) { ... on License { computerAssignments { totalCount } } } }',
        { r: [{ __typename: 'License', id: b.license, quantity: 5 }] });
    });
  });

  describe('tenant isolation (account A against account B)', () => {
    it('A finds none of B\'s rows by id, through lists and filters', async () => {
      expect((await t.gateway.ok(TYPES)).assignmentTypes.totalCount).toBe(5);
      expect((await a.ok(TYPES)).assignmentTypes.totalCount).toBe(0);
      expect((await a.ok('{ assignmentTypes(filter: "assignmentType -ge 0") { totalCount edges { node { id } } } }')).assignmentTypes).toEqual({ totalCount: 0, edges: [] });
      expect((await a.ok(`{ assignmentType(id: "${ASSIGNMENT_TYPE_IDS[0]}") { name } }`)).assignmentType).toBeNull();
      expect((await a.ok(COUNTS, { id: b.license })).license).toBeNull();
    });

    it('A reads nothing of B through entity references sent straight to the subgraph', async () => {
      const query = entities({
        License: `computerAssignments { totalCount } filtered: computerAssignments(filter: "quantity -gt 0") { totalCount }
          computerAssignment(computerId: "${b.computer}") { id } organizationAssignments { totalCount } userAssignments { totalCount }
          siteAssignment { id } assignmentSummary { hasComputerAssignment hasSiteAssignment assignedQuantity }`,
        ComputerAssignment: 'id quantity',
        Organization: 'organizationAssignments { totalCount } siteAssignments { totalCount }',
        User: 'userAssignments { totalCount }',
        AssignmentType: 'name',
      });
      const r = [
        { __typename: 'License', id: b.license, quantity: 5, applicationId: null, hasVmUseRights: null, numberOfSupportedVirtualMachines: null },
        { __typename: 'ComputerAssignment', id: b.assignment },
        { __typename: 'Organization', id: b.organization },
        { __typename: 'User', id: b.user },
        { __typename: 'AssignmentType', id: ASSIGNMENT_TYPE_IDS[0] },
      ];
      expect((await aDirect.ok(query, { r }))._entities).toEqual([
        {
          __typename: 'License', computerAssignments: { totalCount: 0 }, filtered: { totalCount: 0 }, computerAssignment: null,
          organizationAssignments: { totalCount: 0 }, userAssignments: { totalCount: 0 }, siteAssignment: null,
          assignmentSummary: { hasComputerAssignment: false, hasSiteAssignment: false, assignedQuantity: 0 },
        },
        null,
        { __typename: 'Organization', organizationAssignments: { totalCount: 0 }, siteAssignments: { totalCount: 0 } },
        { __typename: 'User', userAssignments: { totalCount: 0 } },
        null,
      ]);
      // the same references read by B find B's rows: the emptiness above is the tenant filter
      const bView = (await direct(await routerHeaders()).ok(query, { r }))._entities;
      expect([bView[0].computerAssignments.totalCount, bView[1]?.quantity, bView[2].organizationAssignments.totalCount, bView[3].userAssignments.totalCount, bView[4]?.name])
        .toEqual([1, 2, 1, 1, 'Organization']);
    });

    it('A\'s changes by B\'s ids find nothing (NOT_FOUND) and leave B\'s rows as they were', async () => {
      const vars = { l: b.license, c: b.computer, o: b.organization, u: b.user };
      for (const api of [a, aDirect]) {
        await api.fails('NOT_FOUND', 'mutation($l: ID!, $c: ID!) { replaceLicenseComputerAssignment(licenseId: $l, computerId: $c, input: { computerId: $c, quantity: 9 }) { id } }', vars);
        await api.fails('NOT_FOUND', 'mutation($l: ID!, $c: ID!) { deleteLicenseComputerAssignment(licenseId: $l, computerId: $c) { id } }', vars);
        await api.fails('NOT_FOUND', 'mutation($l: ID!, $o: ID!) { replaceLicenseOrganizationAssignment(licenseId: $l, organizationId: $o, input: { organizationId: $o, quantity: 7 }) { id } }', vars);
        await api.fails('NOT_FOUND', 'mutation($l: ID!, $u: ID!) { deleteLicenseUserAssignment(licenseId: $l, userId: $u) { id } }', vars);
        await api.fails('NOT_FOUND', 'mutation($l: ID!, $o: ID!) { replaceLicenseSiteAssignment(licenseId: $l, input: { organizationId: $o }) { id } }', vars);
        await api.fails('NOT_FOUND', 'mutation($l: ID!) { deleteLicenseSiteAssignment(licenseId: $l) { id } }', vars);
        // the bulk forms see only A's own (none): nothing of B's is deleted or returned
        expect(await api.ok('mutation($l: ID!) { deleteLicenseComputerAssignments(licenseId: $l) { id } deleteLicenseUserAssignments(licenseId: $l) { id } }', vars))
          .toEqual({ deleteLicenseComputerAssignments: [], deleteLicenseUserAssignments: [] });
      }
      expect(await bComputers()).toEqual(B_COMPUTERS());
      const license = (await t.gateway.ok(`query($id: ID!) { license(id: $id) {
        organizationAssignments { edges { node { quantity } } } userAssignments { totalCount } siteAssignment { organizationId } } }`, { id: b.license })).license;
      expect(license).toEqual({ organizationAssignments: { edges: [{ node: { quantity: 1 } }] }, userAssignments: { totalCount: 1 }, siteAssignment: { organizationId: b.organization } });
    });

    it('A\'s assignment on B\'s license id is A\'s own row: B still sees its own count, and no CONFLICT reveals B\'s', async () => {
      const added = (await a.ok(ADD, { l: b.license, c: randomUUID() })).addLicenseComputerAssignment;
      // the same computer as B's: no CONFLICT, which would tell A that B assigned it
      await aDirect.ok(ADD, { l: b.license, c: b.computer });
      await a.ok('mutation($l: ID!, $c: ID!) { replaceLicenseComputerAssignments(licenseId: $l, inputs: [{ computerId: $c }]) { id } }', { l: b.license, c: randomUUID() });
      // a license has one site assignment per account: A's does not collide with B's (no CONFLICT) nor replace it
      await a.ok('mutation($l: ID!, $o: ID!) { addLicenseSiteAssignment(licenseId: $l, input: { organizationId: $o }) { id } }', { l: b.license, o: randomUUID() });
      expect(await bComputers()).toEqual(B_COMPUTERS());
      expect(await bSite()).toEqual({ organizationId: b.organization });
      const seenByA = (await aDirect.ok(entities({ License: 'computerAssignments { totalCount }' }), { r: [{ __typename: 'License', id: b.license }] }))._entities[0];
      expect(seenByA.computerAssignments.totalCount).toBe(1);
      const events = await outboxEvents(t.stack.subgraphs.assignments.orm, { entityId: added.id });
      expect(events.map((e) => e.accountId)).toEqual([accountA, accountA]); // created, then deleted by the replace
    });
  });
});
