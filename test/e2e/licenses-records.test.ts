/**
 * The asset records of licenses (seed 003) through the real gateway over HTTP, on every database kind: the filter
 * language on `licenses`, pagination, bulk updates with their three scopes, and license field policies (required,
 * combo box and non-editable fields) enforced by create, update, replace and bulk update.
 */
import { randomUUID } from 'node:crypto';
import { DATABASE_KINDS } from '../testkit/databases';
import { startTestStack, type TestStack } from '../testkit/stack';
import { licenseOf, newPolicy, type Input } from './licenses-fixtures';

const LIST = `query($filter: String, $first: Int, $after: String) {
  licenses(filter: $filter, first: $first, after: $after) {
    totalCount edges { cursor node { name } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;
const BULK = `mutation($scope: BulkUpdateScope!, $filter: String, $ids: [ID!], $body: LicenseBulkUpdateInput!) {
  bulkUpdateLicenses(scope: $scope, filter: $filter, ids: $ids, body: $body) { successCount failedCount failed failureReason }
}`;
const CREATE = `mutation($input: LicenseInput!) { createLicense(input: $input) { id } }`;
const FIELD_POLICY = `id name description fields { totalCount edges { node { id name isRequired isComboBox isEditingAllowed listItems } } }`;
const CREATE_FIELD_POLICY = `mutation($input: LicenseFieldPolicyInput!) { createLicenseFieldPolicy(input: $input) { ${FIELD_POLICY} } }`;

/** Seed 003 records: [name, quantity, vendor, purchaseDate, recordStatus]. */
const RECORDS: Array<[string, number, string, string | null, string]> = [
  ['A', 5, 'Microsoft', '2024-03-01T00:00:00.000Z', 'ACTIVE'],
  ['B', 1, 'Microsoft', '2023-06-01T00:00:00.000Z', 'ACTIVE'],
  ['C', 3, 'X', '2024-01-01T00:00:00.000Z', 'ACTIVE'],
  ['D', 2, 'X', '2023-12-31T23:59:59.000Z', 'ARCHIVED'],
  ['E', 10, 'Softline', null, 'ARCHIVED'],
  ['F', 4, 'X', null, 'ACTIVE'],
];

describe.each(DATABASE_KINDS)('license records through the gateway (%s)', (kind) => {
  let t: TestStack;
  beforeAll(async () => { t = await startTestStack(kind); });
  afterAll(async () => { await t?.stop(); });

  const list = async (vars: Input) => (await t.gateway.ok(LIST, vars)).licenses;
  const names = async (filter: string) => (await list({ filter })).edges.map((e: { node: { name: string } }) => e.node.name);
  const bulk = async (vars: Input) => (await t.gateway.ok(BULK, vars)).bulkUpdateLicenses;
  const read = async (id: string, fields: string) => (await t.gateway.ok(`query($id: ID!) { license(id: $id) { ${fields} } }`, { id })).license;

  /** Runs first, on a database holding only RECORDS: the counts are those of the whole account. */
  describe('filter and pagination', () => {
    beforeAll(async () => {
      const { policyId } = await newPolicy(t);
      for (const [name, quantity, vendor, purchaseDate, recordStatus] of RECORDS) {
        await licenseOf(t, policyId, { name, quantity, vendor, purchaseDate, recordStatus, purchaseValue: '1000.50', purchaseCurrency: 'USD' });
      }
    });

    it('filters on the record status, numbers with -and, dates and -contains', async () => {
      expect(await names('status -eq "active"')).toEqual(['A', 'B', 'C', 'F']);
      expect(await names('status -eq "Archived"')).toEqual(['D', 'E']);
      expect(await names('quantity -gt 2 -and vendor -eq "X"')).toEqual(['C', 'F']);
      expect(await names('purchaseDate -ge "2024-01-01T00:00:00Z"')).toEqual(['A', 'C']);
      expect(await names('purchaseDate -lt "2024-01-01T00:00:00Z" -or purchaseDate -eq null')).toEqual(['B', 'D', 'E', 'F']);
      expect(await names('vendor -contains "soft"')).toEqual(['A', 'B', 'E']);
      expect(await names('-not (vendor -eq "X")')).toEqual(['A', 'B', 'E']);
    });

    it('returns the record fields as stored', async () => {
      const { edges } = (await t.gateway.ok(`query { licenses(filter: "name -eq \\"A\\"") {
        edges { node { quantity initialQuantity vendor purchaseDate purchaseValue purchaseCurrency recordStatus archivedDate isIncomplete incompleteReasons } } } }`)).licenses;
      expect(edges[0].node).toEqual({
        quantity: 5, initialQuantity: 5, vendor: 'Microsoft', purchaseDate: '2024-03-01T00:00:00.000Z', purchaseValue: '1000.5',
        purchaseCurrency: 'USD', recordStatus: 'ACTIVE', archivedDate: null, isIncomplete: true, incompleteReasons: ['MissingApplication', 'MissingMetric'],
      });
    });

    it('answers purchaseValue in one canonical form on every database, and refuses more than 4 decimals', async () => {
      const CREATE_VALUE = `mutation($input: LicenseInput!) { createLicense(input: $input) { id purchaseValue } }`;
      const { policyId } = await newPolicy(t);
      for (const [given, canonical] of [['1000.50', '1000.5'], ['12', '12'], ['0.0001', '0.0001'], ['-3.2500', '-3.25']]) {
        const { createLicense } = await t.gateway.ok(CREATE_VALUE, { input: { policyId, purchaseValue: given, recordStatus: 'ARCHIVED' } });
        expect([createLicense.purchaseValue, (await read(createLicense.id, 'purchaseValue')).purchaseValue]).toEqual([canonical, canonical]);
        await t.gateway.ok(`mutation($id: ID!) { deleteLicense(id: $id) { id } }`, { id: createLicense.id });
      }
      const error = await t.gateway.fails('BAD_USER_INPUT', CREATE_VALUE, { input: { policyId, purchaseValue: '1.12345' } });
      expect(error.extensions?.argumentPath).toEqual(['input', 'purchaseValue']);
    });

    it('refuses a malformed filter with BAD_USER_INPUT at the position of the problem', async () => {
      const syntax = await t.gateway.fails('BAD_USER_INPUT', LIST, { filter: 'vendor -eq' });
      expect(syntax.extensions).toMatchObject({ argumentPath: ['filter'], position: 10 });
      const unknown = await t.gateway.fails('BAD_USER_INPUT', LIST, { filter: 'quantity -gt 1 -and nope -eq 1' });
      expect(unknown.extensions).toMatchObject({ argumentPath: ['filter'], position: 20 });
      for (const filter of ['quantity -eq "many"', 'id -eq "abc"', 'status -eq "lost"']) {
        expect((await t.gateway.fails('BAD_USER_INPUT', LIST, { filter })).extensions?.argumentPath).toEqual(['filter']);
      }
    });

    it('pages with first/after, totalCount and hasNextPage', async () => {
      const first = await list({ filter: 'status -eq "active"', first: 3 });
      expect(first.edges.map((e: { node: { name: string } }) => e.node.name)).toEqual(['A', 'B', 'C']);
      expect(first.totalCount).toBe(4);
      expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false, startCursor: first.edges[0].cursor, endCursor: first.edges[2].cursor });
      const second = await list({ filter: 'status -eq "active"', first: 3, after: first.pageInfo.endCursor });
      expect(second.edges.map((e: { node: { name: string } }) => e.node.name)).toEqual(['F']);
      expect(second).toMatchObject({ totalCount: 4, pageInfo: { hasNextPage: false, hasPreviousPage: true } });
      expect((await list({ first: 0 })).edges).toEqual([]);
      expect((await t.gateway.fails('BAD_USER_INPUT', LIST, { after: 'garbage' })).extensions?.argumentPath).toEqual(['after']);
    });
  });

  describe('bulkUpdateLicenses', () => {
    let policyId: string;
    let ids: string[];
    beforeEach(async () => {
      ({ policyId } = await newPolicy(t));
      ids = [];
      for (const [name, quantity, vendor] of RECORDS) ids.push((await licenseOf(t, policyId, { name, quantity, vendor })).id);
    });
    const vendors = () => Promise.all(ids.map(async (id) => (await read(id, 'vendor')).vendor));

    it('ONLY updates the licenses given by ids', async () => {
      expect(await bulk({ scope: 'ONLY', ids: [ids[0], ids[4]], body: { vendor: 'Contoso', notes: 'moved' } }))
        .toEqual({ successCount: 2, failedCount: 0, failed: [], failureReason: null });
      expect(await vendors()).toEqual(['Contoso', 'Microsoft', 'X', 'X', 'Contoso', 'X']);
      expect(await read(ids[0], 'notes')).toEqual({ notes: 'moved' });
    });

    it('ALL updates every license matching the filter, archiving them with an archivedDate', async () => {
      const result = await bulk({ scope: 'ALL', filter: `policyId -eq "${policyId}" -and vendor -eq "X"`, body: { recordStatus: 'ARCHIVED' } });
      expect(result).toEqual({ successCount: 3, failedCount: 0, failed: [], failureReason: null });
      const rows = await Promise.all(ids.map((id) => read(id, 'recordStatus archivedDate')));
      expect(rows.map((r) => r.recordStatus)).toEqual(['ACTIVE', 'ACTIVE', 'ARCHIVED', 'ARCHIVED', 'ACTIVE', 'ARCHIVED']);
      expect(Math.abs(Date.parse(rows[2].archivedDate) - Date.now())).toBeLessThan(15_000);
      expect(rows[0].archivedDate).toBeNull();
    });

    it('ALL_EXCEPT updates every license matching the filter but the ids given', async () => {
      const result = await bulk({ scope: 'ALL_EXCEPT', filter: `policyId -eq "${policyId}"`, ids: [ids[1], ids[2]], body: { vendor: 'Y', suspended: true } });
      expect(result).toEqual({ successCount: 4, failedCount: 0, failed: [], failureReason: null });
      expect(await vendors()).toEqual(['Y', 'Microsoft', 'X', 'Y', 'Y', 'Y']);
      expect((await read(ids[0], 'suspended status'))).toEqual({ suspended: true, status: 'SUSPENDED' });
    });

    it('refuses ONLY without ids, malformed ids and a malformed filter with BAD_USER_INPUT; nothing changes', async () => {
      const path = async (vars: Input) => (await t.gateway.fails('BAD_USER_INPUT', BULK, vars)).extensions?.argumentPath;
      expect(await path({ scope: 'ONLY', body: { vendor: 'Z' } })).toEqual(['ids']);
      expect(await path({ scope: 'ONLY', ids: [ids[0], 'abc'], body: { vendor: 'Z' } })).toEqual(['ids', 1]);
      expect(await path({ scope: 'ALL', filter: 'vendor -eq', body: { vendor: 'Z' } })).toEqual(['filter']);
      expect(await path({ scope: 'ONLY', ids: [ids[0]], body: { applicationId: 'abc' } })).toEqual(['body', 'applicationId']);
      expect(await path({ scope: 'ONLY', ids: [ids[0]], body: { recordStatus: null, vendor: 'Z' } })).toEqual(['body', 'recordStatus']);
      expect(await vendors()).toEqual(['Microsoft', 'Microsoft', 'X', 'X', 'Softline', 'X']);
      expect(await bulk({ scope: 'ONLY', ids: [randomUUID()], body: { vendor: 'Z' } })).toEqual({ successCount: 0, failedCount: 0, failed: [], failureReason: null });
    });
  });

  /** Runs last: a field policy applies to every license of the account until it is deleted. */
  describe('license field policies', () => {
    const POLICY_INPUT = {
      name: 'Finance', description: 'Invoice rules', fields: [
        { name: 'InvoiceReference', description: 'InvoiceReference', isRequired: true },
        { name: 'PurchaseCurrency', isComboBox: true, listItems: ['USD', 'EUR'] },
        { name: 'Vendor', isEditingAllowed: false },
      ],
    };

    it('enforces required, combo-box and non-editable fields, lists the policies, and stops once deleted', async () => {
      const { policyId } = await newPolicy(t);
      const before = await licenseOf(t, policyId, { name: 'before', vendor: 'Acme' });
      const policy = (await t.gateway.ok(CREATE_FIELD_POLICY, { input: POLICY_INPUT })).createLicenseFieldPolicy;
      expect(policy).toMatchObject({ name: 'Finance', description: 'Invoice rules', fields: { totalCount: 3 } });
      expect(policy.fields.edges.map((e: { node: unknown }) => e.node)).toEqual([
        { id: expect.any(String), name: 'InvoiceReference', isRequired: true, isComboBox: false, isEditingAllowed: true, listItems: [] },
        { id: expect.any(String), name: 'PurchaseCurrency', isRequired: false, isComboBox: true, isEditingAllowed: true, listItems: ['USD', 'EUR'] },
        { id: expect.any(String), name: 'Vendor', isRequired: false, isComboBox: false, isEditingAllowed: false, listItems: [] },
      ]);
      const refused = async (query: string, vars: Input) => (await t.gateway.fails('BAD_USER_INPUT', query, vars)).extensions?.argumentPath;
      expect(await refused(CREATE, { input: { policyId, name: 'no invoice' } })).toEqual(['input', 'invoiceReference']);
      expect(await refused(CREATE, { input: { policyId, invoiceReference: 'INV-1', purchaseCurrency: 'GBP' } })).toEqual(['input', 'purchaseCurrency']);
      const ok = await licenseOf(t, policyId, { invoiceReference: 'INV-1', purchaseCurrency: 'EUR', vendor: 'Acme' });
      const fresh = await licenseOf(t, policyId, { invoiceReference: 'INV-2' });
      const UPDATE = `mutation($id: ID!, $input: LicenseInput!) { updateLicense(id: $id, input: $input) { vendor } }`;
      expect(await refused(UPDATE, { id: ok.id, input: { vendor: 'Other' } })).toEqual(['input', 'vendor']);
      expect((await t.gateway.ok(UPDATE, { id: fresh.id, input: { vendor: 'First' } })).updateLicense).toEqual({ vendor: 'First' });
      const REPLACE = `mutation($id: ID!, $input: LicenseInput!) { replaceLicense(id: $id, input: $input) { id } }`;
      expect(await refused(REPLACE, { id: ok.id, input: { vendor: 'Acme' } })).toEqual(['input', 'invoiceReference']);
      const third = await licenseOf(t, policyId, { invoiceReference: 'INV-3' });
      expect(await bulk({ scope: 'ONLY', ids: [before.id, ok.id, third.id], body: { vendor: 'Bulk' } })).toEqual({
        successCount: 1, failedCount: 2, failed: [before.id, ok.id], failureReason: 'vendor cannot be edited under the license policy',
      });
      expect(await Promise.all([before, ok, third].map(async ({ id }) => (await read(id, 'vendor')).vendor))).toEqual(['Acme', 'Acme', 'Bulk']);

      const LIST_POLICIES = `query($filter: String) { licenseFieldPolicies(filter: $filter) { totalCount edges { node { id name } } } }`;
      expect((await t.gateway.ok(LIST_POLICIES)).licenseFieldPolicies).toEqual({ totalCount: 1, edges: [{ node: { id: policy.id, name: 'Finance' } }] });
      expect((await t.gateway.ok(LIST_POLICIES, { filter: 'name -eq "Other"' })).licenseFieldPolicies.totalCount).toBe(0);
      const vendorRule = policy.fields.edges[2].node;
      const DETAIL = `query($p: ID!, $f: ID!) { licenseFieldPolicy(policyId: $p) { id name fields(filter: "isRequired -eq true") { totalCount } field(fieldId: $f) { id name isEditingAllowed } } }`;
      expect((await t.gateway.ok(DETAIL, { p: policy.id, f: vendorRule.id })).licenseFieldPolicy).toEqual({
        id: policy.id, name: 'Finance', fields: { totalCount: 1 }, field: { id: vendorRule.id, name: 'Vendor', isEditingAllowed: false },
      });
      expect((await t.gateway.ok(DETAIL, { p: policy.id, f: randomUUID() })).licenseFieldPolicy.field).toBeNull();
      expect((await t.gateway.ok(DETAIL, { p: policy.id, f: 'abc' })).licenseFieldPolicy.field).toBeNull();
      for (const p of [randomUUID(), 'abc']) expect((await t.gateway.ok(DETAIL, { p, f: vendorRule.id })).licenseFieldPolicy).toBeNull();

      await t.gateway.ok(`mutation($id: ID!) { deleteLicenseFieldPolicy(policyId: $id) { id } }`, { id: policy.id });
      expect((await t.gateway.ok(LIST_POLICIES)).licenseFieldPolicies.totalCount).toBe(0);
      await licenseOf(t, policyId, { name: 'free again' });
    });

    it('refuses a rule on an unknown field, twice the same field, or a combo box without items', async () => {
      const path = async (fields: Input[]) =>
        (await t.gateway.fails('BAD_USER_INPUT', CREATE_FIELD_POLICY, { input: { name: 'Bad', fields } })).extensions?.argumentPath;
      expect(await path([{ name: 'Vendor' }, { name: 'Colour' }])).toEqual(['input', 'fields', 1, 'name']);
      expect(await path([{ name: 'Vendor' }, { name: 'vendor' }])).toEqual(['input', 'fields', 1, 'name']);
      expect(await path([{ name: 'Sku', isComboBox: true }])).toEqual(['input', 'fields', 0, 'listItems']);
      const DELETE = `mutation($id: ID!) { deleteLicenseFieldPolicy(policyId: $id) { id } }`;
      await t.gateway.fails('NOT_FOUND', DELETE, { id: randomUUID() });
      // a malformed ID never reaches the database: the same NOT_FOUND on SQLite and PostgreSQL
      expect(await t.gateway.fails('NOT_FOUND', DELETE, { id: 'abc' })).toMatchObject({
        message: 'LicenseFieldPolicy "abc" was not found', extensions: { code: 'NOT_FOUND', entity: 'LicenseFieldPolicy', id: 'abc' },
      });
    });
  });
});
