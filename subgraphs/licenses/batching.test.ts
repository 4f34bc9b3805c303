import { startTestSubgraph, type TestSubgraph } from '../../test/testkit/subgraph';

/**
 * Per-parent lists go through request-scoped loaders: listing many organizations with their
 * users and (filtered) licenses, or products with their policies, takes as many SQL statements
 * as listing one.
 */
let t: TestSubgraph;
// no relay or workers: their background queries would be counted with the request's
beforeAll(async () => { t = await startTestSubgraph('licenses', 'sqlite', { background: false }); });
afterAll(async () => { await t?.stop(); });

const QUERY = `{
  organizations { totalCount edges { node { name users { totalCount } licenses(filter: "status -eq \\"active\\"") { totalCount edges { node { key } } } } } }
  products { edges { node { policies { totalCount } } } }
}`;

async function statementsOf(query: string): Promise<number> {
  const spy = jest.spyOn(t.subgraph.orm.config.getLogger(), 'logQuery').mockImplementation(() => undefined);
  try {
    await t.api.ok(query);
    return spy.mock.calls.length;
  } finally {
    spy.mockRestore();
  }
}

async function addOrganizationWithLicense(n: number): Promise<void> {
  const { createOrganization } = await t.api.ok(`mutation($n: String!) { createOrganization(input: { name: $n }) { id } }`, { n: `Org ${n}` });
  await t.api.ok(`mutation($o: ID!, $e: String!) { createUser(input: { organizationId: $o, email: $e }) { id } }`, { o: createOrganization.id, e: `u${n}@example.com` });
  const { createProduct } = await t.api.ok(`mutation($n: String!) { createProduct(input: { name: $n }) { id } }`, { n: `Product ${n}` });
  const { createPolicy } = await t.api.ok(`mutation($p: ID!) { createPolicy(input: { productId: $p, name: "P" }) { id } }`, { p: createProduct.id });
  await t.api.ok(`mutation($p: ID!, $o: ID!) { createLicense(input: { policyId: $p, organizationId: $o }) { id } }`, { p: createPolicy.id, o: createOrganization.id });
}

test('the number of SQL statements does not grow with the number of organizations and products', async () => {
  await addOrganizationWithLicense(1);
  const one = await statementsOf(QUERY);
  for (const n of [2, 3, 4]) await addOrganizationWithLicense(n);
  const { organizations } = await t.api.ok(QUERY);
  expect(organizations.edges.map((e: { node: { users: { totalCount: number }; licenses: { totalCount: number } } }) => [e.node.users.totalCount, e.node.licenses.totalCount]))
    .toEqual([[1, 1], [1, 1], [1, 1], [1, 1]]);
  expect(await statementsOf(QUERY)).toBe(one);
});
