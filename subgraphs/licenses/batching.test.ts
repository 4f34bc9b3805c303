import { startTestSubgraph, type TestSubgraph } from '../../test/testkit/subgraph';

/**
 * Per-parent lists go through request-scoped loaders: listing many organizations with their
 * users and (filtered) licenses, or products with their policies, takes as many SQL statements
 * as listing one; a bulk update reads the field rules once for all its licenses.
 */
let t: TestSubgraph;
// no relay or workers: their background queries would be counted with the request's
beforeAll(async () => { t = await startTestSubgraph('licenses', 'sqlite', { background: false }); });
afterAll(async () => { await t?.stop(); });

const QUERY = `{
  organizations { totalCount edges { node { name users { totalCount } licenses(filter: "status -eq \\"active\\"") { totalCount edges { node { key } } } } } }
  products { edges { node { policies { totalCount } } } }
}`;

/** The SQL statements a request runs (the text of each). */
async function statementsOf(query: string, variables?: Record<string, unknown>): Promise<string[]> {
  const spy = jest.spyOn(t.subgraph.orm.config.getLogger(), 'logQuery').mockImplementation(() => undefined);
  try {
    await t.api.ok(query, variables);
    return spy.mock.calls.map(([context]) => context.query ?? '');
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
  const one = (await statementsOf(QUERY)).length;
  for (const n of [2, 3, 4]) await addOrganizationWithLicense(n);
  const { organizations } = await t.api.ok(QUERY);
  expect(organizations.edges.map((e: { node: { users: { totalCount: number }; licenses: { totalCount: number } } }) => [e.node.users.totalCount, e.node.licenses.totalCount]))
    .toEqual([[1, 1], [1, 1], [1, 1], [1, 1]]);
  expect(await statementsOf(QUERY)).toHaveLength(one);
});

test('a bulk update reads the field policies once, whatever the number of licenses', async () => {
  await t.api.ok(`mutation { createLicenseFieldPolicy(input: { name: "Rules", fields: [{ name: "Vendor", isEditingAllowed: true }] }) { id } }`);
  const BULK = `mutation { bulkUpdateLicenses(scope: ALL, body: { vendor: "Bulk" }) { successCount failedCount } }`;
  const { bulkUpdateLicenses } = await t.api.ok(BULK);
  expect(bulkUpdateLicenses).toEqual({ successCount: 4, failedCount: 0 });
  const rulesRead = (await statementsOf(BULK)).filter((sql) => /^select .* from .licenses_field_policy_field./i.test(sql));
  expect(rulesRead).toHaveLength(1);
});
